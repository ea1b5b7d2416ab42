"""The scene a headline or its outlet names, for a story that names none."""

from __future__ import annotations

import pytest

from conflictlog.resolve import DocContext, Gazetteer
from conflictlog.resolve.headline import headline_scene


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def scene_of(title: str | None, gazetteer: Gazetteer) -> str | None:
    found = headline_scene(title, DocContext.empty(), gazetteer)
    return found.name if found else None


def test_a_cue_phrase_of_the_headline_names_the_scene(gazetteer: Gazetteer) -> None:
    assert scene_of("Man shot and killed in Frankford | 6abc.com", gazetteer) == "Frankford"


def test_a_town_before_the_word_for_the_happening_names_the_scene(gazetteer: Gazetteer) -> None:
    assert scene_of("Chapel Hill drive-by shooting critically injures child | abc11.com", gazetteer) == "Chapel Hill"


def test_a_local_outlet_names_its_town(gazetteer: Gazetteer) -> None:
    assert scene_of("Arrest made in weekend shooting | The Augusta Chronicle", gazetteer) == "Augusta"
    assert scene_of("Two 911 call takers suspended in police shooting case - Chicago Tribune", gazetteer) == "Chicago"


def test_a_headline_without_a_town_names_no_scene(gazetteer: Gazetteer) -> None:
    assert scene_of("Cop shoots and wounds armed robbery suspect", gazetteer) is None
    assert scene_of(None, gazetteer) is None


def test_an_outlet_word_that_names_only_a_hamlet_names_no_scene(gazetteer: Gazetteer) -> None:
    assert scene_of("Bond Hill mother dies 9 days after shooting | Local News - WLWT Home", gazetteer) is None


def test_an_outlet_named_after_a_street_names_no_town(gazetteer: Gazetteer) -> None:
    # "Street" is a town in England; "Broad Street Media" is named after a street.
    assert scene_of("Man shoots neighbor, calls cops on himself | Broad Street Media", gazetteer) is None
