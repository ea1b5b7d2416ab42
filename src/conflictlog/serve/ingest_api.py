"""POST /api/documents: run the pipeline on posted reports and store them.

Off unless a token is configured ($CONFLICTLOG_INGEST_TOKEN); callers send it as
``Authorization: Bearer TOKEN``. The spaCy pipeline is loaded on the first accepted request.
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from ..config import DEFAULT_MAX_CHARS
from ..models import Document, DocumentResult, InputFormat, content_hash
from ..run.pipeline import Pipeline, PipelineSpec
from ..store import Repository, SaveOutcome
from .errors import ERROR_RESPONSES, ApiError, ErrorEnvelope
from .settings import INGEST_TOKEN_VARIABLE, ServeSettings

router = APIRouter(prefix="/api", responses={
    **ERROR_RESPONSES,
    401: {"model": ErrorEnvelope, "description": "missing or wrong token"},
    403: {"model": ErrorEnvelope, "description": "ingest is off (no token configured)"},
})

_pipeline_lock = threading.Lock()


class PostedDocument(BaseModel):
    """One report to ingest; ``id`` is kept as its document_id."""

    id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=DEFAULT_MAX_CHARS)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}")
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    """Reports to ingest, at most 100 per request."""

    documents: list[PostedDocument] = Field(min_length=1, max_length=100)


class IngestResult(BaseModel):
    """What the request changed in the database."""

    added: int = 0
    replaced: int = 0
    duplicates: int = 0
    events: int = 0
    incidents: int = 0
    failed: list[str] = []


@router.post("/documents", response_model=IngestResult, summary="Ingest reports (needs the configured token)")
def post_documents(request: Request, body: IngestRequest,
                   authorization: Annotated[str | None, Header()] = None) -> IngestResult:
    """Run the pipeline on the posted reports and store them; exact copies of stored text are skipped."""
    settings: ServeSettings = request.app.state.settings
    check_token(settings.ingest_token, authorization)
    documents = [_document(posted) for posted in body.documents]
    result = IngestResult()
    with Repository.open(settings.db) as repo:
        known = repo.known_hashes(d.content_hash for d in documents)
        fresh = [d for d in documents if d.content_hash not in known]
        result.duplicates = len(documents) - len(fresh)
        for outcome in _pipeline(request).process(fresh) if fresh else []:
            _count(result, outcome, repo.save_result(outcome))
    return result


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise ApiError 403 when ingest is off, 401 when the bearer token is missing or wrong."""
    if not expected:
        raise ApiError(403, "ingest over HTTP is off", hint=f"start the server with {INGEST_TOKEN_VARIABLE} set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        error = ApiError(401, "missing or wrong ingest token", hint="send the header Authorization: Bearer TOKEN")
        error.headers = {"WWW-Authenticate": "Bearer"}
        raise error


def _pipeline(request: Request) -> Pipeline:
    # Loading spaCy takes seconds and memory: once per app, and never twice at once.
    with _pipeline_lock:
        if getattr(request.app.state, "pipeline", None) is None:
            request.app.state.pipeline = PipelineSpec(model=request.app.state.settings.model).build()
        return request.app.state.pipeline


def _document(posted: PostedDocument) -> Document:
    return Document(document_id=posted.id, text=posted.text, content_hash=content_hash(posted.text),
                    title=posted.title, published=posted.published, url=posted.url, source=posted.source,
                    origin="api", input_format=InputFormat.JSONL)


def _count(result: IngestResult, processed: DocumentResult, outcome: SaveOutcome) -> None:
    if outcome == SaveOutcome.DUPLICATE:
        result.duplicates += 1
        return
    result.added += outcome == SaveOutcome.ADDED
    result.replaced += outcome == SaveOutcome.REPLACED
    result.events += len(processed.events)
    result.incidents += len(processed.incidents)
    if processed.failure:
        result.failed.append(processed.document.document_id)
