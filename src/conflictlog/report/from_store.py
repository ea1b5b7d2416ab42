"""Export what is stored: read records from the repository and hand them to an exporter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from ..models import event_to_v1, to_dict
from ..store import Repository
from .export import ExportFormat, ExportLevel, export_records


def stored_records(repo: Repository, level: ExportLevel) -> Iterator[dict[str, Any]]:
    """Format v1 records of one level, streamed from the repository."""
    if level == ExportLevel.EVENTS:
        return (event_to_v1(event) for event in repo.iter_events())
    return (to_dict(incident) for incident in repo.iter_incidents())


def export_database(db: str, level: ExportLevel | str, fmt: ExportFormat | str, out: BinaryIO) -> int:
    """Write every stored record of ``level`` to ``out`` in ``fmt``; returns how many were written."""
    level, fmt = ExportLevel.parse(level), ExportFormat.parse(fmt)
    with Repository.open(db) as repo:
        return export_records(stored_records(repo, level), level, fmt, out)
