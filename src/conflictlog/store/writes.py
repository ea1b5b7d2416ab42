"""Row-level writes shared by the one-document save and the batched save.

Every function here runs inside a transaction its caller opened; none commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..models import Incident, Rejected
from . import codec
from .schema import documents, events, incidents, rejected

# Keeps IN (...) lists well under SQLite's bound-parameter limit.
CHUNK = 500


def replace_incidents(conn: Connection, document_ids: Iterable[str], new_incidents: list[Incident]) -> None:
    """Drop the incidents holding events of ``document_ids`` and those with the new ids; store ``new_incidents``."""
    for chunk in chunks(sorted(set(document_ids))):
        delete_incidents_of(conn, chunk)
    for chunk in chunks([incident.id for incident in new_incidents]):
        conn.execute(delete(incidents).where(incidents.c.id.in_(chunk)))
    if new_incidents:
        conn.execute(insert(incidents), [codec.incident_row(i) for i in new_incidents])
        link_events(conn, new_incidents)


def delete_documents(conn: Connection, document_ids: Sequence[str]) -> None:
    """Delete documents with their events and the incidents built on those events.

    Incidents built on an old version's events would point at events that no longer exist;
    they go, so the fuser rebuilds them from the new version.
    """
    for chunk in chunks(sorted(set(document_ids))):
        delete_incidents_of(conn, chunk)
        conn.execute(delete(events).where(events.c.document_id.in_(chunk)))
        conn.execute(delete(documents).where(documents.c.document_id.in_(chunk)))


def delete_incidents_of(conn: Connection, document_ids: list[str]) -> None:
    """Delete the incidents that hold an event of ``document_ids``."""
    holding = (select(events.c.incident_id)
               .where(events.c.document_id.in_(document_ids), events.c.incident_id.is_not(None)))
    conn.execute(delete(incidents).where(incidents.c.id.in_(holding)))


def link_events(conn: Connection, new_incidents: list[Incident]) -> None:
    """Point the member events of ``new_incidents`` at them."""
    links = [{"event": event_id, "incident": incident.id}
             for incident in new_incidents for event_id in incident.event_ids]
    if links:
        statement = (update(events).where(events.c.id == bindparam("event"))
                     .values(incident_id=bindparam("incident")))
        conn.execute(statement, links)


def insert_rejected(conn: Connection, item: Rejected) -> bool:
    """Store a rejected item; False if one with its key was stored before."""
    statement = (_dialect(conn).insert(rejected).values(codec.rejected_row(item, now()))
                 .on_conflict_do_nothing().returning(rejected.c.key))
    return conn.execute(statement).first() is not None


def insert_rejected_many(conn: Connection, items: list[Rejected]) -> None:
    """Store many rejected items in one statement; those stored before are left as they are."""
    if items:
        stored_at = now()
        statement = _dialect(conn).insert(rejected).on_conflict_do_nothing()
        conn.execute(statement, [codec.rejected_row(item, stored_at) for item in items])


def chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in slices small enough for one IN (...) list."""
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def now() -> datetime:
    """The current time in UTC, as stored in ``ingested_at`` and ``stored_at``."""
    return datetime.now(UTC)


def _dialect(conn: Connection) -> Any:
    return postgresql if conn.dialect.name == "postgresql" else sqlite
