"""End to end through the ``conflictlog`` command: ingest, list, export, rejected, exit codes."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conflictlog.cli import EXIT_STRICT, main
from conflictlog.report import validate_record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seed") / "db.sqlite"
    assert main(["ingest", str(EXAMPLES), "--db", str(db), "--no-progress"]) == 0
    return db


def export(db, level, fmt, tmp_path):
    out = tmp_path / f"{level}.{fmt}"
    assert main(["export", "--db", str(db), "--level", level, "--format", fmt, "-o", str(out)]) == 0
    return out


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_events_are_schema_valid_with_real_evidence(seed_db, tmp_path):
    events = read_jsonl(export(seed_db, "events", "jsonl", tmp_path))
    assert events, "the seed article must yield events"
    text = (EXAMPLES / "000_b3a087b77f05dc00.txt").read_text(encoding="utf-8")
    body = text.split("\n", 2)[2]  # seed format: header line, blank line, body
    for record in events:
        validate_record(record, "events")
        for span in record["evidence"]:
            assert body[span["start"]:span["end"]] == span["text"]


def test_seed_incidents_are_schema_valid_and_list_their_events(seed_db, tmp_path):
    events = {e["id"]: e for e in read_jsonl(export(seed_db, "events", "jsonl", tmp_path))}
    incidents = read_jsonl(export(seed_db, "incidents", "jsonl", tmp_path))
    assert incidents
    for record in incidents:
        validate_record(record, "incidents")
        assert all(events[eid]["incident_id"] == record["id"] for eid in record["event_ids"])
    assert set(events) == {eid for inc in incidents for eid in inc["event_ids"]}


@pytest.mark.parametrize("level", ["events", "incidents"])
def test_every_export_format_writes_the_stored_records(seed_db, tmp_path, level):
    count = len(read_jsonl(export(seed_db, level, "jsonl", tmp_path)))
    rows = list(csv.DictReader(io.StringIO(export(seed_db, level, "csv", tmp_path).read_text(encoding="utf-8"))))
    assert len(rows) == count and "event_date" in rows[0] and "fatalities" in rows[0]
    features = json.loads(export(seed_db, level, "geojson", tmp_path).read_text(encoding="utf-8"))["features"]
    assert len(features) == count
    import pyarrow.parquet as pq
    assert pq.read_table(export(seed_db, level, "parquet", tmp_path)).num_rows == count


def test_second_ingest_adds_nothing(seed_db, tmp_path, capsys):
    before = stats(seed_db, capsys)
    assert main(["ingest", str(EXAMPLES), "--db", str(seed_db), "--no-progress"]) == 0
    assert stats(seed_db, capsys) == before


def stats(db, capsys):
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_tables_print(seed_db, capsys):
    assert main(["incidents", "--db", str(seed_db)]) == 0
    assert "Incidents" in capsys.readouterr().out
    assert main(["events", "--db", str(seed_db), "--limit", "3"]) == 0
    assert "Events" in capsys.readouterr().out


def test_rejections_are_stored_listed_and_strict_fails(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.jsonl").write_text('{"id": "a", "text": "Gunmen killed two people in a village."}\n{broken\n')
    (corpus / "empty.txt").write_text("   \n")
    db = tmp_path / "db.sqlite"
    assert main(["ingest", str(corpus), "--db", str(db), "--no-progress", "--strict"]) == EXIT_STRICT
    capsys.readouterr()
    assert main(["rejected", "--db", str(db), "--json"]) == 0
    rejected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["reason"] for r in rejected} == {"malformed_json", "empty"}
    assert any(r["origin"].endswith("bad.jsonl") and str(r["locator"]).endswith("2") for r in rejected)
    assert main(["ingest", str(corpus), "--db", str(db), "--no-progress"]) == 0  # without --strict: ok
    assert stats(db, capsys)["documents"] == 1


def test_missing_path_is_an_input_error(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "db.sqlite"), "--no-progress"]) == 3
    assert "nope" in capsys.readouterr().err


def test_bad_field_mapping_is_a_usage_error(tmp_path):
    code = main(["ingest", str(EXAMPLES), "--db", str(tmp_path / "db.sqlite"), "--field", "body"])
    assert code == 2


def test_unknown_model_says_how_to_install(tmp_path, capsys):
    code = main(["ingest", str(EXAMPLES), "--db", str(tmp_path / "db.sqlite"), "--no-progress",
                 "--model", "en_core_web_nonexistent"])
    assert code == 4
    assert "pip install" in capsys.readouterr().err


def test_seed_copy_under_another_name_is_stored_once(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(EXAMPLES / "000_b3a087b77f05dc00.txt", corpus / name)
    db = tmp_path / "db.sqlite"
    assert main(["ingest", str(corpus), "--db", str(db), "--no-progress"]) == 0
    assert stats(db, capsys)["documents"] == 1
