"""A county, or a dateline city, made specific by the town the story or headline names inside it."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, GeoPrecision, Location, Mention, Span, content_hash
from conflictlog.resolve import Gazetteer, Resolver
from conflictlog.resolve.refine import refined

TANGIPAHOA = Location(text="Tangipahoa Parish", name="Tangipahoa Parish", admin1="Louisiana", country_code="US",
                      lat=30.876, lon=-90.512, precision=GeoPrecision.DISTRICT)
INDEPENDENCE = Location(text="Independence", name="Independence", admin1="Louisiana", country_code="US",
                        lat=30.635, lon=-90.503, precision=GeoPrecision.TOWN)
CHICAGO = Location(text="CHICAGO", name="Chicago", admin1="Illinois", country_code="US",
                   lat=41.850, lon=-87.650, precision=GeoPrecision.TOWN)
DOLTON = Location(text="Dolton", name="Dolton", admin1="Illinois", country_code="US",
                  lat=41.639, lon=-87.607, precision=GeoPrecision.TOWN)
ROCKFORD = Location(text="Rockford", name="Rockford", admin1="Illinois", country_code="US",
                    lat=42.271, lon=-89.094, precision=GeoPrecision.TOWN)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(Gazetteer.open())


def test_a_town_inside_a_county_makes_it_specific() -> None:
    found = refined(TANGIPAHOA, INDEPENDENCE)
    assert (found.name, found.precision, found.text) == ("Independence", GeoPrecision.TOWN, "Tangipahoa Parish")


def test_a_town_of_another_state_or_far_away_does_not() -> None:
    assert refined(TANGIPAHOA, ROCKFORD) == TANGIPAHOA
    assert refined(CHICAGO, ROCKFORD) == CHICAGO  # 130 km: no suburb
    assert refined(TANGIPAHOA, None) == TANGIPAHOA


def test_a_suburb_makes_a_dateline_city_specific() -> None:
    assert refined(CHICAGO, DOLTON).name == "Dolton"


def test_a_state_is_never_made_a_town() -> None:
    illinois = Location(text="Illinois", name="Illinois", admin1="Illinois", country_code="US",
                        precision=GeoPrecision.REGION)
    assert refined(illinois, DOLTON) == illinois


def test_the_headline_s_suburb_beats_the_dateline_city(resolver: Resolver) -> None:
    text = "CHICAGO (STMW) — A 25-year-old man was shot to death Sunday afternoon."
    doc = Document("d", text, content_hash(text), title="Man Shot And Killed In Dolton « CBS Chicago")
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span(text[16:], 16, len(text))])
    assert resolver.resolve(doc, [mention])[0].location.name == "Dolton"


def test_a_story_s_other_town_does_not_replace_the_dateline_city(resolver: Resolver) -> None:
    text = "CHICAGO (STMW) — A 25-year-old man was shot to death Sunday. A second man was shot in Dolton."
    doc = Document("d", text, content_hash(text), title="Man Shot And Killed « CBS Chicago")
    mention = Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                      evidence=[Span(text[16:61], 16, 61)])
    assert resolver.resolve(doc, [mention])[0].location.name == "Chicago"
