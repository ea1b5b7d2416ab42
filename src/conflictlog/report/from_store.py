"""Export straight from a conflictlog database (what ``conflictlog export`` runs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from ..models import event_to_v1, to_dict
from ..store import Repository
from .export import ExportFormat, export_records, parse_format
from .schema import ExportLevel, parse_level


def export_database(db: str, level: ExportLevel | str, fmt: ExportFormat | str, out: BinaryIO) -> int:
    """Stream the stored ``level`` records of ``db`` to ``out`` as ``fmt``; return how many were written."""
    parsed_level, parsed_format = parse_level(level), parse_format(fmt)   # a bad choice fails before the db opens
    with Repository.open(db, create=False) as repo:
        return export_records(_stored_records(repo, parsed_level), parsed_level, parsed_format, out)


def _stored_records(repo: Repository, level: ExportLevel) -> Iterator[dict[str, Any]]:
    if level is ExportLevel.EVENTS:
        return (event_to_v1(event) for event in repo.iter_events())
    return (to_dict(incident) for incident in repo.iter_incidents())
