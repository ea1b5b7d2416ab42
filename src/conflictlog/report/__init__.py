"""Reports and exports of format v1 records (see docs/format.md).

    export_records(records, level, fmt, out) -> int    JSON Lines, ACLED-style CSV, GeoJSON, Parquet
    validate_record(record, level) -> None             raise SchemaError unless the record is format v1
    schema(level) -> dict                              the shipped JSON Schema (draft 2020-12)
    read_parquet_records(source) -> Iterator[dict]     a Parquet export back as format v1 records
"""

from __future__ import annotations

from .export import ExportFormat, export_records, parse_format
from .parquet import parquet_level, read_parquet_records
from .schema import ExportLevel, field_names, parse_level, schema, validate_record

__all__ = [
    "ExportFormat",
    "ExportLevel",
    "export_records",
    "field_names",
    "parquet_level",
    "parse_format",
    "parse_level",
    "read_parquet_records",
    "schema",
    "validate_record",
]
