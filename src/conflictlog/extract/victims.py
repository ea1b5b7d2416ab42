"""Which words of a sentence report a casualty, and which noun names the victims.

The victim is found through the dependency parse, never by distance:

* passive casualty verb: its subject ("two people were killed", "a man was shot and killed");
* active casualty verb: its object ("gunmen killed three villagers", "killing his wife"),
  so a perpetrator's number ("two officers shot the man") is never a victim count;
* intransitive verb: its subject ("the driver died", "he passed away", "he lost his life", "she
  suffered injuries"); "the attack claimed the lives of two judges": the "of" objects;
  "they" stands for the people of the clause it hangs from ("were taken to a hospital, where they died");
* adjective: the noun it modifies or predicates ("three injured", "left two people dead", "the
  two murdered women", "left four children injured" however the parse hangs the participle);
* noun: its own figure ("11 injuries", "no casualties"), its "of" object ("the bodies of five men",
  "the kidnapping and assassination of five students") or its possessor ("a man's body");
  "the homicide victim" is a dead one;
* "death toll": the figure the toll rises to or stands at.

* a hurt state: "left a man in critical condition", "a victim with gunshot wounds",
  "she is in the hospital" (weak: the one hit may be the dead told elsewhere).

Negated and hypothetical clauses ("were not hurt", "threatened to kill") report nothing, nor
does a shot aimed at someone ("fired at her", "shot at the car").
Weak readings ("was shot", "was taken to hospital") say someone was hurt unless a strong
reading in the same sentence says more about the same victim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..models import CasualtyKind
from .casualty_lexicon import CasualtyLexicon

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl"})
_VICTIM_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADJ"})
_YEAR = re.compile(r"(?:19|20)\d\d")  # a bare year, never a head count written without a noun
_NOT_PEOPLE = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One casualty statement: the kind, the victim noun and the word that reported it."""

    kind: CasualtyKind
    victim: Token
    trigger: Token
    weak: bool = False


def readings(sent: Span, lex: CasualtyLexicon) -> list[Reading]:
    """Every casualty statement in ``sent``, in text order."""
    found: list[Reading] = []
    for token in sent:
        found.extend(_token_readings(token, lex))
    return found


def _token_readings(token: Token, lex: CasualtyLexicon) -> list[Reading]:
    if token.lower_ in lex.adjectives and (token.pos_ == "ADJ" or token.dep_ in ("amod", "oprd", "acomp")
                                           or _is_object_complement(token)):
        return _adjective_readings(token, lex)
    if token.pos_ in ("VERB", "AUX"):
        return _verb_readings(token, lex)
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_readings(token, lex) or _state_readings(token, lex)
    return []


def _adjective_readings(adjective: Token, lex: CasualtyLexicon) -> list[Reading]:
    kind = lex.adjectives[adjective.lower_]
    if any(c.dep_ == "nummod" for c in adjective.children):
        return [Reading(kind, adjective, adjective)]  # "sustained 9 dead", "148 casualties (93 dead ...)"
    if adjective.dep_ == "amod":
        victims = [adjective.head] if adjective.head.pos_ in _VICTIM_POS else []
    elif adjective.dep_ == "oprd" or _is_object_complement(adjective):
        victims = _objects(adjective.head) or _subjects(adjective.head, ("nsubj", "nsubjpass"))
        victims = [v for victim in victims for v in told_by(victim, adjective, lex)]
        if not victims and adjective.head.dep_ == "acl":
            victims = [adjective.head.head]  # "a man shot dead by police"
    else:
        victims = _subjects(adjective, ("nsubj",)) or _subjects(adjective.head, ("nsubj", "nsubjpass"))
    return [Reading(kind, victim, adjective) for victim in victims]


def told_by(victim: Token, adjective: Token, lex: CasualtyLexicon) -> list[Token]:
    """The people of ``victim`` and its conjuncts that ``adjective`` tells of: "left 7 people dead
    and 30 injured" tells "30" injured, "people" has its own word ("dead")."""
    people = [victim, *victim.conjuncts]
    return [p for p in people if not has_own_adjective(p, adjective, lex)]


def has_own_adjective(victim: Token, trigger: Token, lex: CasualtyLexicon) -> bool:
    """True when a casualty adjective other than ``trigger`` modifies ``victim`` ("people dead")."""
    return any(c.dep_ == "amod" and c.lower_ in lex.adjectives and c != trigger for c in victim.children)


def _is_object_complement(word: Token) -> bool:
    """ "left four children injured": a participle the parse hangs as the verb's xcomp after its object."""
    if word.dep_ == "advcl":  # parsed as a clause when the participle follows its object at once
        return any(c.dep_ == "dobj" and c.right_edge.i == word.i - 1 for c in word.head.children)
    return word.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < word.i for c in word.head.children)


def _verb_readings(verb: Token, lex: CasualtyLexicon) -> list[Reading]:
    if _is_irrealis(verb, lex):
        return []
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lives = [o for o in objects if o.lemma_.lower() in lex.life_nouns]
    if lemma in lex.life_verbs and lives:
        return _life_readings(verb, lives[0], lex.life_verbs[lemma], lex)
    phrasal = _phrasal_lemma(verb)
    if phrasal in lex.phrasal_verbs:
        return _subject_readings(verb, lex.phrasal_verbs[phrasal], lex)
    objects = {o.lemma_.lower() for o in objects}
    if lemma in lex.harm_verbs and objects & lex.harm_nouns:
        return _subject_readings(verb, lex.harm_verbs[lemma], lex, weak=True)
    if lemma in lex.intransitive_verbs:
        return _subject_readings(verb, lex.intransitive_verbs[lemma], lex)
    if _is_fatal(verb, lex):
        # "They found Moody shot to death": with no object, the one shot is the subject.
        return _patient_readings(verb, CasualtyKind.KILLED, weak=False, subject_fallback=True)
    if lemma in lex.verbs:
        return _patient_readings(verb, lex.verbs[lemma], weak=False)
    if lemma in lex.weak_verbs and not _is_aimed_only(verb, lex):
        return _patient_readings(verb, lex.weak_verbs[lemma], weak=True)
    if lemma in lex.hospital_verbs and _goes_to_hospital(verb, lex):
        return _patient_readings(verb, CasualtyKind.INJURED, weak=True)
    return []


def _life_readings(verb: Token, lives: Token, kind: CasualtyKind, lex: CasualtyLexicon) -> list[Reading]:
    """ "he lost his life": the subject died; "the attack claimed the lives of two judges": those named."""
    named = [victim for victim in of_objects(lives) if is_person(victim)]
    if named:
        return [Reading(kind, victim, verb) for victim in named]
    return _subject_readings(verb, kind, lex)


def _phrasal_lemma(verb: Token) -> str:
    """The verb with its particle ("passed away" -> "pass away"), or the bare lemma."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


def _subject_readings(verb: Token, kind: CasualtyKind, lex: CasualtyLexicon, *, weak: bool = False) -> list[Reading]:
    victims = [v for subject in _subjects(verb, ("nsubj",)) for v in _pronoun_referents(subject, verb, lex)]
    return [Reading(kind, victim, verb, weak) for victim in victims if is_person(victim)]


def _pronoun_referents(subject: Token, verb: Token, lex: CasualtyLexicon) -> list[Token]:
    """The people "they" stands for: the subjects of the nearest clause the verb hangs from."""
    if subject.lower_ not in lex.plural_pronouns:
        return [subject]
    outer = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
    named = [s for s in _subjects(outer, ("nsubj", "nsubjpass"))
             if s.pos_ != "PRON" or s.lower_ in ("both", "all")] if outer is not None else []
    return named or [subject]


def _patient_readings(verb: Token, kind: CasualtyKind, *, weak: bool,
                      subject_fallback: bool = False) -> list[Reading]:
    """Readings for a verb whose victim is its patient: passive subject or active object."""
    if _is_passive(verb):
        victims = _subjects(verb, ("nsubjpass",))
        if not victims and verb.dep_ == "acl":
            victims = [verb.head]
    else:
        victims = _objects(verb)
        if not victims and (subject_fallback or (verb.tag_ == "VBN" and not _is_perfect(verb))):
            victims = _subjects(verb, ("nsubj",))  # headline style: "Three killed in shooting"
    return [Reading(kind, victim, verb, weak) for victim in victims if is_person(victim)]


def _is_perfect(verb: Token) -> bool:
    """ "the army has killed": an active perfect, whose subject did the act."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _is_aimed_only(verb: Token, lex: CasualtyLexicon) -> bool:
    """ "shot at her": the shot was aimed, whether it hit is not said. The passive ("he was shot
    at five times") is kept: reports mostly use it of a man hit, and tell the misses otherwise."""
    return not _is_passive(verb) and any(c.dep_ == "prep" and c.lower_ in lex.missed_preps for c in verb.children)


def _state_readings(state: Token, lex: CasualtyLexicon) -> list[Reading]:
    """People said to be in a hurt state: the noun after "in"/"with" names it (module docstring)."""
    prep = state.head
    if state.dep_ != "pobj" or prep.dep_ != "prep" or not _is_hurt_state(state, prep, lex):
        return []
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN", "PRON"):
        victims = [_antecedent(holder)]  # "a man in critical condition"
    elif _is_irrealis(holder, lex):
        return []
    else:
        victims = _objects(holder) or _subjects(holder, ("nsubj", "nsubjpass"))
    return [Reading(CasualtyKind.INJURED, victim, state, weak=True) for victim in victims if is_person(victim)]


def _is_hurt_state(state: Token, prep: Token, lex: CasualtyLexicon) -> bool:
    lemma, word = state.lemma_.lower(), prep.lower_
    if word == "with":
        return lemma in lex.harm_nouns
    if word != "in":
        return False
    if lemma in lex.condition_nouns:
        return any(c.dep_ == "amod" and c.lower_ in lex.hurt_conditions for c in state.children)
    return lemma in lex.hospital_nouns and prep.head.lemma_.lower() in lex.stay_verbs


def is_person(token: Token) -> bool:
    """Dates, sums and times are never victims ("killed Jan. 11", "the murder of 2016")."""
    if _YEAR.fullmatch(token.text):
        return False
    # "a 5-year-old" is tagged as a date yet names a person.
    return token.pos_ in _VICTIM_POS and (token.pos_ == "ADJ" or token.ent_type_ not in _NOT_PEOPLE)


def _noun_readings(noun: Token, lex: CasualtyLexicon) -> list[Reading]:
    if noun.dep_ == "compound":
        return []
    lemma = noun.lemma_.lower()
    counted = _has_own_figure(noun)
    if lemma in lex.negated_only_nouns:
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        return [Reading(kind, noun, noun) for kind in lex.negated_only_nouns[lemma]] if negated else []
    if lemma in lex.toll_nouns and any(c.lemma_.lower() == "death" for c in noun.children):
        return [Reading(CasualtyKind.KILLED, figure, noun) for figure in _toll_figures(noun)]
    if lemma in lex.victim_nouns and _any_lemma(_modifiers(noun), lex.fatal_victim_modifiers):
        return [Reading(CasualtyKind.KILLED, noun, noun)]
    if lemma not in lex.nouns:
        return []
    if counted:
        return [Reading(lex.nouns[lemma], noun, noun)]
    victims = of_objects(noun) or [c for c in noun.children if c.dep_ == "poss"]
    if not victims and noun.dep_ == "conj":
        victims = of_objects(noun.head)  # "the kidnapping and murder of five students"
    return [Reading(lex.nouns[lemma], victim, noun) for victim in victims if is_person(victim)]


def _modifiers(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("compound", "amod")]


def _has_own_figure(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children)


def _toll_figures(toll: Token) -> list[Token]:
    """The number a death toll reaches: "rose to 15", "stands at 15", "a toll of 15", "is 15"."""
    holders = [toll, toll.head] if toll.dep_ in ("nsubj", "dobj", "nsubjpass") else [toll]
    figures = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "attr" and child.like_num:
                figures.append(child)
            if child.dep_ == "prep" and child.lower_ in ("to", "at", "of"):
                figures.extend(c for c in child.children if c.dep_ == "pobj" and c.like_num)
    return figures[:1]


def of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's "of" ("the bodies of five men" -> men)."""
    return [obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]


def _subjects(verb: Token, deps: tuple[str, ...], depth: int = 0) -> list[Token]:
    """The verb's subjects, taken from the verb it is conjoined to when it has none."""
    own = [_antecedent(c) for c in verb.children if c.dep_ in deps]
    if own or depth > 3 or verb.dep_ not in _INHERITING_DEPS or verb.head == verb:
        return own
    # "a man was shot and died", "after being shot, he died": the verbs share one subject.
    return _subjects(verb.head, ("nsubj", "nsubjpass"), depth + 1)


def _objects(verb: Token) -> list[Token]:
    own = [_antecedent(c) for c in verb.children if c.dep_ == "dobj"]
    # "left three people dead and 12 injured": a verb with its own subject has no object of the first
    if own or verb.dep_ != "conj" or any(c.dep_ == "nsubj" for c in verb.children):
        return own
    return [_antecedent(c) for c in verb.head.children if c.dep_ == "dobj"]


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("a man who was killed")."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    # "was shot and killed Jan. 11": a date parsed as an object makes no active clause.
    has_subject = any(c.dep_ == "nsubj" or (c.dep_ == "dobj" and is_person(c)) for c in verb.children)
    return verb.dep_ == "conj" and not has_subject and verb.head != verb and _is_passive(verb.head)


def _is_fatal(verb: Token, lex: CasualtyLexicon) -> bool:
    """ "fatally shot", "shot to death", "beaten to death" report a killing."""
    if verb.lemma_.lower() in lex.verdict_verbs:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in lex.fatal_adverbs:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and _any_lemma(child.children, lex.death_complements):
            return True
    return False


def _goes_to_hospital(verb: Token, lex: CasualtyLexicon) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "at"):
            if _any_lemma(prep.children, lex.hospital_nouns):
                return True
    return False


def _is_irrealis(verb: Token, lex: CasualtyLexicon) -> bool:
    """Negated, modal or intended acts ("not hurt", "could kill", "threatened to kill")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children):
        return True
    # "threatened to kill", "the threat to kill 10 judges"
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in lex.irrealis_heads


def _any_lemma(tokens: Iterable[Token], lemmas: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in lemmas for t in tokens)
