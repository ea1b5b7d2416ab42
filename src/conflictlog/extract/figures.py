"""Asserted triggers that still tell no happening: figures of speech, kinds of acts, refutations.

An event word can be part of the name of a body or a file ("death squads", "torture cases"),
stand under a trend, a kind or an end ("a wave of kidnappings", "this kind of attack", "an end
to the bombings"), sit in a comparison ("like criminals who murder"), act on or aim at an
abstraction ("the fight against drug trafficking", "an offensive for peace", "a political crisis
exploded"), name gear, units or places ("combat planes", "the battle zone"), lie in the subject
of a refuted report ("the report that she was wounded is unfounded"), or list kinds of acts
("denounced the arrests, the bombings and the harassment of the press"). The words are data in
``lexicons/events.json`` (``topic_heads``, ``blocking_nouns``, ``abstract_nouns``,
``refuting_words``); ``events.EventLexicon`` holds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .victims import of_objects

if TYPE_CHECKING:
    from .events import EventHit, EventLexicon

# nouns of acts a word of fighting can modify and still tell a fight ("ambush operations")
_ACT_NOUNS = frozenset({"operation", "action", "mission", "activity"})
# "the fight against drug trafficking", "an offensive for peace", "an advance toward peace"
_AIM_PREPS = frozenset({"against", "toward", "towards", "for"})


def is_figure(hit: EventHit, sent: Span, lexicon: EventLexicon) -> bool:
    """Whether an asserted trigger is a figure of speech, gear or a refuted report, not a happening."""
    head = hit.head
    if names_topic(head, lexicon.topic_heads) or acts_on_abstraction(head, lexicon.abstract_nouns):
        return True
    if _under_trend_or_comparison(head, lexicon.blocking_nouns) or is_refuted(head, lexicon.refuting_words):
        return True
    return hit.event_type == "Battles" and names_equipment(head, sent, lexicon)


def names_topic(head: Token, topic_heads: frozenset[str]) -> bool:
    """ "death squads", "torture cases", "the kidnapping division", "rapporteur on torture": a
    trigger word inside a noun phrase that names a body, an office or a file, not a happening."""
    holder = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    named = head.dep_ in {"compound", "pobj"} and holder.pos_ in {"NOUN", "PROPN"}
    return named and holder.i != head.i and holder.lemma_.lower() in topic_heads


def acts_on_abstraction(head: Token, abstract_nouns: frozenset[str]) -> bool:
    """ "the fight against drug trafficking", "an offensive for peace", "a crisis exploded", "a
    burning issue": a trigger whose doer, target, aim or noun is an abstraction is a figure of speech."""
    if head.dep_ == "amod":
        return head.head.lemma_.lower() in abstract_nouns
    related = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    related += [obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in _AIM_PREPS
                for obj in prep.children if obj.dep_ == "pobj"]
    return bool(related) and all(token.lemma_.lower() in abstract_nouns for token in related)


def _under_trend_or_comparison(head: Token, blocking_nouns: frozenset[str]) -> bool:
    """ "a wave of kidnappings", "this kind of attack", "an end to the bombings" (nouns only: "the
    attack ended" blocks nothing); "like criminals who murder"."""
    return any((a.pos_ == "NOUN" and a.lemma_.lower() in blocking_nouns) or (a.dep_ == "prep" and a.lower_ == "like")
               for a in head.ancestors)


def is_refuted(head: Token, refuting_words: frozenset[str]) -> bool:
    """ "the report that the girl was wounded is unfounded", "the pilot said to be killed is alive":
    a trigger inside the subject of "is" + a refuting word is denied."""
    for token in (head, *head.ancestors):
        verb = token.head
        if token.dep_ == "nsubj" and verb.lemma_ == "be" and any(
                c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in refuting_words for c in verb.children):
            return True
    return False


def names_equipment(head: Token, sent: Span, lexicon: EventLexicon) -> bool:
    """ "combat aircraft", "assault rifles", "the battle zone": a word of fighting that modifies a
    noun of no act names gear, units or places, not a fight ("a bomb attack", "ambush operations"
    modify acts)."""
    noun = head.head
    return (head.pos_ == "NOUN" and head.dep_ in {"compound", "amod"} and noun.i != head.i and noun.pos_ == "NOUN"
            and noun.lemma_.lower() not in _ACT_NOUNS and not lexicon.matches_at(sent, noun))


def is_list_of_kinds(head: Token, lexicon: EventLexicon) -> bool:
    """ "denounced the arrests, the bombings and the harassment of the press": a plural act noun
    listed with other nouns, none of them counted, owned or naming a victim, names kinds of acts,
    dated or not. Weapons ("seized rifles, grenades") and lists that act ("clashes and bombings
    left 10 dead") are events."""
    if head.tag_ != "NNS" or lexicon.is_weapon_word(head):
        return False
    first = head
    while first.dep_ == "conj":
        first = first.head
    members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
    if first.dep_ in {"nsubj", "nsubjpass"} or len(members) < 2:
        return False
    return not any(_is_specified(member) for member in members)


def _is_specified(noun: Token) -> bool:
    """ "three murders", "the army's raids", "the murders of Carlos Valencia": counted, owned or
    naming its victim, a plural act noun tells of happenings."""
    if any(child.dep_ in {"nummod", "poss"} for child in noun.children):
        return True
    return any(obj.pos_ == "PROPN" for obj in of_objects(noun))
