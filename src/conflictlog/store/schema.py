"""Table definitions shared by both backends (SQLite and PostgreSQL).

Columns that queries filter or sort on are real columns with indexes; the full record of
an event or incident is kept as JSON in ``payload`` so that nothing of format v1 is lost.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

# Explicit constraint names keep migrations and error messages the same on both backends.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that always comes back timezone-aware in UTC (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store every timestamp as UTC."""
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Attach UTC to the naive values SQLite returns."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String, nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("document_id", String, nullable=False, unique=True),
    Column("revision", Integer, nullable=False),
    Column("title", Text),
    Column("published", String, index=True),
    Column("url", Text),
    Column("source", Text, index=True),
    Column("origin", Text, nullable=False),
    Column("locator", Text),
    Column("input_format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String, primary_key=True),
    Column("event_type", String, nullable=False, index=True),
    Column("sub_event_type", String),
    Column("date_start", String, index=True),
    Column("date_end", String),
    Column("country_code", String, index=True),
    Column("status", String(16), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("payload", JSON, nullable=False),
    # Derived from the payload for filtering and aggregation (migration 2, search_index.py).
    Column("killed_best", Integer),
    Column("injured_best", Integer),
    Column("actor_text", Text),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String,
           ForeignKey("documents.document_id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("incident_id", String, ForeignKey("incidents.id", ondelete="SET NULL"), index=True),
    Column("event_type", String, nullable=False, index=True),
    Column("sub_event_type", String),
    Column("date", String, index=True),
    Column("country_code", String, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("mention_group", Integer, nullable=False),
    Column("payload", JSON, nullable=False),
    # Also the index that serves "events of a document, in order".
    UniqueConstraint("document_id", "seq"),
)

rejected = Table(
    "rejected", metadata,
    Column("key", String, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("locator", Text),
    Column("reason", String(32), nullable=False, index=True),
    Column("detail", Text, nullable=False),
    Column("document_id", String),
    Column("stored_at", UTCDateTime, nullable=False),
)

# -- cross-report fusion (migration 2) ------------------------------------------------------

fusion_members = Table(
    "fusion_members", metadata,
    Column("member_id", String, primary_key=True),          # the per-document incident id
    Column("incident_id", String, nullable=False, index=True),
    Column("document_id", String,
           ForeignKey("documents.document_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("date", String, index=True),
    Column("country_code", String),
    Column("profile", JSON, nullable=False),                # fuse.profile.MemberProfile
    Column("decision", JSON, nullable=False),               # models.MergeDecision
)

document_signatures = Table(
    "document_signatures", metadata,
    Column("document_id", String,
           ForeignKey("documents.document_id", ondelete="CASCADE"), primary_key=True),
    Column("published", String),
    Column("signature", LargeBinary, nullable=False),       # MinHash values (fuse.neardup)
    Column("original_id", String, index=True),              # the document this one copies
    Column("similarity", Float),
)

signature_bands = Table(
    "signature_bands", metadata,
    Column("band_key", String, primary_key=True),
    Column("document_id", String,
           ForeignKey("documents.document_id", ondelete="CASCADE"), primary_key=True),
)

term_counts = Table(
    "term_counts", metadata,
    Column("term", String, primary_key=True),
    Column("documents", Integer, nullable=False),
)
