"""export_database and the terminal tables, over a real SQLite database holding the sample records."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console

from conflictlog.errors import ExportError
from conflictlog.models import Document, DocumentResult, Rejected, RejectReason, content_hash
from conflictlog.report.from_store import export_database
from conflictlog.report.tables import counts_table, event_table, incident_table, rejected_table
from conflictlog.store import Repository, StoredRejected


from export_samples import SAMPLES


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "export.sqlite")
    # Saved unlinked: the store itself links events to an incident when the incident is saved.
    events = [replace(make(), incident_id=None)
              for make in (SAMPLES.shelling_event, SAMPLES.sparse_event, SAMPLES.awkward_text_event)]
    with Repository.open(path) as repo:
        for event in events:
            text = f"report {event.document_id}"
            document = Document(document_id=event.document_id, text=text, content_hash=content_hash(text))
            repo.save_result(DocumentResult(document=document, events=[event]))
        repo.replace_incidents([events[0].document_id], [SAMPLES.kherson_incident()])
    return path


def test_exported_events_are_the_stored_events(db):
    out = io.BytesIO()
    assert export_database(db, "events", "jsonl", out) == 3
    records = {r["id"]: r for r in map(json.loads, out.getvalue().decode("utf-8").splitlines())}
    linked = {"ev-0001": "inc-0001"}
    for expected in SAMPLES.events():
        assert records[expected["id"]] == {**expected, "incident_id": linked.get(expected["id"])}


def test_exported_incidents_are_the_stored_incidents(db):
    out = io.BytesIO()
    assert export_database(db, "incidents", "geojson", out) == 1
    feature = json.loads(out.getvalue())["features"][0]
    assert feature["properties"] == SAMPLES.incidents()[0]


def test_a_bad_format_fails_before_the_database_is_touched(tmp_path):
    missing = tmp_path / "never-created.sqlite"
    with pytest.raises(ExportError, match="unknown export format"):
        export_database(str(missing), "events", "xml", io.BytesIO())
    assert not missing.exists()


def render(table) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(table)
    return console.file.getvalue()


def test_tables_show_the_records(db):
    with Repository.open(db) as repo:
        events = render(event_table(repo.iter_events()))
        incidents = render(incident_table(repo.iter_incidents()))
    assert "Events" in events and "ev-0001" in events and "Kherson, UA" in events and "alleged" in events
    assert "Incidents" in incidents and "2023-05-03 – 2023-05-04" in incidents and "contested" in incidents


def test_rejected_and_counts_tables():
    stored = StoredRejected(Rejected("feeds/bad.xml", RejectReason.BAD_FEED, "not a feed", "line 3"),
                            datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    text = render(rejected_table([stored]))
    assert "feeds/bad.xml" in text and "bad_feed" in text and "2024-01-02T03:04:05" in text
    counts = render(counts_table("Database", {"rejected_total": 17}))
    assert "Database" in counts and "rejected total" in counts and "17" in counts


def test_exporting_from_a_mistyped_path_is_an_error_not_an_empty_export(tmp_path):
    from conflictlog.errors import StorageError

    with pytest.raises(StorageError, match="no database at"):
        export_database(str(tmp_path / "typo.sqlite"), "events", "jsonl", io.BytesIO())
    assert not (tmp_path / "typo.sqlite").exists()
