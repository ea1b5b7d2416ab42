"""Names and readings of resolved places: the report's own name for a place, regions over
namesake towns, possessive readings (on the real compiled gazetteer where a place is resolved)."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Location, Mention, Span, content_hash
from conflictlog.resolve import DocContext, Gazetteer, resolve_location
from conflictlog.resolve.resolver import Resolver
from conflictlog.resolve.gazetteer import Place
from conflictlog.resolve.geo import PlaceQuery, national_capitals, readings
from conflictlog.resolve.geo_names import recased, reported_name

THE_BRONX_ID = 5110266
WASHINGTON_DC_ID = 4140963


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def place(name: str, precision: GeoPrecision = GeoPrecision.TOWN) -> Place:
    return Place(place_id=1, geonames_id=1, name=name, admin1=None, country_code="US", lat=1.0, lon=1.0,
                 feature_class="P" if precision == GeoPrecision.TOWN else "A", feature_code="PPL",
                 population=1000, precision=precision, source="GeoNames id 1")


def located(text: str, name: str, gazetteer: Gazetteer, also: tuple[str, ...] = ()) -> Location:
    """``name`` resolved in ``text``, whose places ``also`` are named too (the document's context)."""
    span, *others = [span_of(text, written) for written in (name, *also)]
    mention = Mention(document_id="d", event_type="Battles", sub_event_type=None, evidence=[],
                      place_spans=[span, *others])
    context = DocContext.build(Document("d", text, "hash"), [mention], gazetteer)
    return resolve_location([span], context, gazetteer)


def span_of(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(name, start, start + len(name))


@pytest.mark.parametrize(("main", "written", "expected"), [
    ("Saint George", "St. George", "St. George"),
    ("Quetzaltenango", "QUEZALTENANGO", "Quezaltenango"),
    ("Cartagena", "CARTAGENA DE INDIAS", "Cartagena de Indias"),
    ("Bogotá", "BOGOTA", "Bogotá"),
    ("Los Angeles", "LA", "Los Angeles"),
])
def test_a_town_keeps_the_name_the_report_gives_it(main: str, written: str, expected: str) -> None:
    assert reported_name(place(main), written, curated=False) == expected


def test_curated_places_and_regions_keep_their_own_names() -> None:
    assert reported_name(place("Stepanakert"), "Khankendi", curated=True) == "Stepanakert"
    assert reported_name(place("Colorado", GeoPrecision.REGION), "Colo.", curated=False) == "Colorado"


def test_recased_keeps_mixed_case_and_lowers_joiners() -> None:
    assert recased("St.  George") == "St. George"
    assert recased("SAN JUAN DE LA REINA") == "San Juan de la Reina"
    assert recased("CARAHUAICHI-JAURIN") == "Carahuaichi-Jaurin"


def test_the_bronx_is_named_as_written(gazetteer: Gazetteer) -> None:
    location = located("A man was shot in the Bronx, New York, on Sunday.", "Bronx", gazetteer)
    assert (location.name, location.geonames_id) == ("Bronx", THE_BRONX_ID)


@pytest.mark.parametrize("name", ["California", "Southern California"])
def test_a_state_beats_a_town_of_its_name_in_another_state(name: str, gazetteer: Gazetteer) -> None:
    location = located(f"Two people were shot in {name}, United States, police said.", name, gazetteer,
                       also=("United States",))
    assert (location.name, location.admin1, location.precision) == ("California", "California", GeoPrecision.REGION)


def test_a_state_namesake_that_is_the_capital_stays_a_candidate(gazetteer: Gazetteer) -> None:
    assert ("US", "washington") in national_capitals()
    location = located("A man was shot near the Capitol in Washington, United States.", "Washington", gazetteer,
                       also=("United States",))
    assert location.admin1 in {"Washington", "District of Columbia"}


def test_a_possessive_before_a_hospital_is_no_place_reading() -> None:
    assert readings("Brigham and Women's Hospital") == [PlaceQuery("Brigham and Women's Hospital")]
    assert PlaceQuery("Askeran", GeoPrecision.DISTRICT) in readings("Artsakh's eastern Askeran district")


def dateline_location(text: str, gazetteer: Gazetteer) -> Location:
    """The place the Resolver gives a sentence with no place of its own under an undated dateline."""
    start = text.index("A man")
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span(text[start:], start, len(text))])
    document = Document("d", text, content_hash(text), published="2016-01-27")
    return Resolver(gazetteer).resolve(document, [mention])[0].location


def test_a_dateline_town_is_the_one_in_the_state_it_names(gazetteer: Gazetteer) -> None:
    # The larger DeSoto is in Texas; "Mo." says which one the dateline means.
    location = dateline_location("DESOTO, Mo. -- A man was shot at a range on Saturday.", gazetteer)
    assert (location.admin1, location.precision) == ("Missouri", GeoPrecision.TOWN)


def test_a_dateline_town_the_gazetteer_lacks_keeps_its_name_in_its_state(gazetteer: Gazetteer) -> None:
    location = dateline_location("ZORBIVILLE, Mo. - A man was shot twice on Thursday night.", gazetteer)
    assert (location.name, location.admin1, location.precision) == ("Zorbiville", "Missouri", GeoPrecision.REGION)
