"""A settlement a sentence names as such is the scene of a coarsely placed happening."""

from __future__ import annotations

import pytest

from conflictlog.models import GeoPrecision, Location
from conflictlog.resolve import DocContext, Gazetteer
from conflictlog.resolve.scene_settlement import dateline_city_meant, named_settlement

_PERU = Location(name="Peru", country_code="PE", lat=-12.0, lon=-76.0, precision=GeoPrecision.COUNTRY)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def test_a_village_the_gazetteer_lacks_is_named_at_the_coarser_point(gazetteer: Gazetteer) -> None:
    sentence = "TERRORISTS BURNED THE TOWN HALL IN THE VILLAGE OF QUZMARACHI LAST NIGHT."
    found = named_settlement(sentence, _PERU, DocContext.empty(), gazetteer)
    assert found is not None
    assert (found.name, found.text, found.country_code) == ("Quzmarachi", "QUZMARACHI", "PE")
    # The point is the country's, and the precision says so.
    assert (found.lat, found.lon, found.precision) == (-12.0, -76.0, GeoPrecision.COUNTRY)


def test_a_known_town_named_as_such_is_the_scene_at_town_precision(gazetteer: Gazetteer) -> None:
    found = named_settlement("A bomb exploded in the town of Ayacucho on Monday.", _PERU, DocContext.empty(), gazetteer)
    assert found is not None
    assert (found.name, found.precision) == ("Ayacucho", GeoPrecision.TOWN)


def test_the_name_ends_at_a_word_that_cannot_be_part_of_it(gazetteer: Gazetteer) -> None:
    sentence = "THE ATTACK TOOK PLACE NEAR THE HAMLET OF SANTA QUZMA YESTERDAY AFTERNOON."
    found = named_settlement(sentence, _PERU, DocContext.empty(), gazetteer)
    assert found is not None and found.name == "Santa Quzma"


def test_a_place_already_a_town_or_a_sentence_without_the_phrase_keeps_its_place(gazetteer: Gazetteer) -> None:
    town = Location(name="Lima", country_code="PE", precision=GeoPrecision.TOWN)
    assert named_settlement("IN THE VILLAGE OF QUZMARACHI", town, DocContext.empty(), gazetteer) is None
    assert named_settlement("GUERRILLAS ATTACKED THE VILLAGE YESTERDAY.", _PERU, DocContext.empty(), gazetteer) is None


_GUATEMALA_CITY = Location(name="Guatemala City", country_code="GT", lat=14.64, lon=-90.51, precision=GeoPrecision.TOWN)
_GUATEMALA = Location(name="Guatemala", country_code="GT", lat=15.0, lon=-90.5, precision=GeoPrecision.COUNTRY)


def test_this_capital_is_the_datelines_city() -> None:
    sentence = "A BOMB EXPLODED TONIGHT AT A BANK IN THIS CAPITAL, POLICE SAID."
    found = dateline_city_meant(sentence, _GUATEMALA, lambda: _GUATEMALA_CITY)
    assert found is not None and found.name == "Guatemala City"
    assert dateline_city_meant("A BOMB EXPLODED AT A BANK.", _GUATEMALA, lambda: _GUATEMALA_CITY) is None


def test_this_capital_does_not_move_a_happening_its_sentence_placed_in_another_country() -> None:
    mexico = Location(name="Mexico", country_code="MX", precision=GeoPrecision.COUNTRY)
    sentence = "MEXICO, AS THEY SAID IN THIS CAPITAL, WAS ATTACKED."
    assert dateline_city_meant(sentence, mexico, lambda: _GUATEMALA_CITY) is None
    assert dateline_city_meant("IN THIS CAPITAL TODAY", _GUATEMALA, lambda: None) is None


def test_a_part_of_the_city_the_report_covers_is_the_scene(gazetteer: Gazetteer) -> None:
    sentence = "A man is hospitalized after a shooting in the city's Quzmaville section."
    found = named_settlement(sentence, Location(), DocContext.empty(), gazetteer)
    assert found is not None and (found.name, found.precision) == ("Quzmaville", None)
