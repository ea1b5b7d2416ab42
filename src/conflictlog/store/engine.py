"""Engines for the two backends, and the translation of driver errors into StorageError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError

from ..config import database_url
from ..errors import StorageError

#: Execution option that makes a SQLite transaction take the write lock at BEGIN.
WRITE_OPTION = "conflictlog_write"

_SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",       # readers never block the writer
    "PRAGMA synchronous=NORMAL",     # durable at each checkpoint, safe with WAL
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",     # wait for another writer rather than fail at once
)
_URL_HINT = "give a SQLite file path or a URL such as postgresql+psycopg://user@host:5432/dbname"
_PG_HINT = "check that the PostgreSQL server is running and that host, port, user and database in the URL are right"
_SQLITE_HINT = "check that the file's directory exists and is writable, and that the file is a conflictlog database"


def make_engine(db: str) -> Engine:
    """An engine for ``db`` (a SQLite path or a SQLAlchemy URL), with the SQLite settings installed."""
    url = parse_url(db)
    try:
        engine = create_engine(url, **_engine_options(url))
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"cannot use database {shown(url)}: {exc}", hint=_URL_HINT) from exc
    if engine.dialect.name == "sqlite":
        _install_sqlite_hooks(engine)
    return engine


def parse_url(db: str) -> URL:
    """The URL for ``db``; a bare ``postgresql://`` URL gets the psycopg 3 driver that is installed."""
    try:
        url = make_url(database_url(db))
    except ArgumentError as exc:
        raise StorageError(f"cannot understand database {db!r}", hint=_URL_HINT) from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite":
        _check_sqlite_directory(url)
    return url


def require_existing(db: str) -> None:
    """Raise StorageError when ``db`` names a SQLite file that does not exist."""
    url = parse_url(db)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        if not Path(url.database).is_file():
            raise StorageError(f"there is no database at {url.database}",
                               hint=f"check the --db path, or create it with: conflictlog ingest PATH --db {db}")


def shown(url: URL) -> str:
    """The URL as safe to print (password hidden)."""
    return url.render_as_string(hide_password=True)


@contextmanager
def storage_errors(action: str, url: URL) -> Iterator[None]:
    """Turn a database error raised while doing ``action`` into a StorageError with a hint."""
    try:
        yield
    except IntegrityError as exc:
        raise StorageError(f"could not {action}: {_reason(exc)}",
                           hint="the records conflict with stored ones (e.g. an id used by another document)") from exc
    except OperationalError as exc:
        hint = _SQLITE_HINT if url.get_backend_name() == "sqlite" else _PG_HINT
        raise StorageError(f"could not {action} in {shown(url)}: {_reason(exc)}", hint=hint) from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"could not {action} in {shown(url)}: {_reason(exc)}",
                           hint="check that the database is a conflictlog database and not damaged") from exc


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig if orig is not None else exc).split())


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql":
        return {"connect_args": {"connect_timeout": 10}, "pool_pre_ping": True}
    return {}


def _check_sqlite_directory(url: URL) -> None:
    if not url.database or url.database == ":memory:":
        return
    directory = Path(url.database).parent
    if not directory.is_dir():
        raise StorageError(f"cannot create the SQLite database {url.database}: {directory} is not a directory",
                           hint="create the directory first or choose another --db path")


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (below): the sqlite3 module would otherwise
        # leave DDL outside the transaction, and migrations must be all-or-nothing.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer takes the lock up front, so two writers queue on busy_timeout instead of
        # deadlocking when both try to upgrade a read lock.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
