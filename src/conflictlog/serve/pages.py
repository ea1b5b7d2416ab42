"""HTML pages: the dashboard (map, filters, timeline), the incident page and the API docs page.

Pages are Jinja2 templates with autoescaping on; article text reaches them only as segments
that the template escapes. Scripts are files under /static (the CSP forbids inline ones).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..models import ACLED_EVENT_TYPES, IncidentStatus
from .api import query_store
from .detail import articles, incident_detail
from .errors import ApiError
from .settings import TEMPLATE_DIR, vendor_assets_present

router = APIRouter(include_in_schema=False)
# Autoescape everything, whatever the template name: article text is untrusted.
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True))


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    """Map of incidents, filters and the timeline chart."""
    return templates.TemplateResponse(request, "dashboard.html", {
        "event_types": list(ACLED_EVENT_TYPES), "statuses": [str(s) for s in IncidentStatus],
        "assets_ready": vendor_assets_present()})


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str) -> HTMLResponse:
    """Every claim, source, dispute, contested figure and the history of one incident, with its articles."""
    store = query_store(request)
    detail = incident_detail(store, incident_id)
    if detail is None:
        raise ApiError(404, f"no incident {incident_id!r}", hint="go back to the map at /")
    return templates.TemplateResponse(request, "incident.html", {**detail, "articles": articles(store, detail)})


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI over /openapi.json, served from the app's own files."""
    return templates.TemplateResponse(request, "api_docs.html", {"assets_ready": vendor_assets_present()})
