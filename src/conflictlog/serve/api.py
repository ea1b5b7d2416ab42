"""The JSON API under /api: incidents, events, documents and timeline aggregates (read-only)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from ..models import ACLED_EVENT_TYPES, IncidentStatus
from ..store.queries import BoundingBox, IncidentFilter, IncidentSort, Interval, QueryStore
from .detail import incident_detail
from .errors import ERROR_RESPONSES, ApiError

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

_DAY = r"^\d{4}-\d{2}-\d{2}$"
_LON = r"-?(180(\.0+)?|(1[0-7]\d|\d{1,2})(\.\d+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?\d(\.\d+)?)"
# The shape and ranges of a box; south <= north is checked by parse_bbox.
_BBOX = f"^{_LON},{_LAT},{_LON},{_LAT}$"
_EVENT_TYPES = "|".join(t.replace("/", "\\/") for t in ACLED_EVENT_TYPES)


class Page(BaseModel):
    """A page of records: ``total`` match in all, ``items`` start at ``offset``."""

    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


class TimelineBucket(BaseModel):
    """Incidents of one event type in one period, with summed casualty figures (best estimates)."""

    period: str
    event_type: str
    incidents: int
    killed: int
    injured: int


class Timeline(BaseModel):
    """Buckets oldest first."""

    interval: Interval
    buckets: list[TimelineBucket]


def query_store(request: Request) -> QueryStore:
    """The app's read-only store (set up by ``create_app``)."""
    return request.app.state.query_store


Store = Annotated[QueryStore, Depends(query_store)]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="records to skip")]
Limit = Annotated[int, Query(ge=1, le=1000, description="records per page")]


def incident_filter(
    date_from: Annotated[str | None, Query(pattern=_DAY, description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(pattern=_DAY, description="last day, YYYY-MM-DD")] = None,
    bbox: Annotated[str | None, Query(pattern=_BBOX, description="west,south,east,north in degrees")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")] = None,
    event_type: Annotated[str | None, Query(pattern=f"^({_EVENT_TYPES})$", description="ACLED event type")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200, description="part of an actor name")] = None,
    status: IncidentStatus | None = None,
    min_casualties: Annotated[int | None, Query(ge=0, description="killed + injured at least")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, description="words in the evidence")] = None,
) -> IncidentFilter:
    """The incident filters shared by the list and the timeline."""
    return IncidentFilter(date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox) if bbox else None,
                          country=country, event_type=event_type, actor=actor,
                          status=str(status) if status else None, min_casualties=min_casualties, text=q)


Filters = Annotated[IncidentFilter, Depends(incident_filter)]


@router.get("/incidents", response_model=Page, summary="Incidents, filtered, sorted and paged")
def list_incidents(store: Store, where: Filters, sort: IncidentSort = IncidentSort.NEWEST,
                   offset: Offset = 0, limit: Limit = 50) -> Response:
    """Incident records (format v1). ``sort``: ``-date`` (default), ``date``, ``-casualties``, ``casualties``."""
    page = store.incidents(where, sort, offset, limit)
    return json_response({"items": page.items, "total": page.total, "offset": offset, "limit": limit})


@router.get("/incidents/{incident_id}", summary="One incident with its events, claims, sources and history")
def get_incident(store: Store, incident_id: str) -> dict[str, Any]:
    """The incident record with its events, every claim, disputes, sources, contested figures and history."""
    detail = incident_detail(store, incident_id)
    if detail is None:
        raise ApiError(404, f"no incident {incident_id!r}", hint="list incidents with /api/incidents")
    return detail


@router.get("/events", response_model=Page, summary="Events, by document and order")
def list_events(store: Store, incident_id: str | None = None, document_id: str | None = None,
                event_type: Annotated[str | None, Query(pattern=f"^({_EVENT_TYPES})$")] = None,
                offset: Offset = 0, limit: Limit = 100) -> Page:
    """Event records (format v1), optionally of one incident, one document or one event type."""
    page = store.events(incident_id=incident_id, document_id=document_id, event_type=event_type,
                        offset=offset, limit=limit)
    return Page(items=page.items, total=page.total, offset=offset, limit=limit)


@router.get("/documents", response_model=Page, summary="Documents (without their text), newest first")
def list_documents(store: Store, offset: Offset = 0, limit: Limit = 100) -> Page:
    """Document metadata: id, title, published, url, source, origin, input format, when ingested."""
    page = store.documents(offset, limit)
    return Page(items=page.items, total=page.total, offset=offset, limit=limit)


@router.get("/documents/{document_id:path}", summary="One document with its text and evidence spans")
def get_document(store: Store, document_id: str) -> dict[str, Any]:
    """The document, its text, and every evidence span read from it (with the event it supports)."""
    document = store.document(document_id)
    if document is None:
        raise ApiError(404, f"no document {document_id!r}", hint="list documents with /api/documents")
    found = store.events(document_id=document_id, limit=1000).items
    spans = [{**span, "event_id": event["id"]} for event in found for span in event["evidence"]]
    return {**document, "evidence": spans}


@router.get("/timeline", response_model=Timeline, summary="Incidents and casualties per day or week and type")
def timeline(store: Store, where: Filters, interval: Interval = Interval.DAY) -> Response:
    """Counts of incidents and sums of killed and injured per period and event type (dated incidents)."""
    return json_response({"interval": interval.value, "buckets": store.timeline(where, interval)})


def json_response(body: dict[str, Any]) -> Response:
    """``body`` (plain JSON values, as read from the store) serialised once, without model validation.

    The route's ``response_model`` still documents the shape; skipping FastAPI's per-item encoding
    is what keeps a 10k-bucket timeline or a page of large incident records fast.
    """
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def parse_bbox(value: str) -> BoundingBox:
    """``west,south,east,north`` as a BoundingBox; ApiError 422 when it is not four numbers in range."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise ApiError(422, f"bbox {value!r} is not four numbers",
                       hint="write bbox=west,south,east,north, e.g. bbox=44,38,48,41") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, f"bbox {value!r} is out of range",
                       hint="longitudes -180..180, latitudes -90..90, south <= north")
    return BoundingBox(west, south, east, north)
