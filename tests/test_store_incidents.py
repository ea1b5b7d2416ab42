"""Incidents in the repository, on both backends."""

from __future__ import annotations

from collections.abc import Callable

from conflictlog.models import DocumentResult, Event, Incident
from conflictlog.store import Repository

MakeResult = Callable[..., DocumentResult]
MakeIncident = Callable[[str, list[Event]], Incident]


def _incident_of_each_event(repo: Repository) -> dict[str, str | None]:
    return {event.id: event.incident_id for event in repo.iter_events()}


def test_incident_round_trip_keeps_nested_fields_and_enums(repo: Repository, make_result: MakeResult,
                                                           make_incident: MakeIncident) -> None:
    result = make_result(1)
    repo.save_result(result)
    incident = make_incident("inc-1", result.events)
    repo.replace_incidents([result.document.document_id], [incident])
    assert list(repo.iter_incidents()) == [incident]


def test_replace_incidents_links_the_listed_events(repo: Repository, make_result: MakeResult,
                                                   make_incident: MakeIncident) -> None:
    result = make_result(1, events=3)
    repo.save_result(result)
    first, second, third = result.events
    repo.replace_incidents([result.document.document_id],
                           [make_incident("inc-a", [first, second]), make_incident("inc-b", [third])])
    assert _incident_of_each_event(repo) == {first.id: "inc-a", second.id: "inc-a", third.id: "inc-b"}


def test_replace_incidents_drops_only_those_of_the_documents(repo: Repository, make_result: MakeResult,
                                                             make_incident: MakeIncident) -> None:
    one, two = make_result(1, events=1), make_result(2, events=1)
    repo.save_result(one)
    repo.save_result(two)
    repo.replace_incidents(["doc-00001", "doc-00002"],
                           [make_incident("inc-one", one.events), make_incident("inc-two", two.events)])
    merged = make_incident("inc-merged", one.events)
    repo.replace_incidents([one.document.document_id], [merged])
    assert [incident.id for incident in repo.iter_incidents()] == ["inc-merged", "inc-two"]
    assert _incident_of_each_event(repo) == {one.events[0].id: "inc-merged", two.events[0].id: "inc-two"}


def test_events_of_a_dropped_incident_become_unlinked(repo: Repository, make_result: MakeResult,
                                                      make_incident: MakeIncident) -> None:
    one, two = make_result(1, events=1), make_result(2, events=1)
    repo.save_result(one)
    repo.save_result(two)
    repo.replace_incidents(["doc-00001"], [make_incident("inc-both", one.events + two.events)])
    repo.replace_incidents(["doc-00001"], [make_incident("inc-one", one.events)])
    assert _incident_of_each_event(repo) == {one.events[0].id: "inc-one", two.events[0].id: None}


def test_reusing_an_incident_id_overwrites_it(repo: Repository, make_result: MakeResult,
                                              make_incident: MakeIncident) -> None:
    one, two = make_result(1, events=1), make_result(2, events=1)
    repo.save_result(one)
    repo.save_result(two)
    repo.replace_incidents(["doc-00001"], [make_incident("inc-x", one.events)])
    repo.replace_incidents(["doc-00002"], [make_incident("inc-x", one.events + two.events)])
    [stored] = list(repo.iter_incidents())
    assert stored.event_ids == [one.events[0].id, two.events[0].id]


def test_replacing_a_document_drops_its_stale_incidents(repo: Repository, make_result: MakeResult,
                                                        make_incident: MakeIncident) -> None:
    result = make_result(1, events=2)
    repo.save_result(result)
    repo.replace_incidents([result.document.document_id], [make_incident("inc-old", result.events)])
    repo.save_result(make_result(1, events=2, text_body="A revised report with new figures."))
    assert list(repo.iter_incidents()) == []
    assert repo.stats()["incidents"] == 0


def test_incidents_of_a_result_are_saved_with_it(repo: Repository, make_result: MakeResult,
                                                 make_incident: MakeIncident) -> None:
    result = make_result(1, events=2)
    result.incidents = [make_incident("inc-x", result.events)]
    repo.save_result(result)
    assert [incident.id for incident in repo.iter_incidents()] == ["inc-x"]
    assert set(_incident_of_each_event(repo).values()) == {"inc-x"}
