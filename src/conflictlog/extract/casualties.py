"""Casualty figures of one sentence: kind, victim group and a min..max range.

Rules (the words are in ``lexicons/casualties.json``; how a figure becomes a range is in
``numbers.py``; how the victim is found is in ``victims.py``):

* kinds: killed, injured, detained (arrested, detained, captured), missing (abducted,
  kidnapped, disappeared: the fate of an abductee is unknown, so "missing"), displaced.
  "casualties" alone mixes dead and wounded and is not read, except "no casualties",
  which means none killed and none injured.
* groups: the victim noun decides (children, women, civilians, combatants), then a modifier
  ("civilian deaths") or a child's age ("a 5-year-old"), else "all".
* nested groups: "11 people, including eight children, were injured" gives injured/all 11
  and injured/children 8.
* conjoined victims: "his five children as well as his wife" gives each group that is not
  "all" on its own, and their sum as "all".
* exact figures have min == max; "at least 2" has max None.
* a weak reading ("was shot", "was taken to hospital") says people were hit; it is dropped
  when the sentence's dead are at least as many ("was rushed to hospital, where he died").
* a victim without a figure counts one when singular ("the driver died") or named ("inspector
  tomas verdes died", "rosa campos, a teacher, was killed": a title or a description beside
  the name); a plural without a figure ("people were killed") gives no casualty rather than a guess.
* the attackers' own dead and wounded ("two of the kidnappers were killed", "a dead terrorist")
  are not victims of their attack and are not counted; captured attackers are still detained.
* a running total is background, not an incident's figure: a clause counted "since" something
  ("at least 555 kids have been killed since the rampage", "since 2007, when 28 were killed"),
  a bare year describing the people counted ("the 145 people who lost their lives in 2015"),
  or a cumulative date ("so far this year", "to date"), a war, a struggle or years ("7,000 people
  have died during 10 years of civil war"), and any count of a thousand dead or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..models import Casualty, CasualtyKind, VictimGroup
from .casualty_lexicon import HARMED, CasualtyLexicon, default_lexicon
from .numbers import Count, count_of, counted_noun, group_of
from .victims import Reading, has_own_adjective, is_person, of_objects, readings

_VICTIM_CONJ_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADJ"})
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_TIME_FRAME_DEPS = frozenset({"prep", "npadvmod", "advmod", "mark"})
_SPAN_PREPS = frozenset({"in", "during", "throughout", "over"})
_OTHER_WORDS = frozenset({"other", "more"})
_ALONG = frozenset({"along", "together"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})  # "San Miguel and the correspondent who died there"


def find_casualties(sent: Span) -> list[Casualty]:
    """The casualty figures that ``sent`` states, one per kind, victim group and victim phrase."""
    lex = default_lexicon()
    found = [r for r in readings(sent, lex) if not _is_running_total(r, lex) and not _is_unharmed(r.victim, lex)]
    strong_victims = {r.victim.i for r in found if not r.weak}
    kept = [r for r in found if not (r.weak and r.victim.i in strong_victims)]
    strong: list[Casualty] = []
    hit: list[Casualty] = []
    seen: set[tuple[CasualtyKind, int]] = set()
    for reading in kept:
        if (reading.kind, reading.victim.i) in seen:
            continue
        also = _co_objects(reading, kept)
        seen.update((reading.kind, v.i) for v in [reading.victim, *also])
        also += _companions(reading, {r.victim.i for r in kept}, lex)
        (hit if reading.weak else strong).extend(_casualties_of(reading, lex, also))
    found = _unique(strong + [c for c in hit if not _all_dead(c, strong)])
    return [c for c in found if not _is_war_total(c, lex)]


def _is_unharmed(victim: Token, lex: CasualtyLexicon) -> bool:
    """ "The child, unharmed by the gunfire, was taken to hospital": said to be unhurt."""
    return any(c.lower_ in lex.unharmed_words for c in victim.children)


def _is_war_total(casualty: Casualty, lex: CasualtyLexicon) -> bool:
    """ "more than 70,000 people have died": thousands of dead are a war's total (a bomb may
    wound a thousand people, so the wounded are kept)."""
    return casualty.kind == CasualtyKind.KILLED and (casualty.min or 0) >= lex.war_total_at_least


def _is_running_total(reading: Reading, lex: CasualtyLexicon) -> bool:
    """True when the figure's clause is framed as a total over a period rather than one incident."""
    # A year alone dates a report ("2 people were wounded in 1989") unless it describes the
    # people counted ("the 145 people who lost their lives in 2015").
    described = reading.trigger.dep_ == "relcl"
    return any(_frames_a_period(token, lex, described) for token in [reading.trigger, *reading.trigger.ancestors])


def _frames_a_period(token: Token, lex: CasualtyLexicon, described: bool) -> bool:
    if _BARE_YEAR.fullmatch(token.text):
        return True  # "since 2007, when 28 were killed": the clause hangs from the year
    for child in token.children:
        if child.dep_ == "advcl" and _starts_with_since(child, lex):
            return True  # "since it was founded in 1985, more than 1,000 members have been killed"
        if child.dep_ not in _TIME_FRAME_DEPS:
            continue
        if child.lower_ in lex.since_words and (child.dep_ == "prep" or _is_perfect(token)):
            return True
        if described and child.dep_ == "prep" and any(_is_bare_year(o) for o in child.children if o.dep_ == "pobj"):
            return True
        if child.dep_ == "prep" and child.lower_ in _SPAN_PREPS and _names_a_period(child, lex):
            return True
        if "".join(t.text_with_ws for t in child.subtree).strip().lower() in lex.background_dates:
            return True
    return False


def _starts_with_since(clause: Token, lex: CasualtyLexicon) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lex.since_words for c in clause.children)


def _names_a_period(prep: Token, lex: CasualtyLexicon) -> bool:
    """ "during 10 years of civil war", "in the struggle": a long span, not one incident."""
    spans = [o for o in prep.children if o.dep_ == "pobj"]
    spans += [o for span in spans for o in of_objects(span)]
    return any(o.lower_ in lex.period_nouns for o in spans)


def _is_perfect(verb: Token) -> bool:
    """ "have been killed since ...": a "since" clause counts a total only in the perfect
    ("was in hospital since he was shot" dates one incident)."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _is_bare_year(token: Token) -> bool:
    """ "in 2015" names a year, not a day: "in December 2015" hangs the year from the month."""
    return bool(_BARE_YEAR.fullmatch(token.text)) and not any(True for _ in token.children)


def _all_dead(hit: Casualty, strong: list[Casualty]) -> bool:
    """ "The boy was rushed to hospital, where he died": the one hit is the one dead."""
    dead = [c.min or 0 for c in strong
            if c.kind == CasualtyKind.KILLED and (c.group == hit.group or hit.group == VictimGroup.ALL)]
    return hit.min is not None and max(dead, default=0) >= hit.min


def _co_objects(reading: Reading, kept: list[Reading]) -> list[Token]:
    """ "killed the mayor, as well as two peasants": objects of one verb are one list of victims."""
    if reading.victim.dep_ != "dobj":
        return []
    verb = reading.victim.head
    return [r.victim for r in kept if r.trigger == reading.trigger and r.kind == reading.kind
            and r.victim != reading.victim and r.victim.dep_ == "dobj" and r.victim.head == verb
            and _joined(verb, reading.victim, r.victim)]


def _companions(reading: Reading, victims: set[int], lex: CasualtyLexicon) -> list[Token]:
    """ "was killed along with two of his bodyguards", "died together with 15 of his men": the
    people the victim shared the act with are victims too, when the text counts them and no
    reading of their own counts them already ("together with five others who were wounded")."""
    trigger = reading.trigger
    if reading.victim == trigger or trigger.pos_ not in ("VERB", "AUX"):
        return []
    doc = trigger.doc
    withs = [t for t in trigger.subtree if t.lower_ == "with" and t.i > 0 and doc[t.i - 1].lower_ in _ALONG
             and (t.head == trigger or (t.head == doc[t.i - 1] and t.head.head == trigger))]
    return [o for w in withs for o in w.children if o.dep_ == "pobj" and o.i not in victims
            and is_person(o) and count_of(o, lex) is not None]


def _joined(verb: Token, first: Token, second: Token) -> bool:
    """A conjunction of the verb stands between the two objects (not a name split in two)."""
    low, high = sorted((first.i, second.i))
    return any(c.dep_ == "cc" and low < c.i < high for c in verb.children)


def _casualties_of(reading: Reading, lex: CasualtyLexicon, also: list[Token]) -> list[Casualty]:
    victims = [reading.victim, *also]
    # "2 dead and 11 injuries" are two figures; "the car and its wounded driver" one victim.
    if reading.victim != reading.trigger and reading.trigger.dep_ != "amod":
        victims.extend(c for v in list(victims) for c in v.conjuncts if c.pos_ in _VICTIM_CONJ_POS
                       and c.ent_type_ not in _PLACES and c not in victims
                       and not has_own_adjective(c, reading.trigger, lex))
        victims.extend(_listed_appositions(reading.victim, lex))
    if reading.kind in HARMED:
        victims = [v for v in victims if not _is_attacker(v, lex)]
    if not victims:
        return []
    text = _phrase(victims, reading.trigger)
    counted = [(v, count_of(v, lex), group_of(v, lex)) for v in victims]
    casualties = _conjoined(reading.kind, counted, text)
    for victim in [*victims, reading.trigger]:
        casualties.extend(_nested(reading.kind, victim, text, lex))
    return casualties


def _listed_appositions(victim: Token, lex: CasualtyLexicon) -> list[Token]:
    """ "one lieutenant, four soldiers, and three civilians", "six Jesuits, a woman and her
    daughter": counted phrases, or after a count a phrase joined to more, that the parse hangs as
    an apposition are more victims, unless they break the first count down ("three people, two
    women and a child")."""
    head_counted = any(c.dep_ == "nummod" for c in victim.children)
    counted = [a for a in victim.children if a.dep_ == "appos" and _continues_list(a, head_counted)
               and not any(c.dep_ == "prep" and c.lower_ == "of" for c in a.children)]
    # "Galan, the 4,015 judges of the country": after a name, only "others" continue a list
    # ("rector ignacio ellacuria, five other Jesuits, and two women")
    if not head_counted:
        counted = [a for a in counted if any(c.lower_ in _OTHER_WORDS for c in a.children)]
    members = [t for a in counted for t in [a, *a.conjuncts] if is_person(t)]
    if not members:
        return []
    counts = [count_of(t, lex) for t in members]
    head = count_of(victim, lex)
    if head is None or any(c is None for c in counts):
        return []
    return [] if sum(c.min or 0 for c in counts) == head.min else members


def _continues_list(apposition: Token, head_counted: bool) -> bool:
    """A counted apposition, or after a counted head one that "and" joins to more people (a
    description of "six Jesuits" would be plural: "six Jesuits, five of them Spaniards")."""
    if any(c.dep_ == "nummod" for c in apposition.children):
        return True
    return head_counted and apposition.tag_ in ("NN", "NNP") and any(c.dep_ == "conj" for c in apposition.children)


def _is_attacker(victim: Token, lex: CasualtyLexicon) -> bool:
    """ "two of the kidnappers", "a dead terrorist": the attackers' own dead are not its victims."""
    noun = counted_noun(victim, lex)
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]  # "a guerrilla member"
    return any(w.lemma_.lower() in lex.attacker_nouns or w.lower_ in lex.attacker_nouns for w in words)


def _conjoined(kind: CasualtyKind, counted: list[tuple[Token, Count | None, VictimGroup]],
               text: str) -> list[Casualty]:
    """One casualty per victim phrase; several phrases add up to an "all" total."""
    known = [(count, group) for _, count, group in counted if count is not None]
    if len(counted) == 1:
        return [Casualty(kind, group, count.min, count.max, text) for count, group in known]
    casualties = [Casualty(kind, group, count.min, count.max, text)
                  for count, group in known if group is not VictimGroup.ALL]
    if len(known) == len(counted):
        total = _breakdown_total(known) or _sum(c for c, _ in known)
        casualties.append(Casualty(kind, VictimGroup.ALL, *total, text))
    return casualties


def _breakdown_total(known: list[tuple[Count, VictimGroup]]) -> tuple[int | None, int | None] | None:
    """ "three people, two women and a child": the phrases after a count of people that add up
    to it break it down; the total is the first count, not their sum."""
    (first, group), rest = known[0], known[1:]
    if group is not VictimGroup.ALL or len(rest) < 2 or first.min is None or first.min < 2 or first.min != first.max:
        return None  # "a man and a boy", "two people and a child" are lists, not a breakdown
    return (first.min, first.max) if _sum(c for c, _ in rest) == (first.min, first.max) else None


def _sum(counts: Iterable[Count]) -> tuple[int | None, int | None]:
    counts = list(counts)
    low = sum(c.min or 0 for c in counts)
    high = None if any(c.max is None for c in counts) else sum(c.max for c in counts)
    return low, high


def _nested(kind: CasualtyKind, holder: Token, text: str, lex: CasualtyLexicon) -> list[Casualty]:
    """The subgroups a phrase names with "including": "11 people, including eight children"."""
    nested = []
    for prep in holder.children:
        if prep.dep_ != "prep" or prep.lemma_.lower() != "include":
            continue
        for member in (c for c in prep.children if c.dep_ == "pobj"):
            count = count_of(member, lex)
            if count is not None:
                nested.append(Casualty(kind, group_of(member, lex), count.min, count.max, text))
    return nested


def _phrase(victims: list[Token], trigger: Token) -> str:
    """The words a figure was read from: the victim phrases and the reporting word."""
    complements = [c for c in trigger.children if c.dep_ in ("dobj", "oprd") and c.i > trigger.i]
    start = min([trigger.i, *(v.left_edge.i for v in victims)])
    end = max([trigger.i, *(v.right_edge.i for v in [*victims, *complements])])
    doc = trigger.doc
    return doc[start:end + 1].text.strip(" ,")


def _unique(casualties: list[Casualty]) -> list[Casualty]:
    seen: set[tuple[CasualtyKind, VictimGroup, int | None, int | None, str]] = set()
    unique = []
    for casualty in casualties:
        key = (casualty.kind, casualty.group, casualty.min, casualty.max, casualty.text)
        if key not in seen:
            seen.add(key)
            unique.append(casualty)
    return unique
