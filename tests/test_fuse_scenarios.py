"""End to end: the FICTIONAL multi-report scenarios of tests/data/fusion through ingest, fusion and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictlog.cli import main
from conflictlog.models import IncidentStatus
from conflictlog.store import Repository

SCENARIOS = Path(__file__).parent / "data" / "fusion" / "scenarios.jsonl"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict]]:
    folder = tmp_path_factory.mktemp("fusion")
    db, out = str(folder / "db.sqlite"), folder / "incidents.jsonl"
    assert main(["ingest", str(SCENARIOS), "--db", db, "--no-progress"]) == 0
    assert main(["export", "--db", db, "--level", "incidents", "-o", str(out)]) == 0
    return db, [json.loads(line) for line in out.read_text().splitlines()]


def incidents_of(records: list[dict], document_id: str) -> list[dict]:
    return [r for r in records if document_id in {s["document_id"] for s in r["sources"]}]


def documents_with(records: list[dict], document_id: str) -> set[str]:
    return {s["document_id"] for r in incidents_of(records, document_id) for s in r["sources"]}


def test_three_outlets_report_one_shelling_with_rising_figures(exported) -> None:
    _, records = exported
    assert {"shelling-ledger", "shelling-courier", "shelling-post"} <= documents_with(records, "shelling-ledger")
    (incident,) = [r for r in incidents_of(records, "shelling-ledger") if len(r["history"]) == 3]
    assert incident["status"] == IncidentStatus.CORROBORATED
    killed = [max((c["best"] or 0) for c in h["casualties"] if c["kind"] == "killed") for h in incident["history"]]
    assert killed == sorted(killed) and killed[0] < killed[-1]


def test_wire_copies_join_their_original_and_are_linked(exported) -> None:
    db, records = exported
    assert documents_with(records, "wire-original") >= {"wire-copy-gazette", "wire-copy-tribune"}
    with Repository.open(db) as repo:
        assert repo.originals() == {"wire-copy-gazette": "wire-original", "wire-copy-tribune": "wire-original"}


def test_claim_and_denial_make_one_contested_incident(exported) -> None:
    _, records = exported
    (incident,) = incidents_of(records, "claim-ministry")
    assert "denial-other-side" in {s["document_id"] for s in incident["sources"]}
    assert incident["status"] == IncidentStatus.CONTESTED


def test_two_attacks_in_one_town_on_one_day_stay_apart(exported) -> None:
    _, records = exported
    assert "same-day-market" not in documents_with(records, "same-day-bombing")


def test_why_explains_a_fused_incident(exported, capsys) -> None:
    db, records = exported
    (incident,) = incidents_of(records, "claim-ministry")
    assert main(["why", incident["id"], "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {d["document_id"] for d in shown["decisions"]} == {"claim-ministry", "denial-other-side"}
