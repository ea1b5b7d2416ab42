"""One place and one date per happening: what the mentions of a group settle on."""

from __future__ import annotations

import pytest

from conflictlog.models import DatePrecision, Document, GeoPrecision, Location, Mention, Span, content_hash
from conflictlog.resolve import Gazetteer, Resolver
from conflictlog.resolve.dates import DateFlag, ResolvedDate
from conflictlog.resolve.settle import group_members, settle_date, settle_place

TOWN = Location(text="Bell", name="Bell", country_code="US", precision=GeoPrecision.TOWN, geonames_id=1)
OTHER_TOWN = Location(text="Compton", name="Compton", country_code="US", precision=GeoPrecision.TOWN, geonames_id=2)
REGION = Location(text="California", name="California", country_code="US", precision=GeoPrecision.REGION, geonames_id=3)
COUNTRY = Location(text="U.S.", name="United States", country_code="US", precision=GeoPrecision.COUNTRY, geonames_id=4)


def stated(day: str, precision: DatePrecision = DatePrecision.DAY, flag: DateFlag | None = None) -> ResolvedDate:
    return ResolvedDate(day, precision, flag, stated=True)


def test_a_town_wins_over_its_region_and_country() -> None:
    assert settle_place([COUNTRY, REGION, TOWN, Location(text="there")]) == TOWN


def test_among_towns_the_one_most_members_name_wins() -> None:
    assert settle_place([OTHER_TOWN, TOWN, TOWN]) == TOWN
    assert settle_place([OTHER_TOWN, TOWN]) == OTHER_TOWN  # a tie: the first named


def test_no_resolved_place_settles_nothing() -> None:
    assert settle_place([Location(text="the house"), Location()]) is None


def test_a_stated_date_wins_over_the_publication_default() -> None:
    default = ResolvedDate("2016-01-29", DatePrecision.WEEK)
    assert settle_date([default, stated("2016-01-28")]) == stated("2016-01-28")


def test_agreement_then_precision_then_order_choose_the_date() -> None:
    assert settle_date([stated("2016-01-20"), stated("2016-01-28"), stated("2016-01-28")]).date == "2016-01-28"
    assert settle_date([stated("2016-01-01", DatePrecision.MONTH), stated("2016-01-20")]).date == "2016-01-20"
    assert settle_date([stated("2016-01-20"), stated("2016-01-21")]).date == "2016-01-20"


def test_a_doubtful_date_only_when_no_plausible_one_is_stated() -> None:
    later = stated("2016-02-10", flag=DateFlag.AFTER_PUBLICATION)
    assert settle_date([later, later, stated("2016-01-20")]).date == "2016-01-20"
    assert settle_date([later]) == later
    assert settle_date([ResolvedDate("2016-01-29", DatePrecision.WEEK)]) is None


def test_groups_are_listed_in_order_of_their_first_mention() -> None:
    mentions = [Mention("d", "Battles", None, [], group=g) for g in (7, 3, 7, 5, 3)]
    assert group_members(mentions) == [[0, 2], [1, 4], [3]]


TEXT = ("Gunmen shot two men in Bell, California on Tuesday night. "
        "The victims were taken to a hospital in the United States on Wednesday. "
        "Police in California said the men died.")


def at(evidence: str, places: list[str], dates: list[str], group: int) -> Mention:
    def span(text: str) -> Span:
        start = TEXT.index(text)
        return Span(text, start, start + len(text))
    return Mention(document_id="d", event_type="Violence against civilians", sub_event_type="Attack",
                   evidence=[span(evidence)], place_spans=[span(p) for p in places],
                   date_spans=[span(d) for d in dates], group=group)


@pytest.fixture(scope="module")
def events() -> list:
    mentions = [at("Gunmen shot two men in Bell", ["Bell", "California"], ["on Tuesday night"], 1),
                at("The victims were taken", ["the United States"], ["on Wednesday"], 1),
                at("Police in California said", ["California"], [], 1)]
    document = Document("d", TEXT, content_hash(TEXT), published="2016-01-28")
    return Resolver(Gazetteer.open()).resolve(document, mentions)


def test_every_member_of_a_happening_gets_its_one_place(events: list) -> None:
    assert {(e.location.name, e.location.precision) for e in events} == {("Bell", GeoPrecision.TOWN)}


def test_every_member_of_a_happening_gets_its_one_date(events: list) -> None:
    assert {(e.date, e.date_precision) for e in events} == {("2016-01-26", DatePrecision.DAY)}


def test_members_keep_their_own_evidence(events: list) -> None:
    assert [e.evidence[0].text for e in events] == ["Gunmen shot two men in Bell", "The victims were taken",
                                                    "Police in California said"]
