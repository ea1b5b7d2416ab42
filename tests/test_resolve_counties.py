"""US counties: named in full, in their state, at district precision; an agency's county is not the scene."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Mention, Span
from conflictlog.resolve import DocContext, Gazetteer, resolve_location
from conflictlog.resolve.counties import bare_county_name


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def resolve_in(text: str, name: str, gazetteer: Gazetteer):
    start = text.index(name)
    span = Span(name, start, start + len(name))
    mention = Mention(document_id="d", event_type="Battles", sub_event_type=None, evidence=[], place_spans=[span])
    context = DocContext.build(Document("d", text, "hash"), [mention], gazetteer)
    return resolve_location([span], context, gazetteer)


def test_bare_county_name_drops_the_unit_word() -> None:
    assert bare_county_name("Catawba County") == "Catawba"
    assert bare_county_name("Jefferson Parish") == "Jefferson"
    assert bare_county_name("Juneau City and Borough") == "Juneau"


def test_a_county_is_a_district_of_its_state(gazetteer: Gazetteer) -> None:
    found = resolve_in("A man was shot in Catawba County on Friday.", "Catawba County", gazetteer)
    assert (found.name, found.admin1, found.precision) == ("Catawba County", "North Carolina", GeoPrecision.DISTRICT)


def test_a_parish_is_a_county(gazetteer: Gazetteer) -> None:
    found = resolve_in("Deputies were called to a home in Jefferson Parish.", "Jefferson Parish", gazetteer)
    assert (found.name, found.admin1) == ("Jefferson Parish", "Louisiana")


def test_a_county_naming_an_agency_is_not_the_scene(gazetteer: Gazetteer) -> None:
    # "Los Angeles County coroner" says who reported, not where; nor is it the county's namesake town.
    text = "He was shot in his car, according to the Los Angeles County coroner."
    found = resolve_in(text, "Los Angeles County", gazetteer)
    assert found.name is None and found.precision is None
