"""conflictlog evaluate: the job end to end, and our scorer against the workplace's reference scorer.

The reference (../shared/eval/score_extraction.py) is run as a subprocess on the same records;
every count must be equal and every score agree to 1e-9. Without ../shared those tests skip.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conflictlog.cli import main
from conflictlog.config import Settings
from conflictlog.errors import InputError
from conflictlog.evaluate import METRICS, evaluate, group_records, read_gold, score_documents, write_inputs

DATA = Path(__file__).parent / "data" / "eval"
MINI_GOLD = DATA / "mini_gold.jsonl"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
REFERENCE = SHARED_EVAL / "score_extraction.py"
DEV_SETS = ("muc4_dev", "gvdb_dev", "case2021_dev")
# Every word the certainty reading knows, plus values it must read as no certainty.
STANCE_WORDS = (None, "", "denied", "reported", "report", "reports", "asserted", "assert", "stated", "confirmed",
                "fact", "claimed", "claim", "claims", "admitted", "admit", "suspected", "suspect", "accused",
                "alleged", "allegedly", "blamed", "possible", "possibly", "unconfirmed", "unverified",
                "Officially Reported")
needs_reference = pytest.mark.skipif(not REFERENCE.is_file(), reason="../shared/eval (the reference scorer) is absent")


# -- the reference scorer -------------------------------------------------------------------------


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> Path:
    """Write ``rows`` one JSON object per line."""
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def reference_metrics(golds: list[dict[str, Any]], records: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    """What the reference scorer says about ``records``."""
    gold_file, records_file, out = write_jsonl(golds, tmp / "gold.jsonl"), write_jsonl(records, tmp / "rec.jsonl"), tmp / "ref.json"
    subprocess.run([sys.executable, str(REFERENCE), str(gold_file), str(records_file), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text())["metrics"]


def exact_scores(reference: dict[str, Any]) -> dict[str, float]:
    """The reference rounds to 4 decimals: recompute its scores from its counts."""
    if "n" in reference:
        return {"accuracy": reference["correct"] / reference["n"]}
    p = reference["tp_pred"] / (reference["tp_pred"] + reference["fp"]) if reference["tp_pred"] + reference["fp"] else 0.0
    r = reference["tp_gold"] / (reference["tp_gold"] + reference["fn"]) if reference["tp_gold"] + reference["fn"] else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def assert_same_as_reference(golds: list[dict[str, Any]], records: list[dict[str, Any]], tmp: Path) -> None:
    """Our scores of ``records`` equal the reference's: counts exactly, scores to 1e-9."""
    reference = reference_metrics(golds, records, tmp)
    ours = score_documents(golds, group_records(records))
    assert set(reference) == set(METRICS)
    for metric, theirs in reference.items():
        mine = ours[metric]
        assert (mine is None) == (theirs is None), metric
        if theirs is None:
            continue
        mine_dict = mine.as_dict()
        for key, value in theirs.items():
            assert mine_dict[key] == pytest.approx(value, abs=5e-5), (metric, key)
        for key, value in exact_scores(theirs).items():
            assert abs(mine_dict[key] - value) <= 1e-9, (metric, key)


# -- records made from the gold answers with random errors: every metric, no pipeline -------------


def noisy_records(document: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """0-3 records for a gold document, each field copied from one of its incidents or made wrong."""
    incidents = (document.get("gold") or {}).get("incidents") or [{}]
    return [noisy_record(document["id"], rng.choice(incidents), rng) for _ in range(rng.choice((0, 1, 1, 2, 3)))]


def noisy_record(document_id: str, incident: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One record loosely following ``incident``."""
    def pick(right: Any, wrong: Any) -> Any:
        return right if rng.random() < 0.6 else wrong

    places = incident.get("places") or ["Nowhere"]
    casualties = [{"kind": kind, "group": rng.choice(("all", "children", "civilians")),
                   "min": pick(incident.get(field), rng.randint(0, 9)), "max": None}
                  for kind, field in (("killed", "killed"), ("injured", "injured"), ("killed", "children_killed"),
                                      ("injured", "children_injured")) if rng.random() < 0.7]
    perpetrators = incident.get("perpetrators") or ["the army"]
    actors = [{"role": rng.choice(("initiator", "initiator", "target")),
               "text": pick(rng.choice(perpetrators), "unknown gunmen"), "name": pick(None, rng.choice(perpetrators)),
               "attribution": rng.choice(STANCE_WORDS)}]
    return {"document_id": document_id, "event_type": pick(incident.get("event_type"), "Battles"),
            "sub_event_type": pick(incident.get("sub_event_type"), "Armed clash"),
            "date": pick(incident.get("date"), "2020-02-02"), "location": noisy_location(incident, places, rng),
            "actors": actors, "casualties": casualties,
            "attribution": {"stance": rng.choice(STANCE_WORDS)}}


def noisy_location(incident: dict[str, Any], places: list[str], rng: random.Random) -> dict[str, Any]:
    """A location named like one of the places, or not; its point up to about 45 km off the gold one."""
    name = rng.choice(places) if rng.random() < 0.5 else rng.choice(("Springfield, Somewhere", "", None))
    if incident.get("lat") is None or incident.get("lon") is None:
        return {"name": name}
    return {"name": name, "lat": incident["lat"] + rng.uniform(-0.4, 0.4), "lon": incident["lon"]}


@needs_reference
@pytest.mark.parametrize("dev_set", [*DEV_SETS, "gva_fusion_dev"])
def test_scores_agree_with_reference_on_noisy_records(dev_set: str, tmp_path: Path) -> None:
    golds = read_gold(SHARED_EVAL / "data" / f"{dev_set}.jsonl", limit=300)
    rng = random.Random(dev_set)
    records = [rec for document in golds for rec in noisy_records(document, rng)]
    assert_same_as_reference(golds, records, tmp_path)


def test_scores_agree_with_reference_on_hand_made_records(tmp_path: Path) -> None:
    if not REFERENCE.is_file():
        pytest.skip("../shared/eval (the reference scorer) is absent")
    golds = read_gold(MINI_GOLD)
    rng = random.Random(7)
    assert_same_as_reference(golds, [rec for doc in golds for rec in noisy_records(doc, rng)], tmp_path)


# -- the pipeline's own records --------------------------------------------------------------------


@pytest.fixture(scope="module")
def mini_report():
    """The pipeline evaluated on the hand-written mini gold file."""
    return evaluate(MINI_GOLD, Settings(db="never-created.sqlite"))


@needs_reference
@pytest.mark.slow
@pytest.mark.parametrize("dev_set, size", [("muc4_dev", 40), ("gvdb_dev", 25), ("case2021_dev", 60)])
def test_scores_agree_with_reference_on_pipeline_records(dev_set: str, size: int, tmp_path: Path) -> None:
    gold_path = SHARED_EVAL / "data" / f"{dev_set}.jsonl"
    report = evaluate(gold_path, Settings(), limit=size)
    assert_same_as_reference(read_gold(gold_path, limit=size), report.records_exported, tmp_path)


def test_evaluate_scores_what_it_exported(mini_report, tmp_path: Path, monkeypatch) -> None:
    golds = read_gold(MINI_GOLD)
    assert (mini_report.documents, mini_report.records) == (4, len(mini_report.records_exported))
    assert {rec["document_id"] for rec in mini_report.records_exported} <= {doc["id"] for doc in golds}
    assert score_documents(golds, group_records(mini_report.records_exported)) == mini_report.scores
    relevance = mini_report.scores["relevance"]
    assert relevance.tp_gold + relevance.fn == 3 and relevance.tp_pred + relevance.fp >= 1


def test_evaluate_leaves_the_configured_database_alone(mini_report) -> None:
    assert not Path("never-created.sqlite").exists()


def test_evaluate_limit_takes_the_first_documents() -> None:
    report = evaluate(MINI_GOLD, Settings(), limit=2)
    assert report.documents == 2
    assert {rec["document_id"] for rec in report.records_exported} <= {"MINI-1", "MINI-2"}


def test_report_text_ends_with_the_score_line(mini_report) -> None:
    lines = mini_report.text().splitlines()
    assert lines[-1].startswith("score: relevance=")
    assert len(lines) == 3 + len(METRICS)
    assert any(line.startswith("perpetrator") for line in lines)


def test_cli_evaluate_prints_scores_and_writes_json(tmp_path: Path, capsys) -> None:
    out = tmp_path / "scores.json"
    assert main(["evaluate", str(MINI_GOLD), "--only-first", "3", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    saved = json.loads(out.read_text())
    assert saved["documents"] == 3 and set(saved["metrics"]) == set(METRICS)
    assert printed.rstrip().endswith(" ".join(f"{m}={v:.4f}" for m, v in saved["score"].items()))


def test_cli_evaluate_refuses_an_unreadable_gold_file(tmp_path: Path) -> None:
    assert main(["evaluate", str(tmp_path / "missing.jsonl")]) == InputError.exit_code


# -- gold files --------------------------------------------------------------------------------------


def test_read_gold_rejects_bad_lines(tmp_path: Path) -> None:
    bad_json, no_id = tmp_path / "bad.jsonl", tmp_path / "noid.jsonl"
    bad_json.write_text('{"id": "a"}\n{oops\n')
    no_id.write_text('{"text": "x"}\n')
    with pytest.raises(InputError, match="line 2"):
        read_gold(bad_json)
    with pytest.raises(InputError, match="'id'"):
        read_gold(no_id)


def test_inputs_carry_no_answers(tmp_path: Path) -> None:
    golds = read_gold(MINI_GOLD)
    assert write_inputs(golds, tmp_path / "in.jsonl") == 4
    rows = [json.loads(line) for line in (tmp_path / "in.jsonl").read_text().splitlines()]
    assert all("gold" not in row for row in rows)
    assert [row["id"] for row in rows] == [doc["id"] for doc in golds]
    assert rows[2]["url"] == golds[2]["url"]
