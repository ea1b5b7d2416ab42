"""Toponym choice by document context, on the real compiled gazetteer."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Location, Mention, Span
from conflictlog.resolve import DocContext, Gazetteer, distance_km, resolve_location

STEPANAKERT = (39.8153, 46.7519)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def context_of(text: str, names: list[str], gazetteer: Gazetteer) -> DocContext:
    spans = [span_of(text, name) for name in names]
    mention = Mention(document_id="d", event_type="Battles", sub_event_type=None, evidence=[], place_spans=spans)
    return DocContext.build(Document("d", text, "hash"), [mention], gazetteer)


def span_of(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(name, start, start + len(name))


def resolve_one(name: str, context: DocContext, gazetteer: Gazetteer) -> Location:
    return resolve_location([Span(name, 1000, 1000 + len(name))], context, gazetteer)


KARABAKH = "Shelling hit Stepanakert and Martuni in Artsakh on Tuesday. Armenia condemned it."
ARMENIA = "In Yerevan, Armenia, officials said a house in Martuni, Gegharkunik, was damaged."


def test_martuni_in_a_karabakh_article_is_the_karabakh_town(gazetteer: Gazetteer) -> None:
    context = context_of(KARABAKH, ["Stepanakert", "Martuni", "Artsakh", "Armenia"], gazetteer)
    location = resolve_one("Martuni", context, gazetteer)
    assert location.country_code == "AZ"
    assert distance_km(location.lat, location.lon, *STEPANAKERT) < 50


def test_martuni_in_an_armenia_article_is_the_armenian_town(gazetteer: Gazetteer) -> None:
    context = context_of(ARMENIA, ["Yerevan", "Armenia", "Martuni", "Gegharkunik"], gazetteer)
    location = resolve_one("Martuni", context, gazetteer)
    assert (location.country_code, location.precision) == ("AM", GeoPrecision.TOWN)
    assert location.lat > 40.0


@pytest.mark.parametrize(("name", "country"), [("Goris", "AM"), ("Gori", "GE"), ("San Salvador", "SV")])
def test_names_without_context(name: str, country: str, gazetteer: Gazetteer) -> None:
    location = resolve_one(name, DocContext.empty(), gazetteer)
    assert (location.name, location.country_code) == (name, country)


@pytest.mark.parametrize("name", ["Stepanakert", "Khankendi", "Xankandi", "XANKƏNDI", "stepanakert,"])
def test_stepanakert_names_are_one_point(name: str, gazetteer: Gazetteer) -> None:
    location = resolve_one(name, DocContext.empty(), gazetteer)
    assert location.text == name
    assert (location.name, location.country_code, location.precision) == ("Stepanakert", "AZ", GeoPrecision.TOWN)
    assert distance_km(location.lat, location.lon, *STEPANAKERT) < 2


@pytest.mark.parametrize("text", ["Askeran district", "Artsakh’s eastern Askeran district", "the Askeran region"])
def test_askeran_district_has_district_precision(text: str, gazetteer: Gazetteer) -> None:
    location = resolve_one(text, DocContext.empty(), gazetteer)
    assert location.precision == GeoPrecision.DISTRICT
    assert distance_km(location.lat, location.lon, 39.93, 46.83) < 5


@pytest.mark.parametrize("name", ["Artsakh", "Nagorno-Karabakh", "Nagorno Karabakh"])
def test_de_facto_regions_are_regions_of_their_de_jure_country(name: str, gazetteer: Gazetteer) -> None:
    location = resolve_one(name, DocContext.empty(), gazetteer)
    assert (location.name, location.country_code, location.precision) == ("Nagorno-Karabakh", "AZ", GeoPrecision.REGION)
    assert "de facto" in gazetteer.candidates(name)[0].note


def test_the_most_specific_span_wins(gazetteer: Gazetteer) -> None:
    text = "bombarding cities in Artsakh, including Stepanakert"
    spans = [span_of(text, "Artsakh"), span_of(text, "Stepanakert")]
    assert resolve_location(spans, DocContext.empty(), gazetteer).name == "Stepanakert"


def test_unknown_place_keeps_its_text(gazetteer: Gazetteer) -> None:
    location = resolve_one("Qwxzplace", DocContext.empty(), gazetteer)
    assert location == Location(text="Qwxzplace")


def test_unknown_place_gives_way_to_a_resolvable_one(gazetteer: Gazetteer) -> None:
    spans = [Span("Qwxzplace", 0, 9), Span("Goris", 20, 25)]
    assert resolve_location(spans, DocContext.empty(), gazetteer).name == "Goris"


def test_dateline_place_is_a_hint_not_the_place(gazetteer: Gazetteer) -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- [TEXT] Guerrillas attacked San Miguel department last night."
    context = context_of(text, ["SAN SALVADOR", "San Miguel department"], gazetteer)
    assert context.dateline_date == "3 JAN 90"
    assert context.main_country() == "SV"
    assert resolve_location([span_of(text, "SAN SALVADOR")], context, gazetteer) == Location()
    location = resolve_location([span_of(text, "SAN SALVADOR"), span_of(text, "San Miguel department")], context, gazetteer)
    assert (location.name, location.country_code, location.precision) == ("San Miguel", "SV", GeoPrecision.REGION)


def test_no_spans_no_place(gazetteer: Gazetteer) -> None:
    assert resolve_location([], DocContext.empty(), gazetteer) == Location()


def test_a_town_is_looked_for_in_the_state_of_the_dateline(gazetteer: Gazetteer) -> None:
    text = "FAYETTEVILLE, N.C. – A woman shot her husband in Fayetteville, police said."
    context = context_of(text, ["Fayetteville"], gazetteer)
    assert context.region_share("US", "North Carolina") == 1.0
    location = resolve_location([Span("Fayetteville", text.rindex("Fayetteville"), text.rindex("Fayetteville") + 12)],
                                context, gazetteer)
    assert (location.name, location.admin1, location.country_code) == ("Fayetteville", "North Carolina", "US")


def test_a_state_named_in_the_text_picks_the_town(gazetteer: Gazetteer) -> None:
    text = "A man was shot in Aurora, Colorado on Tuesday."
    context = context_of(text, ["Aurora", "Colorado"], gazetteer)
    assert resolve_location([span_of(text, "Aurora")], context, gazetteer).admin1 == "Colorado"


def test_a_country_used_as_a_modifier_is_not_a_place(gazetteer: Gazetteer) -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- THE U.S. EMBASSY CONDEMNED THE ATTACK IN EL SALVADOR AND THE U.S."
    context = context_of(text, ["U.S.", "EL SALVADOR"], gazetteer)
    assert context.country_share("US") == 0 and context.main_country() == "SV"
    assert resolve_location([span_of(text, "U.S.")], context, gazetteer).precision is None
    last = text.rindex("U.S.")
    assert resolve_location([Span("U.S.", last, last + 4)], context, gazetteer).country_code == "US"


@pytest.mark.parametrize("name", ["ANTIOQUIA", "ANTIOQUIA DEPARTMENT"])
def test_a_name_that_is_a_region_s_own_beats_a_town_s_alternate_name(name: str, gazetteer: Gazetteer) -> None:
    # GeoNames lists "Antioquia" as an alternate name of the town Santa Fe de Antioquia.
    text = f"GUERRILLAS ATTACKED A POLICE POST IN {name}, COLOMBIA."
    context = context_of(text, [name, "COLOMBIA"], gazetteer)
    location = resolve_location([span_of(text, name)], context, gazetteer)
    assert (location.name, location.precision) == ("Antioquia", GeoPrecision.REGION)


def test_a_district_named_after_its_town_keeps_it(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Stepanakert and the Askeran district in Artsakh."
    context = context_of(text, ["Stepanakert", "Askeran district", "Artsakh"], gazetteer)
    location = resolve_location([span_of(text, "Askeran district")], context, gazetteer)
    assert location.precision == GeoPrecision.DISTRICT


def test_a_county_is_not_a_namesake_town_far_from_the_story(gazetteer: Gazetteer) -> None:
    # No town called Harris lies in Texas; the gazetteer's Harris is in Minnesota.
    text = "A man was shot in Houston, Texas. Harris County deputies are looking for the shooter."
    context = context_of(text, ["Houston", "Texas", "Harris County"], gazetteer)
    location = resolve_location([span_of(text, "Harris County")], context, gazetteer)
    assert location.precision is None and location.text == "Harris County"
