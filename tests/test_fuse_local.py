"""Rules of fusing one document's events into incidents (fuse/local.py)."""

from conflictlog.fuse.local import combine_casualties, fuse_document, incident_status
from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Dispute, Document, Event, GeoPrecision, IncidentStatus,
    Location, Span, Stance, VictimGroup, content_hash,
)

DOC = Document(document_id="d1", text="x", content_hash=content_hash("x"), published="2023-09-19")


def event(eid, group=0, casualties=(), stance=Stance.ASSERTED, side=None, source=None, disputes=(),
          location=None, date=None):
    return Event(
        id=eid, document_id="d1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", date=date, date_precision=None,
        location=location or Location(), actors=[], casualties=list(casualties),
        attribution=Attribution(source=source, side=side, stance=stance),
        disputed_by=list(disputes), evidence=[Span("x", 0, 1)], group=group,
    )


def killed(low, high, group=VictimGroup.ALL):
    return Casualty(CasualtyKind.KILLED, group, low, high, "")


def test_one_incident_per_group_and_events_point_to_it():
    events = [event("e1", 0), event("e2", 1), event("e3", 0)]
    incidents = fuse_document(DOC, events)
    assert [sorted(i.event_ids) for i in incidents] == [["e1", "e3"], ["e2"]]
    assert events[0].incident_id == events[2].incident_id == incidents[0].id
    assert events[1].incident_id == incidents[1].id != incidents[0].id


def test_incident_ids_are_stable_across_runs():
    first = fuse_document(DOC, [event("e1")])[0].id
    assert fuse_document(DOC, [event("e1")])[0].id == first


def test_casualties_take_largest_lower_bound_and_open_end():
    figures = combine_casualties([event("a", casualties=[killed(2, 2)]), event("b", casualties=[killed(3, None)])])
    assert [(f.min, f.best, f.max) for f in figures] == [(3, 3, None)]
    closed = combine_casualties([event("a", casualties=[killed(2, 4)]), event("b", casualties=[killed(3, 5)])])
    assert [(f.min, f.max) for f in closed] == [(3, 5)]


def test_denied_claims_never_raise_figures():
    figures = combine_casualties([event("a", casualties=[killed(2, 2)]),
                                  event("b", casualties=[killed(9, 9)], stance=Stance.DENIED)])
    assert [(f.min, f.max) for f in figures] == [(2, 2)]


def test_groups_are_kept_apart():
    figures = combine_casualties([event("a", casualties=[killed(2, None), killed(1, None, VictimGroup.CHILDREN)])])
    assert {(f.group, f.min) for f in figures} == {(VictimGroup.ALL, 2), (VictimGroup.CHILDREN, 1)}


def test_status_rules():
    assert incident_status([event("a")]) == IncidentStatus.SINGLE_SOURCE
    assert incident_status([event("a", stance=Stance.DENIED)]) == IncidentStatus.DENIED
    disputed = event("a", disputes=[Dispute(source="Official Stepanakert", side="Artsakh", text="denied")])
    assert incident_status([disputed]) == IncidentStatus.CONTESTED
    two_sides = [event("a", side="AM"), event("b", side="AZ")]
    assert incident_status(two_sides) == IncidentStatus.CORROBORATED


def test_most_precise_geocoded_location_wins():
    region = Location(text="Artsakh", name="Nagorno-Karabakh", lat=39.9, lon=46.7, precision=GeoPrecision.REGION)
    town = Location(text="Stepanakert", name="Stepanakert", lat=39.8, lon=46.75, precision=GeoPrecision.TOWN)
    unresolved = Location(text="Nowhere")
    incident = fuse_document(DOC, [event("a", location=unresolved), event("b", location=region),
                                   event("c", location=town)])[0]
    assert incident.location.name == "Stepanakert"


def test_history_records_figures_as_of_publication():
    incident = fuse_document(DOC, [event("a", casualties=[killed(2, None)], date="2023-09-19")])[0]
    assert incident.history[0].as_of == "2023-09-19"
    assert incident.history[0].casualties == incident.casualties
    assert (incident.date_start, incident.date_end) == ("2023-09-19", "2023-09-19")


def hurt(low, high, text, group=VictimGroup.ALL):
    return Casualty(CasualtyKind.INJURED, group, low, high, text)


def test_people_only_said_to_be_hit_are_the_dead_first():
    figures = combine_casualties([event("a", casualties=[hurt(1, 1, "a man was shot")]),
                                  event("b", casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.ALL, 1, 1, "he died")])])
    assert {(f.kind, f.min) for f in figures} == {(CasualtyKind.KILLED, 1)}


def test_people_hit_beyond_the_dead_are_injured():
    figures = combine_casualties([event("a", casualties=[hurt(2, 2, "two people were shot"), killed(1, 1)])])
    assert {(f.kind, f.min, f.max) for f in figures} == {(CasualtyKind.KILLED, 1, 1), (CasualtyKind.INJURED, 1, 1)}


def test_stated_injuries_are_never_absorbed_by_the_dead():
    figures = combine_casualties([event("a", casualties=[hurt(1, 1, "one person was wounded"), killed(1, 1)])])
    assert {(f.kind, f.min) for f in figures} == {(CasualtyKind.KILLED, 1), (CasualtyKind.INJURED, 1)}


def test_hits_without_dead_stay_injured():
    figures = combine_casualties([event("a", casualties=[hurt(1, 1, "a woman was shot in the leg")])])
    assert [(f.kind, f.min) for f in figures] == [(CasualtyKind.INJURED, 1)]
