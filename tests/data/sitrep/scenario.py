"""FICTIONAL multi-report scenario for situation-report tests.

Every place, person, outlet, party and event below is INVENTED ("Veldmark", "Ostria", "Oskaby",
...); the country code ZZ is the user-assigned ISO code, not a real country. Coordinates put the
towns on land only so the map has outlines to draw. Two stages: what four reports said by
2031-04-02, and the picture after two more reports on 2031-04-04 (figures revised, a status
change, a new incident).
"""

from __future__ import annotations

from conflictlog.models import (
    Actor, ActorRole, Attribution, Casualty, CasualtyKind, Dispute, Document, Event, GeoPrecision, HistoryEntry,
    Incident, IncidentCasualty, IncidentSource, IncidentStatus, Location, Span, Stance, VictimGroup, content_hash,
)

K, I = CasualtyKind.KILLED, CasualtyKind.INJURED
ALL, CIV, KIDS, FIGHTERS = VictimGroup.ALL, VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.COMBATANTS
TOWNS = {"Oskaby": (48.45, 30.10), "Tarnholm": (47.90, 31.40), "Brekka": (48.90, 29.20), "Vesterby": (47.60, 30.70)}


def document(doc_id: str, day: str, outlet: str) -> Document:
    """A fictional report."""
    text = f"FICTIONAL report {doc_id} by {outlet} on {day}."
    return Document(doc_id, text, content_hash(text), title=f"Fictional bulletin {doc_id}", published=day,
                    source=outlet)


def fig(kind: CasualtyKind, group: VictimGroup, low: int, best: int | None, high: int | None) -> IncidentCasualty:
    """An incident casualty range."""
    return IncidentCasualty(kind, group, low, best, high)


def event(event_id: str, doc_id: str, incident_id: str, town: str, day: str, quote: str, *, source: str,
          side: str, stance: Stance = Stance.ASSERTED, casualties: tuple[Casualty, ...] = (),
          disputes: tuple[Dispute, ...] = ()) -> Event:
    """A fictional event mention read from one report."""
    return Event(event_id, doc_id, "Explosions/Remote violence", None, day, None, location(town), [],
                 list(casualties), Attribution(source=source, side=side, stance=stance), list(disputes),
                 [Span(quote, 0, len(quote))], incident_id=incident_id)


def location(town: str) -> Location:
    """A fictional town at its fictional spot."""
    lat, lon = TOWNS[town]
    return Location(town, town, "Northmarch", "ZZ", lat, lon, GeoPrecision.TOWN)


def incident(incident_id: str, town: str, day: str, sub_type: str, casualties: list[IncidentCasualty],
             sources: list[tuple[str, str, str]], status: IncidentStatus, event_ids: list[str],
             history: list[HistoryEntry], event_type: str = "Explosions/Remote violence") -> Incident:
    """A fused fictional incident."""
    return Incident(incident_id, event_type, sub_type, day, day, location(town),
                    [Actor(ActorRole.INITIATOR, "Ostrian artillery", "Military Forces of Ostria")],
                    casualties, [IncidentSource(s, side, d) for s, side, d in sources], status, event_ids, history)


def stage_one() -> tuple[list[Incident], list[Event], list[Document]]:
    """By 2031-04-02: a corroborated shelling, a contested air strike, a denied abduction."""
    docs = [document("fx-a", "2031-04-01", "Northgate Wire"), document("fx-b", "2031-04-02", "Ostria Today")]
    oskaby_figs = [fig(K, ALL, 3, 4, 5), fig(K, CIV, 3, 3, 3), fig(K, KIDS, 1, 1, 1), fig(I, ALL, 10, 10, None)]
    events = [
        event("fx-e1", "fx-a", "fx-i1", "Oskaby", "2031-04-01", "Shells hit the Oskaby market, killing three "
              "civilians, one of them a child, and wounding at least ten.", source="Governor Maren Lind",
              side="Veldmark", casualties=(Casualty(K, CIV, 3, 3), Casualty(I, ALL, 10, None))),
        event("fx-e2", "fx-b", "fx-i1", "Oskaby", "2031-04-01", "Five people died in Oskaby, a <b>medic</b> said.",
              source="Oskaby Hospital", side="Veldmark", casualties=(Casualty(K, ALL, 5, 5),)),
        event("fx-e3", "fx-b", "fx-i2", "Tarnholm", "2031-04-02", "Ostria's defence ministry said its strike killed "
              "six fighters at a Tarnholm depot.", source="Ostrian Ministry of Defence", side="Ostria",
              stance=Stance.ALLEGED, casualties=(Casualty(K, FIGHTERS, 6, 6),),
              disputes=(Dispute("Veldmark Army", "Veldmark", "denied any depot existed in Tarnholm"),)),
        event("fx-e4", "fx-a", "fx-i3", "Brekka", "2031-04-02", "Two teachers were taken from Brekka by "
              "Ostrian troops, residents said.", source="Brekka residents", side="Veldmark"),
    ]
    incidents = [
        incident("fx-i1", "Oskaby", "2031-04-01", "Shelling/artillery/missile attack", oskaby_figs,
                 [("Governor Maren Lind", "Veldmark", "fx-a"), ("Oskaby Hospital", "Veldmark", "fx-b")],
                 IncidentStatus.CORROBORATED, ["fx-e1", "fx-e2"],
                 [HistoryEntry("2031-04-01", "fx-a", oskaby_figs[1:], IncidentStatus.SINGLE_SOURCE),
                  HistoryEntry("2031-04-02", "fx-b", oskaby_figs, IncidentStatus.CORROBORATED)]),
        incident("fx-i2", "Tarnholm", "2031-04-02", "Air/drone strike", [fig(K, FIGHTERS, 6, 6, 6)],
                 [("Ostrian Ministry of Defence", "Ostria", "fx-b")], IncidentStatus.CONTESTED, ["fx-e3"],
                 [HistoryEntry("2031-04-02", "fx-b", [fig(K, FIGHTERS, 6, 6, 6)], IncidentStatus.CONTESTED)]),
        incident("fx-i3", "Brekka", "2031-04-02", "Abduction/forced disappearance", [],
                 [("Brekka residents", "Veldmark", "fx-a")], IncidentStatus.SINGLE_SOURCE, ["fx-e4"],
                 [HistoryEntry("2031-04-01", "fx-a", [], IncidentStatus.SINGLE_SOURCE)],
                 event_type="Violence against civilians"),
    ]
    return incidents, events, docs


def stage_two() -> tuple[list[Incident], list[Event], list[Document]]:
    """By 2031-04-04: Oskaby toll revised up, Ostria denies the Brekka abduction, a new clash at Vesterby."""
    incidents, events, docs = stage_one()
    docs.append(document("fx-c", "2031-04-04", "Ostria Today"))
    revised = [fig(K, ALL, 5, 6, 7), fig(K, CIV, 5, 5, 6), fig(K, KIDS, 2, 2, 2), fig(I, ALL, 14, 14, 14)]
    oskaby = incidents[0]
    oskaby.casualties = revised
    oskaby.sources.append(IncidentSource("Northgate Wire", None, "fx-c"))
    oskaby.event_ids.append("fx-e5")
    oskaby.history.append(HistoryEntry("2031-04-04", "fx-c", revised, IncidentStatus.CORROBORATED))
    events.append(event("fx-e5", "fx-c", "fx-i1", "Oskaby", "2031-04-01", "The Oskaby toll rose to six, two of "
                        "them children; fourteen were wounded.", source="Northgate Wire", side="",
                        casualties=(Casualty(K, ALL, 6, 6), Casualty(K, KIDS, 2, 2), Casualty(I, ALL, 14, 14))))
    brekka = incidents[2]
    brekka.status = IncidentStatus.DENIED
    brekka.sources.append(IncidentSource("Ostrian Army press office", "Ostria", "fx-c"))
    brekka.event_ids.append("fx-e6")
    brekka.history.append(HistoryEntry("2031-04-04", "fx-c", [], IncidentStatus.DENIED))
    events.append(event("fx-e6", "fx-c", "fx-i3", "Brekka", "2031-04-02", "Ostria's army said no one was taken "
                        "in Brekka.", source="Ostrian Army press office", side="Ostria", stance=Stance.DENIED))
    clash = [fig(K, FIGHTERS, 12, 12, 15)]
    incidents.append(incident("fx-i4", "Vesterby", "2031-04-03", "Armed clash", clash,
                              [("Veldmark Army", "Veldmark", "fx-c")], IncidentStatus.SINGLE_SOURCE, ["fx-e7"],
                              [HistoryEntry("2031-04-04", "fx-c", clash, IncidentStatus.SINGLE_SOURCE)],
                              event_type="Battles"))
    events.append(event("fx-e7", "fx-c", "fx-i4", "Vesterby", "2031-04-03", "Twelve to fifteen soldiers died in "
                        "fighting near Vesterby.", source="Veldmark Army", side="Veldmark",
                        casualties=(Casualty(K, FIGHTERS, 12, 15),)))
    return incidents, events, docs
