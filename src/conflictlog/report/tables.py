"""Terminal tables (rich) of stored events, incidents, rejected items and counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table

from ..models import Event, Incident, Location, event_to_v1, to_dict
from ..store import StoredRejected
from .figures import lower_bound_total


def event_table(events: Iterable[Event]) -> Table:
    """One row per event: id, date, type, place, killed (lower bound), stance and source."""
    table = _table("Events", "id", "date", "type", "place", "killed", "stance", "source")
    for event in events:
        record = event_to_v1(event)
        attribution = event.attribution
        table.add_row(event.id, event.date or "?", event.sub_event_type or event.event_type, _place(event.location),
                      str(lower_bound_total(record["casualties"], "killed")), attribution.stance,
                      attribution.source or attribution.via or "")
    return table


def incident_table(incidents: Iterable[Incident]) -> Table:
    """One row per incident: id, dates, type, place, killed (best estimate), sources and status."""
    table = _table("Incidents", "id", "dates", "type", "place", "killed", "sources", "status")
    for incident in incidents:
        record = to_dict(incident)
        table.add_row(incident.id, _date_range(incident.date_start, incident.date_end),
                      incident.sub_event_type or incident.event_type, _place(incident.location),
                      str(lower_bound_total(record["casualties"], "killed", "best")),
                      str(len(incident.sources)), incident.status)
    return table


def rejected_table(items: Iterable[StoredRejected]) -> Table:
    """One row per rejected input item: when, where, why."""
    table = _table("Rejected", "stored", "origin", "at", "reason", "detail")
    for stored in items:
        item = stored.item
        table.add_row(stored.stored_at.isoformat(timespec="seconds"), item.origin, item.locator or "",
                      item.reason, item.detail)
    return table


def counts_table(title: str, counts: Mapping[str, Any]) -> Table:
    """A two-column table of names and counts."""
    table = _table(title, "", "count")
    for name, count in counts.items():
        table.add_row(str(name).replace("_", " "), str(count))
    return table


def _table(title: str, *headers: str) -> Table:
    table = Table(title=title)
    for header in headers:
        table.add_column(header, justify="right" if header in ("killed", "sources", "count") else "left")
    return table


def _place(location: Location) -> str:
    name = location.name or location.text or "?"
    return f"{name}, {location.country_code}" if location.country_code else name


def _date_range(start: str | None, end: str | None) -> str:
    if not start:
        return "?"
    return start if end in (None, start) else f"{start} – {end}"
