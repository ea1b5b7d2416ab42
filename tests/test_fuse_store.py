"""Incremental fusion, full re-fuse and ``why`` against the store, on SQLite and PostgreSQL (FICTIONAL reports)."""

from __future__ import annotations

import pytest

from conflictlog.errors import ConfigError
from conflictlog.fuse.local import fuse_document
from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Document, DocumentResult, Event, GeoPrecision, IncidentStatus, Location,
    Span, VictimGroup, content_hash,
)
from conflictlog.run.fusion import catch_up, fuse_stored, refuse_database
from conflictlog.run.why import explain
from conflictlog.store import Repository

TOWN = Location(text="Kramatorsk", name="Kramatorsk", country_code="UA", lat=48.72, lon=37.56,
                precision=GeoPrecision.TOWN)
STORY = ("Artillery shells struck apartment blocks on Shkilna Street in Kramatorsk on Wednesday, "
         "governor Pavlo Maren said. Rescuers from the Donetska brigade searched the rubble near Sloviansk Road.")
WIRE = ("A drone strike hit a bus stop on Perekopska Street in Kherson on Monday morning, the regional "
        "military administration said. Rescue workers searched the area for more victims while residents "
        "described hearing the drone minutes before the blast.")


def result(document_id: str, text: str, published: str, killed: int, source: str | None = None) -> DocumentResult:
    document = Document(document_id=document_id, text=text, content_hash=content_hash(text), published=published,
                        url=f"https://{document_id}.example/story", source="fictional")
    events = [Event(id=f"{document_id}-e1", document_id=document_id, event_type="Explosions/Remote violence",
                    sub_event_type=None, date="2023-03-01", date_precision=None, location=TOWN, actors=[],
                    casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, killed, killed)],
                    attribution=Attribution(source=source), disputed_by=[], evidence=[Span("x", 0, 1)])]
    return DocumentResult(document, events, fuse_document(document, events))


def ingest_all(repo: Repository, results: list[DocumentResult]) -> None:
    for item in results:
        repo.save_result(item)
        fuse_stored(repo, item)


def groups(repo: Repository) -> list[list[str]]:
    return sorted(sorted({s.document_id for s in incident.sources}) for incident in repo.iter_incidents())


def reports() -> list[DocumentResult]:
    return [result("ledger", STORY + " Two were killed.", "2023-03-01", 2),
            result("courier", STORY + " The toll rose to four.", "2023-03-02", 4, source="City council"),
            result("post", STORY + " Five people died.", "2023-03-03", 5, source="Prosecutor"),
            result("other", WIRE, "2023-03-01", 3)]


def test_a_new_report_joins_the_stored_incident(repo: Repository) -> None:
    ingest_all(repo, reports())
    assert groups(repo) == [["courier", "ledger", "post"], ["other"]]
    fused = next(i for i in repo.iter_incidents() if len(i.sources) == 3)
    assert fused.status == IncidentStatus.CORROBORATED
    assert [(c.min, c.best, c.max) for c in fused.casualties] == [(5, 5, 5)]
    assert [h.document_id for h in fused.history] == ["ledger", "courier", "post"]
    assert {e.incident_id for e in repo.iter_events() if e.document_id != "other"} == {fused.id}


def test_full_refuse_gives_the_incremental_groups_whatever_the_ingest_order(repo: Repository) -> None:
    ingest_all(repo, list(reversed(reports())))
    incremental = groups(repo)
    assert refuse_database(repo) == (2, 4)
    assert groups(repo) == incremental == [["courier", "ledger", "post"], ["other"]]


def test_a_copy_is_linked_to_its_original_even_when_stored_first(repo: Repository) -> None:
    copy = result("reprint", WIRE + " Copyright Valley Tribune.", "2023-03-02", 3)
    ingest_all(repo, [copy, result("wire", WIRE, "2023-03-01", 3)])
    assert repo.originals() == {"reprint": "wire"}
    (incident,) = repo.iter_incidents()
    assert incident.status == IncidentStatus.SINGLE_SOURCE
    decisions = {d.document_id: d for _, d in repo.incident_members(incident.id)}
    assert decisions["reprint"].copy_of == "wire"


def test_why_lists_members_reasons_and_figure_claims(repo: Repository) -> None:
    ingest_all(repo, reports())
    fused = next(i for i in repo.iter_incidents() if len(i.sources) == 3)
    explanation = explain(repo, fused.id)
    assert sorted(d.document_id for d in explanation.decisions) == ["courier", "ledger", "post"]
    joined = [d for d in explanation.decisions if d.partner_id]
    assert len(joined) == 2 and all(d.score and d.reasons for d in joined)
    assert sorted((c.document_id, c.min) for c in explanation.claims) == [("courier", 4), ("ledger", 2), ("post", 5)]
    with pytest.raises(ConfigError):
        explain(repo, "inc-none")


def test_a_document_stored_but_not_fused_is_caught_up(repo: Repository) -> None:
    first, second, *_ = reports()
    ingest_all(repo, [first])
    repo.save_result(second)                     # a run cut off before fusing it
    assert repo.unfused_document_ids() == ["courier"]
    assert catch_up(repo) == 1
    assert repo.unfused_document_ids() == []
    assert groups(repo) == [["courier", "ledger"]]
