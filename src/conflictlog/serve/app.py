"""The ASGI app: JSON API, dashboard pages and static files, with one error envelope and a strict CSP."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Repository
from ..store.queries import QueryStore
from . import api, ingest_api, pages
from .errors import install_error_handlers
from .settings import STATIC_DIR, ServeSettings

# Nothing but the app's own files: injected markup can neither run script nor call out.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_SECURITY_HEADERS = {"Content-Security-Policy": _CSP, "X-Content-Type-Options": "nosniff",
                     "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def create_app(settings: ServeSettings) -> FastAPI:
    """The app over ``settings.db``; the database must exist (it is migrated to the current schema)."""
    Repository.open(settings.db, create=False).close()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.query_store.close()

    app = FastAPI(title="conflictlog", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced, geocoded conflict incidents: every figure tied to who said it.")
    app.state.settings = settings
    app.state.query_store = QueryStore(settings.db)
    app.state.pipeline = None
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(ingest_api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.middleware("http")(_security_headers)
    return app


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in _SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
