"""Casualty figures in the style of wire and radio reports (invented sentences): assassinations,
named victims whose names lost their tags, lists of victims, and the attackers' own dead."""

from __future__ import annotations

import pytest

from casualty_figures import figures
from conflictlog.models import CasualtyKind as K
from conflictlog.models import VictimGroup as G


@pytest.mark.parametrize("text, expected", [
    ("The party condemned the assassination of two union leaders.", {(K.KILLED, G.ALL, 2, 2)}),
    ("The massacre of nine peasants shocked the region.", {(K.KILLED, G.ALL, 9, 9)}),
    ("Nobody has answered for Senator Ruiz's assassination.", {(K.KILLED, G.ALL, 1, 1)}),
    ("The old farmer was taken to a clinic, where he passed away.", {(K.KILLED, G.ALL, 1, 1)}),
])
def test_killing_words_of_wire_reports(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The bombing claimed the lives of three students.", {(K.KILLED, G.ALL, 3, 3)}),
    ("The ambush cost the lives of a judge and two bodyguards.", {(K.KILLED, G.ALL, 3, 3)}),
    ("The old priest lost his life in the fire.", {(K.KILLED, G.ALL, 1, 1)}),
])
def test_lives_taken_count_the_people_named(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # after truecasing an all-capitals text, names are often left lower-case and mis-tagged
    ("Inspector tomas verdes died in the explosion.", {(K.KILLED, G.ALL, 1, 1)}),
    ("Rosa elvira campos, a school teacher, was killed yesterday.", {(K.KILLED, G.ALL, 1, 1)}),
    ("Police officers were wounded in the attack.", set()),
    ("Three army soldiers were killed.", {(K.KILLED, G.COMBATANTS, 3, 3)}),
])
def test_a_named_victim_is_one_person(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two of the kidnappers were killed in the rescue.", set()),
    ("One of the attacking guerrillas died.", set()),
    ("A policeman and four guerrillas were killed.", {(K.KILLED, G.COMBATANTS, 1, 1)}),
    ("The rebels killed two soldiers.", {(K.KILLED, G.COMBATANTS, 2, 2)}),
    ("Three guerrillas were captured.", {(K.DETAINED, G.COMBATANTS, 3, 3)}),
])
def test_the_attackers_own_dead_are_not_victims(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two murdered women were buried on Sunday.", {(K.KILLED, G.WOMEN, 2, 2)}),
    ("Yesterday the corpses of five assassinated leaders were found.", {(K.KILLED, G.ALL, 5, 5)}),
    ("They condemned the kidnapping and murder of two activists.",
     {(K.MISSING, G.ALL, 2, 2), (K.KILLED, G.ALL, 2, 2)}),
])
def test_murdered_victims_and_joined_crimes(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Over 7,000 people have died in the country during 10 years of civil war.",
    "The 90,000 people who have died in the struggle deserve justice.",
    "Since the party was founded, more than 500 of its members have been killed.",
])
def test_a_war_or_a_party_history_is_a_running_total(nlp, text):
    assert {f for f in figures(nlp, text) if f[0] == K.KILLED} == set()


def test_one_incident_in_a_war_zone_is_still_counted(nlp):
    assert figures(nlp, "Three people died in the war zone yesterday.") == {(K.KILLED, G.ALL, 3, 3)}


def test_two_titles_of_one_person_are_not_two_dead(nlp):
    found = figures(nlp, "Former minister and president of the court franco ruiz died on Monday.")
    assert (K.KILLED, G.ALL, 2, 2) not in found


@pytest.mark.parametrize("text, total", [
    ("One army lieutenant, four soldiers, and three civilians were killed.", 8),
    ("The guerrillas killed the mayor of the town, as well as two peasants.", 3),
    ("Three people, two women and a child, were killed.", 3),
    ("Two farmers and a child were killed.", 3),
    ("A 22-year-old man and a 16-year-old boy were killed.", 2),
    ("Police found two victims, ages 19 and 24, dead in a car.", 2),
    ("They denounced the murder of Father Ruiz, five other priests, and two women.", 8),
])
def test_a_list_of_victims_adds_up_once(nlp, text, total):
    assert {f[2] for f in figures(nlp, text) if f[0] == K.KILLED and f[1] == G.ALL} == {total}


@pytest.mark.parametrize("text, total", [
    ("The cartel was accused of killing liberal presidential candidate Luis Carlos Galan sarmiento.", 1),
    ("After the assassination of senator Luis Carlos Galan, the 4,015 judges of the country went back to work.", 1),
    ("The blast killed 15 soldiers, 4 of them officers.", 15),
])
def test_a_name_or_a_part_is_not_more_victims(nlp, text, total):
    assert max(f[2] for f in figures(nlp, text) if f[0] == K.KILLED) == total


def test_neither_nor_is_none_hurt(nlp):
    assert {f[2] for f in figures(nlp, "Neither the driver nor his wife was injured.")} == {0}


def test_a_dead_guerrilla_member_is_not_a_victim(nlp):
    assert figures(nlp, "A guerrilla member died in the attack.") == set()


def test_thousands_of_dead_are_a_war_total_but_a_bomb_may_wound_a_thousand(nlp):
    assert figures(nlp, "Government troops have massacred 70,000 Salvadorans.") == set()
    assert figures(nlp, "The truck bomb killed 63 people and injured 1,000.") == {
        (K.KILLED, G.ALL, 63, 63), (K.INJURED, G.ALL, 1000, 1000)}


@pytest.mark.parametrize("text, expected", [
    ("Ruiz died and galdamez was seriously injured.", {(K.KILLED, G.ALL, 1, 1), (K.INJURED, G.ALL, 1, 1)}),
    ("Saturnino palomino tunqui, 25, was injured at the polling station.", {(K.INJURED, G.ALL, 1, 1)}),
    ("Police are investigating the wounding of two reporters.", {(K.INJURED, G.ALL, 2, 2)}),
    ("Rodrigo lara, who was murdered six years ago, was a minister.", {(K.KILLED, G.ALL, 1, 1)}),
    ("Ediberto Genis, identified by the coroner as a 17-year-old, died.", {(K.KILLED, G.CHILDREN, 1, 1)}),
    ("Two drug traffickers were killed in the raid.", set()),
    ("An elderly couple was killed in the attack.", {(K.KILLED, G.ALL, 2, 2)}),
    ("Police are investigating a bomb attack that left four children injured on 26 July.",
     {(K.INJURED, G.CHILDREN, 4, 4)}),
])
def test_names_ages_and_woundings(nlp, text, expected):
    assert figures(nlp, text) == expected
