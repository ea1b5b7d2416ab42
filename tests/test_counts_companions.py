"""People killed or hurt "along with" the victim, and lists the parse hangs as an apposition
(invented sentences): more victims of the same act are added to its figure."""

from __future__ import annotations

import pytest

from casualty_figures import figures
from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G


def all_people(found, kind):
    return {(low, high) for k, group, low, high in found if k == kind and group == G.ALL}


@pytest.mark.parametrize("text, kind, expected", [
    ("The minister, 65, was killed near his home, along with two of his bodyguards.", K.KILLED, {(3, 3)}),
    ("The old mayor died together with four of his aides during the ambush.", K.KILLED, {(5, 5)}),
    ("Gunmen killed the judge along with three of his escorts.", K.KILLED, {(4, 4)}),
    ("The priest was wounded along with two other nuns.", K.INJURED, {(3, 3)}),
])
def test_people_along_with_the_victim_are_victims_too(nlp, text, kind, expected):
    assert all_people(figures(nlp, text), kind) == expected


def test_companions_without_a_count_leave_the_figure_as_it_is(nlp):
    found = figures(nlp, "Two cooks were killed together with the clergymen.")
    assert all_people(found, K.KILLED) == {(2, 2)}


def test_companions_counted_by_their_own_clause_are_not_added_twice(nlp):
    found = figures(nlp, "The senator was machinegunned together with five other persons who were wounded.")
    assert all_people(found, K.INJURED) == {(5, 5)}


@pytest.mark.parametrize("text, expected", [
    ("They condemned the murder of the six priests, a woman and her daughter.", {(8, 8)}),
    ("Soldiers were accused of killing 6 clergymen, a cook and her daughter.", {(8, 8)}),
    # a breakdown of the count, not more people
    ("Two people, a man and a woman, were killed.", {(2, 2)}),
    # one person described, not a list
    ("Ruiz, a senator and presidential candidate, was killed.", {(1, 1)}),
])
def test_a_list_after_a_count_adds_its_people(nlp, text, expected):
    assert all_people(figures(nlp, text), K.KILLED) == expected


def test_a_place_joined_to_the_victim_is_no_victim(nlp):
    found = figures(nlp, "The reports came from San Miguel and the correspondent who died there.")
    assert all_people(found, K.KILLED) == {(1, 1)}
