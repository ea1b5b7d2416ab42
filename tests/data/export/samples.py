"""Hand-built format v1 records for the export and schema tests, made from the models dataclasses.

Loaded by file path (see ``load_samples`` in the tests) so that it needs no package.
"""

from __future__ import annotations

from typing import Any

from conflictlog.models import (
    Actor, ActorRole, Attribution, Casualty, CasualtyKind, DatePrecision, Dispute, Event, GeoPrecision, HistoryEntry,
    Incident, IncidentCasualty, IncidentSource, IncidentStatus, Location, PerpetratorAttribution, Span, Stance,
    VictimGroup, event_to_v1, to_dict,
)

KHERSON = Location(text="the city of Kherson", name="Kherson", admin1="Khersonska", country_code="UA",
                   lat=46.6354, lon=32.6169, precision=GeoPrecision.TOWN, geonames_id=706448)


def shelling_event() -> Event:
    """Every nested field set: two initiators, a target, open-ended figure, a dispute, two spans."""
    return Event(
        id="ev-0001", document_id="doc-kherson-1", incident_id="inc-0001",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date="2023-05-03", date_precision=DatePrecision.DAY, location=KHERSON,
        actors=[
            Actor(ActorRole.INITIATOR, "Russian forces", "Military Forces of Russia", "RU", "state_forces",
                  PerpetratorAttribution.ACCUSED),
            Actor(ActorRole.INITIATOR, "artillery units", None, "RU", "state_forces", PerpetratorAttribution.POSSIBLE),
            Actor(ActorRole.TARGET, "residents", "Civilians (Ukraine)", "UA", "civilians", None),
        ],
        casualties=[
            Casualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, 2, 2, "two civilians were killed"),
            Casualty(CasualtyKind.INJURED, VictimGroup.ALL, 5, None, "at least five people were injured"),
        ],
        attribution=Attribution(source="Kherson regional administration", source_role="governor", side="UA",
                                stance=Stance.ALLEGED, via="Ukrinform", text="the regional governor said"),
        disputed_by=[Dispute(source="Russian Ministry of Defence", side="RU", text="denied targeting civilian areas")],
        evidence=[Span("Russian forces shelled the city of Kherson, killing two civilians", 0, 65),
                  Span("at least five people were injured", 67, 100)],
    )


def sparse_event() -> Event:
    """Everything optional left null or empty."""
    return Event(
        id="ev-0002", document_id="doc-unknown-2", incident_id=None, event_type="Battles", sub_event_type=None,
        date=None, date_precision=None, location=Location(), actors=[], casualties=[],
        attribution=Attribution(), disputed_by=[], evidence=[Span("Fighting was reported.", 0, 22)],
    )


def awkward_text_event() -> Event:
    """Non-ASCII, quotes, commas and a newline: what breaks naive CSV and JSON writers."""
    return Event(
        id="ev-0003", document_id="doc-бахмут-3", incident_id="inc-0002", event_type="Battles",
        sub_event_type="Armed clash", date="2023-05-01", date_precision=DatePrecision.MONTH, location=Location(
            text="near Бахмут", name="Bakhmut", admin1="Donetska", country_code="UA", lat=48.5956, lon=38.0003,
            precision=GeoPrecision.DISTRICT, geonames_id=None),
        actors=[Actor(ActorRole.INITIATOR, 'the "Wagner" group, reportedly', None, None, None,
                      PerpetratorAttribution.CLAIMED)],
        casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.COMBATANTS, None, None, "dozens of fighters")],
        attribution=Attribution(stance=Stance.UNCERTAIN),
        disputed_by=[Dispute(source=None, side=None, text="unconfirmed")],
        evidence=[Span('Clashes near Бахмут,\n"heavy" losses', 10, 45)],
    )


def kherson_incident() -> Incident:
    """A fused incident with two sources and its history of figures."""
    killed = IncidentCasualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, 2, 3, 4)
    return Incident(
        id="inc-0001", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start="2023-05-03", date_end="2023-05-04", location=KHERSON,
        actors=shelling_event().actors,
        casualties=[killed, IncidentCasualty(CasualtyKind.INJURED, VictimGroup.ALL, 5, None, None)],
        sources=[IncidentSource("Ukrinform", "UA", "doc-kherson-1"),
                 IncidentSource("TASS", "RU", "doc-kherson-2")],
        status=IncidentStatus.CONTESTED, event_ids=["ev-0001", "ev-0004"],
        history=[
            HistoryEntry("2023-05-03", "doc-kherson-1", [IncidentCasualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS,
                                                                           2, 2, 2)], IncidentStatus.SINGLE_SOURCE),
            HistoryEntry(None, "doc-kherson-2", [killed], IncidentStatus.CONTESTED),
        ],
    )


def sparse_incident() -> Incident:
    """No place, no dates, no figures, no history."""
    return Incident(
        id="inc-0003", event_type="Protests", sub_event_type="Peaceful protest", date_start=None, date_end=None,
        location=Location(text="the capital"), actors=[], casualties=[],
        sources=[IncidentSource(None, None, "doc-protest-9")], status=IncidentStatus.SINGLE_SOURCE,
        event_ids=["ev-0009"], history=[],
    )


def events() -> list[dict[str, Any]]:
    """The sample events as format v1 records."""
    return [event_to_v1(make()) for make in (shelling_event, sparse_event, awkward_text_event)]


def incidents() -> list[dict[str, Any]]:
    """The sample incidents as format v1 records."""
    return [to_dict(make()) for make in (kherson_incident, sparse_incident)]
