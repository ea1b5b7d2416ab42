"""Place spans: a Spanish or Portuguese place name is kept whole past its joining words."""

from __future__ import annotations

from conflictlog.extract.spans import place_spans

RECASED = "Shining Path members murdered four members of a family in Santa Maria del Valle, Huanuco department."


def places(nlp, parsed: str, original: str) -> list[str]:
    doc = nlp(parsed)
    return [span.text for sent in doc.sents for span in place_spans(sent, original)]


def test_a_name_goes_on_past_its_joining_word(nlp) -> None:
    # The parser reads a re-cased copy of an upper-case wire report and stops at "del".
    original = RECASED.upper()
    assert places(nlp, RECASED, original)[0] == "SANTA MARIA DEL VALLE"


def test_a_word_lower_case_in_the_document_ends_the_name(nlp) -> None:
    original = RECASED.replace("Valle", "valle")
    assert places(nlp, RECASED, original)[0] == "Santa Maria"
