"""Parquet export: explicit schema, row groups, flat columns, and an exact round trip."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflictlog.errors import ExportError
from conflictlog.report import export_records, parquet_level, read_parquet_records
from conflictlog.report import parquet as parquet_module


from export_samples import SAMPLES
LEVELS = {"events": SAMPLES.events, "incidents": SAMPLES.incidents}


def to_parquet(level: str, records) -> io.BytesIO:
    out = io.BytesIO()
    assert export_records(records, level, "parquet", out) == len(records)
    out.seek(0)
    return out


@pytest.mark.parametrize("level", LEVELS)
def test_round_trip_gives_back_the_records(level):
    records = LEVELS[level]()
    assert list(read_parquet_records(to_parquet(level, records))) == records
    assert parquet_level(to_parquet(level, records)) == level


def test_round_trip_through_a_file(tmp_path):
    path = tmp_path / "events.parquet"
    with path.open("wb") as out:
        export_records(SAMPLES.events(), "events", "parquet", out)
    assert list(read_parquet_records(path)) == SAMPLES.events()


def test_event_flat_columns_are_typed_and_filled():
    table = pq.read_table(to_parquet("events", SAMPLES.events()))
    assert table.schema.field("lat").type == pa.float64()
    assert table.schema.field("killed_min").type == pa.int64()
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["country_code"], first["location_name"], first["lat"], first["lon"]) == ("UA", "Kherson", 46.6354, 32.6169)
    assert (first["killed_min"], first["injured_min"], first["stance"]) == (2, 5, "alleged")
    assert first["source"] == "Ukrinform; Kherson regional administration"
    assert table.column("lat").to_pylist()[1] is None


def test_incident_flat_columns_hold_best_figures_and_event_ids():
    table = pq.read_table(to_parquet("incidents", SAMPLES.incidents()))
    assert table.schema.field("event_ids").type == pa.list_(pa.string())
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["killed_min"], first["killed_best"], first["status"]) == (2, 3, "contested")
    assert first["event_ids"] == ["ev-0001", "ev-0004"]


def test_records_are_written_in_row_groups(monkeypatch):
    monkeypatch.setattr(parquet_module, "ROW_GROUP_SIZE", 2)
    records = [{**SAMPLES.events()[0], "id": f"ev-{n}"} for n in range(5)]
    parquet = pq.ParquetFile(to_parquet("events", records))
    assert [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)] == [2, 2, 1]
    assert [record["id"] for record in read_parquet_records(to_parquet("events", records))] == [r["id"] for r in records]


def test_an_empty_export_is_a_readable_file():
    assert list(read_parquet_records(to_parquet("incidents", []))) == []


def test_a_foreign_parquet_file_is_refused():
    foreign = io.BytesIO()
    pq.write_table(pa.table({"id": ["x"]}), foreign)
    foreign.seek(0)
    with pytest.raises(ExportError, match="not a conflictlog format v1 export"):
        list(read_parquet_records(foreign))


def test_a_file_that_is_not_parquet_is_refused():
    with pytest.raises(ExportError, match="cannot read"):
        list(read_parquet_records(io.BytesIO(b"id,event_type\n")))
