"""Parquet export and its reader.

Each file has flat scalar columns for querying (ids, types, dates, place, one count per
casualty kind) and every nested part of the record as a JSON string column, so that
``read_parquet_records`` gives back exactly the format v1 records that were written. The
level and format version are stored in the file's schema metadata.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ExportError
from .acled_csv import event_source, incident_source
from .figures import lower_bound_total
from .schema import ExportLevel, field_names, parse_level

ROW_GROUP_SIZE = 10_000   # records buffered before a row group is written
FORMAT_KEY, LEVEL_KEY, FORMAT_VERSION = b"conflictlog.format", b"conflictlog.level", b"v1"

_STRING, _FLOAT = pa.string(), pa.float64()

# Top-level fields stored as a column of the same name and kept as they are.
_DIRECT = {
    ExportLevel.EVENTS: {"id": _STRING, "document_id": _STRING, "incident_id": _STRING, "event_type": _STRING,
                         "sub_event_type": _STRING, "date": _STRING, "date_precision": _STRING,
                         "date_start": _STRING, "date_end": _STRING},
    ExportLevel.INCIDENTS: {"id": _STRING, "event_type": _STRING, "sub_event_type": _STRING, "date_start": _STRING,
                            "date_end": _STRING, "status": _STRING, "event_ids": pa.list_(_STRING)},
}
# Columns derived for convenience; the reader ignores them.
_DERIVED_TYPES = {"country_code": _STRING, "admin1": _STRING, "location_name": _STRING, "lat": _FLOAT, "lon": _FLOAT,
                  "killed_min": pa.int64(), "injured_min": pa.int64(), "killed_best": pa.int64(),
                  "injured_best": pa.int64(), "stance": _STRING, "source": _STRING}
_DERIVED = {
    ExportLevel.EVENTS: ("country_code", "admin1", "location_name", "lat", "lon", "killed_min", "injured_min",
                         "stance", "source"),
    ExportLevel.INCIDENTS: ("country_code", "admin1", "location_name", "lat", "lon", "killed_min", "killed_best",
                            "injured_min", "injured_best", "source"),
}
JSON_SUFFIX = "_json"


def _nested_fields(level: ExportLevel) -> tuple[str, ...]:
    """Fields stored as ``<field>_json`` columns: everything not stored directly."""
    return tuple(name for name in field_names(level) if name not in _DIRECT[level])


def arrow_schema(level: ExportLevel) -> pa.Schema:
    """The explicit Arrow schema of a ``level`` Parquet export."""
    fields = [pa.field(name, kind) for name, kind in _DIRECT[level].items()]
    fields += [pa.field(name, _DERIVED_TYPES[name]) for name in _DERIVED[level]]
    fields += [pa.field(name + JSON_SUFFIX, _STRING) for name in _nested_fields(level)]
    return pa.schema(fields, metadata={FORMAT_KEY: FORMAT_VERSION, LEVEL_KEY: level.value.encode()})


def write_parquet(records: Iterable[dict[str, Any]], level: ExportLevel, out: BinaryIO) -> int:
    """Write ``records`` as Parquet row groups of ROW_GROUP_SIZE; return how many."""
    schema, to_row, count = arrow_schema(level), _row_builder(level), 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(out, schema) as writer:
        for record in records:
            batch.append(to_row(record))
            count += 1
            if len(batch) == ROW_GROUP_SIZE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        # Always write the last (or only, possibly empty) batch so the file has its schema and one row group.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _row_builder(level: ExportLevel) -> Callable[[dict[str, Any]], dict[str, Any]]:
    direct, nested = tuple(_DIRECT[level]), _nested_fields(level)
    derive = _event_derived if level is ExportLevel.EVENTS else _incident_derived

    def to_row(record: dict[str, Any]) -> dict[str, Any]:
        row = {name: record[name] for name in direct}
        row.update(derive(record))
        row.update({name + JSON_SUFFIX: _to_json(record[name]) for name in nested})
        return row

    return to_row


def _to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _place_columns(location: dict[str, Any]) -> dict[str, Any]:
    return {"country_code": location["country_code"], "admin1": location["admin1"],
            "location_name": location["name"] or location["text"], "lat": location["lat"], "lon": location["lon"]}


def _event_derived(event: dict[str, Any]) -> dict[str, Any]:
    attribution = event["attribution"]
    return {**_place_columns(event["location"]),
            "killed_min": lower_bound_total(event["casualties"], "killed"),
            "injured_min": lower_bound_total(event["casualties"], "injured"),
            "stance": attribution["stance"],
            "source": event_source(event) or None}


def _incident_derived(incident: dict[str, Any]) -> dict[str, Any]:
    casualties = incident["casualties"]
    return {**_place_columns(incident["location"]),
            "killed_min": lower_bound_total(casualties, "killed"),
            "killed_best": lower_bound_total(casualties, "killed", "best"),
            "injured_min": lower_bound_total(casualties, "injured"),
            "injured_best": lower_bound_total(casualties, "injured", "best"),
            "source": incident_source(incident) or None}


def read_parquet_records(source: str | Path | BinaryIO) -> Iterator[dict[str, Any]]:
    """Read a Parquet export back into format v1 records, one row group at a time."""
    parquet = _open(source)
    level = _file_level(parquet)
    direct, nested = tuple(_DIRECT[level]), _nested_fields(level)
    order = field_names(level)
    for batch in parquet.iter_batches(columns=[*direct, *(name + JSON_SUFFIX for name in nested)]):
        for row in batch.to_pylist():
            record = {name: row[name] for name in direct}
            record.update({name: json.loads(row[name + JSON_SUFFIX]) for name in nested})
            yield {name: record[name] for name in order}


def parquet_level(source: str | Path | BinaryIO) -> ExportLevel:
    """The level ("events" or "incidents") a Parquet export holds."""
    return _file_level(_open(source))


def _open(source: str | Path | BinaryIO) -> pq.ParquetFile:
    try:
        return pq.ParquetFile(source)
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"cannot read {source!r} as Parquet: {exc}", hint="give a file written by conflictlog export") from exc


def _file_level(parquet: pq.ParquetFile) -> ExportLevel:
    metadata = parquet.schema_arrow.metadata or {}
    if metadata.get(FORMAT_KEY) != FORMAT_VERSION:
        raise ExportError("this Parquet file is not a conflictlog format v1 export",
                          hint="give a file written by conflictlog export --format parquet")
    return parse_level(metadata[LEVEL_KEY].decode())
