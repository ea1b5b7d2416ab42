"""Event detection: trigger phrases typed with the ACLED vocabulary, kept only when asserted.

A trigger counts when the parse says it is a real event predicate: not negated ("no
clashes"), not modal or conditional ("could attack", "if they shell"), not governed by a
threat, plan, appeal or denial ("threatened to bomb", "calls to stop the shelling",
"misinformation that they fired", "let us recall the massacre"), not judged ("this arrest is a
major blow"), not a bare plural naming a kind of act ("denounced summary executions"), not a
habit (``event_habits``: "officers who kidnap union leaders"), and not a figure of speech, a
list of kinds or a refuted report (``figures``: "death squads", "a wave of kidnappings", "the
fight against drug trafficking"). The lexicon is data: ``lexicons/events.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from .event_habits import is_habitual
from .figures import is_figure, is_list_of_kinds

_PHRASE_TOKEN = re.compile(r"[\w']+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Retype a trigger when every condition it names holds (an empty condition always holds).

    ``if_any``: a lemma or phrase occurs in the sentence; ``if_governor``: the verb the
    trigger hangs on is one of these lemmas and the trigger is not its subject ("bombs were
    found", "seized grenades"); ``if_object``: a word of what the trigger acts on ("attacked
    an army base", "captured the town"); ``if_subject``: a word of who acts.
    """

    event_type: str
    sub_event_type: str
    if_any: tuple[str, ...] = ()
    if_governor: frozenset[str] = frozenset()
    if_object: frozenset[str] = frozenset()
    if_subject: frozenset[str] = frozenset()

    def holds(self, trigger: Span, sent: Span, forms: set[str]) -> bool:
        """Whether this rule applies to ``trigger`` in ``sent`` (``forms``: the sentence's other words)."""
        if self.if_any and not _mentions_any(sent, forms, self.if_any):
            return False
        if self.if_governor and not _is_governed_by(trigger.root, self.if_governor):
            return False
        if self.if_object and _words_of(object_tokens(trigger.root)).isdisjoint(self.if_object):
            return False
        return not self.if_subject or not _words_of(subject_tokens(trigger.root)).isdisjoint(self.if_subject)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """What a family of trigger phrases means and when it counts."""

    event_type: str
    sub_event_type: str
    priority: int
    generic: bool
    needs_context: bool
    pos: frozenset[str]
    rules: tuple[ContextRule, ...]
    governors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventHit:
    """A trigger found in a sentence, typed in its context."""

    trigger: Span
    event_type: str
    sub_event_type: str
    priority: int
    generic: bool

    @property
    def head(self) -> Token:
        """The syntactic head of the trigger phrase."""
        return self.trigger.root


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(_PHRASE_TOKEN.findall(phrase.lower()))


def _token_forms(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def sentence_forms(sent: Span) -> set[str]:
    """Lower-case words and lemmas of a sentence, plus its lower-case text for phrase checks."""
    forms: set[str] = set()
    for token in sent:
        forms |= _token_forms(token)
    return forms


def _mentions_any(sent: Span, forms: set[str], words: tuple[str, ...]) -> bool:
    text = sent.text.lower()
    return any((word in forms) if " " not in word else (word in text) for word in words)


class EventLexicon:
    """Trigger phrases indexed by their first word, with the lists that judge context."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], TriggerRule]]] = {}
        for entry in raw["triggers"]:
            rule = _rule_from(entry)
            for phrase in entry["words"]:
                words = _phrase_tokens(phrase)
                self.index.setdefault(words[0], []).append((words, rule))
        for key in self.index:
            self.index[key].sort(key=lambda item: -len(item[0]))
        self.violence_context = tuple(raw["violence_context"])
        self.person_words = frozenset(raw["person_words"])
        self.body_parts = frozenset(raw["body_parts"])
        self.off_topic = frozenset(raw["off_topic"]) | frozenset(raw["sports_context"])
        self.blocking_heads = frozenset(raw["blocking_heads"])
        self.weapon_heads = frozenset(raw["weapon_heads"])
        self.kind_nouns = frozenset(raw["kind_nouns"])
        self.topic_heads = frozenset(raw["topic_heads"])
        self.blocking_nouns = frozenset(raw["blocking_nouns"])
        self.abstract_nouns = frozenset(raw["abstract_nouns"])
        self.refuting_words = frozenset(raw["refuting_words"])
        self.modal_aux = frozenset(raw["modal_aux"])
        self.conditional_marks = frozenset(raw["conditional_marks"])
        self.background = re.compile("|".join(raw["background_patterns"]), re.IGNORECASE)
        self.out_of_scope = tuple(raw["out_of_scope"])
        self.armed_group_army = re.compile("|".join(raw["armed_group_army"]), re.IGNORECASE)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "EventLexicon":
        """The packaged lexicon (read once per process)."""
        text = resources.files("conflictlog.extract").joinpath("lexicons/events.json").read_text()
        return cls(json.loads(text))

    def match(self, sent: Span) -> list[EventHit]:
        """Every asserted event trigger of ``sent``, longest phrase first at each position."""
        if sent.text.rstrip(" \n\"'").endswith("?") or self.background.search(sent.text):
            return []  # a question asserts nothing; history and running totals are no happening
        forms = sentence_forms(sent)
        if _mentions_any(sent, forms, self.out_of_scope):
            return []
        forms -= self._rebel_army_words(sent)
        hits: list[EventHit] = []
        covered_until = sent.start
        for token in sent:
            if token.i < covered_until:
                continue
            candidates = self.matches_at(sent, token)
            if not candidates:
                continue
            covered_until = candidates[0][0].end
            hit = next(filter(None, (self._typed(span, rule, sent, forms) for span, rule in candidates)), None)
            if hit is not None:
                covered_until = hit.trigger.end
                if self._tells_happening(hit, sent):
                    hits.append(hit)
        return hits

    def _tells_happening(self, hit: EventHit, sent: Span) -> bool:
        """Whether a trigger tells that something happened, rather than an aim or a kind of act."""
        head = hit.head
        if not is_asserted(head, self) or _is_purpose(head) or is_figure(hit, sent, self) or is_habitual(head, sent):
            return False
        kind_noun = head.lemma_.lower() in self.kind_nouns and hit.sub_event_type != "Disrupted weapons use"
        return not (kind_noun and (_is_judged(head) or _is_generic_plural(head, sent) or is_list_of_kinds(head, self)))

    def is_weapon_word(self, token: Token) -> bool:
        """Whether ``token`` starts a trigger of explosives or weapons ("dynamite", "explosive"), not of an act ("murder")."""
        return any(rule.event_type == "Explosions/Remote violence" or rule.sub_event_type == "Disrupted weapons use"
                   for form in _token_forms(token) for _, rule in self.index.get(form, ()))

    def _rebel_army_words(self, sent: Span) -> set[str]:
        """ "the Army of National Liberation": when every "army" of a sentence is in a rebel
        group's name, the word says nothing about government troops."""
        text = sent.text.lower()
        in_names = sum(match.group().count("army") for match in self.armed_group_army.finditer(text))
        return {"army"} if in_names and in_names == len(re.findall(r"\barmy\b", text)) else set()

    def matches_at(self, sent: Span, token: Token) -> list[tuple[Span, TriggerRule]]:
        """Every trigger phrase starting at ``token``, longest first, the written form's before the
        lemma's: a fixed order, so that "explosives" is tried as written ("seized explosives") and
        then as "explosive" ("hurled explosives") in every run."""
        found: list[tuple[Span, TriggerRule]] = []
        for form in dict.fromkeys((token.lower_, token.lemma_.lower())):
            for words, rule in self.index.get(form, ()):
                end = token.i + len(words)
                tokens = sent.doc[token.i:end]
                if end <= sent.end and all(word in _token_forms(t) for word, t in zip(words, tokens)):
                    found.append((tokens, rule))
        return sorted(found, key=lambda match: -len(match[0]))

    def _typed(self, span: Span, rule: TriggerRule, sent: Span, forms: set[str]) -> EventHit | None:
        if rule.pos and span.root.pos_ not in rule.pos or _is_name_part(span):
            return None
        others = forms - {t.lemma_.lower() for t in span} - {t.lower_ for t in span}
        if rule.needs_context and not (_mentions_any(sent, others, self.violence_context) or self._hits_a_person(span.root)):
            return None
        if rule.generic and not others.isdisjoint(self.off_topic):
            return None
        if rule.governors and not _is_governed_by(span.root, rule.governors):
            return None
        event_type, sub_event_type = rule.event_type, rule.sub_event_type
        for context in rule.rules:
            if context.holds(span, sent, others):
                event_type, sub_event_type = context.event_type, context.sub_event_type
                break
        return EventHit(span, event_type, sub_event_type, rule.priority, rule.generic)

    def _hits_a_person(self, head: Token) -> bool:
        """ "A woman was shot", "after being shot", "shot his friend", "shot at deputies", "shot in the head":
        an ambiguous verb whose undergoer is a person or a body part."""
        if head.pos_ != "VERB":
            return False
        aimed = [obj for child in head.children if child.dep_ == "prep" and child.lower_ in {"in", "to", "at"}
                 for obj in child.children if obj.dep_ == "pobj"]
        if any(obj.lemma_.lower() in self.body_parts for obj in aimed):
            return True
        undergoers = _passive_subjects(head) + [child for child in head.children if child.dep_ == "dobj"] + aimed
        return any(_names_a_person(token, self.person_words) for token in undergoers)

    def is_off_topic(self, doc: Doc) -> bool:
        """Whether a document is about sport, economy, health or disasters rather than violence."""
        off = sum(1 for token in doc if token.lemma_.lower() in self.off_topic)
        if off < 3:
            return False
        strong = sum(1 for sent in doc.sents for hit in self.match(sent) if hit.priority >= 3)
        return off > 3 * strong


_NAME_ENTITIES = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


def _passive_subjects(verb: Token) -> list[Token]:
    """Who underwent a passive verb: its own subject, or for "(after) being shot" the clause's subject."""
    own = [child for child in verb.children if child.dep_ == "nsubjpass"]
    if own or not any(child.dep_ == "auxpass" for child in verb.children):
        return own
    governor = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return [c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}] if governor is not None else []


def _names_a_person(token: Token, person_words: frozenset[str]) -> bool:
    """A named person, or a noun or pronoun of people ("the victim", "a 19-year-old man", "he")."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in person_words or token.lower_ in person_words


def _is_name_part(span: Span) -> bool:
    """ "the Rocket Wood section", "Fort Bragg": a trigger word inside a proper name."""
    root = span.root
    return root.pos_ == "PROPN" and root.ent_type_ in _NAME_ENTITIES and root.ent_iob_ != "O"


def _context_rule(raw: dict[str, Any]) -> ContextRule:
    return ContextRule(
        event_type=raw["type"], sub_event_type=raw["sub"], if_any=tuple(raw.get("if_any", ())),
        if_governor=frozenset(raw.get("if_governor", ())), if_object=frozenset(raw.get("if_object", ())),
        if_subject=frozenset(raw.get("if_subject", ())))


def _rule_from(entry: dict[str, Any]) -> TriggerRule:
    rules = tuple(_context_rule(r) for r in entry.get("rules", ()))
    return TriggerRule(
        event_type=entry["type"],
        sub_event_type=entry["sub"],
        priority=int(entry["priority"]),
        generic=bool(entry.get("generic", False)),
        needs_context=bool(entry.get("needs_context", False)),
        pos=frozenset(entry.get("pos", ())),
        rules=rules,
        governors=frozenset(entry.get("governors", ())),
    )


_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
_TARGET_PREPS = frozenset({"on", "against", "at"})
_CHAIN_DEPS = frozenset({"conj", "pobj", "prep", "compound", "appos", "amod", "nmod"})


def _words_of(tokens: list[Token]) -> set[str]:
    return {form for token in tokens for form in _token_forms(token)}


def object_tokens(head: Token) -> list[Token]:
    """The words of what a trigger acts on: its object, passive subject or "on/against X" phrase."""
    verb = governing_verb(head) if head.pos_ not in {"VERB", "AUX"} and head.dep_ == "dobj" else head
    found: list[Token] = []
    for carrier in {head, verb}:
        for child in carrier.children:
            if child.dep_ in _OBJECT_DEPS and child.i != head.i:
                found.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                found.extend(t for t in child.subtree if t.i != child.i)
    return found


def subject_tokens(head: Token) -> list[Token]:
    """The words of who acts: the subject of the trigger's verb, or the "by X" agent."""
    verb = governing_verb(head)
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != head.i:
            found.extend(child.subtree)
        elif child.dep_ == "agent":
            found.extend(t for t in child.subtree if t.i != child.i)
    return found


def _is_governed_by(head: Token, lemmas: frozenset[str]) -> bool:
    """Whether the verb above ``head`` is one of ``lemmas`` and ``head`` is not its subject."""
    current = head
    while current.dep_ in _CHAIN_DEPS and current.head.i != current.i and current.head.pos_ not in {"VERB", "AUX"}:
        current = current.head
    verb = current.head if current.head.pos_ in {"VERB", "AUX"} else current
    if current.dep_ in {"nsubj", "csubj", "agent"}:
        return False  # "destroyed by a bomb": the weapon acted
    return verb.lemma_.lower() in lemmas or verb.lower_ in lemmas


def governing_verb(token: Token) -> Token:
    """The verb a trigger hangs on: itself when a verb, else the first verb above it."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current if current.pos_ in {"VERB", "AUX"} else token


_ATTEMPT_VERBS = frozenset({"try", "attempt", "begin", "start"})


def _is_purpose(head: Token) -> bool:
    """ "a front to fight subversion", "we will continue to fight": an infinitive states an aim.
    An attempt or a start ("tried to kill", "began to shell") is still an event."""
    if head.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    return head.head.lemma_.lower() not in _ATTEMPT_VERBS


def _is_judged(head: Token) -> bool:
    """ "this arrest is a major blow", "the attack is a consequence": an act noun (``kind_nouns``)
    as the subject of a present-tense "is" is being judged, not reported."""
    verb = head.head
    return (head.pos_ == "NOUN" and head.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ in {"VBZ", "VBP"}
            and any(c.dep_ in {"attr", "acomp"} for c in verb.children))


_SPECIFIERS = frozenset({"det", "nummod", "poss", "predet", "quantmod"})
_ANCHOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL"})


def _is_generic_plural(head: Token, sent: Span) -> bool:
    """ "denounced summary executions, political assassinations": a bare plural (of an act or
    weapon noun, see ``kind_nouns``) in a sentence with no date and no number names a kind of act,
    not a happening."""
    if head.tag_ != "NNS" or head.dep_ in {"nsubj", "nsubjpass"} or any(child.dep_ in _SPECIFIERS for child in head.children):
        return False  # "clashes broke out near Goma": a plural that does something happened
    return not any(ent.label_ in _ANCHOR_ENTITIES for ent in sent.ents)


def is_asserted(head: Token, lexicon: EventLexicon) -> bool:
    """False when the trigger is negated, modal, conditional or under a blocking word."""
    verb = governing_verb(head)
    words = {head, verb}
    # "will be thrown out, executed": a conjunct without its own subject shares the first verb's modal;
    # "will continue attacking", "would have to kidnap": so does a verb completing another
    while verb.dep_ == "xcomp" or (verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children)):
        verb = verb.head
        words.add(verb)
    for word in words:
        for child in word.children:
            lower, lemma = child.lower_, child.lemma_.lower()
            if child.dep_ == "neg" or (child.dep_ == "det" and lower == "no"):
                return False
            if child.dep_ in {"aux", "auxpass"} and lower in lexicon.modal_aux:
                return False
            if child.dep_ == "mark" and lower in lexicon.conditional_marks:
                return False
            if child.dep_ in {"amod", "advmod"} and lemma in lexicon.blocking_heads:
                return False
    return not any(_blocks(ancestor, lexicon) for ancestor in head.ancestors)


def _blocks(ancestor: Token, lexicon: EventLexicon) -> bool:
    """Whether an ancestor of a trigger puts it under a threat, plan, denial, trial..."""
    if ancestor.lemma_.lower() not in lexicon.blocking_heads and ancestor.lower_ not in lexicon.blocking_heads:
        return False
    return not _names_weapon(ancestor, lexicon)


def _names_weapon(noun: Token, lexicon: EventLexicon) -> bool:
    """ "dynamite charges": a weapon word before a word like "charge" makes it a weapon, not an indictment."""
    if noun.lemma_.lower() not in lexicon.weapon_heads:
        return False
    return any(child.dep_ in {"compound", "amod", "nmod"} and lexicon.is_weapon_word(child) for child in noun.children)
