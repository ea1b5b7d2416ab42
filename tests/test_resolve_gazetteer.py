"""The compiled gazetteer: lookups, cache rebuild when sources change, pickling, reverse geocoding."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from conflictlog.models import GeoPrecision
from conflictlog.resolve import Gazetteer, compile as compile_module, gazetteer as gazetteer_module
from conflictlog.resolve.names import name_key
from conflictlog.resolve.sources import PlaceRecord


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def test_lookup_ignores_case_diacritics_and_punctuation(gazetteer: Gazetteer) -> None:
    found = [gazetteer.candidates(n) for n in ["Xankəndi", "XANKENDI", "xankendi.", "(Xankendi)"]]
    assert all(found) and len({tuple(p.place_id for p in places) for places in found}) == 1


def test_name_key() -> None:
    assert name_key("Nagorno-Karabakh") == name_key("nagorno  karabakh") == "nagorno karabakh"
    assert name_key("Xankəndi") == "xankendi"
    assert name_key("Gegark'unik'") == "gegarkunik"


def test_countries_and_subdivisions_are_indexed(gazetteer: Gazetteer) -> None:
    armenia = gazetteer.country("am")
    assert armenia is not None and armenia.precision == GeoPrecision.COUNTRY and armenia.has_point
    assert any(p.precision == GeoPrecision.REGION and p.country_code == "SV" for p in gazetteer.candidates("Cabañas"))


def test_every_curated_entry_names_its_source(gazetteer: Gazetteer) -> None:
    for name in ["Donbas", "Gaza Strip", "West Bank", "Crimea", "Hadrut", "Askeran District"]:
        place = gazetteer.candidates(name)[0]
        assert place.source and place.has_point, name


def test_reverse_geocoding(gazetteer: Gazetteer) -> None:
    near_stepanakert = gazetteer.reverse(39.82, 46.76)
    assert near_stepanakert is not None and near_stepanakert.name == "Stepanakert"
    assert near_stepanakert.admin1 == "Xankəndi"
    assert gazetteer.reverse(0.0, -140.0) is None  # mid-Pacific


def test_pickle_round_trip_reopens_lazily(gazetteer: Gazetteer) -> None:
    gazetteer.candidates("Goris")
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path
    assert copy.candidates("Goris") == gazetteer.candidates("Goris")


def test_reopening_is_fast(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    reopened = Gazetteer.open()
    reopened.candidates("Stepanakert")
    assert time.perf_counter() - started < 2.0


def _tiny_sources(monkeypatch: pytest.MonkeyPatch, fingerprint: str) -> list[int]:
    builds: list[int] = []
    record = PlaceRecord(name="Testville", country_code="AM", lat=40.0, lon=45.0, feature_class="P",
                         feature_code="PPL", precision=GeoPrecision.TOWN, source="test", names=["Testville"])

    def records():
        builds.append(1)
        yield record

    monkeypatch.setattr(compile_module, "all_records", records)
    monkeypatch.setattr(compile_module, "source_fingerprint", lambda: fingerprint)
    return builds


def test_cache_is_rebuilt_only_when_sources_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = _tiny_sources(monkeypatch, "version one")
    first = Gazetteer.open(tmp_path)
    again = Gazetteer.open(tmp_path)
    assert first.path == again.path and len(builds) == 1
    assert [p.name for p in again.candidates("testville")] == ["Testville"]
    monkeypatch.setattr(compile_module, "source_fingerprint", lambda: "version two")
    changed = Gazetteer.open(tmp_path)
    assert changed.path != first.path and len(builds) == 2
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temporary file left behind


def test_unwritable_cache_falls_back_to_a_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tiny_sources(monkeypatch, "fallback test")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setattr(gazetteer_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    opened = Gazetteer.open(blocker / "cache")
    assert opened.path.parent == tmp_path / "tmp" / opened.path.parent.name
    assert opened.candidates("Testville")


@pytest.mark.parametrize(("name", "city"), [("California", "Los Angeles"), ("Indiana", "Indianapolis")])
def test_a_first_level_region_lies_at_its_largest_town(name: str, city: str, gazetteer: Gazetteer) -> None:
    # Not at the largest town of its name elsewhere in the country (California, Maryland; Indiana, Pennsylvania).
    region = next(p for p in gazetteer.candidates(name) if p.feature_code == "ADM1" and p.country_code == "US")
    town = max((p for p in gazetteer.candidates(city) if p.country_code == "US"), key=lambda p: p.population)
    assert (region.lat, region.lon) == (town.lat, town.lon)
