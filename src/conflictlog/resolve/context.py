"""What a whole document says about where it is: the context every place choice is made in.

Built once per document from the place spans of all its mentions and its dateline. A
dateline place counts as a hint (its country, its point), never as an event place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Document, Mention, Span
from ..text import find_dateline
from .gazetteer import Gazetteer, Place
from .names import name_key

# How much each kind of evidence counts towards a country of the document.
_NAMED_COUNTRY = 2.0
_UNAMBIGUOUS_PLACE = 1.0
_DATELINE_PLACE = 1.0


@dataclass(slots=True)
class DocContext:
    """Countries named or implied by a document (weighted), points of places it names unambiguously,
    and its dateline (place text, date text and where the story proper starts)."""

    countries: Counter[str] = field(default_factory=Counter)
    anchors: list[tuple[float, float]] = field(default_factory=list)
    dateline_place: str | None = None
    dateline_date: str | None = None
    story_start: int = 0

    @classmethod
    def empty(cls) -> "DocContext":
        """A context that knows nothing (no document given)."""
        return cls()

    @classmethod
    def build(cls, document: Document, mentions: Iterable[Mention], gazetteer: Gazetteer) -> "DocContext":
        """The context of ``document`` from its dateline and every mention's place spans."""
        context = cls()
        dateline = find_dateline(document.text)
        if dateline is not None:
            context.dateline_place = dateline.place.text
            context.dateline_date = dateline.date.text if dateline.date else None
            context.story_start = dateline.end
            context._add_dateline_hint(gazetteer.candidates(dateline.place.text))
        texts = {span.text for mention in mentions for span in mention.place_spans if not context.in_dateline(span)}
        for text in sorted(texts):
            context._add_place(text, gazetteer.candidates(text))
        return context

    def in_dateline(self, span: Span) -> bool:
        """True when ``span`` lies in the dateline (before the story starts)."""
        return span.start < self.story_start

    def country_share(self, country_code: str | None) -> float:
        """How strongly the document points at ``country_code``: 1.0 for its main country, 0 for one never implied."""
        if not country_code or not self.countries:
            return 0.0
        return self.countries[country_code] / max(self.countries.values())

    def main_country(self) -> str | None:
        """The country the document points at most, if any."""
        return self.countries.most_common(1)[0][0] if self.countries else None

    def _add_dateline_hint(self, candidates: list[Place]) -> None:
        # A dateline names a filing city, usually a large one: trust the largest candidate.
        if candidates:
            self._add(candidates[0], _DATELINE_PLACE)

    def _add_place(self, text: str, candidates: list[Place]) -> None:
        key = name_key(text)
        countries = [p for p in candidates if p.feature_code == "PCLI" and name_key(p.name) == key]
        if countries:
            self.countries[countries[0].country_code] += _NAMED_COUNTRY
        elif len(candidates) == 1:
            self._add(candidates[0], _UNAMBIGUOUS_PLACE)
        elif len({p.country_code for p in candidates}) == 1 and candidates[0].country_code:
            self.countries[candidates[0].country_code] += _UNAMBIGUOUS_PLACE

    def _add(self, place: Place, weight: float) -> None:
        if place.country_code:
            self.countries[place.country_code] += weight
        if place.has_point and place.feature_code != "PCLI":
            self.anchors.append((place.lat, place.lon))
