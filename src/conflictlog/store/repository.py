"""The one storage layer of conflictlog: documents, events, incidents and rejected items.

Every write is one transaction, so a crash leaves a document either fully stored or not at
all; an interrupted ingest is resumed by skipping the ``known_hashes`` and saving the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Executable, Row, func, insert, select
from sqlalchemy.exc import IntegrityError

from ..errors import StorageError
from ..models import Document, DocumentResult, Event, Incident, Rejected
from . import codec
from .batch import SaveOutcome, save_batch
from .engine import WRITE_OPTION, make_engine, require_existing, storage_errors
from .fusion import FusionStore
from .migrations import MIGRATIONS, Migration, current_version, migrate
from .schema import documents, events, incidents, rejected
from .writes import chunks, delete_documents, insert_rejected, link_events, now, replace_incidents

_STREAM_BATCH = 500


@dataclass(frozen=True, slots=True)
class StoredRejected:
    """A rejected item and when it was first stored."""

    item: Rejected
    stored_at: datetime


class Repository(FusionStore):
    """Reads and writes one conflictlog database, SQLite or PostgreSQL (fusion methods: ``store.fusion``)."""

    def __init__(self, db: str, migrations: Sequence[Migration] = MIGRATIONS, *, create: bool = True) -> None:
        """Connect to ``db`` and bring its schema up to date; prefer ``Repository.open``."""
        if not create:
            require_existing(db)
        self._engine = make_engine(db)
        self._url = self._engine.url
        try:
            with self._write("open and migrate the database") as conn:
                migrate(conn, migrations)
        except BaseException:
            self._engine.dispose()
            raise

    @classmethod
    def open(cls, db: str, migrations: Sequence[Migration] = MIGRATIONS, *, create: bool = True) -> Repository:
        """Open ``db`` (a SQLite file path or a SQLAlchemy URL), creating or migrating its schema.

        With ``create=False`` a SQLite file that does not exist is an error, not a new empty
        database: reading commands use it so a mistyped path is reported, not exported as nothing.
        """
        return cls(db, migrations, create=create)

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def save_result(self, result: DocumentResult) -> SaveOutcome:
        """Store a document with its events, incidents and failure (if any) in one transaction."""
        document = result.document
        _check_events_belong(document, result.events)
        try:
            with self._write(f"save document {document.document_id}") as conn:
                return _save_result(conn, result)
        except StorageError as error:
            # Another process may have stored the same text between our check and insert.
            if isinstance(error.__cause__, IntegrityError) and self.known_hashes([document.content_hash]):
                return SaveOutcome.DUPLICATE
            raise

    def save_results(self, results: Sequence[DocumentResult]) -> list[SaveOutcome]:
        """Store a batch of results in one transaction; one outcome per result, as ``save_result`` gives them.

        Nothing of the batch is stored if the transaction fails. When another writer stored one
        of the same texts meanwhile (an IntegrityError), the batch is saved again one by one.
        """
        for result in results:
            _check_events_belong(result.document, result.events)
        try:
            with self._write(f"save a batch of {len(results)} documents") as conn:
                return save_batch(conn, results)
        except StorageError as error:
            if isinstance(error.__cause__, IntegrityError):
                return [self.save_result(result) for result in results]
            raise

    def save_rejected(self, item: Rejected) -> bool:
        """Store a rejected input item; False if it was stored before."""
        with self._write(f"save rejected item from {item.origin}") as conn:
            return insert_rejected(conn, item)

    def replace_incidents(self, document_ids: Iterable[str], new_incidents: list[Incident]) -> None:
        """Drop the incidents holding events of ``document_ids``, store ``new_incidents`` and link their events."""
        with self._write("replace incidents") as conn:
            replace_incidents(conn, document_ids, new_incidents)

    # -- reading -----------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` that belong to stored documents."""
        found: set[str] = set()
        with self._read("look up content hashes") as conn:
            for chunk in chunks(sorted(set(hashes))):
                query = select(documents.c.content_hash).where(documents.c.content_hash.in_(chunk))
                found.update(conn.scalars(query))
        return found

    def get_document(self, document_id: str) -> Document | None:
        """The stored document with this id, or None."""
        with self._read(f"read document {document_id}") as conn:
            row = conn.execute(select(documents).where(documents.c.document_id == document_id)).first()
        return codec.document_from_row(row) if row else None

    def iter_documents(self) -> Iterator[Document]:
        """Every document, by document_id."""
        for row in self._stream(select(documents).order_by(documents.c.document_id)):
            yield codec.document_from_row(row)

    def iter_events(self, document_ids: Iterable[str] | None = None) -> Iterator[Event]:
        """Events (of ``document_ids``, or all), ordered by document then their order in it."""
        query = select(events).order_by(events.c.document_id, events.c.seq)
        if document_ids is None:
            batches: Iterable[Executable] = [query]
        else:
            batches = (query.where(events.c.document_id.in_(chunk)) for chunk in chunks(sorted(set(document_ids))))
        for batch in batches:
            for row in self._stream(batch):
                yield codec.event_from_row(row)

    def iter_incidents(self) -> Iterator[Incident]:
        """Every incident, by id."""
        for row in self._stream(select(incidents).order_by(incidents.c.id)):
            yield codec.incident_from_row(row)

    def iter_rejected(self) -> Iterator[StoredRejected]:
        """Every rejected item with when it was stored, oldest first."""
        for row in self._stream(select(rejected).order_by(rejected.c.stored_at, rejected.c.key)):
            yield StoredRejected(codec.rejected_from_row(row), row.stored_at)

    def stats(self) -> dict[str, Any]:
        """Counts: documents, events, incidents, rejected, rejected_by_reason, events_by_type."""
        with self._read("count records") as conn:
            by_reason = _counts_by(conn, rejected.c.reason)
            return {
                "documents": conn.scalar(select(func.count()).select_from(documents)),
                "events": conn.scalar(select(func.count()).select_from(events)),
                "incidents": conn.scalar(select(func.count()).select_from(incidents)),
                "rejected": sum(by_reason.values()),
                "rejected_by_reason": by_reason,
                "events_by_type": _counts_by(conn, events.c.event_type),
            }

    def schema_version(self) -> int:
        """The number of the newest migration applied to this database."""
        with self._read("read the schema version") as conn:
            return current_version(conn)

    # -- connections ---------------------------------------------------------------------

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with storage_errors(action, self._url), self._engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        with storage_errors(action, self._url), self._engine.connect() as conn, conn.begin():
            yield conn

    def _stream(self, query: Executable) -> Iterator[Row[Any]]:
        with self._read("read records") as conn:
            yield from conn.execution_options(yield_per=_STREAM_BATCH).execute(query)


def _save_result(conn: Connection, result: DocumentResult) -> SaveOutcome:
    document = result.document
    if conn.scalar(select(documents.c.content_hash).where(documents.c.content_hash == document.content_hash)):
        return SaveOutcome.DUPLICATE
    previous = conn.execute(select(documents.c.content_hash, documents.c.revision)
                            .where(documents.c.document_id == document.document_id)).first()
    if previous:
        delete_documents(conn, [document.document_id])
    revision = previous.revision + 1 if previous else 1
    conn.execute(insert(documents).values(codec.document_row(document, revision=revision, ingested_at=now())))
    # Incidents go in before the events that point at them (events.incident_id is a foreign key).
    if result.incidents:
        replace_incidents(conn, [document.document_id], result.incidents)
    if result.events:
        conn.execute(insert(events), [codec.event_row(event, seq) for seq, event in enumerate(result.events)])
        link_events(conn, result.incidents)
    if result.failure:
        insert_rejected(conn, result.failure)
    return SaveOutcome.REPLACED if previous else SaveOutcome.ADDED


def _counts_by(conn: Connection, column: Any) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: count for key, count in rows}


def _check_events_belong(document: Document, document_events: list[Event]) -> None:
    strays = [event.id for event in document_events if event.document_id != document.document_id]
    if strays:
        raise ValueError(f"events {strays} do not belong to document {document.document_id}")
