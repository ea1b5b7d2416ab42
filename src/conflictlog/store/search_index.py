"""Columns and indexes that let the API filter, sort and aggregate incidents without reading payloads.

``killed_best`` / ``injured_best`` / ``actor_text`` are derived from an incident's payload
when it is written (``search_columns``); the evidence of every event is indexed for full-text
search (SQLite FTS5, kept current by triggers). Added by migration 2, which also fills them
for incidents stored before it. Migration 4 adds composite and covering indexes for the API's
filters (``FILTER_INDEXES``) and, on SQLite, an indexed week column for weekly timelines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Index, inspect, select, text, update

from ..models import CasualtyKind
from .schema import incidents

#: The FTS5 table over event evidence; its rowid is the events row's rowid.
EVIDENCE_FTS = "evidence_fts"

_NEW_COLUMNS = {"killed_best": "INTEGER", "injured_best": "INTEGER", "actor_text": "TEXT"}

SEARCH_INDEXES = (
    # Timeline: an index-only scan groups by day and type and sums the figures.
    Index("ix_incidents_timeline", incidents.c.date_start, incidents.c.event_type,
          incidents.c.killed_best, incidents.c.injured_best),
    Index("ix_incidents_lat_lon", incidents.c.lat, incidents.c.lon),  # dropped by migration 4
    Index("ix_incidents_status", incidents.c.status),
    Index("ix_incidents_casualties", incidents.c.killed_best, incidents.c.injured_best),
)

# Migration 4: every index ends with the columns the default order (date_start, id) or the
# timeline sums need, so a filter is decided inside the index and only the page's payloads are read.
FILTER_INDEXES = (
    Index("ix_incidents_country_status", incidents.c.country_code, incidents.c.status,
          incidents.c.date_start, incidents.c.id),
    Index("ix_incidents_country_timeline", incidents.c.country_code, incidents.c.date_start,
          incidents.c.event_type, incidents.c.killed_best, incidents.c.injured_best),
    Index("ix_incidents_place_date", incidents.c.lat, incidents.c.lon, incidents.c.date_start, incidents.c.id),
    # Actor words are matched as substrings: a scan, but of this index instead of the payload rows.
    Index("ix_incidents_date_actor", incidents.c.date_start, incidents.c.id, incidents.c.actor_text),
)

#: SQLite only: a virtual column holding the Monday that starts an incident's ISO week.
SQLITE_WEEK_COLUMN = "week_start"

_SQLITE_WEEK_DDL = (
    # A generated column, not an expression index: SQLite 3.40 reads the table row for every
    # entry of an expression index, but not for an index on a generated column.
    f"ALTER TABLE incidents ADD COLUMN {SQLITE_WEEK_COLUMN} TEXT "
    "GENERATED ALWAYS AS (date(date_start, '-6 days', 'weekday 1')) VIRTUAL",
    f"CREATE INDEX ix_incidents_week ON incidents ({SQLITE_WEEK_COLUMN}, event_type, killed_best, injured_best)",
)

_SQLITE_FTS_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {EVIDENCE_FTS} USING fts5(text, tokenize='unicode61')",
    f"""CREATE TRIGGER IF NOT EXISTS events_fts_insert AFTER INSERT ON events BEGIN
          INSERT INTO {EVIDENCE_FTS}(rowid, text)
          SELECT NEW.rowid, group_concat(json_extract(value, '$.text'), ' ')
          FROM json_each(NEW.payload, '$.evidence');
        END""",
    f"""CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events BEGIN
          DELETE FROM {EVIDENCE_FTS} WHERE rowid = OLD.rowid;
        END""",
    f"""INSERT INTO {EVIDENCE_FTS}(rowid, text)
        SELECT events.rowid, (SELECT group_concat(json_extract(value, '$.text'), ' ')
                              FROM json_each(events.payload, '$.evidence'))
        FROM events""",
)


def search_columns(payload: dict[str, Any]) -> dict[str, Any]:
    """The derived columns of an incident's row, from its record (``models.to_dict`` output)."""
    casualties = payload.get("casualties") or []
    return {
        "killed_best": _best_total(casualties, CasualtyKind.KILLED),
        "injured_best": _best_total(casualties, CasualtyKind.INJURED),
        "actor_text": "\n".join(_actor_words(payload.get("actors") or [])).lower(),
    }


def add_search_index(conn: Connection) -> None:
    """Migration 2: derived columns, their indexes, their values, and the evidence full-text index."""
    present = {column["name"] for column in inspect(conn).get_columns("incidents")}
    for name, sql_type in _NEW_COLUMNS.items():
        if name not in present:
            conn.execute(text(f"ALTER TABLE incidents ADD COLUMN {name} {sql_type}"))
    for index in SEARCH_INDEXES:
        index.create(conn, checkfirst=True)
    _backfill(conn)
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_FTS_DDL:
            conn.execute(text(statement))


def add_filter_indexes(conn: Connection) -> None:
    """Migration 4: composite and covering indexes for the API's filters and the weekly timeline."""
    for index in FILTER_INDEXES:
        index.create(conn, checkfirst=True)
    # ix_incidents_place_date starts with the same columns and covers the default order too.
    conn.execute(text("DROP INDEX IF EXISTS ix_incidents_lat_lon"))
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_WEEK_DDL:
            conn.execute(text(statement))


def _backfill(conn: Connection) -> None:
    rows = conn.execute(select(incidents.c.id, incidents.c.payload)).all()
    for row in rows:
        values = search_columns(row.payload)
        conn.execute(update(incidents).where(incidents.c.id == row.id).values(**values))


def _best_total(casualties: list[dict[str, Any]], kind: CasualtyKind) -> int:
    # Victim groups nest (children are civilians), so the largest figure of any group is the
    # total that is safe to sum over incidents; summing the groups would count people twice.
    figures = [c["best"] if c.get("best") is not None else c.get("min") for c in casualties if c["kind"] == kind]
    return max((figure for figure in figures if figure is not None), default=0)


def _actor_words(actors: list[dict[str, Any]]) -> list[str]:
    return [word for actor in actors for word in (actor.get("name"), actor.get("text")) if word]
