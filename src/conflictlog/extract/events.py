"""Event detection: trigger phrases typed with the ACLED vocabulary, kept only when asserted.

A trigger counts when the parse says it is a real event predicate: not negated ("no
clashes"), not modal or conditional ("could attack", "if they shell"), not governed by a
threat, plan, appeal or denial ("threatened to bomb", "calls to stop the shelling",
"misinformation that they fired"). The lexicon is data: ``lexicons/events.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

_PHRASE_TOKEN = re.compile(r"[\w']+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Retype a trigger when one of ``if_any`` (lemmas or phrases) occurs in its sentence."""

    if_any: tuple[str, ...]
    event_type: str
    sub_event_type: str


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
        self.off_topic = frozenset(raw["off_topic"]) | frozenset(raw["sports_context"])
        self.blocking_heads = frozenset(raw["blocking_heads"])
        self.modal_aux = frozenset(raw["modal_aux"])
        self.conditional_marks = frozenset(raw["conditional_marks"])

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "EventLexicon":
        """The packaged lexicon (read once per process)."""
        text = resources.files("conflictlog.extract").joinpath("lexicons/events.json").read_text()
        return cls(json.loads(text))

    def match(self, sent: Span) -> list[EventHit]:
        """Every asserted event trigger of ``sent``, longest phrase first at each position."""
        forms = sentence_forms(sent)
        hits: list[EventHit] = []
        covered_until = sent.start
        for token in sent:
            if token.i < covered_until:
                continue
            found = self._match_at(sent, token)
            if found is None:
                continue
            span, rule = found
            covered_until = span.end
            hit = self._typed(span, rule, sent, forms)
            if hit is not None and is_asserted(hit.head, self):
                hits.append(hit)
        return hits

    def _match_at(self, sent: Span, token: Token) -> tuple[Span, TriggerRule] | None:
        for form in _token_forms(token):
            for words, rule in self.index.get(form, ()):
                end = token.i + len(words)
                if end > sent.end:
                    continue
                tokens = sent.doc[token.i:end]
                if all(word in _token_forms(t) for word, t in zip(words, tokens)):
                    return tokens, rule
        return None

    def _typed(self, span: Span, rule: TriggerRule, sent: Span, forms: set[str]) -> EventHit | None:
        if rule.pos and span.root.pos_ not in rule.pos:
            return None
        others = forms - {t.lemma_.lower() for t in span} - {t.lower_ for t in span}
        if rule.needs_context and not _mentions_any(sent, others, self.violence_context):
            return None
        if rule.generic and not others.isdisjoint(self.off_topic):
            return None
        event_type, sub_event_type = rule.event_type, rule.sub_event_type
        for context in rule.rules:
            if _mentions_any(sent, others, context.if_any):
                event_type, sub_event_type = context.event_type, context.sub_event_type
                break
        return EventHit(span, event_type, sub_event_type, rule.priority, rule.generic)

    def is_off_topic(self, doc: Doc) -> bool:
        """Whether a document is about sport, economy, health or disasters rather than violence."""
        off = sum(1 for token in doc if token.lemma_.lower() in self.off_topic)
        if off < 3:
            return False
        strong = sum(1 for sent in doc.sents for hit in self.match(sent) if hit.priority >= 3)
        return off > 3 * strong


def _rule_from(entry: dict[str, Any]) -> TriggerRule:
    rules = tuple(ContextRule(tuple(r["if_any"]), r["type"], r["sub"]) for r in entry.get("rules", ()))
    return TriggerRule(
        event_type=entry["type"],
        sub_event_type=entry["sub"],
        priority=int(entry["priority"]),
        generic=bool(entry.get("generic", False)),
        needs_context=bool(entry.get("needs_context", False)),
        pos=frozenset(entry.get("pos", ())),
        rules=rules,
    )


def governing_verb(token: Token) -> Token:
    """The verb a trigger hangs on: itself when a verb, else the first verb above it."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current if current.pos_ in {"VERB", "AUX"} else token


def is_asserted(head: Token, lexicon: EventLexicon) -> bool:
    """False when the trigger is negated, modal, conditional or under a blocking word."""
    verb = governing_verb(head)
    for word in {head, verb}:
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
    return not any(a.lemma_.lower() in lexicon.blocking_heads or a.lower_ in lexicon.blocking_heads
                   for a in head.ancestors)
