"""The 'Contested and denied claims' section: for each disputed incident, each side's statements
next to the other's, every statement tied to its evidence note."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ...models import Event, Incident, IncidentStatus, Stance
from ..tables import casualty_cell
from .content import Contest, Note, Statement

UNKNOWN_SIDE = "side not stated"
_DISPUTED = (IncidentStatus.CONTESTED, IncidentStatus.DENIED)


def contests(incidents: Sequence[Incident], events: Mapping[str, list[Event]], rows: Mapping[str, int],
             notes: Mapping[str, list[Note]]) -> list[Contest]:
    """The disputed incidents (contested or denied status, a denial, or a dispute), in table order."""
    found = []
    for incident in incidents:
        own = events[incident.id]
        if incident.status in _DISPUTED or any(_is_disputed(event) for event in own):
            numbers = {event.id: note.number for event, note in zip(own, notes[incident.id])}
            found.append(Contest(rows[incident.id], _summary(incident), str(incident.status),
                                 _sides(own, numbers)))
    return found


def _is_disputed(event: Event) -> bool:
    return bool(event.disputed_by) or event.attribution.stance == Stance.DENIED


def _sides(events: Sequence[Event], numbers: Mapping[str, int]) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
    by_side: dict[str, list[Statement]] = defaultdict(list)
    for event in events:
        attribution = event.attribution
        by_side[attribution.side or UNKNOWN_SIDE].append(
            Statement(attribution.source or attribution.via or "(unattributed)", str(attribution.stance),
                      _claim_text(event), numbers[event.id]))
        for dispute in event.disputed_by:
            by_side[dispute.side or UNKNOWN_SIDE].append(
                Statement(dispute.source or "(unnamed)", "disputes", " ".join(dispute.text.split()), numbers[event.id]))
    order = sorted(by_side, key=lambda side: (side == UNKNOWN_SIDE, side.casefold()))
    return tuple((side, tuple(by_side[side])) for side in order)


def _claim_text(event: Event) -> str:
    quote = " … ".join(" ".join(span.text.split()) for span in event.evidence)
    killed = casualty_cell(event.casualties, "killed")
    injured = casualty_cell(event.casualties, "injured")
    figures = ", ".join(part for part in (f"killed {killed}" if killed else "", f"injured {injured}" if injured else "")
                        if part)
    return f"{quote} [{figures}]" if figures else quote


def _summary(incident: Incident) -> str:
    place = incident.location.name or incident.location.text or "unknown place"
    return f"{incident.sub_event_type or incident.event_type} in {place} on {incident.date_start or 'unknown date'}"
