"""Repository behaviour, run on both backends (SQLite and PostgreSQL) through the ``repo`` fixture."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from conflictlog.errors import StorageError
from conflictlog.models import DocumentResult, Rejected, RejectReason
from conflictlog.store import Repository, SaveOutcome
from conflictlog.store import repository as repository_module

MakeResult = Callable[..., DocumentResult]


def test_document_round_trip_keeps_every_field(repo: Repository, make_result: MakeResult) -> None:
    result = make_result(1)
    assert repo.save_result(result) is SaveOutcome.ADDED
    assert repo.get_document(result.document.document_id) == result.document
    assert list(repo.iter_documents()) == [result.document]
    assert repo.get_document("no-such-document") is None


def test_event_round_trip_keeps_nested_fields_and_enums(repo: Repository, make_result: MakeResult) -> None:
    result = make_result(1, events=2)
    repo.save_result(result)
    assert list(repo.iter_events()) == result.events


def test_events_come_ordered_by_document_then_position(repo: Repository, make_result: MakeResult) -> None:
    later, earlier = make_result(2, events=3), make_result(1, events=3)
    later.events.reverse()  # stored order is the order given, not the order of ids
    repo.save_result(later)
    repo.save_result(earlier)
    assert list(repo.iter_events()) == earlier.events + later.events
    assert list(repo.iter_events([later.document.document_id])) == later.events
    assert list(repo.iter_events([])) == []


def test_saving_the_same_result_twice_adds_nothing(repo: Repository, make_result: MakeResult) -> None:
    assert repo.save_result(make_result(1)) is SaveOutcome.ADDED
    before = repo.stats()
    assert repo.save_result(make_result(1)) is SaveOutcome.DUPLICATE
    assert repo.stats() == before


def test_same_text_under_another_id_is_a_duplicate(repo: Repository, make_result: MakeResult) -> None:
    repo.save_result(make_result(1))
    copy = make_result(1, document_id="mirror-of-1")
    assert repo.save_result(copy) is SaveOutcome.DUPLICATE
    assert repo.get_document("mirror-of-1") is None


def test_new_text_for_a_stored_id_replaces_document_and_events(repo: Repository, make_result: MakeResult) -> None:
    repo.save_result(make_result(1, events=3))
    revised = make_result(1, events=1, text_body="Corrected report: two civilians were killed.")
    assert repo.save_result(revised) is SaveOutcome.REPLACED
    assert repo.get_document(revised.document.document_id) == revised.document
    assert list(repo.iter_events()) == revised.events
    assert repo.known_hashes([make_result(1).document.content_hash]) == set()
    assert repo.stats()["documents"] == 1


def test_known_hashes_finds_stored_ones_among_many(repo: Repository, make_result: MakeResult) -> None:
    stored = [make_result(n, events=0) for n in range(3)]
    for result in stored:
        repo.save_result(result)
    unknown = [f"{n:064x}" for n in range(1200)]  # more than one IN (...) chunk
    wanted = {result.document.content_hash for result in stored}
    assert repo.known_hashes(unknown + sorted(wanted)) == wanted
    assert repo.known_hashes([]) == set()


def test_failed_result_stores_document_and_rejected_row(repo: Repository, make_result: MakeResult) -> None:
    result = make_result(1, events=0)
    result.failure = Rejected(origin="reports.jsonl", reason=RejectReason.PROCESSING_FAILED, detail="resolver crashed",
                              locator="line 1", document_id=result.document.document_id)
    assert repo.save_result(result) is SaveOutcome.ADDED
    assert repo.known_hashes([result.document.content_hash]) == {result.document.content_hash}
    assert [stored.item for stored in repo.iter_rejected()] == [result.failure]


def test_rejected_items_are_stored_once(repo: Repository) -> None:
    item = Rejected(origin="bad.csv", reason=RejectReason.MALFORMED_CSV, detail="row 7 has 3 fields", locator="row 7")
    before = datetime.now(UTC)
    assert repo.save_rejected(item) is True
    assert repo.save_rejected(item) is False
    [stored] = list(repo.iter_rejected())
    assert stored.item == item
    assert before <= stored.stored_at <= datetime.now(UTC)


def test_save_refuses_events_of_another_document(repo: Repository, make_result: MakeResult) -> None:
    result = make_result(1)
    result.events[0].document_id = "someone-else"
    with pytest.raises(ValueError, match="someone-else|do not belong"):
        repo.save_result(result)
    assert repo.stats()["documents"] == 0


def test_conflicting_save_leaves_nothing_of_the_document(repo: Repository, make_result: MakeResult) -> None:
    first = make_result(1)
    repo.save_result(first)
    clashing = make_result(2)
    clashing.events[1].id = first.events[0].id  # an event id another document already owns
    with pytest.raises(StorageError):
        repo.save_result(clashing)
    assert repo.get_document(clashing.document.document_id) is None
    assert [event.document_id for event in repo.iter_events()] == [first.document.document_id] * 3


def test_crash_mid_save_is_resumable(repo: Repository, make_result: MakeResult,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [make_result(n) for n in range(3)]
    repo.save_result(batch[0])

    def crash(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies after the document row, before the events

    with monkeypatch.context() as patch:
        patch.setattr(repository_module.codec, "event_row", crash)
        with pytest.raises(KeyboardInterrupt):
            repo.save_result(batch[1])
    assert repo.get_document(batch[1].document.document_id) is None

    stored = repo.known_hashes(result.document.content_hash for result in batch)
    outcomes = [repo.save_result(r) for r in batch if r.document.content_hash not in stored]
    assert outcomes == [SaveOutcome.ADDED, SaveOutcome.ADDED]
    assert repo.stats()["events"] == 9


def test_stats_counts_everything(repo: Repository, make_result: MakeResult) -> None:
    repo.save_result(make_result(1, events=2))
    repo.save_result(make_result(2, events=1))
    repo.save_rejected(Rejected(origin="a.html", reason=RejectReason.BAD_HTML, detail="no main text"))
    repo.save_rejected(Rejected(origin="b.html", reason=RejectReason.BAD_HTML, detail="no main text"))
    repo.save_rejected(Rejected(origin="c.txt", reason=RejectReason.EMPTY, detail="no text"))
    assert repo.stats() == {
        "documents": 2, "events": 3, "incidents": 0, "rejected": 3,
        "rejected_by_reason": {"bad_html": 2, "empty": 1},
        "events_by_type": {"Explosions/Remote violence": 3},
    }
