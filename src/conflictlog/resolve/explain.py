"""Why a name resolves to the place it does: every candidate with its score and reasons.

What ``conflictlog places NAME`` prints. The same rules as ``resolve_span``, so what a user
sees is what the pipeline does; a context text, when given, plays the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document, Mention, Span, content_hash
from .context import DocContext
from .gazetteer import Gazetteer, Place
from .geo import PlaceQuery, fits_context, readings, score_parts, without_region_namesakes

_CAPITALISED = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place for the name, how it scored and whether the context allows it."""

    place: Place
    reading: PlaceQuery
    reasons: dict[str, float]
    allowed: bool

    @property
    def score(self) -> float:
        """The total of the reasons."""
        return sum(self.reasons.values())


@dataclass(frozen=True, slots=True)
class Explanation:
    """The candidates of the first reading that has any, best first, and the one chosen."""

    name: str
    candidates: list[Candidate]
    chosen: Candidate | None


def explain(name: str, gazetteer: Gazetteer, context_text: str | None = None) -> Explanation:
    """Candidates for ``name`` (in the context of ``context_text`` if given) and the choice."""
    context = _context(name, gazetteer, context_text)
    for query in readings(name):
        places = without_region_namesakes(gazetteer.candidates(query.name), query)
        if places:
            found = [Candidate(p, query, score_parts(p, query, context), fits_context(p, context)) for p in places]
            found.sort(key=lambda c: (not c.allowed, -c.score))
            return Explanation(name, found, found[0] if found[0].allowed else None)
    return Explanation(name, [], None)


def _context(name: str, gazetteer: Gazetteer, text: str | None) -> DocContext:
    if not text:
        return DocContext.empty()
    # The context text's places are the runs of capitalised words the user wrote around the name.
    spans = [Span(m.group(), m.start(), m.end()) for m in _CAPITALISED.finditer(text)]
    mention = Mention(document_id="cli", event_type="", sub_event_type=None, evidence=[], place_spans=spans)
    document = Document("cli", text, content_hash(text))
    return DocContext.build(document, [mention], gazetteer)
