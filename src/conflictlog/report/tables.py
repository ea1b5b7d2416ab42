"""Terminal tables (rich) of stored events, incidents, rejected items and counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table

from ..models import ActorRole, CasualtyKind, Event, Incident, Location, VictimGroup
from ..store import StoredRejected


def figure(low: int | None, high: int | None) -> str:
    """A casualty range as people read it: '2', '2+', '2-5', '' when unknown."""
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None or low == high:
        return str(high)
    return f"{low}-{high}"


def casualty_cell(casualties: Iterable[Any], kind: CasualtyKind) -> str:
    """Every group of one kind in one cell, 'all' first: '2+ (children 1+)'."""
    rows = [c for c in casualties if c.kind == kind]
    total = next((figure(c.min, c.max) for c in rows if c.group == VictimGroup.ALL), "")
    groups = ", ".join(f"{c.group} {figure(c.min, c.max)}" for c in rows if c.group != VictimGroup.ALL)
    if total and groups:
        return f"{total} ({groups})"
    return total or groups


def event_table(events: Iterable[Event]) -> Table:
    """One row per event: id, date, type, place, initiator, killed, injured, who said it and how."""
    table = _table("Events", "id", "date", "type", "place", "initiator", "killed", "injured", "said by", "stance")
    for event in events:
        attribution = event.attribution
        stance = attribution.stance + (" (disputed)" if event.disputed_by else "")
        table.add_row(event.id, event.date or "?", event.sub_event_type or event.event_type, _place(event.location),
                      _initiators(event.actors), casualty_cell(event.casualties, CasualtyKind.KILLED),
                      casualty_cell(event.casualties, CasualtyKind.INJURED),
                      attribution.source or attribution.via or "", stance)
    return table


def incident_table(incidents: Iterable[Incident]) -> Table:
    """One row per incident: id, dates, type, place, initiator, killed, injured, sources and status."""
    table = _table("Incidents", "id", "dates", "type", "place", "initiator", "killed", "injured", "sources",
                   "status")
    for incident in incidents:
        sources = "; ".join(dict.fromkeys(s.source or "(unattributed)" for s in incident.sources))
        table.add_row(incident.id, _date_range(incident.date_start, incident.date_end),
                      incident.sub_event_type or incident.event_type, _place(incident.location),
                      _initiators(incident.actors), casualty_cell(incident.casualties, CasualtyKind.KILLED),
                      casualty_cell(incident.casualties, CasualtyKind.INJURED), sources, incident.status)
    return table


def rejected_table(items: Iterable[StoredRejected]) -> Table:
    """One row per rejected input item: when, where, why."""
    table = _table("Rejected", "stored", "origin", "at", "reason", "detail")
    for stored in items:
        item = stored.item
        table.add_row(stored.stored_at.isoformat(timespec="seconds"), item.origin, item.locator or "",
                      item.reason, item.detail)
    return table


def rejected_record(stored: StoredRejected) -> dict[str, Any]:
    """A stored rejected item as a JSON-ready dict (``conflictlog rejected --json``)."""
    item = stored.item
    return {"origin": item.origin, "locator": item.locator, "reason": str(item.reason), "detail": item.detail,
            "document_id": item.document_id, "stored_at": stored.stored_at.isoformat()}


def counts_table(title: str, counts: Mapping[str, Any]) -> Table:
    """A two-column table of names and counts."""
    table = _table(title, "", "count")
    for name, count in counts.items():
        table.add_row(str(name).replace("_", " "), str(count))
    return table


def _table(title: str, *headers: str) -> Table:
    table = Table(title=title)
    for header in headers:
        table.add_column(header, overflow="fold", justify="right" if header == "count" else "left")
    return table


def _initiators(actors: Iterable[Any]) -> str:
    return "; ".join(dict.fromkeys(a.name or a.text for a in actors if a.role == ActorRole.INITIATOR))


def _place(location: Location) -> str:
    name = location.name or location.text or "?"
    return f"{name}, {location.country_code}" if location.country_code else name


def _date_range(start: str | None, end: str | None) -> str:
    if not start:
        return "?"
    return start if end in (None, start) else f"{start} – {end}"
