"""Terminal tables of events, incidents, rejected items and counts (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table

from ..models import CasualtyKind, Event, Incident, Location, VictimGroup


def figure(low: int | None, high: int | None) -> str:
    """A casualty range as people read it: '2', '2+', '2-5', '' when unknown."""
    if low is None and high is None:
        return ""
    if high is None:
        return f"{low}+"
    if low is None or low == high:
        return str(high)
    return f"{low}-{high}"


def casualty_cell(casualties: Iterable, kind: CasualtyKind) -> str:
    """All groups of one kind in one cell, 'all' first: '2+ (children 1+)'."""
    rows = [c for c in casualties if c.kind == kind]
    total = [figure(c.min, c.max) for c in rows if c.group == VictimGroup.ALL]
    parts = [f"{c.group} {figure(c.min, c.max)}" for c in rows if c.group != VictimGroup.ALL]
    head = total[0] if total else ""
    return f"{head} ({', '.join(parts)})" if parts and head else head or ", ".join(parts)


def place_cell(location: Location) -> str:
    """Place name with country code, or the text as written when it was not geocoded."""
    if location.name:
        return f"{location.name}, {location.country_code}" if location.country_code else location.name
    return location.text or ""


def _initiators(actors) -> str:
    return "; ".join(a.name or a.text for a in actors if a.role == "initiator")


def incident_table(incidents: Iterable[Incident]) -> Table:
    """One row per incident: when, what, where, who, figures, status, sources."""
    table = Table(title="Incidents", show_lines=False)
    for column in ("date", "event type", "place", "initiator", "killed", "injured", "status", "sources", "id"):
        table.add_column(column, overflow="fold")
    for inc in incidents:
        date = inc.date_start if inc.date_start == inc.date_end else f"{inc.date_start} .. {inc.date_end}"
        table.add_row(
            date or "", f"{inc.event_type}\n{inc.sub_event_type or ''}", place_cell(inc.location),
            _initiators(inc.actors), casualty_cell(inc.casualties, CasualtyKind.KILLED),
            casualty_cell(inc.casualties, CasualtyKind.INJURED), inc.status,
            "; ".join(sorted({s.source or "?" for s in inc.sources})), inc.id,
        )
    return table


def event_table(events: Iterable[Event]) -> Table:
    """One row per event: when, what, where, who, figures, who said it and how."""
    table = Table(title="Events")
    for column in ("date", "event type", "place", "initiator", "killed", "injured", "said by", "stance", "document"):
        table.add_column(column, overflow="fold")
    for ev in events:
        said = ev.attribution.source or ev.attribution.via or ""
        stance = ev.attribution.stance + (" (disputed)" if ev.disputed_by else "")
        table.add_row(
            ev.date or "", f"{ev.event_type}\n{ev.sub_event_type or ''}", place_cell(ev.location),
            _initiators(ev.actors), casualty_cell(ev.casualties, CasualtyKind.KILLED),
            casualty_cell(ev.casualties, CasualtyKind.INJURED), said, stance, ev.document_id,
        )
    return table


def counts_table(title: str, counts: dict) -> Table:
    """A two-column table of names and numbers."""
    table = Table(title=title)
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, value in counts.items():
        table.add_row(str(name), str(value))
    return table


def rejected_table(items: Iterable) -> Table:
    """One row per rejected input item (``store.StoredRejected``): where it was and why."""
    table = Table(title="Rejected input")
    for column in ("origin", "where", "reason", "detail", "stored"):
        table.add_column(column, overflow="fold")
    for stored in items:
        item = stored.item
        table.add_row(item.origin, item.locator or "", item.reason, item.detail,
                      stored.stored_at.isoformat(timespec="seconds"))
    return table


def rejected_record(stored) -> dict:
    """A ``store.StoredRejected`` as a JSON-ready dict."""
    item = stored.item
    return {"origin": item.origin, "locator": item.locator, "reason": str(item.reason), "detail": item.detail,
            "document_id": item.document_id, "stored_at": stored.stored_at.isoformat()}
