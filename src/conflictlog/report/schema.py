"""Format v1 validation: the shipped JSON Schemas plus the checks a schema cannot express.

The schemas (``event.v1.schema.json``, ``incident.v1.schema.json``, next to this module) are
the contract other tools can use on their own. ``validate_record`` adds what draft 2020-12
cannot say simply: a range's lower bound must not exceed its upper bound, and an evidence
span must not end before it starts.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ..errors import ExportError, SchemaError

E = TypeVar("E", bound=StrEnum)

SCHEMA_HINT = "see docs/format.md for format v1"


class ExportLevel(StrEnum):
    """Which records an export holds: one row per event mention, or per fused incident."""

    EVENTS = "events"
    INCIDENTS = "incidents"


_SCHEMA_FILES = {
    ExportLevel.EVENTS: "event.v1.schema.json",
    ExportLevel.INCIDENTS: "incident.v1.schema.json",
}


def parse_choice(choices: type[E], value: str, what: str) -> E:
    """``value`` as a member of the enum ``choices``, or an ExportError that lists the valid ones."""
    try:
        return choices(value)
    except ValueError:
        valid = ", ".join(member.value for member in choices)
        raise ExportError(f"unknown {what} {value!r}", hint=f"use one of: {valid}") from None


def parse_level(level: str) -> ExportLevel:
    """``level`` as an ExportLevel, or an ExportError that lists the valid levels."""
    return parse_choice(ExportLevel, level, "export level")


def schema(level: str) -> dict[str, Any]:
    """The format v1 JSON Schema (draft 2020-12) of ``level`` ("events" or "incidents")."""
    return copy.deepcopy(_load_schema(parse_level(level)))


@cache
def _load_schema(level: ExportLevel) -> dict[str, Any]:
    name = _SCHEMA_FILES[level]
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def _validator(level: ExportLevel) -> Draft202012Validator:
    return Draft202012Validator(_load_schema(level), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def field_names(level: str) -> tuple[str, ...]:
    """The top-level fields of a ``level`` record, in format v1 order."""
    return tuple(_load_schema(parse_level(level))["properties"])


def validate_record(record: dict[str, Any], level: str) -> None:
    """Raise SchemaError (naming the JSON path) unless ``record`` is a valid format v1 record."""
    parsed = parse_level(level)
    error = best_match(_validator(parsed).iter_errors(record))
    if error is not None:
        raise SchemaError(f"{parsed.value} record {_record_id(record)}: {_describe(error)}", hint=SCHEMA_HINT)
    problem = next(_range_problems(record), None)
    if problem is not None:
        raise SchemaError(f"{parsed.value} record {_record_id(record)}: {problem}", hint=SCHEMA_HINT)


def _record_id(record: Any) -> str:
    return repr(record.get("id")) if isinstance(record, dict) else "(not an object)"


def _describe(error: ValidationError) -> str:
    return f"{error.json_path}: {error.message}"


def _range_problems(record: dict[str, Any]) -> Iterator[str]:
    """Ordered-bound violations: casualty min/best/max, evidence start/end, incident dates."""
    yield from _bounds("$", record, ("date_start", "date_end"))
    for index, casualty in enumerate(record.get("casualties", [])):
        yield from _bounds(f"$.casualties[{index}]", casualty, ("min", "best", "max"))
    for h_index, entry in enumerate(record.get("history", [])):
        for index, casualty in enumerate(entry["casualties"]):
            yield from _bounds(f"$.history[{h_index}].casualties[{index}]", casualty, ("min", "best", "max"))
    for index, span in enumerate(record.get("evidence", [])):
        yield from _bounds(f"$.evidence[{index}]", span, ("start", "end"))


def _bounds(path: str, item: dict[str, Any], keys: tuple[str, ...]) -> Iterator[str]:
    # Null bounds are unknown (or open-ended for max), so only set values are compared.
    present = [(key, item[key]) for key in keys if item.get(key) is not None]
    for (low_key, low), (high_key, high) in zip(present, present[1:]):
        if low > high:
            yield f"{path}: {low_key} {low} is greater than {high_key} {high}"
