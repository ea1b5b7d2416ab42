"""Places of local crime reports: hometowns, modifiers, ambiguous states and datelines, scene cues."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Location, Mention, Span, content_hash
from conflictlog.resolve import DocContext, Gazetteer, Resolver, resolve_location
from conflictlog.resolve.asides import is_aside
from conflictlog.resolve.scene import find_scene


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def span_of(text: str, name: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Span(name, start, start + len(name))


def mention(text: str, names: list[str], group: int = 0) -> Mention:
    return Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                   evidence=[Span(text, 0, len(text))], place_spans=[span_of(text, n) for n in names], group=group)


def context_of(text: str, names: list[str], gazetteer: Gazetteer) -> DocContext:
    return DocContext.build(Document("d", text, "hash"), [mention(text, names)], gazetteer)


def located(text: str, names: list[str], gazetteer: Gazetteer, title: str | None = None) -> Location:
    document = Document("d", text, content_hash(text), title=title)
    return Resolver(gazetteer).resolve(document, [mention(text, names)])[0].location


def test_a_hometown_before_a_person_noun_is_not_the_scene(gazetteer: Gazetteer) -> None:
    text = "The victim, a 20-year-old Milwaukee man, was shot near a bar, police said."
    context = context_of(text, ["Milwaukee"], gazetteer)
    assert is_aside(text, span_of(text, "Milwaukee"))
    assert resolve_location([span_of(text, "Milwaukee")], context, gazetteer).precision is None
    assert resolve_location([span_of(text, "Milwaukee")], context, gazetteer, asides=True).name == "Milwaukee"


def test_the_headline_scene_beats_a_victim_s_hometown(gazetteer: Gazetteer) -> None:
    text = "The victim, a 20-year-old Milwaukee man, was shot near a bar, police said."
    title = "Milwaukee man shot, injured near 56th & Greenfield in West Allis | FOX6Now.com"
    assert located(text, ["Milwaukee"], gazetteer, title).name == "West Allis"


def test_a_hometown_gives_way_to_the_country(gazetteer: Gazetteer) -> None:
    # Where the victim is from is no evidence of where the shooting was; the country is safe.
    text = "The victim, a 20-year-old Milwaukee man, was shot near a bar, police said."
    location = located(text, ["Milwaukee"], gazetteer)
    assert (location.country_code, location.precision) == ("US", GeoPrecision.COUNTRY)


def test_a_hyphenated_country_is_a_modifier(gazetteer: Gazetteer) -> None:
    text = "His family farewelled the New Zealand-born father in Sydney."
    context = context_of(text, ["New Zealand", "Sydney"], gazetteer)
    assert context.is_modifier(span_of(text, "New Zealand"))
    assert resolve_location([span_of(text, "New Zealand")], context, gazetteer).precision is None


def test_a_weekday_after_a_town_is_no_noun_it_modifies(gazetteer: Gazetteer) -> None:
    text = "A man shot at officers outside a mall in Gastonia Monday, police said."
    context = context_of(text, ["Gastonia"], gazetteer)
    assert not context.is_modifier(span_of(text, "Gastonia"))


def test_a_state_named_as_someone_s_home_is_still_evidence_of_the_region(gazetteer: Gazetteer) -> None:
    text = "A Colorado mother shot her daughter, police said."
    context = context_of(text, ["Colorado"], gazetteer)
    assert context.region_share("US", "Colorado") == 1.0


def test_a_state_of_two_countries_is_the_one_of_the_document_s_country(gazetteer: Gazetteer) -> None:
    # Florida is a US state and a department of Uruguay.
    text = "A Florida mother shot her daughter, police in Orlando said."
    context = context_of(text, ["Florida", "Orlando"], gazetteer)
    assert context.region_share("US", "Florida") == 1.0
    assert context.region_share("UY", "Florida") == 0.0


def test_a_dateline_hint_is_the_place_whose_own_name_is_written(gazetteer: Gazetteer) -> None:
    # GeoNames knows the larger Puebla, Mexico, also as "Pueblo".
    text = "PUEBLO — A boy who was shot in the head in Trinidad has died."
    context = context_of(text, ["Trinidad"], gazetteer)
    assert context.main_country() == "US"
    assert resolve_location([span_of(text, "Trinidad")], context, gazetteer).admin1 == "Colorado"


def test_a_language_after_a_cue_is_no_scene(gazetteer: Gazetteer) -> None:
    text = "They pulled out a gun and in Spanish yelled at the officer."
    assert find_scene(text, DocContext.empty(), gazetteer) is None


def test_a_cue_named_town_far_from_the_document_s_places_is_refused(gazetteer: Gazetteer) -> None:
    text = "An officer shot the man in Chicago. The shooting in Officer was the second this week."
    context = context_of(text, ["Chicago"], gazetteer)
    assert find_scene(text, context, gazetteer).name == "Chicago"
    assert find_scene("The shooting in Officer was the second.", context, gazetteer) is None


def test_a_compass_word_may_begin_a_town_s_own_name(gazetteer: Gazetteer) -> None:
    assert find_scene("A man was shot in West Allis.", DocContext.empty(), gazetteer).name == "West Allis"
    assert find_scene("A man was shot in northwest Fresno.", DocContext.empty(), gazetteer).name == "Fresno"


@pytest.mark.parametrize("text, name", [
    ("THE MAYOR WAS TAKEN TO HUANCAYO HOSPITAL, WHERE HE IS IN SERIOUS CONDITION.", "HUANCAYO"),
    ("POLICE SOURCES IN CARTAGENA REPORTED THAT THE BODY SHOWED SIGNS OF TORTURE.", "CARTAGENA"),
    ("POLICE AUTHORITIES REPORTED TODAY IN LIMA THAT TERRORISTS BURNED THE OFFICES.", "LIMA"),
    ("HE WAS KIDNAPPED ON THE OUTSKIRTS OF ACHI, ABOUT 850 KM NORTH OF BOGOTA.", "BOGOTA"),
    ("THE INCIDENT OCCURRED IN SEVILLA MUNICIPALITY (370 KM FROM BOGOTA).", "BOGOTA"),
    ("HE WAS ONE OF THE FINANCIAL OFFICIALS OF THE MEDELLIN CARTEL.", "MEDELLIN"),
    ("SAN SALVADOR RADIO CADENA YSKL IN SPANISH REPORTS THAT TROOPS SEIZED FIVE RIFLES.", "SAN SALVADOR"),
    ("THE RAID TOOK PLACE ON A FARM IN THE NORTH, IT WAS REPORTED IN BOGOTA.", "BOGOTA"),
    ("Police said the 20-year-old Santa Maria resident died.", "Santa Maria"),
])
def test_places_named_in_passing_are_asides(text: str, name: str) -> None:
    assert is_aside(text, span_of(text, name))


@pytest.mark.parametrize("text, name", [
    ("CLASHES WERE REPORTED IN USULUTAN YESTERDAY.", "USULUTAN"),
    ("HE WAS KIDNAPPED ON THE OUTSKIRTS OF ACHI, ABOUT 850 KM NORTH OF BOGOTA.", "ACHI"),
    ("Burbank police said a man was shot.", "Burbank"),
])
def test_scenes_are_not_asides(text: str, name: str) -> None:
    assert not is_aside(text, span_of(text, name))


def test_a_town_lies_in_the_department_its_sentence_names(gazetteer: Gazetteer) -> None:
    text = "SAN SALVADOR -- ONE EXTREMIST WAS KILLED IN A CLASH NEAR LA ESPERANZA, USULUTAN DEPARTMENT, IN EL SALVADOR."
    names = ["LA ESPERANZA", "USULUTAN DEPARTMENT", "EL SALVADOR"]
    context = context_of(text, names, gazetteer)
    location = resolve_location([span_of(text, name) for name in names], context, gazetteer)
    assert location.country_code == "SV"


def test_a_coarser_place_abroad_vetoes_nothing(gazetteer: Gazetteer) -> None:
    text = "Calvin Santiago died after being shot in Westmont, according to the Los Angeles County coroner."
    names = ["Santiago", "Westmont", "Los Angeles County"]
    context = context_of(text, names, gazetteer)
    assert resolve_location([span_of(text, name) for name in names], context, gazetteer).name == "Westmont"


@pytest.mark.parametrize("text, name", [
    ("HE COULD BE THE FIRST TO BE EXTRADITED TO THE UNITED STATES.", "UNITED STATES"),
    ("THE OBJECTS FOUND AT THE SCENE HAVE BEEN SENT TO WASHINGTON FOR EXAMINATION.", "WASHINGTON"),
])
def test_a_destination_is_an_aside(text: str, name: str) -> None:
    assert is_aside(text, span_of(text, name))


def test_an_office_s_county_is_evidence_of_where_the_story_is(gazetteer: Gazetteer) -> None:
    text = "A man died after being shot in Florence, according to the Los Angeles County coroner."
    context = context_of(text, ["Florence", "Los Angeles County"], gazetteer)
    assert context.main_country() == "US"
    assert resolve_location([span_of(text, "Florence")], context, gazetteer).country_code == "US"
