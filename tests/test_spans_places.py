"""Place spans: a city owning a part of itself is the place; a neighbourhood is no town."""

from __future__ import annotations

from conflictlog.extract.spans import place_spans


def places(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for sent in doc.sents for span in place_spans(sent, text)]


def test_a_city_owning_a_section_is_the_place_not_the_section(nlp) -> None:
    found = places(nlp, "One person is critically injured following a shooting in Philadelphia's Kensington section.")
    assert found == ["Philadelphia"]


def test_a_city_owning_an_office_is_still_no_place(nlp) -> None:
    assert places(nlp, "Two call takers at Chicago's 911 center were suspended.") == []


def test_a_neighbourhood_is_not_looked_up_as_a_town(nlp) -> None:
    assert "Rogers Park" not in places(nlp, "A man was shot Saturday in the Rogers Park neighborhood on the North Side.")


def test_the_streets_of_an_intersection_are_no_towns(nlp) -> None:
    assert places(nlp, "It happened near Beale and Fond du Lac around 3:20 a.m. on Sunday.") == []
    assert places(nlp, "Shootings in Milwaukee and Glendale left two hurt.") == ["Milwaukee", "Glendale"]


def test_upper_case_wire_text_names_towns_near_each_other(nlp) -> None:
    assert places(nlp, "TWO SOLDIERS WERE KILLED IN A CLASH NEAR APOPA AND SOYAPANGO.") == ["SOYAPANGO"]


def test_where_a_named_person_comes_from_is_no_scene(nlp) -> None:
    assert places(nlp, "The victim, Raekwon Shannon of Spokane, Washington, was taken to hospital.") == []
    assert places(nlp, "Jeremiah Washington, 24, of Memphis, Tennessee, was later pronounced dead.") == []
    assert places(nlp, "He was shot in Aurora, Colorado, police said.") == ["Aurora", "Colorado"]


def test_the_town_of_the_hospital_someone_was_taken_to_is_no_scene(nlp) -> None:
    assert places(nlp, "He was taken to Ingalls Memorial Hospital in Harvey, where he was pronounced dead.") == []
    assert places(nlp, "A man was shot outside a hospital in Chicago on Sunday.") == ["Chicago"]
