"""Figures of two kinds told with one verb (invented sentences): "left N dead and M injured",
"kill one person and wound twelve others"."""

from __future__ import annotations

import pytest

from casualty_figures import figures
from conflictlog.extract.casualty_lexicon import default_lexicon
from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G


@pytest.mark.parametrize("text, expected", [
    ("The bomb left three people dead and 12 injured.", {(K.KILLED, 3), (K.INJURED, 12)}),
    ("The explosion, which left 7 other people dead and 30 injured, destroyed the office.",
     {(K.KILLED, 7), (K.INJURED, 30)}),
    ("The blast left four people injured.", {(K.INJURED, 4)}),
    ("The attack left a farmer and two teachers dead.", {(K.KILLED, 3)}),
])
def test_each_word_tells_its_own_people(nlp, text, expected):
    assert {(kind, low) for kind, group, low, _ in figures(nlp, text) if group == G.ALL} == expected


@pytest.mark.parametrize("text, hit_only", [
    ("wound 12 others", False),
    ("a man with a gunshot wound", True),
    ("a man was shot", True),
])
def test_the_verb_wound_says_injured_a_wound_says_hit(text, hit_only):
    assert default_lexicon().is_hit_only(text) is hit_only


@pytest.mark.parametrize("text, expected", [
    ("The morning violence left two women hurt.", {(K.INJURED, 2)}),
    ("Two hurt men were taken to a clinic.", {(K.INJURED, 2)}),
    ("The guards were not hurt.", set()),
])
def test_hurt_is_injured(nlp, text, expected):
    assert {(kind, low) for kind, _, low, _ in figures(nlp, text)} == expected
