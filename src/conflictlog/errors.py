"""The exception tree. Every error conflictlog raises on purpose is a ConflictlogError.

    ConflictlogError
     ├── ConfigError         a setting or argument is wrong
     ├── InputError          an input path cannot be read at all (bad items become Rejected)
     ├── ModelError          the spaCy pipeline cannot be loaded
     ├── StorageError        the database cannot be opened, migrated or written
     ├── ExportError         an export cannot be written
     └── SchemaError         a record does not match format v1

Messages say what went wrong and what to do next. The CLI maps each class to an exit code
(see ``conflictlog.cli``).
"""

from __future__ import annotations


class ConflictlogError(Exception):
    """Base class of every error raised by conflictlog on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(ConflictlogError):
    """A setting, flag or environment variable has a value conflictlog cannot use."""

    exit_code = 2


class InputError(ConflictlogError):
    """An input path does not exist or cannot be listed. Single bad items are Rejected, not raised."""

    exit_code = 3


class ModelError(ConflictlogError):
    """The spaCy pipeline named in the settings is not installed or fails to load."""

    exit_code = 4


class StorageError(ConflictlogError):
    """The database cannot be opened, migrated or written."""

    exit_code = 5


class ExportError(ConflictlogError):
    """An export cannot be produced (unknown format, missing optional library, unwritable file)."""

    exit_code = 6


class SchemaError(ConflictlogError):
    """A record does not match export format v1."""

    exit_code = 7
