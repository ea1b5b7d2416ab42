"""Casualty words used as counted nouns, unknown numbers and active perfects (invented sentences)."""

from __future__ import annotations

import pytest

from casualty_figures import figures
from conflictlog.models import CasualtyKind as K


def counts(nlp, text):
    return {(kind, low) for kind, _, low, _ in figures(nlp, text)}


@pytest.mark.parametrize("text, expected", [
    ("The garrison sustained 9 dead and 12 wounded in the attack.", {(K.KILLED, 9), (K.INJURED, 12)}),
    ("The rebels have sustained 148 casualties (93 dead and 55 wounded).", {(K.KILLED, 93), (K.INJURED, 55)}),
    ("Police found three dead.", {(K.KILLED, 3)}),
])
def test_a_counted_casualty_word_is_its_own_figure(nlp, text, expected):
    assert counts(nlp, text) == expected


@pytest.mark.parametrize("text, kind", [
    ("The radio said an unspecified number of civilians and soldiers were killed.", K.KILLED),
    ("A number of people were wounded.", K.INJURED),
])
def test_a_number_without_a_figure_is_some_people_not_one(nlp, text, kind):
    assert {(k, low, high) for k, _, low, high in figures(nlp, text)} == {(kind, 1, None)}


def test_the_subject_of_an_active_perfect_did_the_act(nlp):
    assert (K.KILLED, 1) not in counts(nlp, "The army has killed or wounded more than 1,000 rebels.")


@pytest.mark.parametrize("text, expected", [
    ("Not a single person was killed in the attack.", {(K.KILLED, 0)}),
    ("The court sentenced the colonel to death.", set()),
    ("The colonel was shot to death.", {(K.KILLED, 1)}),
])
def test_negated_people_and_verdicts_are_no_dead(nlp, text, expected):
    assert counts(nlp, text) == expected



def test_a_day_before_its_month_is_no_count(nlp):
    found = counts(nlp, "Travellers said that on 23 September 28 bodies were found.")
    assert (K.KILLED, 23) not in found
    assert counts(nlp, "Two people were killed on 3 May.") == {(K.KILLED, 2)}


def test_people_said_to_be_unharmed_are_not_hurt(nlp):
    assert counts(nlp, "The child, unharmed by the gunfire, was transported to a hospital.") == set()
    assert counts(nlp, "The child was transported to a hospital.") == {(K.INJURED, 1)}


def test_a_threat_to_kill_is_no_killing(nlp):
    assert counts(nlp, "A letter informed him of the threat to kill 10 judges for every person extradited.") == set()
