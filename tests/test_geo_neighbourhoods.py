"""Neighbourhoods of large US cities in the curated places: real gaps of GeoNames, at their city's point."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Mention, Span
from conflictlog.resolve import DocContext, Gazetteer, distance_km, resolve_location
from conflictlog.resolve.sources import load_curated

LOS_ANGELES = (34.05223, -118.24368)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def neighbourhoods() -> list[dict]:
    return [entry for entry in load_curated() if entry["feature_code"] == "PPLX"]


def test_neighbourhoods_are_sourced_and_take_their_citys_point(gazetteer: Gazetteer) -> None:
    entries = neighbourhoods()
    assert entries
    for entry in entries:
        city = entry["note"].removeprefix("a neighbourhood of ").split(";")[0]
        assert f"point: {city} (GeoNames id" in entry["source"]
        seats = [p for p in gazetteer.candidates(city) if p.geonames_id and str(p.geonames_id) in entry["source"]]
        assert seats and (seats[0].lat, seats[0].lon) == (entry["lat"], entry["lon"])


def test_a_neighbourhood_name_is_no_other_places_name(gazetteer: Gazetteer) -> None:
    # Only gaps are filled: a name GeoNames already knows keeps its own places alone.
    for entry in neighbourhoods():
        found = gazetteer.candidates(entry["names"][0])
        assert [p.source for p in found] == [entry["source"]], entry["names"][0]


def test_a_los_angeles_neighbourhood_is_named_and_placed_in_the_city(gazetteer: Gazetteer) -> None:
    text = "A man was shot and killed Sunday in Pacoima, Los Angeles police said."
    start = text.index("Pacoima")
    span = Span("Pacoima", start, start + len("Pacoima"))
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type=None,
                      evidence=[], place_spans=[span])
    context = DocContext.build(Document("d", text, "hash"), [mention], gazetteer)
    location = resolve_location([span], context, gazetteer)
    assert (location.name, location.admin1, location.precision) == ("Pacoima", "California", GeoPrecision.TOWN)
    assert distance_km(location.lat, location.lon, *LOS_ANGELES) < 1
