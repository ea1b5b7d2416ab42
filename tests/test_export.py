"""export_records: JSON Lines, ACLED-style CSV and GeoJSON on hand-built events and incidents."""

from __future__ import annotations

import csv
import gc
import io
import json
from pathlib import Path

import pytest

from conflictlog.errors import ExportError, SchemaError
from conflictlog.report import ExportFormat, ExportLevel, export_records, field_names
from conflictlog.report.acled_csv import ACLED_COLUMNS, columns, disorder_type


from export_samples import SAMPLES
LEVELS = {"events": SAMPLES.events, "incidents": SAMPLES.incidents}


def export(level: str, fmt: str, records=None) -> bytes:
    out = io.BytesIO()
    records = LEVELS[level]() if records is None else records
    assert export_records(iter(records), level, fmt, out) == len(records)
    return out.getvalue()


# --- JSON Lines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("level", LEVELS)
def test_jsonl_is_one_compact_object_per_line_in_v1_order(level):
    lines = export(level, "jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records == LEVELS[level]()
    assert all(list(record) == list(field_names(level)) for record in records)
    compact = [json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in records]
    assert lines == compact


def test_jsonl_keeps_non_ascii_text_readable():
    text = export("events", "jsonl").decode("utf-8")
    assert "Бахмут" in text and "\\u" not in text


def test_jsonl_puts_keys_in_v1_order_whatever_the_input_order():
    shuffled = [dict(reversed(list(record.items()))) for record in SAMPLES.events()]
    first = json.loads(export("events", "jsonl", shuffled).splitlines()[0])
    assert list(first) == list(field_names("events"))


# --- CSV ------------------------------------------------------------------------------------------

def read_csv(level: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(export(level, "csv").decode("utf-8"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames), rows


@pytest.mark.parametrize("level", LEVELS)
def test_csv_header_starts_with_acled_columns_in_acled_order(level):
    header, rows = read_csv(level)
    assert header[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert header == list(columns(ExportLevel(level)))
    assert len(rows) == len(LEVELS[level]())


def test_csv_event_row_follows_acled_codes():
    _, rows = read_csv("events")
    full, sparse, awkward = rows
    assert full["event_id_cnty"] == "ev-0001"
    assert (full["event_date"], full["year"], full["time_precision"]) == ("2023-05-03", "2023", "1")
    assert (full["country"], full["iso"], full["admin1"], full["location"]) == ("Ukraine", "804", "Khersonska", "Kherson")
    assert (float(full["latitude"]), float(full["longitude"]), full["geo_precision"]) == (46.6354, 32.6169, "1")
    assert full["actor1"] == "Military Forces of Russia" and full["assoc_actor_1"] == "artillery units"
    assert full["actor2"] == "Civilians (Ukraine)" and full["civilian_targeting"] == "Civilian targeting"
    assert full["disorder_type"] == "Political violence"
    assert full["source"] == "Ukrinform; Kherson regional administration"
    assert (full["fatalities"], full["injured"], full["stance"], full["disputed"]) == ("2", "5", "alleged", "true")
    assert full["source_scale"] == full["inter1"] == ""
    assert "alleged by Kherson regional administration (governor) for UA, via Ukrinform" in full["notes"]
    assert "disputed by Russian Ministry of Defence for RU" in full["notes"]
    assert (sparse["event_date"], sparse["time_precision"], sparse["geo_precision"], sparse["fatalities"]) == ("", "", "", "0")
    assert (awkward["time_precision"], awkward["geo_precision"]) == ("3", "2")


def test_csv_keeps_quotes_commas_and_newlines_in_one_cell():
    _, rows = read_csv("events")
    assert rows[2]["actor1"] == 'the "Wagner" group, reportedly'
    assert rows[2]["notes"].startswith('Clashes near Бахмут,\n"heavy" losses')


def test_csv_incident_row_uses_best_figures_sources_and_status():
    _, rows = read_csv("incidents")
    full, sparse = rows
    assert (full["event_date"], full["time_precision"]) == ("2023-05-03", "2")  # a two-day span
    assert full["fatalities"] == "3"  # best estimate of killed civilians
    assert full["source"] == "Ukrinform; TASS"
    assert full["document_id"] == "doc-kherson-1; doc-kherson-2"
    assert (full["status"], full["disputed"], full["event_ids"]) == ("contested", "true", "ev-0001; ev-0004")
    assert (sparse["location"], sparse["disorder_type"], sparse["status"]) == ("the capital", "Demonstrations", "single_source")


@pytest.mark.parametrize("event_type, sub_event_type, expected", [
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Riots", None, "Demonstrations"),
    ("Strategic developments", "Arrests", "Strategic developments"),
])
def test_disorder_type_follows_the_acled_table(event_type, sub_event_type, expected):
    assert disorder_type(event_type, sub_event_type) == expected


def test_fatalities_is_a_lower_bound_over_groups():
    event = SAMPLES.events()[0]
    event["casualties"] = [
        {"kind": "killed", "group": "civilians", "min": 4, "max": 6, "text": ""},
        {"kind": "killed", "group": "combatants", "min": 3, "max": None, "text": ""},
        {"kind": "killed", "group": "all", "min": 5, "max": None, "text": ""},
        {"kind": "injured", "group": "children", "min": 2, "max": 2, "text": ""},
    ]
    row = next(csv.DictReader(io.StringIO(export("events", "csv", [event]).decode("utf-8"))))
    assert (row["fatalities"], row["injured"]) == ("7", "2")


# --- GeoJSON --------------------------------------------------------------------------------------

@pytest.mark.parametrize("level", LEVELS)
def test_geojson_is_a_feature_collection_of_whole_records(level):
    collection = json.loads(export(level, "geojson"))
    assert collection["type"] == "FeatureCollection"
    assert [feature["properties"] for feature in collection["features"]] == LEVELS[level]()
    assert [feature["id"] for feature in collection["features"]] == [r["id"] for r in LEVELS[level]()]


def test_geojson_points_are_lon_lat_and_unplaced_records_are_kept():
    features = json.loads(export("events", "geojson"))["features"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [32.6169, 46.6354]}
    assert features[1]["geometry"] is None


def test_empty_geojson_is_still_valid():
    assert json.loads(export("events", "geojson", [])) == {"type": "FeatureCollection", "features": []}


# --- Errors and streaming -------------------------------------------------------------------------

def test_unknown_format_lists_the_choices():
    with pytest.raises(ExportError, match="jsonl, csv, geojson, parquet"):
        export_records([], "events", "xlsx", io.BytesIO())


def test_unknown_level_lists_the_choices():
    with pytest.raises(ExportError, match="events, incidents"):
        export_records([], "mentions", ExportFormat.JSONL, io.BytesIO())


def test_an_invalid_record_stops_the_export_unless_validation_is_off():
    bad = {**SAMPLES.events()[0], "event_type": "Skirmish"}
    with pytest.raises(SchemaError, match="event_type"):
        export_records([bad], "events", "jsonl", io.BytesIO())
    assert export_records([bad], "events", "jsonl", io.BytesIO(), validate=False) == 1


def test_records_are_pulled_one_at_a_time():
    written = io.BytesIO()
    lines_when_pulled = []

    def records():
        for record in SAMPLES.events():
            lines_when_pulled.append(written.getvalue().count(b"\n"))
            yield record

    export_records(records(), ExportLevel.EVENTS, ExportFormat.JSONL, written)
    assert lines_when_pulled == [0, 1, 2]


def test_unicode_line_breaks_are_escaped_so_each_record_stays_on_one_line():
    event = SAMPLES.events()[1]
    event["evidence"][0]["text"] = "one\x85two\u2028three\u2029four"
    text = export("events", "jsonl", [event]).decode("utf-8")
    assert len(text.splitlines()) == 1
    assert json.loads(text) == event


def test_a_failed_csv_export_leaves_the_callers_stream_open():
    out = io.BytesIO()
    bad = {**SAMPLES.events()[0], "date": "yesterday"}
    with pytest.raises(SchemaError):
        export_records([SAMPLES.events()[0], bad], "events", "csv", out)
    gc.collect()
    assert not out.closed and out.getvalue().startswith(b"event_id_cnty,")
