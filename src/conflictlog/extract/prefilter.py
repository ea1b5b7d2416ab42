"""A cheap lexical pre-filter: spare spaCy the text that no extraction rule can use.

The extractor makes a mention only from a sentence with an event trigger (``events.json``),
and a trigger is a phrase whose words match tokens by lower-case form or lemma. So a document
in which no sentence holds every word of some trigger phrase, in any inflected form, yields
no event whatever spaCy says: ``Prefilter.screen`` marks it irrelevant and the extractor
skips the parse. In a relevant document, sentences that hold no trigger, do not follow a
quote that holds a trigger sentence (its speaker is named after it) and name none of the words
the extractor reads outside event sentences (denials, claims of responsibility, blame,
"the work of X", off-topic cues: see ``_keep_phrases``; a new rule that reads sentences
without a trigger must add its words there) are blanked: every character but newlines and the marks of quotes that touch a
kept sentence becomes a space, so that spaCy sees one whitespace token where the sentence was
and every offset (evidence spans) stays valid.

The test is a superset of the trigger matcher's by construction (inflections are generated
generously; irregular forms are data in ``lexicons/prefilter.json``), so skipping changes
what spaCy reads around an event, never whether an event sentence is read.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# The same word split as the trigger phrases of events.py: words and single punctuation marks.
_WORD = re.compile(r"[\w']+|[^\w\s]")
# A sentence ends at . ! ? (with closing quotes or brackets) before white space and no lower-case
# letter ("1:30 a.m. for"), or at a blank line.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?![a-z])|\n[ \t]*\n\s*")
_LAST_WORD = re.compile(r"(\w+)$")
_WORDLESS = re.compile(r"\W*")
_NOT_NEWLINE = re.compile(r"[^\n]")
# A quoted passage, as attribution.quote_speakers reads them; its speaker is named just after it.
_QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{3,4000}?[\u201d\"]")
_SPEAKER_WINDOW = 200


@dataclass(frozen=True, slots=True)
class Screened:
    """A text as spaCy should see it: same length, irrelevant sentences blanked."""

    text: str
    relevant: bool          # False: no sentence can state an event, so the document needs no parse
    sentences: int
    kept: int               # sentences left for spaCy (0 when not relevant)


def inflections(base: str) -> set[str]:
    """Regular English forms a lemma may take (generous: an extra form only keeps more text)."""
    forms = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing",
             base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("e"):
        forms.add(base[:-1] + "ing")
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith("ie"):
        forms.add(base[:-2] + "ying")
    return forms


class PhraseIndex:
    """Phrases found in a bag of words when each of their words occurs there in some form."""

    def __init__(self, phrases: Iterable[str], irregular: dict[str, list[str]]) -> None:
        self._irregular = irregular
        self._by_first_form: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for phrase in phrases:
            words = _WORD.findall(phrase.lower())
            if not words:
                continue
            rest = tuple(self._forms(word) for word in words[1:])
            for form in self._forms(words[0]):
                self._by_first_form.setdefault(form, []).append(rest)

    def _forms(self, word: str) -> frozenset[str]:
        if not word[0].isalpha():
            return frozenset({word})
        return frozenset(inflections(word) | set(self._irregular.get(word, ())))

    def found_in(self, words: set[str]) -> bool:
        """Whether every word of some phrase occurs in ``words``."""
        for word in words:
            for rest in self._by_first_form.get(word, ()):
                if all(not forms.isdisjoint(words) for forms in rest):
                    return True
        return False


class Prefilter:
    """Decides which documents and sentences spaCy must read (see the module docstring)."""

    def __init__(self, triggers: PhraseIndex, keep: PhraseIndex, abbreviations: frozenset[str]) -> None:
        self.triggers = triggers
        self.keep = keep
        self.abbreviations = abbreviations

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Prefilter":
        """The pre-filter of the packaged lexicons (built once per process)."""
        own, events = _lexicon("prefilter"), _lexicon("events")
        syntax, attribution = _lexicon("actors")["syntax"], _lexicon("attribution")
        irregular = own["irregular_forms"]
        triggers = [phrase for entry in events["triggers"] for phrase in entry["words"]]
        keep = _keep_phrases(own, events, syntax, attribution)
        return cls(PhraseIndex(triggers, irregular), PhraseIndex(keep, irregular), frozenset(own["abbreviations"]))

    def screen(self, text: str) -> Screened:
        """``text`` with the sentences no rule needs blanked, and whether it needs a parse at all."""
        spans = sentence_spans(text, self.abbreviations)
        bags = [words_of(text[start:end]) for start, end in spans]
        triggered = [self.triggers.found_in(bag) for bag in bags]
        if not any(triggered):
            return Screened(text=text, relevant=False, sentences=len(spans), kept=0)
        speakers = speaker_sentences(text, spans, triggered)
        # the first sentence holds the dateline, which the parse of the lead sentence reads with it
        keep = [i == 0 or hit or i in speakers or self.keep.found_in(bag)
                for i, (hit, bag) in enumerate(zip(triggered, bags))]
        blanked = blank(text, spans, keep, kept_quote_marks(text, spans, keep))
        return Screened(text=blanked, relevant=True, sentences=len(spans), kept=sum(keep))


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces covering ``text``, one per sentence or paragraph.

    A full stop after an abbreviation or a single letter ("Col. Ochoa", "U.S. troops") ends nothing.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if boundary.group()[0] == "." and _before_abbreviation(text, boundary.start(), abbreviations):
            continue
        _append_piece(spans, text, start, boundary.end())
        start = boundary.end()
    if start < len(text):
        _append_piece(spans, text, start, len(text))
    return spans


def _append_piece(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add a sentence; one without a word ("!!!") belongs to the sentence before, as spaCy reads it."""
    if spans and _WORDLESS.fullmatch(text, start, end):
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def speaker_sentences(text: str, spans: list[tuple[int, int]], triggered: list[bool]) -> set[int]:
    """Indexes of the sentences that may name the speaker of a quote holding a trigger sentence.

    The speaker of a quoted passage is named just after its closing mark ('..." the colonel said'),
    often sentences after the one that tells the event.
    """
    starts = [start for start, _ in spans]
    found: set[int] = set()
    for quote in _QUOTE.finditer(text):
        first, last = bisect_right(starts, quote.start()) - 1, bisect_right(starts, quote.end() - 1) - 1
        if any(triggered[first:last + 1]):
            found.update(range(last, bisect_right(starts, quote.end() + _SPEAKER_WINDOW)))
    return found


def kept_quote_marks(text: str, spans: list[tuple[int, int]], keep: list[bool]) -> set[int]:
    """Offsets of the marks of every quote that touches a kept sentence.

    Blanking keeps them, so that these quotes pair as in the full text; a quote wholly inside
    blanked text loses both marks, which changes the pairing of no other quote.
    """
    starts = [start for start, _ in spans]
    marks: set[int] = set()
    for quote in _QUOTE.finditer(text):
        first, last = bisect_right(starts, quote.start()) - 1, bisect_right(starts, quote.end() - 1) - 1
        if any(keep[first:last + 1]):
            marks.update((quote.start(), quote.end() - 1))
    return marks


def _before_abbreviation(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    last = _LAST_WORD.search(text, max(stop - 12, 0), stop)
    return last is not None and (len(last.group(1)) == 1 or last.group(1).lower() in abbreviations)


def words_of(sentence: str) -> set[str]:
    """The lower-case words of a sentence; "army's" also gives "army" (spaCy splits the clitic)."""
    words = set(_WORD.findall(sentence.lower()))
    return words | {word.split("'")[0] for word in words if "'" in word}


def blank(text: str, spans: list[tuple[int, int]], keep: list[bool], marks: AbstractSet[int] = frozenset()) -> str:
    """``text`` with the spans not kept turned to spaces but for newlines and ``marks``: same offsets.

    A blanked sentence ends in a newline (it ended in white space), which starts a new sentence
    after it (``paragraph_breaks`` in ``nlp``), as the full stop it replaces did.
    """
    blanked = "".join(text[start:end] if kept else _blanked(text, start, end, marks)
                      for (start, end), kept in zip(spans, keep))
    assert len(blanked) == len(text), "blanking must keep every offset"
    return blanked


def _blanked(text: str, start: int, end: int, marks: AbstractSet[int]) -> str:
    """Spaces for ``text[start:end]`` but for its newlines and the quote marks kept, ending in a newline."""
    chars = list(_NOT_NEWLINE.sub(" ", text[start:end]))
    for offset in (mark for mark in marks if start <= mark < end):
        chars[offset - start] = text[offset]
    if text[end - 1:end].isspace():
        chars[-1] = "\n"
    return "".join(chars)


def _keep_phrases(own: dict[str, Any], events: dict[str, Any], syntax: dict[str, Any],
                  attribution: dict[str, Any]) -> list[str]:
    """What the extractor reads in a sentence without a trigger (``pipeline``, ``perpetrators``).

    Denials (``attribution.find_denial``); claims, blame, "held responsible", "the work of X",
    "the crime was committed by X" (``perpetrators.responsibility_actors``); off-topic cues
    (``events.is_off_topic`` counts them over the whole document).
    """
    deeds = [*syntax["act_nouns"], *syntax["violence_lemmas"], *syntax["victim_nouns"]]
    return [*own["keep_words"], *attribution["denial_verbs"], *syntax["claim_nouns"], *syntax["accusation_verbs"],
            *syntax["responsibility_words"], *(f"{noun} of" for noun in syntax["authorship_nouns"]),
            *(f"{verb} {deed}" for verb in syntax["perpetration_verbs"] for deed in deeds),
            *events["off_topic"], *events["sports_context"]]


def _lexicon(name: str) -> dict[str, Any]:
    return json.loads(resources.files("conflictlog.extract").joinpath(f"lexicons/{name}.json").read_text("utf-8"))
