"""Numbered, named schema migrations, applied in order inside one transaction.

Each migration is recorded in ``schema_migrations``; opening a database applies only the
ones it lacks. A migration, once released, is never edited: a later change to a table is a
new migration (and an update of ``schema.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, text

from ..errors import StorageError
from .schema import (
    document_signatures,
    documents,
    events,
    fusion_members,
    incidents,
    metadata,
    rejected,
    schema_migrations,
    signature_bands,
    term_counts,
)
from .search_index import add_filter_indexes, add_search_index
from .timeline_totals import add_timeline_totals

# Any constant will do; it only has to be the same for every conflictlog process.
_PG_MIGRATION_LOCK = 0x636F6E666C6963


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: ``apply`` runs inside the migration transaction."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_initial_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[documents, incidents, events, rejected])


def _create_fusion_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=[fusion_members, document_signatures, signature_bands, term_counts])


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, incidents and rejected tables", _create_initial_tables),
    Migration(2, "incident search columns and evidence full-text index", add_search_index),
    Migration(3, "cross-report fusion: members, text signatures, signature bands, term counts", _create_fusion_tables),
    Migration(4, "incident filter indexes: country and status, place, actor, weekly timeline", add_filter_indexes),
    Migration(5, "per day and event type incident totals, kept by triggers", add_timeline_totals),
)


def migrate(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the migrations ``conn``'s database lacks; return the resulting schema version.

    Must run inside a transaction, so that a failing migration leaves the schema as it was.
    """
    if conn.dialect.name == "postgresql":
        # Two processes opening a fresh database at once must not both create the tables.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    schema_migrations.create(conn, checkfirst=True)
    applied = set(conn.scalars(select(schema_migrations.c.version)))
    _refuse_newer_database(applied, migrations)
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version not in applied:
            _apply(conn, migration)
    return current_version(conn)


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    return conn.scalar(select(schema_migrations.c.version).order_by(schema_migrations.c.version.desc()).limit(1)) or 0


def _apply(conn: Connection, migration: Migration) -> None:
    migration.apply(conn)
    conn.execute(insert(schema_migrations).values(
        version=migration.version, name=migration.name, applied_at=datetime.now(UTC)))


def _refuse_newer_database(applied: set[int], migrations: Sequence[Migration]) -> None:
    known = max((m.version for m in migrations), default=0)
    newest = max(applied, default=0)
    if newest > known:
        raise StorageError(
            f"the database has schema version {newest}, but this conflictlog knows only up to {known}",
            hint="upgrade conflictlog (pip install -U conflictlog) or use another database",
        )
