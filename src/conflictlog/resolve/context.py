"""What a whole document says about where it is: the context every place choice is made in.

Built once per document from the place spans of all its mentions and its dateline. A
dateline place counts as a hint (its country, its point), never as an event place; so does
what follows it ("AURORA, Colo. (CBS4) --": the state), and a state or country so named
is where the dateline place lies ("CORINTH, Miss.": not the Greek Corinth). First-level
subdivisions the document names ("Utah", "Colo.") are kept as regions, so that a town of a
common name is looked for in the state the report is about. A nationality adjective of the
story ("THE SALVADORAN ARMY") counts for its country like an unambiguous place, once per use
(up to two). A country name used as a modifier ("U.S. aid", "THE U.S. EMBASSY") says who,
not where: it is no evidence here, and no event place; a place named in passing still is
evidence ("a Florida mother", ``asides``). A wire dateline's country ("MOSCOW
(USSR), 6 JUL 89") only places the filing office and is no evidence either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Document, Location, Mention, Span
from ..text import find_dateline
from .asides import is_aside
from .demonyms import demonym_countries
from .gazetteer import Gazetteer, Place
from .names import name_key, without_article

# How much each kind of evidence counts towards a country of the document.
_NAMED_COUNTRY = 2.0
_UNAMBIGUOUS_PLACE = 1.0
_DATELINE_PLACE = 1.0
_NAMED_REGION = 1.0
_DEMONYM = 1.0
# A story that keeps saying "SALVADORAN" is about El Salvador; one "Mexican restaurant" is not.
_DEMONYM_USES_COUNTED = 2
_NEXT_WORD = re.compile(r" ([A-Za-z][\w-]*)")
# "New Zealand-born", "Chicago-based", "U.S.-led": a name joined to the next word by a hyphen modifies it.
_HYPHENATED = re.compile(r"-[A-Za-z]")
_FUNCTION_WORDS = frozenset(
    "and or but nor in on at to of for from with by into near as is was were are be been has have had will would "
    "said says say the a an that which who where when while after before since during amid "
    # "San Miguel department last night", "in Gastonia Monday": time words follow a place, they are not modified by it
    "last this next yesterday today tonight overnight early late earlier later "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# "AURORA, Colo. (CBS4) –": the pieces after the place, without the outlet in brackets.
_QUALIFIER_SPLIT = re.compile(r"[,(\[]")
# The last word of a county's or a province's name ("Los Angeles County", "USULUTAN DEPARTMENT").
_UNIT_WORDS = frozenset({"county", "parish", "district", "department", "province", "municipality"})
# Feature codes of the areas a dateline qualifier names: a state (first-level subdivision) or a country.
_AREA_CODES = frozenset({"ADM1", "PCLI"})


@dataclass(slots=True)
class DocContext:
    """Countries named or implied by a document (weighted), points of places it names unambiguously,
    and its dateline (place text, date text and where the story proper starts)."""

    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    anchors: list[tuple[float, float]] = field(default_factory=list)
    dateline_place: Span | None = None
    dateline_areas: list[Place] = field(default_factory=list)
    home: tuple[float, float] | None = None     # the point of a local report's city (set by the resolver)
    dateline_date: str | None = None
    story_start: int = 0
    text: str = ""

    @classmethod
    def empty(cls) -> "DocContext":
        """A context that knows nothing (no document given)."""
        return cls()

    @classmethod
    def build(cls, document: Document, mentions: Iterable[Mention], gazetteer: Gazetteer) -> "DocContext":
        """The context of ``document`` from its dateline and every mention's place spans."""
        context = cls(text=document.text)
        dateline = find_dateline(document.text)
        if dateline is not None:
            context.dateline_place = dateline.place
            context.dateline_date = dateline.date.text if dateline.date else None
            context.story_start = dateline.end
            rest = document.text[dateline.place.end:dateline.end]
            qualifiers = {q: gazetteer.candidates(q) for q in _dateline_qualifiers(rest)}
            context.dateline_areas = [place for found in qualifiers.values() for place in found
                                      if place.feature_code in _AREA_CODES]
            context._add_dateline_hint(dateline.place.text, gazetteer.candidates(dateline.place.text))
            # "MOSCOW (USSR), 6 JUL 89 --": a wire dateline's country only says where the office
            # is; a local dateline's state ("AURORA, Colo.") is the story's own.
            for candidates in qualifiers.values() if context.dateline_date is None else ():
                context._add_place(candidates)
        ambiguous = context._add_spans([span for mention in mentions for span in mention.place_spans], gazetteer)
        for code, uses in demonym_countries(document.text[context.story_start:]).items():
            context.countries[code] += _DEMONYM * min(uses, _DEMONYM_USES_COUNTED)
        for regions in ambiguous:
            context._add_region_of_main_country(regions)
        return context

    def in_dateline(self, span: Span) -> bool:
        """True when ``span`` lies in the dateline (before the story starts)."""
        return span.start < self.story_start

    def is_modifier(self, span: Span) -> bool:
        """True when ``span`` modifies the word after it ("U.S. troops", "New Zealand-born")."""
        if _HYPHENATED.match(self.text, span.end):
            return True
        following = _NEXT_WORD.match(self.text, span.end)
        return following is not None and following.group(1).casefold() not in _FUNCTION_WORDS

    def in_dateline_area(self, place: Place | Location) -> bool:
        """True when the dateline names no state or country after its place, or ``place`` lies in one it names."""
        return not self.dateline_areas or any(
            place.country_code == area.country_code and (area.feature_code == "PCLI" or place.admin1 == area.admin1)
            for area in self.dateline_areas)

    def country_share(self, country_code: str | None) -> float:
        """How strongly the document points at ``country_code``: 1.0 for its main country, 0 for one never implied."""
        if not country_code or not self.countries:
            return 0.0
        return self.countries[country_code] / max(self.countries.values())

    def region_share(self, country_code: str | None, admin1: str | None) -> float:
        """How strongly the document points at the subdivision ``admin1`` of ``country_code`` (0 to 1)."""
        if not admin1 or not self.regions:
            return 0.0
        return self.regions[(country_code, admin1)] / max(self.regions.values())

    def main_country(self) -> str | None:
        """The country the document points at most, if any."""
        return self.countries.most_common(1)[0][0] if self.countries else None

    def _add_spans(self, spans: list[Span], gazetteer: Gazetteer) -> list[list[Place]]:
        """Count the story's place spans as evidence; return the region lists left ambiguous."""
        # "U.S. aid", "ATLANTIC COAST": a modifier says who or what, not where; "a Florida
        # mother", "Huancayo hospital" and an office's county ("the Los Angeles County
        # coroner") still say where, though not the scene.
        spans = [span for span in spans if not self.in_dateline(span)]
        texts = {span.text for span in spans if not self.is_modifier(span)}
        asides = {span.text for span in spans if self.is_modifier(span)
                  and (is_aside(self.text, span) or _names_a_unit(span.text))} - texts
        ambiguous = [self._add_place(gazetteer.candidates(without_article(text))) for text in sorted(texts)]
        for text in sorted(asides):
            candidates = gazetteer.candidates(without_article(text))
            if not any(place.feature_code == "PCLI" for place in candidates):  # "THE U.S. EMBASSY"
                ambiguous.append(self._add_place(candidates))
        return [regions for regions in ambiguous if regions]

    def _add_dateline_hint(self, written: str, candidates: list[Place]) -> None:
        # A dateline names a filing city, usually a large one: trust the largest candidate,
        # of those in the state or country the dateline names ("CORINTH, Miss.") if any, and
        # of those whose own name is the one written ("PUEBLO --" is Pueblo, Colorado, not
        # the larger Puebla, known as Pueblo only as an alternate name).
        inside = [place for place in candidates if self.in_dateline_area(place)] or candidates
        own = [place for place in inside if name_key(place.name) == name_key(written)]
        if own or inside:
            self._add((own or inside)[0], _DATELINE_PLACE)

    def _add_place(self, candidates: list[Place]) -> list[Place]:
        """Count a named place as evidence; return the regions it may be when they are several."""
        countries = [p for p in candidates if p.feature_code == "PCLI"]
        regions = [p for p in candidates if p.feature_code == "ADM1" and p.admin1]
        if countries:
            self.countries[countries[0].country_code] += _NAMED_COUNTRY
        elif regions and len({(p.country_code, p.admin1) for p in regions}) == 1:
            self.regions[(regions[0].country_code, regions[0].admin1)] += _NAMED_REGION
            self.countries[regions[0].country_code] += _UNAMBIGUOUS_PLACE
        elif regions:
            return regions
        elif len(candidates) == 1:
            self._add(candidates[0], _UNAMBIGUOUS_PLACE)
        elif len({p.country_code for p in candidates}) == 1 and candidates[0].country_code:
            self.countries[candidates[0].country_code] += _UNAMBIGUOUS_PLACE
        return []

    def _add_region_of_main_country(self, regions: list[Place]) -> None:
        # "Florida" is a state of the US and of Uruguay: in a report about the US, it is the US state.
        main = [p for p in regions if self.countries and self.country_share(p.country_code) == 1.0]
        if len({(p.country_code, p.admin1) for p in main}) == 1:
            self.regions[(main[0].country_code, main[0].admin1)] += _NAMED_REGION

    def _add(self, place: Place, weight: float) -> None:
        if place.country_code:
            self.countries[place.country_code] += weight
        if place.has_point and place.feature_code != "PCLI":
            self.anchors.append((place.lat, place.lon))


def _names_a_unit(text: str) -> bool:
    return text.split()[-1].casefold() in _UNIT_WORDS if text.split() else False


def _dateline_qualifiers(rest: str) -> list[str]:
    pieces = [piece.split(")")[-1] for piece in _QUALIFIER_SPLIT.split(rest)]
    return [cleaned for cleaned in (piece.strip(" -–—:.") for piece in pieces) if cleaned]
