"""Casualty figures read from invented sentences: kinds, groups, ranges, nesting, negation."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlog.extract.casualties import find_casualties
from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"



from casualty_figures import figures


@pytest.mark.parametrize("text, expected", [
    ("At least two people, including one child, were killed.", {(K.KILLED, G.ALL, 2, None), (K.KILLED, G.CHILDREN, 1, 1)}),
    ("Another 11 people, including eight children, were injured.", {(K.INJURED, G.ALL, 11, 11), (K.INJURED, G.CHILDREN, 8, 8)}),
    ("Six Azerbaijanis were killed.", {(K.KILLED, G.ALL, 6, 6)}),
    ("Between 3 and 5 soldiers were wounded.", {(K.INJURED, G.COMBATANTS, 3, 5)}),
    ("Three to five people died.", {(K.KILLED, G.ALL, 3, 5)}),
    ("Up to 5 civilians were killed.", {(K.KILLED, G.CIVILIANS, 1, 5)}),
    ("More than 20 people were injured.", {(K.INJURED, G.ALL, 21, None)}),
    ("Dozens of people were killed.", {(K.KILLED, G.ALL, 24, None)}),
    ("Hundreds of villagers were displaced.", {(K.DISPLACED, G.ALL, 200, None)}),
    ("The death toll rose to 15.", {(K.KILLED, G.ALL, 15, 15)}),
    ("Twenty-five people died.", {(K.KILLED, G.ALL, 25, 25)}),
    ("Two of the soldiers died of their wounds.", {(K.KILLED, G.COMBATANTS, 2, 2)}),
    ("Three killed, five injured in shooting.", {(K.KILLED, G.ALL, 3, 3), (K.INJURED, G.ALL, 5, 5)}),
    ("The shooting left two people dead and three injured.", {(K.KILLED, G.ALL, 2, 2), (K.INJURED, G.ALL, 3, 3)}),
])
def test_counts_and_ranges(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A man was shot and killed on Tuesday.", {(K.KILLED, G.ALL, 1, 1)}),
    ("The man was rushed to a hospital, where he died.", {(K.KILLED, G.ALL, 1, 1)}),
    ("It was the city's first murder of 2016.", set()),
    ("A young man shot dead by police had a knife.", {(K.KILLED, G.ALL, 1, 1)}),
    ("The driver died.", {(K.KILLED, G.ALL, 1, 1)}),
    ("He was found dead in his car.", {(K.KILLED, G.ALL, 1, 1)}),
    ("The gunman then took his own life.", {(K.KILLED, G.ALL, 1, 1)}),
    ("A 5-year-old was shot and killed on Tuesday.", {(K.KILLED, G.CHILDREN, 1, 1)}),
    ("A man was shot in the leg on Friday.", {(K.INJURED, G.ALL, 1, 1)}),
    ("The victim suffered a gunshot wound to the arm.", {(K.INJURED, G.ALL, 1, 1)}),
])
def test_single_victims_without_a_number(nlp, text, expected):
    assert figures(nlp, text) == expected


def test_conjoined_victims_add_up(nlp):
    text = "A man opened fire at his home, killing his five young children as well as his wife, police said."
    assert figures(nlp, text) == {(K.KILLED, G.CHILDREN, 5, 5), (K.KILLED, G.WOMEN, 1, 1), (K.KILLED, G.ALL, 6, 6)}


@pytest.mark.parametrize("text, expected", [
    ("No one was hurt.", {(K.INJURED, G.ALL, 0, 0)}),
    ("Nobody was killed in the blast.", {(K.KILLED, G.ALL, 0, 0)}),
    ("There were no casualties.", {(K.KILLED, G.ALL, 0, 0), (K.INJURED, G.ALL, 0, 0)}),
    ("The officers were not injured.", set()),
    ("Rebels threatened to kill 20 hostages.", set()),
    ("There were multiple casualties.", set()),
])
def test_negations_and_non_events(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two officers shot the man.", {(K.INJURED, G.ALL, 1, 1)}),
    ("The attack caused $50,000 in damage and 2 people were wounded in 1989.", {(K.INJURED, G.ALL, 2, 2)}),
    ("Jassely Lupoe, a 5-year-old girl, was killed at her home in the 1000 block of McFarland Avenue.",
     {(K.KILLED, G.CHILDREN, 1, 1)}),
    ("The man was killed Jan. 11 at 6abc.com headquarters.", {(K.KILLED, G.ALL, 1, 1)}),
    ("People were killed.", set()),
])
def test_numbers_that_are_not_victims(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police arrested three men on Friday.", {(K.DETAINED, G.ALL, 3, 3)}),
    ("Guerrillas kidnapped two engineers.", {(K.MISSING, G.ALL, 2, 2)}),
    ("Four women were abducted.", {(K.MISSING, G.WOMEN, 4, 4)}),
    ("About 300 families were evacuated.", {(K.DISPLACED, G.ALL, 300, 300)}),
])
def test_other_kinds(nlp, text, expected):
    assert figures(nlp, text) == expected


def test_text_is_the_phrase_the_figure_was_read_from(nlp):
    doc = nlp("At least two people, including one child, were killed and another 11 people were injured, he said.")
    texts = {c.text for c in find_casualties(next(iter(doc.sents)))}
    assert "At least two people, including one child, were killed" in texts
    assert "another 11 people were injured" in texts


def test_seed_article_counts(nlp):
    text = next(SEED_DIR.glob("*.txt")).read_text("utf-8")
    found = [c for sent in nlp(text).sents for c in find_casualties(sent)]
    got = {(c.kind, c.group, c.min) for c in found}
    assert {(K.KILLED, G.ALL, 2), (K.KILLED, G.CHILDREN, 1), (K.INJURED, G.ALL, 11),
            (K.INJURED, G.CHILDREN, 8), (K.KILLED, G.ALL, 6)} <= got
    assert not any(c.kind is K.KILLED and c.min in (8, 11) for c in found)
