"""Schema migrations and the errors a user sees when a database cannot be opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text

from conflictlog.errors import StorageError
from conflictlog.store import MIGRATIONS, Migration, Repository
from conflictlog.store.engine import make_engine


def _table_names(database: str) -> set[str]:
    engine = make_engine(database)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _applied(database: str) -> list[tuple[int, str]]:
    engine = make_engine(database)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text("SELECT version, name FROM schema_migrations ORDER BY 1"))]
    finally:
        engine.dispose()


class CountingMigration:
    """A test migration that adds a table and counts how often it ran."""

    def __init__(self, table: str, fail: bool = False) -> None:
        self.table, self.fail, self.runs = table, fail, 0

    def __call__(self, conn: Connection) -> None:
        self.runs += 1
        conn.execute(text(f"CREATE TABLE {self.table} (id INTEGER PRIMARY KEY)"))
        if self.fail:
            raise RuntimeError("migration broke half-way")


def test_fresh_database_gets_every_table(database: str) -> None:
    with Repository.open(database) as repo:
        assert repo.schema_version() == MIGRATIONS[-1].version
    assert {"documents", "events", "incidents", "rejected", "schema_migrations"} <= _table_names(database)
    assert [version for version, _ in _applied(database)] == [m.version for m in MIGRATIONS]


def test_reopening_applies_only_missing_migrations(database: str) -> None:
    Repository.open(database).close()
    extra = CountingMigration("extra_table")
    newer = (*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "extra table", extra))
    for _ in range(2):
        with Repository.open(database, newer) as repo:
            assert repo.schema_version() == newer[-1].version
    assert extra.runs == 1
    assert _applied(database)[-1] == (newer[-1].version, "extra table")


def test_failing_migration_leaves_schema_untouched(database: str) -> None:
    Repository.open(database).close()
    broken = CountingMigration("half_made", fail=True)
    with pytest.raises(RuntimeError, match="half-way"):
        Repository.open(database, (*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "broken", broken)))
    assert "half_made" not in _table_names(database)  # DDL rolled back with the transaction
    with Repository.open(database) as repo:
        assert repo.schema_version() == MIGRATIONS[-1].version


def test_database_newer_than_the_code_is_refused(database: str) -> None:
    Repository.open(database, (*MIGRATIONS, Migration(99, "from the future", lambda conn: None))).close()
    with pytest.raises(StorageError, match="schema version 99") as raised:
        Repository.open(database)
    assert "upgrade conflictlog" in str(raised.value)


def test_sqlite_uses_write_ahead_logging(tmp_path: Path) -> None:
    path = tmp_path / "wal.sqlite"
    Repository.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_unreachable_postgresql_is_a_storage_error() -> None:
    # Port 1 on the loopback interface refuses at once; no server needed.
    with pytest.raises(StorageError, match="127.0.0.1") as raised:
        Repository.open("postgresql://conflictlog@127.0.0.1:1/conflictlog")
    assert "server is running" in str(raised.value)


def test_password_is_not_shown_in_errors() -> None:
    with pytest.raises(StorageError) as raised:
        Repository.open("postgresql+psycopg://user:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize("db", ["nosuchdriver://host/db", "postgresql+nosuchdriver://host/db"])
def test_unusable_url_is_a_storage_error(db: str) -> None:
    with pytest.raises(StorageError, match="cannot use database") as raised:
        Repository.open(db)
    assert "postgresql+psycopg://" in str(raised.value)


def test_sqlite_path_below_a_file_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where a directory should be")
    with pytest.raises(StorageError, match="not a directory"):
        Repository.open(str(blocker / "conflictlog.sqlite"))


def test_sqlite_path_that_is_a_directory_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="could not open") as raised:
        Repository.open(str(tmp_path))
    assert "writable" in str(raised.value)


def test_sqlite_file_that_is_not_a_database_is_a_storage_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a SQLite database, just text long enough to hold a header" * 20)
    with pytest.raises(StorageError, match="could not open"):
        Repository.open(str(garbage))


def test_opening_a_missing_sqlite_file_for_reading_is_an_error(tmp_path) -> None:
    from conflictlog.errors import StorageError

    missing = tmp_path / "typo.sqlite"
    with pytest.raises(StorageError, match="no database at"):
        Repository.open(str(missing), create=False)
    assert not missing.exists()
