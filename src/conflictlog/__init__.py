"""conflictlog: a sourced, geocoded, deduplicated incident database from conflict reporting."""

from .errors import (
    ConfigError,
    ConflictlogError,
    ExportError,
    InputError,
    ModelError,
    SchemaError,
    StorageError,
)
from .models import Document, Event, Incident, Mention, Rejected

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "ConflictlogError",
    "Document",
    "Event",
    "ExportError",
    "Incident",
    "InputError",
    "Mention",
    "ModelError",
    "Rejected",
    "SchemaError",
    "StorageError",
    "__version__",
]
