"""The Resolver: mentions of a document become Events with places, dates and actor countries."""

from __future__ import annotations

import pickle

import pytest

from conflictlog.models import (
    Actor,
    ActorRole,
    DatePrecision,
    Document,
    GeoPrecision,
    Mention,
    Span,
    content_hash,
    event_to_v1,
    stable_id,
)
from conflictlog.resolve import DocContext, Gazetteer, Resolver, distance_km
from conflictlog.resolve.geo import resolve_span

TEXT = (
    "Azerbaijani armed forces on Tuesday began bombarding positions and cities in Artsakh, including Stepanakert. "
    "At least two people were killed. "
    "Shortly afterwards, fighting broke out in Artsakh's eastern Askeran district. "
    "The Artsakh side warned all actors in 2020 about the build-up."
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(Gazetteer.open())


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(text, start, start + len(text))


def mention(evidence: str, places: list[str], dates: list[str], group: int, **extra) -> Mention:
    return Mention(document_id="seed", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                   evidence=[span(evidence)], place_spans=[span(p) for p in places],
                   date_spans=[span(d) for d in dates], group=group, **extra)


def document(published: str | None = "2023-09-19") -> Document:
    return Document("seed", TEXT, content_hash(TEXT), published=published)


MENTIONS = [
    mention("Azerbaijani armed forces on Tuesday began bombarding", ["Artsakh", "Stepanakert"], ["on Tuesday"], 1,
            actors=[Actor(ActorRole.INITIATOR, "Azerbaijan")]),
    mention("At least two people were killed.", [], [], 1),
    mention("Shortly afterwards, fighting broke out", ["Artsakh's eastern Askeran district"], [], 2),
    mention("The Artsakh side warned all actors in 2020", [], ["2020"], 3),
]


def test_events_carry_places_dates_and_stable_ids(resolver: Resolver) -> None:
    events = resolver.resolve(document(), MENTIONS)
    assert [e.id for e in events] == [stable_id("ev", content_hash(TEXT), i) for i in range(4)]
    first = events[0]
    assert (first.date, first.date_precision) == ("2023-09-19", DatePrecision.DAY)
    assert (first.location.name, first.location.precision, first.location.text) == ("Stepanakert", GeoPrecision.TOWN, "Stepanakert")
    assert first.actors[0].country_code == "AZ" and MENTIONS[0].actors[0].country_code is None
    assert event_to_v1(first)["location"]["country_code"] == "AZ"


def test_group_members_share_place_and_date(resolver: Resolver) -> None:
    casualties = resolver.resolve(document(), MENTIONS)[1]
    assert casualties.location.name == "Stepanakert"
    assert (casualties.date, casualties.date_precision) == ("2023-09-19", DatePrecision.DAY)


def test_district_mention_keeps_its_district(resolver: Resolver) -> None:
    fighting = resolver.resolve(document(), MENTIONS)[2]
    assert fighting.location.precision == GeoPrecision.DISTRICT
    assert distance_km(fighting.location.lat, fighting.location.lon, 39.93, 46.83) < 5


def test_mention_without_place_gets_the_document_country(resolver: Resolver) -> None:
    warning = resolver.resolve(document(), MENTIONS)[3]
    assert (warning.location.country_code, warning.location.precision) == ("AZ", GeoPrecision.COUNTRY)
    assert warning.date_precision == DatePrecision.YEAR


def test_no_publication_date_no_date(resolver: Resolver) -> None:
    assert {e.date for e in resolver.resolve(document(published=None), MENTIONS)} == {None}


def test_resolver_pickles(resolver: Resolver) -> None:
    copy = pickle.loads(pickle.dumps(resolver))
    assert [e.location for e in copy.resolve(document(), MENTIONS)] == [e.location for e in resolver.resolve(document(), MENTIONS)]


def test_undated_sentences_take_the_date_of_the_story_so_far(resolver: Resolver) -> None:
    text = "Police said nothing at first. A man was shot on Sunday. He died in hospital. On Monday police arrested a suspect."
    doc = Document("d", text, content_hash(text), published="2015-12-30")

    def at(evidence: str, dates: list[str]) -> Mention:
        spans = [Span(d, text.index(d), text.index(d) + len(d)) for d in dates]
        start = text.index(evidence)
        return Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                       evidence=[Span(evidence, start, start + len(evidence))], date_spans=spans,
                       group=text.index(evidence))

    mentions = [at("Police said nothing at first.", []), at("A man was shot on Sunday.", ["on Sunday"]),
                at("He died in hospital.", []), at("On Monday police arrested a suspect.", ["On Monday"])]
    assert [e.date for e in resolver.resolve(doc, mentions)] == ["2015-12-27", "2015-12-27", "2015-12-27", "2015-12-28"]


def test_an_undated_dateline_names_the_place_of_sentences_without_one(resolver: Resolver) -> None:
    text = "AURORA, Colo. (CBS4) – A deputy was shot and injured on Tuesday night. He remains in hospital."
    doc = Document("d", text, content_hash(text), published="2016-01-27")
    start = text.index("A deputy")
    mentions = [Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                        evidence=[Span(text[start:], start, len(text))])]
    location = resolver.resolve(doc, mentions)[0].location
    assert (location.name, location.admin1, location.precision) == ("Aurora", "Colorado", GeoPrecision.TOWN)


def test_a_dated_wire_dateline_is_only_the_filing_office(resolver: Resolver) -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- [TEXT] Guerrillas killed two peasants."
    doc = Document("d", text, content_hash(text), published="1990-01-03")
    start = text.index("Guerrillas")
    mentions = [Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                        evidence=[Span(text[start:], start, len(text))])]
    location = resolver.resolve(doc, mentions)[0].location
    assert (location.name, location.precision) == ("El Salvador", GeoPrecision.COUNTRY)


@pytest.mark.parametrize(("dateline", "expected"), [
    ("CORINTH, Miss. --", ("Corinth", "Mississippi", GeoPrecision.TOWN)),
    ("CHARLESTOWN, Ind. -", ("Charlestown", "Indiana", GeoPrecision.TOWN)),
    ("ADAMS COUNTY, Colo. (CBS4) –", ("Adams County", "Colorado", GeoPrecision.DISTRICT)),
])
def test_a_dateline_place_lies_in_the_state_the_dateline_names(resolver: Resolver, dateline: str, expected: tuple) -> None:
    text = f"{dateline} A suspect is in custody after a man was shot and killed."
    doc = Document("d", text, content_hash(text), published="2016-01-27")
    start = text.index("A suspect")
    mentions = [Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                        evidence=[Span(text[start:], start, len(text))])]
    location = resolver.resolve(doc, mentions)[0].location
    assert (location.name, location.admin1, location.precision) == expected


def test_a_local_report_keeps_to_its_city(resolver: Resolver) -> None:
    # "Thurston" (a street here) is also a village in Ohio, 600 km from Milwaukee; Wauwatosa is next door.
    text = "MILWAUKEE -- A man was shot near Thurston and Hampton. A second man was shot in Wauwatosa."
    doc = Document("d", text, content_hash(text), published="2016-01-27")

    def at(sentence: str, place: str) -> Mention:
        start, place_start = text.index(sentence), text.index(place)
        return Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                       evidence=[Span(sentence, start, start + len(sentence))],
                       place_spans=[Span(place, place_start, place_start + len(place))], group=start)

    far, near = resolver.resolve(doc, [at("A man was shot near Thurston", "Thurston"),
                                      at("A second man was shot in Wauwatosa.", "Wauwatosa")])
    assert (far.location.name, far.location.admin1) == ("Milwaukee", "Wisconsin")
    assert (near.location.name, near.location.admin1) == ("Wauwatosa", "Wisconsin")


def test_a_county_is_not_a_namesake_town_far_from_the_story(resolver: Resolver) -> None:
    # The only "Cobb" known is a village in California; Cobb County is around Marietta, Georgia.
    text = "MARIETTA, Ga. -- A man was shot on Tuesday night, Cobb County police said."
    doc = Document("d", text, content_hash(text), published="2016-01-27")
    start, county = text.index("A man"), text.index("Cobb County")
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span(text[start:], start, len(text))],
                      place_spans=[Span("Cobb County", county, county + len("Cobb County"))])
    location = resolver.resolve(doc, [mention])[0].location
    assert (location.name, location.admin1) == ("Marietta", "Georgia")


def test_a_translators_gmt_note_does_not_date_the_happening(resolver: Resolver) -> None:
    text = ("LA PAZ, 12 JAN 90 -- [TEXT] THE FIRST BOMB WENT OFF AT 2230 [0230 GMT ON 12 JANUARY] NEAR THE "
            "MINISTRY. TWO BOMBS EXPLODED IN LA PAZ LAST NIGHT.")
    doc = Document("d", text, content_hash(text), published="1990-01-12")

    def at(part: str) -> Span:
        start = text.index(part)
        return Span(part, start, start + len(part))

    mentions = [
        Mention(document_id="d", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                evidence=[at("THE FIRST BOMB WENT OFF AT 2230 [0230 GMT ON 12 JANUARY] NEAR THE MINISTRY.")],
                date_spans=[at("12 JANUARY")], group=0),
        Mention(document_id="d", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                evidence=[at("TWO BOMBS EXPLODED IN LA PAZ LAST NIGHT.")], date_spans=[at("LAST NIGHT")], group=0),
    ]
    assert {event.date for event in resolver.resolve(doc, mentions)} == {"1990-01-11"}


def test_a_headline_names_the_town_the_story_never_repeats(resolver: Resolver) -> None:
    text = "Police say a man was shot twice in the chest. No arrests have been made."
    doc = Document("d", text, content_hash(text), published="2016-01-27", title="Man shot and killed in Frankford")
    mentions = [Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                        evidence=[Span(text, 0, len(text))])]
    location = resolver.resolve(doc, mentions)[0].location
    assert (location.name, location.precision) == ("Frankford", GeoPrecision.TOWN)


def test_an_alternate_name_abroad_is_no_match_in_a_report_about_another_country(resolver: Resolver) -> None:
    # GeoNames knows "San Carlos" as a name of San Carlos Sija, Guatemala; the report is about El Salvador.
    text = "SAN SALVADOR, 3 JAN 90 -- [TEXT] A TERRORIST WAS KILLED IN SAN CARLOS, EL SALVADOR."
    doc = Document("d", text, content_hash(text), published="1990-01-03")
    start = text.index("A TERRORIST")
    mentions = [Mention(document_id="d", event_type="Battles", sub_event_type="Armed clash",
                        evidence=[Span(text[start:], start, len(text))], place_spans=[Span("SAN CARLOS", text.index("SAN CARLOS"), text.index("SAN CARLOS") + 10)])]
    location = resolver.resolve(doc, mentions)[0].location
    assert location.country_code == "SV"


def test_a_town_of_the_written_name_beats_one_known_by_it_only_as_an_alternate() -> None:
    # Puebla, Mexico lists "Pueblo" among its alternate names; a report naming a place near
    # Puebla still means a Pueblo when it writes "PUEBLO".
    context = DocContext(anchors=[(19.05, -98.21)])
    location = resolve_span(Span("PUEBLO", 0, 6), context, Gazetteer.open())
    assert location.name == "Pueblo"
