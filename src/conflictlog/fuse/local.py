"""Fuse the events of ONE document into incidents.

The extractor already joined mentions of the same happening into a group (``Event.group``);
here each group becomes an Incident with combined figures, sources and status. Fusion across
documents (near-duplicates, blocking, scoring) builds on these records.

Rules, stated so a user can check them:
- casualties per (kind, group): ``min`` = the largest lower bound any asserted or alleged
  claim gives; ``max`` = the largest upper bound, or None (open-ended) when any claim is
  open-ended; ``best`` = ``min`` (within one report there is no later figure to prefer).
  Denied claims never raise the figures.
- people only said to be hit ("a man was shot", "was taken to hospital": an injured figure
  whose words state no injury) are the dead of the same incident first: they add
  ``hit - killed`` injured, and nothing when the killed figure covers them. "Two people were
  shot; one died" gives killed 1 and injured 1; "a man was shot ... he died" killed 1 alone.
- status: ``denied`` when every claim is denied; ``contested`` when a claim is disputed by
  another side, or claims of different sides disagree; ``corroborated`` when speakers of two
  or more different sides assert it; else ``single_source``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..extract.casualty_lexicon import default_lexicon
from ..models import (
    Actor,
    Casualty,
    CasualtyKind,
    Document,
    Event,
    GeoPrecision,
    HistoryEntry,
    Incident,
    IncidentCasualty,
    IncidentSource,
    IncidentStatus,
    Location,
    Stance,
    VictimGroup,
    stable_id,
)

_PRECISION_RANK = {
    GeoPrecision.EXACT: 0,
    GeoPrecision.TOWN: 1,
    GeoPrecision.DISTRICT: 2,
    GeoPrecision.REGION: 3,
    GeoPrecision.COUNTRY: 4,
    None: 5,
}


def fuse_document(document: Document, events: list[Event]) -> list[Incident]:
    """Incidents of one document, one per event group, in the order the groups first appear.

    Sets ``incident_id`` on the given events as a side effect, so callers can store both.
    """
    groups: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        groups[event.group].append(event)
    incidents = []
    for group, members in groups.items():
        incident = build_incident(document, group, members)
        for event in members:
            event.incident_id = incident.id
        incidents.append(incident)
    return incidents


def build_incident(document: Document, group: int, events: list[Event]) -> Incident:
    """One incident from the events of one group of one document."""
    casualties = combine_casualties(events)
    status = incident_status(events)
    dates = sorted(e.date for e in events if e.date)
    lead = lead_event(events)
    return Incident(
        id=stable_id("inc", document.content_hash, group),
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        date_start=dates[0] if dates else None,
        date_end=dates[-1] if dates else None,
        location=best_location(e.location for e in events),
        actors=merge_actors(events),
        casualties=casualties,
        sources=incident_sources(document, events),
        status=status,
        event_ids=[e.id for e in events],
        history=[HistoryEntry(as_of=document.published, document_id=document.document_id,
                              casualties=casualties, status=status)],
    )


def lead_event(events: list[Event]) -> Event:
    """The event whose type names the incident: the one reporting most casualties, else the first."""
    def weight(event: Event) -> int:
        return sum(c.min or 0 for c in event.casualties if c.group == VictimGroup.ALL)
    return max(events, key=weight) if any(weight(e) for e in events) else events[0]


def combine_casualties(events: Iterable[Event], *, skip_denied: bool = True,
                       dead_elsewhere: Iterable[IncidentCasualty] = ()) -> list[IncidentCasualty]:
    """Figures per (kind, group) from the claims that are not denied (rule in the module docstring).

    ``skip_denied=False`` combines denied claims too: what one denial itself says.
    ``dead_elsewhere``: killed figures other accounts give for the same happening; the people
    only said to be hit are its dead first too.
    """
    lexicon = default_lexicon()
    by_key: dict[tuple[CasualtyKind, VictimGroup], list[Casualty]] = defaultdict(list)
    hits: dict[VictimGroup, list[Casualty]] = defaultdict(list)
    for event in events:
        if skip_denied and event.attribution.stance == Stance.DENIED:
            continue
        for casualty in event.casualties:
            if casualty.kind == CasualtyKind.INJURED and lexicon.is_hit_only(casualty.text):
                hits[casualty.group].append(casualty)
            else:
                by_key[(casualty.kind, casualty.group)].append(casualty)
    combined = {key: _combine(*key, figures) for key, figures in by_key.items()}
    known_dead = {(f.kind, f.group): f for f in dead_elsewhere if f.kind == CasualtyKind.KILLED}
    for group, figures in hits.items():
        _add_survivors(combined, _combine(CasualtyKind.INJURED, group, figures), known_dead)
    return list(combined.values())


def _add_survivors(combined: dict[tuple[CasualtyKind, VictimGroup], IncidentCasualty],
                   hit: IncidentCasualty,
                   known_dead: dict[tuple[CasualtyKind, VictimGroup], IncidentCasualty]) -> None:
    """Count the people hit beyond the dead as injured (rule in the module docstring)."""
    dead = max(_killed(combined, hit.group), _killed(known_dead, hit.group))
    low = (hit.min or 0) - dead
    if low <= 0:
        return
    high = None if hit.max is None else hit.max - dead
    key = (CasualtyKind.INJURED, hit.group)
    known = combined.get(key)
    if known is not None:
        low = max(low, known.min or 0)
        high = None if high is None or known.max is None else max(high, known.max)
    combined[key] = IncidentCasualty(kind=CasualtyKind.INJURED, group=hit.group, min=low, best=low, max=high)


def _killed(combined: dict[tuple[CasualtyKind, VictimGroup], IncidentCasualty], group: VictimGroup) -> int:
    """The dead of ``group``; for "all", the largest figure of any group (a subgroup's dead are among all)."""
    figures = [c.min or 0 for (kind, g), c in combined.items()
               if kind == CasualtyKind.KILLED and (g == group or group == VictimGroup.ALL)]
    return max(figures, default=0)


def _combine(kind: CasualtyKind, group: VictimGroup, figures: list[Casualty]) -> IncidentCasualty:
    lows = [f.min for f in figures if f.min is not None]
    low = max(lows) if lows else None
    open_ended = any(f.max is None for f in figures)
    high = None if open_ended else max(f.max for f in figures if f.max is not None)
    return IncidentCasualty(kind=kind, group=group, min=low, best=low, max=high)


def incident_status(events: list[Event]) -> IncidentStatus:
    """Status from the stances and sides of the claims (rule in the module docstring)."""
    if all(e.attribution.stance == Stance.DENIED for e in events):
        return IncidentStatus.DENIED
    if any(e.disputed_by for e in events):
        return IncidentStatus.CONTESTED
    sides = {e.attribution.side for e in events
             if e.attribution.side and e.attribution.stance == Stance.ASSERTED}
    if len(sides) >= 2:
        return IncidentStatus.CORROBORATED
    return IncidentStatus.SINGLE_SOURCE


def best_location(locations: Iterable[Location]) -> Location:
    """The most precise geocoded location; an unresolved one only when nothing was geocoded."""
    candidates = list(locations)
    geocoded = [loc for loc in candidates if loc.lat is not None]
    if geocoded:
        return min(geocoded, key=lambda loc: _PRECISION_RANK[loc.precision])
    with_text = [loc for loc in candidates if loc.text]
    return with_text[0] if with_text else Location()


def merge_actors(events: Iterable[Event]) -> list[Actor]:
    """Actors of all events, one per (role, name or text), first seen first."""
    seen: dict[tuple[str, str], Actor] = {}
    for event in events:
        for actor in event.actors:
            key = (actor.role, (actor.name or actor.text).casefold())
            seen.setdefault(key, actor)
    return list(seen.values())


def incident_sources(document: Document, events: Iterable[Event]) -> list[IncidentSource]:
    """Who reported the incident in this document: each speaker once, else the outlet."""
    sources: dict[tuple[str | None, str | None], IncidentSource] = {}
    for event in events:
        speaker = event.attribution.source or event.attribution.via or document.source
        key = (speaker, event.attribution.side)
        sources.setdefault(key, IncidentSource(source=speaker, side=event.attribution.side,
                                               document_id=document.document_id))
    return list(sources.values())
