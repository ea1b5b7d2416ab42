"""Repository.save_results: a batch in one transaction, with the meaning of save_result one by one.

Runs on both backends (SQLite and PostgreSQL) through the ``database`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from conflictlog.errors import StorageError
from conflictlog.models import DocumentResult, Event, Incident, Rejected, RejectReason
from conflictlog.store import Repository, SaveOutcome
from conflictlog.store import batch as batch_module
from conflictlog.store.schema import documents

MakeResult = Callable[..., DocumentResult]
MakeIncident = Callable[[str, list[Event]], Incident]


def snapshot(repo: Repository) -> dict[str, Any]:
    """Everything stored, without the write timestamps."""
    with repo._engine.connect() as conn:  # revisions are not part of the public reading API
        revisions = dict(conn.execute(select(documents.c.document_id, documents.c.revision)).all())
    return {
        "documents": list(repo.iter_documents()), "revisions": revisions, "events": list(repo.iter_events()),
        "incidents": list(repo.iter_incidents()), "rejected": [stored.item for stored in repo.iter_rejected()],
    }


def with_incident(result: DocumentResult, make_incident: MakeIncident) -> DocumentResult:
    """``result`` with one per-report incident over its events."""
    incident = make_incident(f"inc-{result.document.document_id}", result.events)
    for event in result.events:
        event.incident_id = incident.id
    result.incidents = [incident]
    return result


def failed(result: DocumentResult) -> DocumentResult:
    """``result`` as a document whose processing failed."""
    result.failure = Rejected(origin="reports.jsonl", reason=RejectReason.PROCESSING_FAILED, detail="crashed",
                              locator=result.document.locator, document_id=result.document.document_id)
    return result


def mixed_batch(make_result: MakeResult, make_incident: MakeIncident) -> list[DocumentResult]:
    """New, duplicate (of a stored text and of an earlier one in the batch), replaced and failed documents."""
    return [
        with_incident(make_result(10), make_incident),
        make_result(1),                                                       # stored before: duplicate
        with_incident(make_result(2, text_body="Report 2, corrected."), make_incident),  # replaces stored doc 2
        make_result(10, document_id="mirror-of-10"),                         # same text as the first: duplicate
        make_result(11, events=0),
        make_result(11, text_body="Report 11, second version.", events=2),   # replaces the one just above
        failed(make_result(12, events=0)),
    ]


def stored_first(make_result: MakeResult, make_incident: MakeIncident) -> list[DocumentResult]:
    """What the database holds before the batch."""
    return [make_result(1), with_incident(make_result(2), make_incident), make_result(3, events=1)]


def test_batch_gives_the_outcomes_and_rows_of_saving_one_by_one(database: str, tmp_path: Any,
                                                                 make_result: MakeResult,
                                                                 make_incident: MakeIncident) -> None:
    with Repository.open(str(tmp_path / "one_by_one.sqlite")) as reference:
        for result in stored_first(make_result, make_incident):
            reference.save_result(result)
        expected = [reference.save_result(r) for r in mixed_batch(make_result, make_incident)]
        expected_rows = snapshot(reference)
    with Repository.open(database) as repo:
        repo.save_results(stored_first(make_result, make_incident))
        outcomes = repo.save_results(mixed_batch(make_result, make_incident))
        assert outcomes == expected == [
            SaveOutcome.ADDED, SaveOutcome.DUPLICATE, SaveOutcome.REPLACED, SaveOutcome.DUPLICATE,
            SaveOutcome.ADDED, SaveOutcome.REPLACED, SaveOutcome.ADDED,
        ]
        assert snapshot(repo) == expected_rows
        assert expected_rows["revisions"]["doc-00002"] == 2 and expected_rows["revisions"]["doc-00011"] == 2


def test_saving_the_same_batch_again_adds_nothing(repo: Repository, make_result: MakeResult,
                                                  make_incident: MakeIncident) -> None:
    batch = [with_incident(make_result(10), make_incident), make_result(11), failed(make_result(12, events=0))]
    assert repo.save_results(batch) == [SaveOutcome.ADDED] * 3
    before = snapshot(repo)
    assert set(repo.save_results(batch)) == {SaveOutcome.DUPLICATE}
    assert snapshot(repo) == before


def test_an_interrupted_batch_leaves_nothing_half_stored(repo: Repository, make_result: MakeResult,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repo.save_result(make_result(1))
    before = snapshot(repo)
    batch = [make_result(n) for n in range(2, 6)]
    calls = 0

    def crash_on_the_seventh_event(event: Event, seq: int) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 7:
            raise KeyboardInterrupt  # the process dies with documents in, events half built
        return original(event, seq)

    original = batch_module.codec.event_row
    with monkeypatch.context() as patch:
        patch.setattr(batch_module.codec, "event_row", crash_on_the_seventh_event)
        with pytest.raises(KeyboardInterrupt):
            repo.save_results(batch)
    assert snapshot(repo) == before
    assert repo.save_results(batch) == [SaveOutcome.ADDED] * 4
    assert repo.stats()["events"] == 15


def test_a_text_stored_by_another_writer_meanwhile_falls_back_to_one_by_one(
        repo: Repository, make_result: MakeResult, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.save_result(make_result(2))
    # As if another process stored document 2 between our look-up and our insert.
    monkeypatch.setattr(batch_module, "_stored_hashes", lambda _conn, _hashes: set())
    monkeypatch.setattr(batch_module, "_stored_revisions", lambda _conn, _ids: {})
    outcomes = repo.save_results([make_result(1), make_result(2), make_result(3)])
    assert outcomes == [SaveOutcome.ADDED, SaveOutcome.DUPLICATE, SaveOutcome.ADDED]
    assert repo.stats()["documents"] == 3 and repo.stats()["events"] == 9


def test_a_real_conflict_still_fails_after_the_earlier_documents(repo: Repository, make_result: MakeResult) -> None:
    owner = make_result(1)
    repo.save_result(owner)
    clashing = make_result(3)
    clashing.events[0].id = owner.events[0].id  # an event id another document already owns
    with pytest.raises(StorageError):
        repo.save_results([make_result(2), clashing, make_result(4)])
    stored = {document.document_id for document in repo.iter_documents()}
    assert stored == {"doc-00001", "doc-00002"}  # as saving one by one would have left it


def test_events_of_another_document_refuse_the_whole_batch(repo: Repository, make_result: MakeResult) -> None:
    stray = make_result(2)
    stray.events[0].document_id = "someone-else"
    with pytest.raises(ValueError, match="do not belong"):
        repo.save_results([make_result(1), stray])
    assert repo.stats()["documents"] == 0


def test_an_empty_batch_stores_nothing(repo: Repository) -> None:
    assert repo.save_results([]) == []
    assert repo.stats()["documents"] == 0
