"""The extractor: a Document in, the Mentions it states out.

Per sentence: event triggers (``events``), who says so (``attribution``), casualties and
actors (``casualties``, ``actors``), places and dates (``spans``); then denials become
Disputes of the claim they answer, and ``grouping`` joins mentions of one happening.
Before parsing, the lexical pre-filter (``prefilter``) drops documents that cannot state an
event and blanks the sentences no rule reads, so spaCy parses only what extraction uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..models import Actor, ActorRole, Attribution, Dispute, Document, Mention
from ..text import PreparedText, prepare
from .attribution import AttributionLexicon, attribute, find_denial, quote_speakers
from .casualties import find_casualties
from .casualty_lexicon import HARMED
from .events import EventHit, EventLexicon, object_tokens, subject_tokens
from .grouping import Candidate, assign_groups
from .perpetrators import responsibility_actors, share_initiators
from .prefilter import Prefilter
from .sides import actors_of, side_of
from .spans import date_spans, place_spans, span_of

_YEAR = re.compile(r"^(?:in |since |during |by )?(?:the )?((?:19|20)\d\d)s?$", re.IGNORECASE)
_PRECISE_DATE = re.compile(r"\d|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week\b|month\b|yesterday|today|tonight|morning|night",
                           re.IGNORECASE)
# "in 1980", "the March 1980 assassination": a year the (ALL-CAPS) parse may not tag as a date.
_YEAR_IN_TEXT = re.compile(r"\b(?:in|since|during|of|early|late|mid|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*"
                           r"|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ANAPHORA = {"the", "this", "that", "these", "those", "latest", "same"}


@dataclass(slots=True)
class _Context:
    """Everything sentence-level extraction needs about its document."""

    document: Document
    prepared: PreparedText
    doc: Doc
    quotes: dict[int, Attribution]

    @property
    def body_start(self) -> int:
        """Where the story starts: after the wire dateline and its header tags, else 0."""
        return self.prepared.dateline.end if self.prepared.dateline else 0


class Extractor:
    """Turns Documents into Mentions with a loaded spaCy pipeline (see ``load_pipeline``).

    With ``screen`` (the default) the lexical pre-filter (``prefilter``) spares spaCy the
    documents that cannot state an event and blanks the sentences no rule reads; offsets,
    evidence and stored texts are unchanged. ``screen=False`` parses every text in full.
    """

    def __init__(self, nlp: Language, *, screen: bool = True) -> None:
        self.nlp = nlp
        self.prefilter = Prefilter.load() if screen else None

    def extract(self, document: Document) -> list[Mention]:
        """The mentions of one document."""
        return next(self.extract_many([document]))[1]

    def extract_many(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Mention]]]:
        """Each document with its mentions, in input order; the texts spaCy must read go through ``nlp.pipe``."""
        iterator = iter(documents)
        while chunk := list(islice(iterator, batch_size)):
            yield from self._extract_chunk(chunk, batch_size)

    def _extract_chunk(self, chunk: list[Document], batch_size: int) -> Iterator[tuple[Document, list[Mention]]]:
        prepared = [prepare(document) for document in chunk]
        texts = [self._text_to_parse(prep) for prep in prepared]
        wanted = ((text, i) for i, text in enumerate(texts) if text is not None)
        docs = {i: doc for doc, i in self.nlp.pipe(wanted, as_tuples=True, batch_size=batch_size)}
        for i, (document, prep) in enumerate(zip(chunk, prepared)):
            yield document, self._mentions(document, prep, docs[i]) if i in docs else []

    def _text_to_parse(self, prepared: PreparedText) -> str | None:
        """The text spaCy must read, or None when the document cannot state an event."""
        if self.prefilter is None:
            return prepared.text
        screened = self.prefilter.screen(prepared.text)
        return screened.text if screened.relevant else None

    def _mentions(self, document: Document, prepared: PreparedText, doc: Doc) -> list[Mention]:
        events = EventLexicon.load()
        context = _Context(document, prepared, doc, quote_speakers(doc, AttributionLexicon.load()))
        candidates = _candidates(doc, context, events)
        # A shooting of a football player is still a shooting: a violent act with victims outweighs sport words.
        if events.is_off_topic(doc) and not any(_counts_victims(candidate) for candidate in candidates):
            return []
        mentions = assign_groups(_without_lone_generics(candidates))
        share_initiators(mentions)
        return mentions


def _candidates(doc: Doc, context: _Context, events: EventLexicon) -> list[Candidate]:
    """One candidate mention per sentence with an event trigger; denials dispute the claims before them."""
    candidates: list[Candidate] = []
    for sent in doc.sents:
        if sent.end_char <= context.body_start:
            continue
        denial = find_denial(sent, AttributionLexicon.load())
        if denial is not None:
            assign_groups(candidates)
            _record_dispute(candidates, denial.source, sent, context)
            continue
        hits = events.match(sent)
        candidate = _candidate(sent, hits, context)
        if candidate is not None:
            candidates.append(candidate)
        elif not hits and candidates:
            _add_initiators(candidates[-1].mention, responsibility_actors(sent))
    return candidates


def _counts_victims(candidate: Candidate) -> bool:
    """A specific violent act ("shot", "stabbed") with people killed or injured."""
    return not candidate.generic and any(c.kind in HARMED and (c.min or 0) > 0 for c in candidate.mention.casualties)


def _candidate(sent: SpacySpan, hits: list[EventHit], context: _Context) -> Candidate | None:
    if not hits or _is_history(sent, context.document.published):
        return None
    specific = [hit for hit in hits if not hit.generic]
    best = max(specific or hits, key=lambda hit: hit.priority)
    text = context.document.text
    attribution = attribute(sent, AttributionLexicon.load()) or context.quotes.get(sent.start_char) or Attribution()
    attribution.side = side_of(attribution)
    places = place_spans(sent, text, context.body_start)
    mention = Mention(
        document_id=context.document.document_id,
        event_type=best.event_type,
        sub_event_type=best.sub_event_type,
        evidence=[span_of(text, *_evidence_bounds(sent))],
        place_spans=places,
        date_spans=date_spans(sent, text, context.body_start),
        actors=_event_actors(sent, best.head),
        casualties=find_casualties(sent),
        attribution=attribution,
    )
    generic = not specific and not any(_is_concrete(hit) for hit in hits)
    return Candidate(mention, generic=generic, anaphoric=_is_anaphoric(best),
                     places=frozenset(p.text.lower() for p in places))


def _event_actors(sent: SpacySpan, trigger: Token) -> list[Actor]:
    """The trigger's actors; when its own words name no doer, those the sentence holds responsible
    ("two bombs exploded, and police hold the MRTA responsible for the attack")."""
    actors = actors_of(sent, trigger)
    if any(actor.role is ActorRole.INITIATOR for actor in actors):
        return actors
    return responsibility_actors(sent) + actors


def _evidence_bounds(sent: SpacySpan) -> tuple[int, int]:
    """Character bounds of a sentence without its edge white space (blanked text included)."""
    words = [token for token in sent if not token.is_space]
    if not words:
        return sent.start_char, sent.end_char
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _add_initiators(mention: Mention, actors: list[Actor]) -> None:
    """ "The FMLN claimed responsibility": initiators said after the event join its latest mention."""
    known = {(actor.name or actor.text).lower() for actor in mention.actors}
    mention.actors += [actor for actor in actors if (actor.name or actor.text).lower() not in known]


def _is_concrete(hit: EventHit) -> bool:
    """"Fighters attacked an army base": a generic verb with a named doer and a target is an event."""
    head = hit.head
    if head.pos_ != "VERB":
        return False
    doers = [t for t in subject_tokens(head) if t.dep_ in {"nsubj", "pobj"}]
    return bool(object_tokens(head)) and any(t.pos_ in {"NOUN", "PROPN"} for t in doers)


def _is_anaphoric(hit: EventHit) -> bool:
    """"the latest attack", "as a result of the attacks": a reference to a known happening."""
    head = hit.head
    return any(child.lower_ in _ANAPHORA for child in head.children if child.dep_ in {"det", "amod", "poss"})


def _is_history(sent: SpacySpan, published: str | None) -> bool:
    """A sentence dated only by an earlier year ("warned in 2020") is background, not news."""
    if not published or not published[:4].isdigit():
        return False
    dates = [ent.text.strip() for ent in sent.ents if ent.label_ == "DATE"]
    years = [int(m.group(1)) for m in map(_YEAR.match, dates) if m is not None]
    years += [int(year) for year in _YEAR_IN_TEXT.findall(sent.text)]
    # "on 24 March 1980" in a 1989 report is background too: a day of a year long past is no news
    precise = [d for d in dates if _YEAR.match(d) is None and _PRECISE_DATE.search(d) and not _long_past(d, published)]
    return bool(years) and all(year < int(published[:4]) for year in years) and not precise


def _long_past(date_text: str, published: str) -> bool:
    """Whether ``date_text`` names a year at least two years before publication."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", date_text)]
    return bool(years) and max(years) <= int(published[:4]) - 2


def _without_lone_generics(candidates: list[Candidate]) -> list[Candidate]:
    """Drop generic mentions before any specific one unless they count victims (headlines, teasers)."""
    kept: list[Candidate] = []
    seen_specific = False
    for candidate in candidates:
        if not candidate.generic or seen_specific or candidate.mention.casualties:
            kept.append(candidate)
        seen_specific = seen_specific or not candidate.generic
    return kept


def _record_dispute(candidates: list[Candidate], denier: str, sent: SpacySpan, context: _Context) -> None:
    """Attach a Dispute to the latest claim by someone other than the denier (and its group)."""
    claims = [c.mention for c in candidates if c.mention.attribution.source != denier]
    if not claims:
        return
    claim = claims[-1]
    dispute = Dispute(source=denier, side=side_of(Attribution(source=denier)),
                      text=context.document.text[sent.start_char:sent.end_char])
    for candidate in candidates:
        mention = candidate.mention
        if mention.group == claim.group and mention.attribution.source == claim.attribution.source:
            mention.disputed_by.append(dispute)
