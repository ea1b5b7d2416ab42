"""Text preparation: offsets never move, datelines of three wire styles, truecasing."""

from __future__ import annotations

import pytest

from conflictlog.models import Document, content_hash
from conflictlog.text import find_dateline, is_all_caps, prepare, truecase


def _document(text: str) -> Document:
    return Document(document_id="t", text=text, content_hash=content_hash(text))


def test_prepare_keeps_length_and_offsets() -> None:
    text = "Shelling hit\u00a0Kharkiv\ton Monday, \u201cofficials\u201d said.\r\nMore\u200bnews."
    prepared = prepare(_document(text))
    assert len(prepared.text) == len(text)
    assert prepared.text.index("Kharkiv") == text.index("Kharkiv")
    assert "\u201cofficials\u201d" in prepared.text
    assert "\u00a0" not in prepared.text and not prepared.truecased


def test_muc_dateline_with_header_tags() -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT] THE ARMY SAID."
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place.text, dateline.date.text) == ("SAN SALVADOR", "3 JAN 90")
    assert text[dateline.place.start:dateline.place.end] == "SAN SALVADOR"
    assert text[dateline.end:].startswith("THE ARMY")


def test_reuters_and_ap_datelines() -> None:
    reuters = find_dateline("STEPANAKERT, Sept 19 (Reuters) - Azerbaijan launched an operation.")
    assert reuters is not None and reuters.date is not None
    assert (reuters.place.text, reuters.date.text) == ("STEPANAKERT", "Sept 19")
    ap = find_dateline("KYIV (AP) \u2014 Russian drones struck the capital.")
    assert ap is not None and ap.place.text == "KYIV" and ap.date is None
    assert "KYIV (AP) \u2014 Russian"[ap.end:].startswith("Russian")


@pytest.mark.parametrize(("text", "place", "story"), [
    ("YORK, Pa- A 16-year-old girl was charged.", "YORK", "A 16-year-old"),
    ("HARRISBURG, PA- One person is dead.", "HARRISBURG", "One person"),
    ("PASADENA >> One man remained hospitalized.", "PASADENA", "One man"),
    ("HOUSTON ??? Police have released photos.", "HOUSTON", "Police have"),
])
def test_local_site_datelines(text: str, place: str, story: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None and dateline.place.text == place
    assert text[dateline.end:].startswith(story)


def test_a_hyphenated_word_is_no_dateline() -> None:
    assert find_dateline("THE U.S.-BACKED REGIME KILLED 10 PEASANTS.") is None
    assert find_dateline("WINSTON-SALEM, N.C. \u2014 A man was shot.").place.text == "WINSTON-SALEM"


def test_no_dateline_in_plain_prose() -> None:
    assert find_dateline("Jassely Lupoe, a 5-year-old, was shot on Tuesday.") is None
    assert find_dateline("Two men were wounded in a shooting.") is None


def test_truecasing_keeps_length_acronyms_and_sentence_starts() -> None:
    text = "LIMA, 9 JAN 90 -- [TEXT] THE FMLN ATTACKED A POST IN USULUTAN. GENERAL JUAN BUSTILLO SAID IT."
    cased = truecase(text)
    assert len(cased) == len(text)
    assert "The FMLN attacked a post in Usulutan." in cased
    assert "General Juan Bustillo said it." in cased


def test_truecasing_capitalises_acronym_expansions() -> None:
    text = "THEY BELONG TO THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] AND THE MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT]."
    cased = truecase(text)
    assert "Farabundo Marti National Liberation Front [FMLN]" in cased
    assert "[Tupac Amaru Revolutionary Movement]" in cased


def test_prepare_truecases_only_all_caps_text() -> None:
    caps = prepare(_document("SAN SALVADOR, 3 JAN 90 -- [TEXT] THREE SOLDIERS WERE KILLED IN AN AMBUSH TODAY."))
    assert caps.truecased and caps.dateline is not None
    assert "[Text] Three soldiers were killed in an ambush" in caps.text
    assert not is_all_caps("Three soldiers were killed in an AMBUSH by the FMLN today.")


def test_truecasing_periods_of_abbreviations_start_no_sentence() -> None:
    text = "THE U.S. COUNTERINSURGENCY POLICY FAILED IN EL SALVADOR. GEN. BUSTILLO RESIGNED."
    cased = truecase(text)
    assert "U.S. counterinsurgency" in cased
    assert "El Salvador" in cased


def test_truecasing_repeats_a_titled_name_and_place_prefixes() -> None:
    text = "GENERAL RAFAEL BUSTILLO LEFT. LATER BUSTILLO SPOKE IN SAN SALVADOR, BUT--LIKE OTHERS--HE WAS KILLED."
    cased = truecase(text)
    assert "later Bustillo spoke in San Salvador" in cased.replace("Later", "later")
    assert "but--like others--he was killed" in cased
