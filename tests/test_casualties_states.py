"""People said to be in a hurt state are hit (a weak injured reading); a shot aimed at someone hits nobody."""

from __future__ import annotations

import pytest

from conflictlog.extract.casualties import find_casualties
from conflictlog.extract.casualty_lexicon import default_lexicon
from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G



from casualty_figures import figures


@pytest.mark.parametrize("text", [
    "The attack left the victim in critical condition.",
    "Police are investigating a robbery that left a man in critical condition.",
    "She is in critical condition.",
    "He was listed in stable condition at a local hospital.",
    "Officers found a man with several gunshot wounds.",
])
def test_a_hurt_state_counts_one_person_hit(nlp, text):
    assert figures(nlp, text) == {(K.INJURED, G.ALL, 1, 1)}


def test_a_hurt_state_is_a_weak_reading_the_dead_may_cover(nlp):
    (casualty,) = find_casualties(next(nlp("The attack left the victim in critical condition.").sents))
    assert default_lexicon().is_hit_only(casualty.text)


@pytest.mark.parametrize("text", [
    "The car was in good condition.",
    "She is not in critical condition.",
    "An officer pulled out a weapon and shot at her.",
])
def test_no_one_is_hit(nlp, text):
    assert figures(nlp, text) == set()


def test_a_date_read_as_an_object_keeps_the_clause_passive(nlp):
    assert figures(nlp, "Ciara Meyer was shot and killed Jan. 11 as a constable tried to evict the family.") == {
        (K.KILLED, G.ALL, 1, 1)}


def test_a_passive_shot_at_still_counts_the_man_hit(nlp):
    assert figures(nlp, "He was about to enter a shop when he was shot at five times.") == {(K.INJURED, G.ALL, 1, 1)}
