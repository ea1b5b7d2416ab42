"""docs/format.md against the code: every field, value, column and example it states must be real."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conflictlog.models import ACLED_EVENT_TYPES
from conflictlog.report import ExportLevel, schema, validate_record
from conflictlog.report.acled_csv import ACLED_COLUMNS, columns
from conflictlog.report.parquet import ROW_GROUP_SIZE, arrow_schema

DOC = (Path(__file__).resolve().parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
DOC_CODE = set(re.findall(r"`([^`\n]+)`", DOC))
LEVELS = [ExportLevel.EVENTS, ExportLevel.INCIDENTS]


def _section(title: str) -> str:
    """The text of the level-2 section of docs/format.md whose heading starts with ``title``."""
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert match, f"docs/format.md has no section {title!r}"
    return match.group(0)


def _first_cells(text: str) -> list[str]:
    """The backticked first cell of every table row in ``text``."""
    return re.findall(r"^\| `([a-z_0-9]+)` \|", text, re.MULTILINE)


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair anywhere in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _field_names(document: dict[str, Any]) -> set[str]:
    return {name for key, value in _walk(document) if key == "properties" for name in value}


def _enum_strings(document: dict[str, Any]) -> set[str]:
    return {item for key, value in _walk(document) if key == "enum" for item in value if isinstance(item, str)}


@pytest.mark.parametrize("level", LEVELS)
def test_every_schema_field_is_documented(level):
    missing = _field_names(schema(level)) - DOC_CODE
    assert not missing, f"fields missing from docs/format.md: {sorted(missing)}"


@pytest.mark.parametrize("level", LEVELS)
def test_every_allowed_value_is_documented(level):
    missing = _enum_strings(schema(level)) - DOC_CODE
    assert not missing, f"values missing from docs/format.md: {sorted(missing)}"


def test_every_documented_field_table_row_is_a_schema_field():
    known = _field_names(schema("events")) | _field_names(schema("incidents"))
    table_rows = set(_first_cells(_section("Event record")) + _first_cells(_section("Incident record")))
    assert table_rows and table_rows <= known, sorted(table_rows - known)


@pytest.mark.parametrize("level", LEVELS)
def test_every_csv_column_is_documented_in_header_order(level):
    documented = _first_cells(_section("CSV"))
    header = columns(level)
    assert set(header) <= set(documented)
    assert [name for name in documented if name in ACLED_COLUMNS] == list(ACLED_COLUMNS)


@pytest.mark.parametrize("level", LEVELS)
def test_every_parquet_column_is_documented(level):
    missing = set(arrow_schema(level).names) - DOC_CODE
    assert not missing, f"Parquet columns missing from docs/format.md: {sorted(missing)}"
    assert f"row groups of {ROW_GROUP_SIZE:,} records" in DOC


def test_the_event_type_table_matches_the_vocabulary():
    for event_type, sub_event_types in ACLED_EVENT_TYPES.items():
        row = next(line for line in DOC.splitlines() if line.startswith(f"| `{event_type}` |"))
        assert re.findall(r"`([^`]+)`", row)[1:] == list(sub_event_types)


def test_the_examples_are_valid_records():
    examples = [json.loads(block) for block in re.findall(r"```json\n(.*?)\n```", DOC, re.DOTALL)]
    assert len(examples) == 2
    validate_record(examples[0], "events")
    validate_record(examples[1], "incidents")


def test_the_schema_files_named_in_the_doc_exist():
    package = Path(__file__).resolve().parents[1] / "src"
    for name in re.findall(r"`(conflictlog/report/[a-z0-9.]+\.schema\.json)`", DOC):
        assert (package / name).is_file(), name
