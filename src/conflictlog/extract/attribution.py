"""Who reports an event and how firmly: reporting verbs, "according to", quotes, denials.

``attribute(sent)`` reads a sentence's own reporting structure ("X said", "according to
X", "X reported" for a news outlet -> ``via``). Quoted paragraphs get the speaker named
after the closing quote (``quote_speakers``). ``find_denial`` recognises sentences such as
"Official Stepanakert strongly denied the claims", which the pipeline turns into a
``Dispute`` of the preceding claim rather than into an event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..models import Attribution, Stance

_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{3,4000}?)[\u201d\"]")
_SUBJECTS = {"nsubj", "nsubjpass"}
_SPEAKER_WINDOW = 160


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """The word lists of ``lexicons/attribution.json``."""

    reporting_verbs: frozenset[str]
    alleging_verbs: frozenset[str]
    alleged_markers: frozenset[str]
    uncertain_markers: frozenset[str]
    denial_verbs: frozenset[str]
    denial_objects: frozenset[str]
    outlet_words: frozenset[str]
    pronouns: frozenset[str]
    non_speakers: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "AttributionLexicon":
        """The packaged lexicon (read once per process)."""
        raw: dict[str, Any] = json.loads(
            resources.files("conflictlog.extract").joinpath("lexicons/attribution.json").read_text())
        return cls(**{name: frozenset(raw[name]) for name in cls.__dataclass_fields__})


@dataclass(frozen=True, slots=True)
class Speaker:
    """The phrase naming who speaks, split into a name and a role."""

    phrase: Span
    source: str
    role: str | None


def attribute(sent: Span, lex: AttributionLexicon) -> Attribution | None:
    """The attribution a sentence states itself, or None when it names no reporter."""
    speaker, verb = _speaker_of(sent, lex)
    stance = stance_of(sent, verb, lex)
    if speaker is None:
        return Attribution(stance=stance) if stance is not Stance.ASSERTED else None
    if is_outlet(speaker.phrase, lex) and verb is not None and verb.lemma_.lower() == "report":
        return Attribution(stance=stance, via=speaker.source, text=speaker.phrase.text)
    return Attribution(source=speaker.source, source_role=speaker.role, stance=stance, text=speaker.phrase.text)


def stance_of(sent: Span, verb: Token | None, lex: AttributionLexicon) -> Stance:
    """Alleged for claims and "reportedly", uncertain for hedges, else asserted."""
    if verb is not None and verb.lemma_.lower() in lex.denial_verbs:
        return Stance.DENIED
    if verb is not None and verb.lemma_.lower() in lex.alleging_verbs:
        return Stance.ALLEGED
    lowered = {token.lower_ for token in sent}
    if not lowered.isdisjoint(lex.alleged_markers):
        return Stance.ALLEGED
    if not lowered.isdisjoint(lex.uncertain_markers):
        return Stance.UNCERTAIN
    return Stance.ASSERTED


def find_denial(sent: Span, lex: AttributionLexicon) -> Speaker | None:
    """The denier when ``sent`` denies an earlier claim ("X denied the claims"), else None."""
    for token in sent:
        if token.lemma_.lower() not in lex.denial_verbs or token.pos_ != "VERB":
            continue
        denies_claim = any(
            child.dep_ in {"dobj", "ccomp"} and (child.dep_ == "ccomp" or child.lemma_.lower() in lex.denial_objects)
            for child in token.children)
        subject = _subject(token)
        if denies_claim and subject is not None:
            return _speaker(subject, lex)
    return None


def is_outlet(phrase: Span, lex: AttributionLexicon) -> bool:
    """Whether a speaker phrase names a news outlet ("Armenpress", "Radio Venceremos")."""
    return any(token.lower_ in lex.outlet_words or token.lower_.endswith("press") for token in phrase)


def quote_speakers(doc: Doc, lex: AttributionLexicon) -> dict[int, Attribution]:
    """Attribution of quoted passages, keyed by the start offset of each quoted sentence."""
    found: dict[int, Attribution] = {}
    for match in _QUOTE.finditer(doc.text):
        attribution = _speaker_after(doc, match.end(), lex)
        if attribution is None:
            continue
        for sent in doc.sents:
            if match.start() <= sent.start_char < match.end():
                found[sent.start_char] = attribution
    return found


def _speaker_after(doc: Doc, quote_end: int, lex: AttributionLexicon) -> Attribution | None:
    window = doc.char_span(quote_end, min(len(doc.text), quote_end + _SPEAKER_WINDOW), alignment_mode="expand")
    if window is None:
        return None
    for token in window:
        if token.lemma_.lower() in lex.reporting_verbs and token.idx >= quote_end:
            subject = _subject(token)
            if subject is not None:
                speaker = _speaker(subject, lex)
                return Attribution(source=speaker.source, source_role=speaker.role, text=speaker.phrase.text)
    return None


def _speaker_of(sent: Span, lex: AttributionLexicon) -> tuple[Speaker | None, Token | None]:
    for token in sent:
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            objects = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if objects and not (objects[0].ent_type_ == "" and {objects[0].lemma_.lower(), objects[0].lower_} & lex.non_speakers):
                return _speaker(objects[0], lex), None
    verbs = sorted((t for t in sent if t.lemma_.lower() in lex.reporting_verbs and t.pos_ in {"VERB", "AUX"}),
                   key=lambda t: t.dep_ != "ROOT")
    for verb in verbs:
        subject = _subject(verb)
        if subject is not None and subject.lower_ not in lex.pronouns:
            return _speaker(subject, lex), verb
    return None, verbs[0] if verbs else None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.pos_ != "PRON":
            return child
    return None


def _speaker(head: Token, lex: AttributionLexicon) -> Speaker:
    """Split the speaker phrase: a person's name is the source, the rest its role."""
    tokens = [t for t in head.subtree if t.dep_ not in {"relcl", "acl", "punct"} and not _in_clause(t, head)]
    doc = head.doc
    phrase = doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    person = next((ent for ent in phrase.ents if ent.label_ == "PERSON"), None)
    owners = {t.i for owner in phrase if owner.dep_ == "poss" for t in owner.subtree}
    role_tokens = [t for t in phrase if t.i not in owners and (person is None or not person.start <= t.i < person.end)
                   and t.dep_ not in {"det", "case", "punct"}]
    role = " ".join(t.text for t in role_tokens) or None
    source = person.text if person is not None else _without_determiner(phrase)
    if person is None and not any(t.pos_ == "NOUN" for t in role_tokens):
        role = None  # a proper name ("Baku") is a source, not a role
    return Speaker(phrase=phrase, source=source, role=role)


def _in_clause(token: Token, head: Token) -> bool:
    """Whether ``token`` sits in a relative or participle clause below ``head``."""
    current = token
    while current is not head and current.head.i != current.i:
        if current.dep_ in {"relcl", "acl"}:
            return True
        current = current.head
    return False


def _without_determiner(phrase: Span) -> str:
    start = phrase.start + 1 if phrase[0].dep_ == "det" else phrase.start
    return phrase.doc[start:phrase.end].text
