"""Records to table rows and back.

Events travel as their format v1 record (``models.event_to_v1``); incidents as
``models.to_dict`` output, rebuilt with the generic ``from_dict`` below.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Row

from ..models import (
    Document,
    Event,
    Incident,
    InputFormat,
    Rejected,
    RejectReason,
    event_from_v1,
    event_to_v1,
    to_dict,
)
from .search_index import search_columns

T = TypeVar("T")


def document_row(document: Document, *, revision: int, ingested_at: datetime) -> dict[str, Any]:
    """The ``documents`` row of a Document."""
    return {**to_dict(document), "revision": revision, "ingested_at": ingested_at}


def document_from_row(row: Row[Any]) -> Document:
    """Rebuild a Document from its ``documents`` row."""
    data = row._mapping
    return Document(
        document_id=data["document_id"], text=data["text"], content_hash=data["content_hash"],
        title=data["title"], published=data["published"], url=data["url"], source=data["source"],
        origin=data["origin"], locator=data["locator"], input_format=InputFormat(data["input_format"]),
    )


def event_row(event: Event, seq: int) -> dict[str, Any]:
    """The ``events`` row of an Event; ``seq`` is its place within its document."""
    location = event.location
    return {
        "id": event.id, "document_id": event.document_id, "seq": seq, "incident_id": event.incident_id,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type, "date": event.date,
        "country_code": location.country_code, "lat": location.lat, "lon": location.lon,
        "mention_group": event.group, "payload": event_to_v1(event),
    }


def event_from_row(row: Row[Any]) -> Event:
    """Rebuild an Event; the ``incident_id`` column, kept current by the store, wins over the payload."""
    event = event_from_v1(row.payload)
    event.incident_id = row.incident_id
    event.group = row.mention_group
    return event


def incident_row(incident: Incident) -> dict[str, Any]:
    """The ``incidents`` row of an Incident."""
    location = incident.location
    payload = to_dict(incident)
    return {
        "id": incident.id, "event_type": incident.event_type, "sub_event_type": incident.sub_event_type,
        "date_start": incident.date_start, "date_end": incident.date_end, "status": str(incident.status),
        "country_code": location.country_code, "lat": location.lat, "lon": location.lon,
        "payload": payload, **search_columns(payload),
    }


def incident_from_row(row: Row[Any]) -> Incident:
    """Rebuild an Incident with its nested records and enums."""
    return from_dict(Incident, row.payload)


def rejected_row(item: Rejected, stored_at: datetime) -> dict[str, Any]:
    """The ``rejected`` row of a Rejected item."""
    return {**to_dict(item), "key": item.key, "stored_at": stored_at}


def rejected_from_row(row: Row[Any]) -> Rejected:
    """Rebuild a Rejected item."""
    return Rejected(origin=row.origin, reason=RejectReason(row.reason), detail=row.detail,
                    locator=row.locator, document_id=row.document_id)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild dataclass ``cls`` from ``to_dict`` output, following its type hints into nested records."""
    hints = typing.get_type_hints(cls)
    values = {f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**values)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_decode(item_hint, item) for item in value]
    if origin in (typing.Union, types.UnionType):
        return _decode(_only_type(hint), value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def _only_type(hint: Any) -> Any:
    """``X`` of ``X | None``; records use no other unions."""
    candidates = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if len(candidates) != 1:
        raise TypeError(f"cannot decode a value of the union {hint}")
    return candidates[0]
