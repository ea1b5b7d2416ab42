"""Which mentions tell a specific happening: names of bodies and files, trends, comparisons,
lists of kinds of acts and distant history tell none; reports beside them still do. Invented sentences."""

from __future__ import annotations

import pytest

from conflictlog.extract import Extractor, load_pipeline
from conflictlog.extract.events import EventLexicon

from extract_text import extract_text


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_pipeline())



@pytest.mark.parametrize("text", [
    # a trigger word inside the name of a body, an office or a file
    "On Sunday the minister said the death squads are a shame for the nation.",
    "The special rapporteur on torture cases met lawyers in the capital today.",
    "Judge Ortega handles several kidnapping cases and two murder cases.",
    "A judge issued an arrest warrant for the former mayor.",
    # a trend, a kind or the end of something
    "On Monday the bishop condemned the wave of kidnappings that has shaken the region.",
    "The church condemned this kind of massacre against the population.",
    "We want an end to the shelling of our villages.",
    # a comparison and a call to remember
    "They behave like cowards who flee after committing a murder.",
    "Let us recall the horrible massacres of the past.",
    # a list of kinds of acts, even with articles and a date in the sentence
    "The report of 3 May lists the arrests, the murders and the disappearances in the province.",
    # a fight against an abstraction, a figurative explosion
    "On Monday the minister promised to step up the fight against drug trafficking.",
    "A political crisis exploded in the capital on Tuesday.",
    "The president on Monday called for a national offensive for peace and justice.",
    # a word of fighting naming gear, units or places
    "Combat planes and reconnaissance aircraft patrolled the border on Sunday.",
    "Helicopters flew over the battle zone on Sunday.",
    # a modal over a verb completing another: future, plan, hypothesis
    "The army said it will continue fighting the rebels in the north.",
    "The army would have to kidnap or murder hundreds of students to silence them.",
    "The guerrillas will attempt to shell the garrison on Friday, the colonel said.",
    # a report refuted, a possibility
    "The report that the ambassador's daughter was wounded by gunfire on Monday is absolutely unfounded.",
    "The pilot said to have been killed in the crash on Friday is alive and well.",
    "Officials discussed the possibility of an attack with rockets on the airport on Sunday.",
    # history long past
    "The town was founded by a general who was assassinated in 1835.",
    # a habit or a trait: an act verb in the simple present, with no date and no number
    "These structures are led by officers who kidnap and kill union leaders.",
    "The government supports a regime which bombs the cities and persecutes the church.",
    # a running total or a statistic
    "The army reports that 840 rebels have been killed and 558 wounded as of today.",
    "Countless peasants have been murdered by the paramilitary groups.",
    "The bombings of the air force have left thousands of victims in the province.",
    "According to police statistics, the murders in the province rose in September.",
])
def test_mentions_that_tell_no_happening(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text) == [], text


@pytest.mark.parametrize("text", [
    "Gunmen murdered a judge in the capital on Monday.",
    "Unidentified men killed two peasants and wounded three others near the river.",
    "The police said the murders of Ana Ruiz and Carlos Vega were committed by a death squad.",
    "Three bombs exploded at a bank branch this morning.",
    "Soldiers seized rifles, grenades and explosives at a farm.",
    "The rebels hurled explosives at a market in the town, injuring 15 people.",
    "Clashes and bombings in the capital left 40 people dead on Sunday.",
    "The rebels carried out three ambush operations against army patrols last week.",
    "Officers are investigating a shooting on the city's southwest side.",
    # the simple present still reports in a headline, a quote, or beside a number or a date
    "Rebels attack an army post in the north",
    "\u201cHe walks up to the car and shoots her in the arm,\u201d the sheriff said.",
    "Gunmen kill two peasants near the river.",
    "Rebel sappers who sabotage the power grid destroyed a pylon near the town.",
])
def test_reports_of_happenings_are_kept(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text), text


def test_a_topic_name_does_not_hide_the_report_beside_it(extractor: Extractor) -> None:
    text = ("The prosecutor in charge of the murder case said gunmen shot dead a witness in the town yesterday. "
            "The bomb squad defused a second device.")
    mentions = extract_text(extractor, text)
    assert any(m.event_type == "Violence against civilians" for m in mentions)


def test_trigger_matching_does_not_depend_on_set_order(extractor: Extractor) -> None:
    """ "explosives" is both a written trigger (weapons seized) and the plural of "explosive":
    when the first reading does not fit, the second is tried, in every process alike."""
    nlp = extractor.nlp
    sent = next(nlp("The rebels hurled explosives at a market in the town.").sents)
    hits = EventLexicon.load().match(sent)
    assert [(hit.trigger.text, hit.event_type) for hit in hits] == [("explosives", "Explosions/Remote violence")]
