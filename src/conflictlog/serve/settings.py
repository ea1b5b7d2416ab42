"""What the web app needs to know: the database, the ingest token and where its static files are."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Environment variable holding the token that turns on ``POST /api/documents``.
INGEST_TOKEN_VARIABLE = "CONFLICTLOG_INGEST_TOKEN"

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
TEMPLATE_DIR = PACKAGE_DIR / "templates"


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Settings of one app: ``ingest_token`` None keeps the ingest endpoint off (the default)."""

    db: str
    ingest_token: str | None = None
    model: str | None = None

    @classmethod
    def from_env(cls, db: str, model: str | None = None) -> ServeSettings:
        """Settings for ``db`` with the ingest token read from $CONFLICTLOG_INGEST_TOKEN."""
        token = os.environ.get(INGEST_TOKEN_VARIABLE) or None
        return cls(db=db, ingest_token=token, model=model)


def vendor_assets_present() -> bool:
    """Whether scripts/setup_frontend.sh has put the map and chart libraries in place."""
    return (VENDOR_DIR / "leaflet" / "leaflet.js").is_file()
