"""Running totals are not an incident's figures; deaths told without a kill verb are still read."""

from __future__ import annotations

import pytest

from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G



from casualty_figures import figures


@pytest.mark.parametrize("text", [
    "Since the school rampage in 2012, at least 300 children have been killed by gunfire, the study found.",
    "It was the deadliest January since 2009, when 31 were killed.",
    "Neighbours held a vigil for the 120 people who lost their lives to violence in the city in 2015.",
    "So far this year, 12 people have been killed in the city.",
])
def test_running_totals_give_no_figure(nlp, text):
    assert not {f for f in figures(nlp, text) if f[0] is K.KILLED}


@pytest.mark.parametrize("text, expected", [
    ("Two people were wounded in the market on Friday.", {(K.INJURED, G.ALL, 2, 2)}),
    ("Three soldiers were killed on December 5, 2015.", {(K.KILLED, G.COMBATANTS, 3, 3)}),
])
def test_dated_incidents_keep_their_figure(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Both men were taken to a hospital, where they died the next day.", (K.KILLED, G.ALL, 2, 2)),
    ("Officers found Smith shot to death inside the home.", (K.KILLED, G.ALL, 1, 1)),
    ("Police found a man's body near the driveway.", (K.KILLED, G.ALL, 1, 1)),
    ("The homicide victim was identified as John Doe.", (K.KILLED, G.ALL, 1, 1)),
])
def test_deaths_without_a_kill_verb(nlp, text, expected):
    assert expected in figures(nlp, text)


def test_they_without_a_named_clause_gives_no_figure(nlp):
    assert figures(nlp, "They died.") == set()
