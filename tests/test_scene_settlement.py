"""A settlement a sentence names as such is the scene of a coarsely placed happening."""

from __future__ import annotations

import pytest

from conflictlog.models import GeoPrecision, Location
from conflictlog.resolve import DocContext, Gazetteer
from conflictlog.resolve.scene_settlement import named_settlement

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
