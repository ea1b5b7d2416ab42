"""Perpetrators named outside the event's own syntax, and sentences that tell no happening.

Covers: initiators found at another violence word of the sentence, the doer of a light verb
before a modifier, editorial tags and naming hedges left out of actor text, the collective a
modifier stands for, "held responsible" / "perpetrated by" / "the work of" sentences, new
trigger verbs, weapon "charges", judged or generic act nouns that are no event, and things
and trends that are no initiator.
"""

from __future__ import annotations

import pytest

from conflictlog.extract.actors import find_actors
from conflictlog.extract.events import EventLexicon
from conflictlog.extract.perpetrators import responsibility_actors
from conflictlog.models import ActorRole, PerpetratorAttribution as P


def _sentence(nlp, text):
    return list(nlp(text).sents)[0]


def _triggers(nlp, text):
    return [hit.trigger.text for hit in EventLexicon.load().match(_sentence(nlp, text))]


def _initiators(nlp, text):
    sent = _sentence(nlp, text)
    hits = EventLexicon.load().match(sent)
    best = max(hits, key=lambda hit: hit.priority)
    return [(a.text, a.name) for a in find_actors(sent, best.head) if a.role is ActorRole.INITIATOR]


def _charged(nlp, text):
    return [(a.text, a.attribution) for a in responsibility_actors(_sentence(nlp, text))]


def test_another_violence_word_names_the_doer(nlp):
    text = "Two soldiers were wounded by a grenade when rebels attacked the patrol."
    assert [t for t, _ in _initiators(nlp, text)] == ["rebels"]


def test_doer_of_a_light_verb_comes_before_a_describing_modifier(nlp):
    text = "This morning a group of subversives conducted a terrorist attack against the former minister."
    assert [t for t, _ in _initiators(nlp, text)] == ["a group of subversives"]


def test_a_modifier_alone_stands_for_its_collective(nlp):
    assert ("rebel", "rebels") in _initiators(nlp, "The rebel attack destroyed the bridge.")


def test_naming_hedges_and_editorial_tags_are_not_the_name(nlp):
    found = _initiators(nlp, "The so-called Extraditables bombed the newspaper offices.")
    assert [t for t, _ in found] == ["Extraditables"]


@pytest.mark.parametrize("text, trigger", [
    ("He was riddled with bullets by three young individuals.", "riddled with bullets"),
    ("Unidentified individuals machinegunned his car.", "machinegunned"),
    ("Urban guerrillas blew up a public bus.", "blew up"),
])
def test_new_trigger_verbs(nlp, text, trigger):
    assert _triggers(nlp, text) == [trigger]


def test_a_dynamite_charge_is_a_weapon_not_an_indictment(nlp):
    assert _triggers(nlp, "The dynamite charge was placed by a young man.") == ["dynamite"]
    assert _triggers(nlp, "He was sentenced on charges of murder.") == []


@pytest.mark.parametrize("text", [
    "The essential fact is that this arrest is a major blow to subversion.",
    "The committee denounced summary executions and political assassinations.",
    "Over 7,000 people have died in El Salvador during 10 years of civil war.",
    "The FMLN agreed to suspend sabotage of power lines.",
])
def test_judgements_kinds_of_acts_and_war_tolls_are_no_event(nlp, text):
    assert _triggers(nlp, text) == []


def test_dated_plural_act_nouns_still_count(nlp):
    assert _triggers(nlp, "Clashes were reported on 12 January near the border.") == ["Clashes"]


def test_held_responsible_is_an_accusation(nlp):
    text = "There were no casualties in this incident, for which the FMLN guerrillas are being held responsible."
    assert _charged(nlp, text) == [("the FMLN guerrillas", P.ACCUSED)]


def test_deed_perpetrated_by_names_its_doer(nlp):
    text = "The committee condemned the crime perpetrated on 12 January by armed men wearing civilian clothes."
    assert _charged(nlp, text) == [("armed men wearing civilian clothes", P.REPORTED)]


def test_the_work_of_and_responsible_for_name_the_doer(nlp):
    assert _charged(nlp, "The bombing was the work of the Shining Path.") == [("the Shining Path", P.REPORTED)]
    assert _charged(nlp, "Police said the FMLN was responsible for the attack.") == [("the FMLN", P.REPORTED)]


def test_unrelated_work_and_responsibility_name_nobody(nlp):
    assert _charged(nlp, "The investigation was carried out by the police.") == []
    assert _charged(nlp, "The ministry is responsible for security.") == []


def _initiators_with_level(nlp, text):
    sent = _sentence(nlp, text)
    best = max(EventLexicon.load().match(sent), key=lambda hit: hit.priority)
    return [(a.text, a.attribution) for a in find_actors(sent, best.head) if a.role is ActorRole.INITIATOR]


@pytest.mark.parametrize("text, expected", [
    ("The newspaper claims that soldiers killed the men inside the church.", [("soldiers", P.ACCUSED)]),
    ("The FMLN claimed that its units ambushed a convoy.", [("its units", P.CLAIMED)]),
    ("The mayor was kidnapped, apparently by ELN guerrillas.", [("ELN guerrillas", P.SUSPECTED)]),
    ("His assassination has been attributed to the Roberto D'Aubuisson faction.",
     [("the Roberto D'Aubuisson faction", P.SUSPECTED)]),
    ("Cristiani announced that two lieutenants were involved in the massacre.", [("two lieutenants", P.REPORTED)]),
])
def test_how_firmly_the_doer_is_named(nlp, text, expected):
    assert _initiators_with_level(nlp, text) == expected


def test_a_group_keeps_the_name_it_gives_itself(nlp):
    text = "A group calling itself the Gerardo Barrios Commando Unit claimed responsibility for the attack."
    assert _initiators(nlp, text) == [("A group", "the Gerardo Barrios Commando Unit")]


def test_a_murder_charge_still_blocks(nlp):
    assert _triggers(nlp, "Ervin Pickens faces a murder charge in the death of Gregory Bishop.") == []


@pytest.mark.parametrize("text", [
    "Artillery shelled the village on Monday, killing three peasants.",
    "The wave of violence killed three peasants in the village on Monday.",
])
def test_things_and_trends_are_no_initiators(nlp, text):
    assert _initiators(nlp, text) == []



def test_a_participle_describing_the_victim_names_no_doer(nlp):
    text = "Farm workers in the north, where the assassinated leader worked as a lawyer, reacted with anger."
    assert _initiators(nlp, text) == []


def test_a_headline_participle_makes_its_subject_the_victim(nlp):
    assert _initiators(nlp, "Two soldiers killed in an ambush near the border.") == []
    assert [t for t, _ in _initiators(nlp, "Seven peasants murdered by unidentified men in the north.")] == ["unidentified men"]


def test_police_holding_a_group_responsible_name_it(nlp):
    # the parser may make the group the subject of "responsible"
    text = "Two bombs exploded at the bank and the police hold the MRTA responsible for the attack."
    assert _charged(nlp, text) == [("the MRTA", P.ACCUSED)]


def test_a_doer_held_responsible_in_the_sentence_of_the_event_joins_it():
    from conflictlog.extract import Extractor, load_pipeline
    from extract_text import extract_text

    text = "Two bombs exploded at the bank on Monday, and the police hold the MRTA responsible for the attack."
    mentions = extract_text(Extractor(load_pipeline()), text)
    initiators = [a.text for m in mentions for a in m.actors if a.role is ActorRole.INITIATOR]
    assert initiators == ["the MRTA"]
