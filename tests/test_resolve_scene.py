"""The scene of a local report read from cue phrases when no place span was tagged."""

from __future__ import annotations

import pytest

from conflictlog.resolve import DocContext, Gazetteer
from conflictlog.resolve.scene import find_scene


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def scene_of(text: str, gazetteer: Gazetteer) -> str | None:
    found = find_scene(text, DocContext.empty(), gazetteer)
    return found.name if found else None


def test_a_town_after_in_is_the_scene(gazetteer: Gazetteer) -> None:
    text = "A 20-year-old man was shot while walking on the 800 block of Cadillac Drive in Ceres, police said."
    assert scene_of(text, gazetteer) == "Ceres"


def test_a_town_before_police_or_officials_is_the_scene(gazetteer: Gazetteer) -> None:
    assert scene_of("Two people were injured Monday, Cicero officials say.", gazetteer) == "Cicero"
    assert scene_of("A man who was shot by Burbank police pleaded not guilty.", gazetteer) == "Burbank"


def test_a_hometown_or_a_possessive_is_not_the_scene(gazetteer: Gazetteer) -> None:
    # "of Ashdown" is where a victim lives; "Chicago's 911 center" is an office, not a scene.
    assert scene_of("Caitlin Caskey of Ashdown was shot at a party.", gazetteer) is None
    assert scene_of("Two call takers at Chicago's 911 center were suspended.", gazetteer) is None


def test_a_capitalised_word_that_names_no_town_is_skipped(gazetteer: Gazetteer) -> None:
    assert scene_of("In January a man was shot in Ceres.", gazetteer) == "Ceres"
    assert scene_of("Police found him in Critical condition.", gazetteer) is None


def test_a_capitalised_cue_and_a_longer_name_still_name_the_scene(gazetteer: Gazetteer) -> None:
    text = "The Goldsboro Police Department has issued an arrest warrant after the shooting."
    assert scene_of(text, gazetteer) == "Goldsboro"
    assert scene_of("according to the New York City Police Department.", gazetteer) == "New York City"


def test_a_compass_word_or_a_direction_before_the_town_is_a_cue(gazetteer: Gazetteer) -> None:
    assert scene_of("A man shot at his neighbor's house on Wednesday in northwest Fresno.", gazetteer) == "Fresno"
    assert scene_of("He was charged in connection to the shooting south of Heavener.", gazetteer) == "Heavener"


def test_the_first_name_of_a_person_or_a_business_is_no_town(gazetteer: Gazetteer) -> None:
    # "Billy" is a town in GeoNames; here it starts the name of a bowling alley.
    text = "Three people were shot at Billy Hardwick's All Star Lanes, police said."
    assert scene_of(text, gazetteer) is None
    assert scene_of("Three people were shot at Memphis bowling alleys.", gazetteer) == "Memphis"


def test_a_possessive_with_a_typographic_apostrophe_is_no_town(gazetteer: Gazetteer) -> None:
    # "Mason’s home" is a person's home; Mason is also a town.
    assert scene_of("Deputies arrived at Mason’s home and found two rifles.", gazetteer) is None


def test_a_name_a_street_word_follows_is_a_street(gazetteer: Gazetteer) -> None:
    assert scene_of("A second victim was found at Concord and Market streets.", gazetteer) is None
    assert scene_of("He was shot near Concord Avenue, police said.", gazetteer) is None


def test_a_day_after_the_town_is_no_part_of_its_name(gazetteer: Gazetteer) -> None:
    text = "A waitress was shot outside a bar in southwest Houston Sunday, near Kirkwood."
    assert scene_of(text, gazetteer) == "Houston"


def test_a_shorter_piece_of_a_county_office_is_no_town(gazetteer: Gazetteer) -> None:
    # "Johnson County Sheriff’s Office": neither the county nor "Johnson" is the scene (the name
    # is not cut short to get past the possessive).
    assert scene_of("The suspect fired at Johnson County Sheriff’s Office personnel.", gazetteer) is None


def test_a_town_whose_own_name_has_an_article_is_found_without_it(gazetteer: Gazetteer) -> None:
    # GeoNames calls it "The Bronx"; the report's own wording is kept as its name.
    assert scene_of("An off-duty officer was robbed at gunpoint in Bronx on Friday.", gazetteer) == "Bronx"
