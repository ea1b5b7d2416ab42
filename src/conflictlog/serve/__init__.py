"""The HTTP API and web dashboard (``conflictlog serve``).

    app = create_app(ServeSettings.from_env("conflict.sqlite"))

JSON under /api (OpenAPI at /openapi.json, docs page at /api/docs), pages at / and
/incidents/{id}. Read-only, except POST /api/documents when an ingest token is configured.
"""

from .app import create_app
from .settings import INGEST_TOKEN_VARIABLE, ServeSettings

__all__ = ["INGEST_TOKEN_VARIABLE", "ServeSettings", "create_app", "serve"]


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
