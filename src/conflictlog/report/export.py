"""``export_records``: format v1 records to JSON Lines, CSV, GeoJSON or Parquet.

Records are streamed: each is validated (unless told not to), written and let go, so an
export of any size runs in constant memory. Parquet is the one exception: it buffers one
row group (``parquet.ROW_GROUP_SIZE`` records) at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any, BinaryIO

from ..errors import ExportError
from .acled_csv import write_csv
from .parquet import write_parquet
from .schema import ExportLevel, field_names, parse_choice, parse_level, validate_record


class ExportFormat(StrEnum):
    """The file formats ``export_records`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    GEOJSON = "geojson"
    PARQUET = "parquet"


Writer = Callable[[Iterable[dict[str, Any]], ExportLevel, BinaryIO], int]


def parse_format(fmt: str) -> ExportFormat:
    """``fmt`` as an ExportFormat, or an ExportError that lists the valid formats."""
    return parse_choice(ExportFormat, fmt, "export format")


def export_records(
    records: Iterable[dict[str, Any]],
    level: ExportLevel | str,
    fmt: ExportFormat | str,
    out: BinaryIO,
    *,
    validate: bool = True,
) -> int:
    """Write format v1 ``records`` of ``level`` to the binary stream ``out`` as ``fmt``.

    Returns the number of records written. With ``validate`` (the default) every record is
    checked against format v1 first and the first bad one raises SchemaError.
    """
    parsed_level, writer = parse_level(level), _WRITERS[parse_format(fmt)]
    try:
        return writer(_prepared(records, parsed_level, validate), parsed_level, out)
    except (ValueError, OSError) as exc:
        raise ExportError(f"cannot write the {fmt} export: {exc}", hint="check the output path and the records") from exc


def in_v1_order(record: dict[str, Any], level: ExportLevel) -> dict[str, Any]:
    """``record`` with its top-level keys in format v1 order (unknown keys, if any, last)."""
    return {**{name: record[name] for name in field_names(level) if name in record}, **record}


def _prepared(records: Iterable[dict[str, Any]], level: ExportLevel, validate: bool) -> Iterator[dict[str, Any]]:
    for record in records:
        if validate:
            validate_record(record, level)
        yield in_v1_order(record, level)


# Unicode line breaks that JSON allows raw inside strings but that many line splitters
# (str.splitlines, JavaScript) treat as the end of a line; escaped, a record stays on one line.
_LINE_BREAK_ESCAPES = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _compact_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_LINE_BREAK_ESCAPES)


def write_jsonl(records: Iterable[dict[str, Any]], level: ExportLevel, out: BinaryIO) -> int:
    """One compact UTF-8 JSON object per line; return how many."""
    count = 0
    for record in records:
        out.write((_compact_json(record) + "\n").encode("utf-8"))
        count += 1
    return count


def write_geojson(records: Iterable[dict[str, Any]], level: ExportLevel, out: BinaryIO) -> int:
    """A GeoJSON FeatureCollection, written feature by feature; return how many."""
    out.write(b'{"type":"FeatureCollection","features":[\n')
    count = 0
    for record in records:
        out.write(((",\n" if count else "") + _compact_json(feature(record))).encode("utf-8"))
        count += 1
    out.write(b"\n]}\n")
    return count


def feature(record: dict[str, Any]) -> dict[str, Any]:
    """The GeoJSON Feature of a record: a Point at [lon, lat] (null without both) and the whole record."""
    location = record["location"]
    has_point = location["lat"] is not None and location["lon"] is not None
    geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]} if has_point else None
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": record}


_WRITERS: dict[ExportFormat, Writer] = {
    ExportFormat.JSONL: write_jsonl,
    ExportFormat.CSV: write_csv,
    ExportFormat.GEOJSON: write_geojson,
    ExportFormat.PARQUET: write_parquet,
}
