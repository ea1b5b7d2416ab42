"""What cross-report fusion knows about one per-document incident (a *member*).

A ``MemberProfile`` is small and JSON-ready: the store keeps one per member so that a new
report is compared with stored ones without reading their texts or events again.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..models import Document, Event, GeoPrecision, Incident, Location, Stance

_TERM = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|\d+-year-old|\d{2,5}(?= [A-Z][a-z]+ (?:Street|St|Avenue|"
                   r"Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Way|Place|Court)\b))")

_ARCHIVE = re.compile(r"https?://(?:web\.)?archive\.org/web/[^/]+/(.+)$")


@dataclass(slots=True)
class MemberProfile:
    """Fusion features of one per-document incident."""

    member_id: str                   # the per-document incident id
    document_id: str
    published: str | None
    outlet: str
    event_type: str
    date: str | None                 # the incident's first day, else the publication day
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    place: str | None = None
    place_weak: bool = False         # the place is no words of the body's (``weak_place``): it vetoes nothing
    actors: list[str] = field(default_factory=list)
    figures: dict[str, list[int | None]] = field(default_factory=dict)   # "killed/all" -> [min, max]
    terms: list[str] = field(default_factory=list)
    original_id: str | None = None   # the document this one copies; None for an independent report

    def to_json(self) -> dict[str, Any]:
        """Plain data for storage (what ``dataclasses.asdict`` gives, built directly: a re-fuse stores one a member)."""
        data = {name: getattr(self, name) for name in _PROFILE_FIELDS}
        data.update(actors=list(self.actors), terms=list(self.terms),
                    figures={key: list(value) for key, value in self.figures.items()})
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MemberProfile:
        """Inverse of ``to_json``."""
        return cls(**data)


_PROFILE_FIELDS = tuple(f.name for f in dataclasses.fields(MemberProfile))


def outlet_of(document: Document) -> str:
    """Who published the report: the web host, else the declared source, else the document itself."""
    if document.url:
        host = urlsplit(_archived_url(document.url)).hostname or ""
        if host:
            return host.removeprefix("www.")
    return document.source or document.document_id


def _archived_url(url: str) -> str:
    """The page an archive copy (web.archive.org/web/TIMESTAMP/URL) was taken of; other URLs as they are."""
    match = _ARCHIVE.match(url)
    return match.group(1) if match else url


def build_profile(document: Document, incident: Incident, events: list[Event], terms: list[str]) -> MemberProfile:
    """The profile of ``incident``, one of ``document``'s incidents built from ``events``."""
    location = incident.location
    precise = _is_precise(location)
    return MemberProfile(
        member_id=incident.id, document_id=document.document_id, published=_day(document.published),
        outlet=outlet_of(document), event_type=incident.event_type,
        date=incident.date_start or _day(document.published),
        lat=location.lat if precise else None, lon=location.lon if precise else None,
        country_code=location.country_code, admin1=location.admin1,
        place=(location.name or location.text or "").casefold() or None if precise else None,
        place_weak=precise and weak_place(location, terms),
        actors=sorted({(a.name or a.text).casefold() for a in incident.actors}),
        figures=_asserted_figures(events), terms=terms,
    )


def _is_precise(location: Location) -> bool:
    """A town or better: a country's or region's centre says nothing about where it happened."""
    return location.precision in (GeoPrecision.EXACT, GeoPrecision.TOWN, GeoPrecision.DISTRICT)


def weak_place(location: Location, terms: list[str]) -> bool:
    """Whether ``location`` stands on weak evidence: no words of the report placed it and the report's
    names (``terms``, from its body) do not name it either.

    Such a place is a fallback's: the town of the headline or of the outlet's name ("Man shot in
    Frankford", "- WMC Action News 5 - Memphis, Tennessee"), which is often the city that covers a
    suburb, a namesake, or wrong. A fallback town the body does write (a dateline, "Burbank police")
    is as firm as any. The report's names, not its text, decide: a full re-fuse has only those.
    """
    if location.text:
        return False
    named = place_words(location.name)
    return bool(named) and not named <= set(terms)


def place_words(name: str | None) -> set[str]:
    """The words of a place's name that a report's names (``key_terms``) would hold ("fort lauderdale": lauderdale)."""
    return {word for word in re.findall(r"\w+", (name or "").casefold()) if len(word) > 2} - _common_capitalised()


def _asserted_figures(events: list[Event]) -> dict[str, list[int | None]]:
    figures: dict[str, list[int | None]] = {}
    for event in events:
        if event.attribution.stance == Stance.DENIED:
            continue
        for casualty in event.casualties:
            key = f"{casualty.kind}/{casualty.group}"
            low = max(casualty.min or 0, (figures.get(key) or [0])[0] or 0)
            figures[key] = [low, casualty.max if casualty.max is None else max(casualty.max, low)]
    return figures


def key_terms(text: str, limit: int = 60) -> list[str]:
    """Names, ages and house numbers that tell one happening from a neighbour (common words left out)."""
    common = _common_capitalised()
    found: dict[str, None] = {}
    for match in _TERM.finditer(text):
        term = match.group(0).casefold()
        if term not in common and len(term) > 2:
            found.setdefault(term, None)
    return sorted(list(found)[:limit])   # the first ones: a report names its own incident early


@cache
def _common_capitalised() -> frozenset[str]:
    raw = resources.files("conflictlog.fuse").joinpath("data/common_terms.json").read_text()
    return frozenset(word.casefold() for word in json.loads(raw)["terms"])


def _day(published: str | None) -> str | None:
    return published[:10] if published else None
