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
