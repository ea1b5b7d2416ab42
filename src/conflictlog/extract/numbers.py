"""How many victims a noun phrase names, read from the dependency parse.

A figure is read only from words attached to the victim noun (its ``nummod``, a number
that is itself the victim, a vague quantity such as "dozens of"), never from any number
that happens to stand in the sentence: money, years, times, ages and addresses are not
attached that way. Modifiers before the figure turn it into a range:

    "at least 2"       -> 2..None          "more than 10"  -> 11..None
    "up to 5"          -> 1..5             "fewer than 5"  -> 1..4
    "about 20"         -> 20..20           "another 11"    -> 11..11
    "between 3 and 5"  -> 3..5             "3 to 5"        -> 3..5
    "dozens" -> 24..None, "scores" -> 40..None, "hundreds" -> 200..None, "a dozen" -> 12..12
    "no one", "nobody", "no <noun>"        -> 0..0
    a singular noun, name or he/she        -> 1..1 ("a 5-year-old", "the driver", "his wife")
    a name whose tags an all-capitals text lost -> 1..1 ("inspector tomas verdes", "rosa campos, a
                                              teacher", "tunqui, 25", "galdamez was injured")
    "the couple"                           -> 2..2; "neither X nor Y" -> 0..0
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token
from text_to_num import alpha2digit

from ..models import VictimGroup
from .casualty_lexicon import Bound, CasualtyLexicon

_SINGULAR_TAGS = frozenset({"NN", "NNP", "JJ"})
_CLAUSE_DEPS = frozenset({"relcl"})  # "identified as a 17-year-old" (acl) still gives an age
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "det", "predet", "nmod"})


@dataclass(frozen=True, slots=True)
class Count:
    """A victim count as a range; ``max`` None means open-ended."""

    min: int | None
    max: int | None


def number_value(text: str) -> int | None:
    """The whole number a token's text spells ("11", "1,200", "eleven", "twenty-five"), else None."""
    digits = alpha2digit(text, "en", threshold=0).replace(",", "").strip()
    return int(digits) if digits.isdigit() else None


def is_age(token: Token, lex: CasualtyLexicon) -> bool:
    """True for the number of an age such as "5-year-old" (one victim of that age, not five)."""
    return token.head.lower_ in lex.age_units and token.head != token


def victim_age(victim: Token, lex: CasualtyLexicon) -> int | None:
    """The age in years written inside the victim phrase ("an 8-year-old girl" -> 8)."""
    clauses = [c for c in victim.children if c.dep_ in _CLAUSE_DEPS]
    inside = {t.i for clause in clauses for t in clause.subtree}
    for token in victim.subtree:
        # "rodrigo lara, who was murdered six years ago": a clause's years are no age
        if token.i not in inside and token.like_num and is_age(token, lex) and token.head.lower_.startswith("year"):
            return number_value(token.text)
    return None


def count_of(victim: Token, lex: CasualtyLexicon) -> Count | None:
    """How many people ``victim`` stands for, or None when the text does not say."""
    if _is_negated(victim, lex):
        return Count(0, 0)
    if victim.like_num and not is_age(victim, lex):
        return _figure(victim, lex)
    vague = _vague_count(victim, lex)
    if vague is not None:
        return vague
    figure = next((c for c in victim.children if c.dep_ == "nummod" and c.like_num and not is_age(c, lex)
                   and not _is_day_of_month(c, lex)), None)
    if figure is not None:
        return _figure(figure, lex)
    return Count(1, 1) if _is_single(victim, lex) else None


def _is_day_of_month(number: Token, lex: CasualtyLexicon) -> bool:
    """ "on 23 September 28 bodies were found": a number before a month is a day, not a count."""
    following = number.nbor(1) if number.i + 1 < len(number.doc) else None
    # "two may have died": the modal, not the month
    return following is not None and following.lower_.rstrip(".") in lex.months and following.tag_ != "MD"


def group_of(victim: Token, lex: CasualtyLexicon) -> VictimGroup:
    """The victim group a phrase names: by its noun, then its modifiers, then a child's age."""
    noun = counted_noun(victim, lex)
    for word in (noun.lemma_.lower(), noun.lower_):
        if word in lex.groups:
            return lex.groups[word]
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.lemma_.lower() in lex.group_modifiers:
            return lex.group_modifiers[child.lemma_.lower()]
    age = victim_age(noun, lex)
    if age is not None and age < lex.adult_age:
        return VictimGroup.CHILDREN
    return VictimGroup.ALL


def counted_noun(victim: Token, lex: CasualtyLexicon) -> Token:
    """The noun a quantity counts: "two of the soldiers", "dozens of people" -> the pobj."""
    quantity = victim.like_num or victim.pos_ == "PRON" or victim.lower_ in lex.vague_quantities
    if quantity or victim.lower_ in lex.nobody:
        for prep in victim.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return victim


def _is_negated(victim: Token, lex: CasualtyLexicon) -> bool:
    if victim.lower_ in lex.nobody:
        return True
    # "neither the driver nor his wife was hurt"
    if any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in [*victim.children, *victim.head.children]):
        return True
    # "not a single person", "not one"
    return any((c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg" for c in victim.children)


def _is_single(victim: Token, lex: CasualtyLexicon) -> bool:
    if victim.lower_ in lex.one_words:
        return True
    if victim.lower_ in lex.collective_nouns:
        return False
    if _is_named_person(victim, lex):
        return True
    if victim.tag_ not in _SINGULAR_TAGS:
        return False
    # An adjective stands for a person only as "a 5-year-old"; a bare noun with no
    # determiner is usually a mass or generic use ("fire killed livestock").
    if victim.tag_ == "JJ":
        return victim_age(victim, lex) is not None
    return victim.tag_ == "NNP" or any(c.dep_ in ("det", "poss") for c in victim.children)


def _is_named_person(victim: Token, lex: CasualtyLexicon) -> bool:
    """One person named, though an all-capitals text often loses the name's tags: a person's
    name ("luis carlos galan"), a title before it ("inspector eulogio flores"), or a singular
    description beside it ("orlando gomez, a street vendor")."""
    if victim.ent_type_ == "PERSON" and victim.pos_ == "PROPN":
        return True
    if victim.pos_ not in ("NOUN", "PROPN", "ADJ") or any(c.dep_ == "nummod" for c in victim.children):
        return False
    if victim.lower_ in lex.titles and victim.tag_ == "NN" and not victim.conjuncts:
        # "former minister francisco guerrero died": the name hangs elsewhere; "minister and
        # president of the court" may be one person's titles, so a conjoined title is not counted
        return True
    titled = any(t.lower_ in lex.titles for t in victim.lefts if t.dep_ in ("compound", "amod"))
    titled = titled or any(t.lower_ in lex.titles for t in victim.subtree if t.dep_ == "compound" and t.i < victim.i)
    described = any(c.dep_ == "appos" and (c.tag_ in ("NN", "NNP") or c.like_num) for c in victim.children)
    return titled or described or _is_bare_subject(victim)


def _is_bare_subject(victim: Token) -> bool:
    """ "navas died and galdamez was injured": a singular subject with no determiner is a name
    whose tags the all-capitals text lost (a count noun as subject needs a determiner)."""
    if victim.tag_ != "NN" or victim.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "amod", "prep") for c in victim.children)


def _vague_count(victim: Token, lex: CasualtyLexicon) -> Count | None:
    candidates = [victim, *(c for c in victim.children if c.dep_ in _NUMBER_DEPS)]
    doc = victim.doc
    for word in candidates:
        for start in (word.i - 2, word.i - 1, word.i):
            for end in (word.i + 2, word.i + 1):
                phrase = doc[max(start, 0):min(end, len(doc))].text.lower()
                if phrase in lex.vague_quantities:
                    low, high = lex.vague_quantities[phrase]
                    return Count(low, high)
    return None


def _figure(number: Token, lex: CasualtyLexicon) -> Count | None:
    """The range a number token gives with its range partner and the modifier before it."""
    first = _compound_start(number)
    value = number_value(number.doc[first.i:number.i + 1].text)
    partner = None
    if value is None or first == number:
        first, value = number, number_value(number.text)
        partner = _range_partner(number, lex)
    if value is None:
        return _vague_count(number, lex)
    other = number_value(partner.text) if partner is not None else None
    if other is not None:
        return Count(min(value, other), max(value, other))
    bound = _modifier_before(first, lex)
    return Count(*bound.apply(value)) if bound is not None else Count(value, value)


def _compound_start(number: Token) -> Token:
    """The first word of a number written in several ("two hundred", "twenty-five")."""
    doc, start = number.doc, number.i
    while start > 0 and doc[start - 1].head == number and (doc[start - 1].like_num or doc[start - 1].text == "-"):
        start -= 1
    return doc[start]


def _range_partner(number: Token, lex: CasualtyLexicon) -> Token | None:
    """The other end of "between 3 and 5" / "3 to 5" / "3-5"."""
    for child in number.children:
        if child.dep_ == "conj" and child.like_num:
            return child
    doc = number.doc
    if number.i >= 2 and doc[number.i - 1].lower_ in lex.range_words and doc[number.i - 2].like_num:
        return doc[number.i - 2]
    return None


def _modifier_before(number: Token, lex: CasualtyLexicon) -> Bound | None:
    doc = number.doc
    for width in (3, 2, 1):
        start = number.i - width
        if start >= 0:
            phrase = doc[start:number.i].text.lower()
            if phrase in lex.modifiers:
                return lex.modifiers[phrase]
    return None
