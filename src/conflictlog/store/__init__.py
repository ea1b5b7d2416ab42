"""Storage: one repository layer over SQLAlchemy Core for SQLite (a file) and PostgreSQL (a URL).

    with Repository.open(settings.db) as repo:
        if content_hash not in repo.known_hashes([content_hash]):
            repo.save_result(result)
"""

from .migrations import MIGRATIONS, Migration
from .repository import Repository, SaveOutcome, StoredRejected

__all__ = ["MIGRATIONS", "Migration", "Repository", "SaveOutcome", "StoredRejected"]
