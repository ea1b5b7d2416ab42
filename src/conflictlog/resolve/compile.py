"""Compile the gazetteer sources into one indexed SQLite file.

The file is written under a temporary name in the target folder and renamed into place, so
a reader never sees a half-written gazetteer and two processes building at once do no harm.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .counties import COUNTY_DATASET, county_records
from .names import name_key
from .sources import (
    PlaceRecord,
    admin1_names,
    city_records,
    country_records,
    curated_records,
    latin_names,
    load_cities,
    load_curated,
    source_fingerprint,
    subdivision_records,
)

#: Bump when the table layout or a compile rule changes, so old caches are rebuilt.
SCHEMA_VERSION = 4

_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL, admin1 TEXT,
    country_code TEXT, lat REAL, lon REAL, feature_class TEXT, feature_code TEXT,
    population INTEGER NOT NULL, precision TEXT NOT NULL, source TEXT NOT NULL, note TEXT
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX places_lat ON places (lat);
CREATE INDEX places_country ON places (country_code, feature_code);
"""


def cache_file_name() -> str:
    """The compiled file's name: it changes whenever a source or the schema changes."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION}\n{source_fingerprint()}\ncounties={COUNTY_DATASET}".encode()).hexdigest()
    return f"gazetteer-{digest[:16]}.sqlite"


def compile_gazetteer(target: Path) -> Path:
    """Build the gazetteer at ``target`` (atomically) from every source; returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        _write_database(Path(temp_name), all_records())
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def all_records() -> Iterable[PlaceRecord]:
    """Every place of every source, curated entries first (they replace what they name)."""
    curated = load_curated()
    cities = load_cities()
    yield from curated_records(curated)
    yield from country_records(cities)
    names_of_admin1 = admin1_names(cities)
    seats = region_seats(cities, names_of_admin1)
    for record in subdivision_records(cities, {e["iso_3166_2"] for e in curated if e.get("iso_3166_2")}):
        if record.feature_code == "ADM1":
            record.lat, record.lon = seats.get((record.country_code, record.name), (record.lat, record.lon))
        yield record
    replaced = {e["geonames_id"] for e in curated if e.get("geonames_id")}
    yield from city_records(cities, names_of_admin1, replaced)
    yield from county_records(cities, names_of_admin1)


def region_seats(cities: dict[str, dict], names_of_admin1: dict[tuple[str, str], str]
                 ) -> dict[tuple[str, str], tuple[float, float]]:
    """The point of each first-level region (country, name) whose GeoNames code is named: its largest town's.

    pycountry gives regions no coordinates, and the largest town of a region's name anywhere in
    its country is often elsewhere ("California" was put at California, Maryland).
    """
    largest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        name = names_of_admin1.get((city["countrycode"], city["admin1code"]))
        key = (city["countrycode"], name)
        if name and (key not in largest or (city["population"] or 0) > (largest[key]["population"] or 0)):
            largest[key] = city
    return {key: (city["latitude"], city["longitude"]) for key, city in largest.items()}


def _write_database(path: Path, records: Iterable[PlaceRecord]) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        for place_id, record in enumerate(records, start=1):
            _insert(connection, place_id, record)
        connection.executescript(_INDEXES)
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        connection.commit()
    finally:
        connection.close()


def _insert(connection: sqlite3.Connection, place_id: int, record: PlaceRecord) -> None:
    connection.execute(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (place_id, record.geonames_id, record.name, record.admin1, record.country_code, record.lat, record.lon,
         record.feature_class, record.feature_code, record.population, str(record.precision), record.source,
         record.note),
    )
    keys = {name_key(name) for name in latin_names(record.names)} - {""}
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", [(key, place_id) for key in keys])
