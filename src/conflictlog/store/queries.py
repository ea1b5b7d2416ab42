"""Read-only queries for the HTTP API: filtered, paged incidents, events, documents and timelines.

Filters run on indexed columns (``search_index.py``): no payload is parsed to decide whether a
row matches, so a page of 100k incidents costs one index walk and a count.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    String,
    Text,
    and_,
    false,
    cast,
    column,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.sql.selectable import TextualSelect

from ..models import event_to_v1
from . import codec
from .engine import make_engine, require_existing, storage_errors
from .schema import documents, events, incidents
from .search_index import EVIDENCE_FTS, SQLITE_WEEK_COLUMN
from .timeline_totals import incident_days


class IncidentSort(StrEnum):
    """Orders the incident list can be read in."""

    NEWEST = "-date"
    OLDEST = "date"
    MOST_CASUALTIES = "-casualties"
    FEWEST_CASUALTIES = "casualties"


class Interval(StrEnum):
    """Bucket size of a timeline."""

    DAY = "day"
    WEEK = "week"


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """West, south, east, north in degrees (WGS 84); west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents to read; every field left None matches everything."""

    date_from: str | None = None
    date_to: str | None = None
    bbox: BoundingBox | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    status: str | None = None
    min_casualties: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PageOf:
    """One page of records and how many match in all."""

    items: list[dict[str, Any]]
    total: int


class QueryStore:
    """Read-only access to one conflictlog database for the API."""

    def __init__(self, db: str) -> None:
        """Connect to the existing database ``db`` (migrate it first with ``Repository.open``)."""
        require_existing(db)
        self._engine: Engine = make_engine(db)

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def incidents(self, where: IncidentFilter, sort: IncidentSort, offset: int, limit: int) -> PageOf:
        """Incidents matching ``where`` in ``sort`` order, ``limit`` of them from ``offset``."""
        conditions = self._incident_conditions(where)
        # Late row lookup: the page's ids are chosen inside the indexes, and only then are their
        # (large) payload rows read, instead of sorting every matching payload.
        page_ids = (select(incidents.c.id).where(*self._incident_conditions(where, walk_order=True))
                    .order_by(*_ORDER[sort]).offset(offset).limit(limit))
        page = select(incidents.c.payload).where(incidents.c.id.in_(page_ids)).order_by(*_ORDER[sort])
        count = select(func.count()).select_from(incidents).where(*conditions)
        with self._read("list incidents") as conn:
            return PageOf([row.payload for row in conn.execute(page)], conn.scalar(count) or 0)

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident's record, or None."""
        with self._read(f"read incident {incident_id}") as conn:
            return conn.scalar(select(incidents.c.payload).where(incidents.c.id == incident_id))

    def events(self, *, incident_id: str | None = None, document_id: str | None = None,
               event_type: str | None = None, offset: int = 0, limit: int = 100) -> PageOf:
        """Event records (format v1), by document and order within it."""
        conditions = [column == value for column, value in (
            (events.c.incident_id, incident_id), (events.c.document_id, document_id),
            (events.c.event_type, event_type)) if value is not None]
        page = select(events).where(*conditions).order_by(events.c.document_id, events.c.seq)
        count = select(func.count()).select_from(events).where(*conditions)
        with self._read("list events") as conn:
            rows = conn.execute(page.offset(offset).limit(limit))
            items = [event_to_v1(codec.event_from_row(row)) for row in rows]
            return PageOf(items, conn.scalar(count) or 0)

    def documents(self, offset: int, limit: int) -> PageOf:
        """Documents without their text, newest first."""
        columns = [documents.c[name] for name in _DOCUMENT_SUMMARY]
        page = select(*columns).order_by(documents.c.published.desc(), documents.c.document_id)
        with self._read("list documents") as conn:
            items = [dict(row._mapping) for row in conn.execute(page.offset(offset).limit(limit))]
            return PageOf(items, conn.scalar(select(func.count()).select_from(documents)) or 0)

    def document(self, document_id: str) -> dict[str, Any] | None:
        """One document with its text, or None."""
        with self._read(f"read document {document_id}") as conn:
            row = conn.execute(select(documents).where(documents.c.document_id == document_id)).first()
        if row is None:
            return None
        return {name: row._mapping[name] for name in (*_DOCUMENT_SUMMARY, "text")}

    def timeline(self, where: IncidentFilter, interval: Interval) -> list[dict[str, Any]]:
        """Per period and event type: incidents and the sums of killed and injured, oldest first."""
        if where == IncidentFilter(date_from=where.date_from, date_to=where.date_to, event_type=where.event_type):
            query = self._timeline_from_totals(where, interval)
        else:
            query = self._timeline_from_incidents(where, interval)
        with self._read("aggregate the timeline") as conn:
            # Rows zipped with the names: ~10k buckets per request make Row mappings cost.
            return [dict(zip(_BUCKET_FIELDS, row, strict=True)) for row in conn.execute(query)]

    # -- building blocks ---------------------------------------------------------------

    def _incident_conditions(self, where: IncidentFilter, walk_order: bool = False) -> list[ColumnElement[bool]]:
        conditions = [column == value for column, value in (
            (incidents.c.country_code, where.country and where.country.upper()),
            (incidents.c.event_type, where.event_type), (incidents.c.status, where.status)) if value]
        if where.date_from:
            conditions.append(incidents.c.date_start >= where.date_from)
        if where.date_to:
            conditions.append(incidents.c.date_start <= where.date_to)
        if where.min_casualties is not None:
            conditions.append(incidents.c.killed_best + incidents.c.injured_best >= where.min_casualties)
        if where.actor:
            conditions.append(incidents.c.actor_text.contains(where.actor.lower(), autoescape=True))
        if where.bbox:
            conditions.append(_inside(where.bbox))
        if where.text:
            key = self._unindexed_id() if walk_order else incidents.c.id
            conditions.append(key.in_(self._evidence_matches(where.text)))
        return conditions

    def _evidence_matches(self, query: str) -> Select[Any] | TextualSelect:
        if self._engine.dialect.name == "sqlite":
            # INDEXED BY: the incident of each matching event is read from the (incident_id, rowid)
            # index in one scan, instead of one lookup of a large event row per match.
            return (text(f"SELECT incident_id FROM events INDEXED BY ix_events_incident_id WHERE rowid IN "
                         f"(SELECT rowid FROM {EVIDENCE_FTS} WHERE {EVIDENCE_FTS} MATCH :fts)")
                    .bindparams(fts=fts_query(query)).columns(column("incident_id", String)))
        # Every word, anywhere in the evidence, as FTS5 finds them on SQLite (no word: no match).
        evidence = cast(events.c.payload["evidence"], Text)
        words = [evidence.icontains(word, autoescape=True) for word in query.split()]
        return select(events.c.incident_id).where(*(words or [false()]))

    def _unindexed_id(self) -> ColumnElement[Any]:
        if self._engine.dialect.name == "sqlite":
            # For a page, the unary plus keeps SQLite from looking up thousands of text matches one by
            # one and sorting them: it walks the sort's covering index and tests membership instead.
            return literal_column("+incidents.id")
        return incidents.c.id

    def _timeline_from_totals(self, where: IncidentFilter, interval: Interval) -> Select[Any]:
        # Dates and type only: the per day totals kept by triggers answer without reading incidents.
        day = incident_days.c.day
        bucket = self._week(day) if interval == Interval.WEEK else day
        conditions = [incident_days.c.incidents > 0]
        if where.date_from:
            conditions.append(day >= where.date_from)
        if where.date_to:
            conditions.append(day <= where.date_to)
        if where.event_type:
            conditions.append(incident_days.c.event_type == where.event_type)
        return (select(bucket.label("period"), incident_days.c.event_type, func.sum(incident_days.c.incidents),
                       func.sum(incident_days.c.killed), func.sum(incident_days.c.injured))
                .where(*conditions)
                .group_by(bucket, incident_days.c.event_type).order_by(bucket, incident_days.c.event_type))

    def _timeline_from_incidents(self, where: IncidentFilter, interval: Interval) -> Select[Any]:
        bucket = self._period(interval)
        return (select(bucket.label("period"), incidents.c.event_type, func.count(),
                       func.coalesce(func.sum(incidents.c.killed_best), 0),
                       func.coalesce(func.sum(incidents.c.injured_best), 0))
                # On the bucket, not on date_start: so the week index alone answers a query on it.
                .where(bucket.is_not(None), *self._incident_conditions(where))
                .group_by(bucket, incidents.c.event_type).order_by(bucket, incidents.c.event_type))

    def _period(self, interval: Interval) -> ColumnElement[Any]:
        day = incidents.c.date_start
        if interval == Interval.DAY:
            # date_start is a YYYY-MM-DD day (format v1): grouping on the bare column walks ix_incidents_timeline.
            return day
        if self._engine.dialect.name == "sqlite":
            # The Monday that starts the ISO week, a generated column indexed by ix_incidents_week.
            return literal_column(SQLITE_WEEK_COLUMN)
        return self._week(day)

    def _week(self, day: ColumnElement[Any]) -> ColumnElement[Any]:
        """The Monday that starts the ISO week of ``day``, as YYYY-MM-DD."""
        if self._engine.dialect.name == "sqlite":
            return func.date(day, "-6 days", "weekday 1")
        return func.to_char(func.date_trunc("week", cast(func.substr(day, 1, 10), Date)), "YYYY-MM-DD")

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        with storage_errors(action, self._engine.url), self._engine.connect() as conn, conn.begin():
            yield conn


def fts_query(words: str) -> str:
    """An FTS5 query that finds every word of ``words`` as typed: each is quoted, so no syntax leaks in."""
    tokens = [token.replace('"', '""') for token in words.split()]
    return " ".join(f'"{token}"' for token in tokens) or '""'


def _inside(box: BoundingBox) -> ColumnElement[bool]:
    latitude = incidents.c.lat.between(box.south, box.north)
    if box.west <= box.east:
        return and_(latitude, incidents.c.lon.between(box.west, box.east))
    return and_(latitude, (incidents.c.lon >= box.west) | (incidents.c.lon <= box.east))


_BUCKET_FIELDS = ("period", "event_type", "incidents", "killed", "injured")
_DOCUMENT_SUMMARY = ("document_id", "title", "published", "url", "source", "origin", "input_format", "ingested_at")

# Casualty order is killed first, then injured: it walks ix_incidents_casualties.
_ORDER = {
    IncidentSort.NEWEST: (incidents.c.date_start.desc(), incidents.c.id),
    IncidentSort.OLDEST: (incidents.c.date_start.asc(), incidents.c.id),
    IncidentSort.MOST_CASUALTIES: (incidents.c.killed_best.desc(), incidents.c.injured_best.desc(), incidents.c.id),
    IncidentSort.FEWEST_CASUALTIES: (incidents.c.killed_best.asc(), incidents.c.injured_best.asc(), incidents.c.id),
}
