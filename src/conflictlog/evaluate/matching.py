"""How exported records are read and compared with gold incidents (names, days, places, actors).

These are the definitions of the workplace scorer (docs/evaluation.md): names compared
lower-cased without accents or punctuation, actors by token-set Jaccard similarity, places by
name or by a distance of at most 25 km.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Record = Mapping[str, Any]
Incident = Mapping[str, Any]

# Words that carry no identity in a perpetrator name ("the Army of the Republic").
STOP_WORDS = frozenset("the a an of and or in on at to for by from with its their de del la las el los y al".split())
# How a stance or attribution word reads as a perpetrator certainty.
CERTAINTY_WORDS = {
    "reported": ("reported", "report", "reports", "asserted", "assert", "stated", "confirmed", "fact"),
    "claimed": ("claimed", "claim", "claims", "admitted", "admit"),
    "suspected": ("suspected", "suspect", "accused", "alleged", "allegedly", "blamed"),
    "possible": ("possible", "possibly", "unconfirmed", "unverified"),
}
_CERTAINTY_OF_WORD = {word: certainty for certainty, words in CERTAINTY_WORDS.items() for word in words}
PERPETRATOR_SIMILARITY = 0.5
PLACE_DISTANCE_KM = 25.0
EARTH_DIAMETER_KM = 12742.0
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_WORD = re.compile(r"[a-z0-9]+")

Point = tuple[float, float]


def normalized(value: object) -> str:
    """Lower-case ASCII words of ``value`` joined by single spaces ('São Paulo!' -> 'sao paulo')."""
    ascii_text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower()
    return " ".join(_WORD.findall(ascii_text))


def content_tokens(value: object) -> set[str]:
    """The normalized words of ``value`` without stop words."""
    return {token for token in normalized(value).split() if token not in STOP_WORDS}


def token_jaccard(first: object, second: object) -> float:
    """Jaccard similarity of the content-token sets of two strings (0 when both are empty)."""
    a, b = content_tokens(first), content_tokens(second)
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def distance_km(first: Point, second: Point) -> float:
    """Great-circle distance between two (lat, lon) points in kilometres (haversine)."""
    radians = math.pi / 180
    (lat1, lon1), (lat2, lon2) = first, second
    half_chord = (math.sin((lat2 - lat1) * radians / 2) ** 2
                  + math.cos(lat1 * radians) * math.cos(lat2 * radians) * math.sin((lon2 - lon1) * radians / 2) ** 2)
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(half_chord))


# -- values read from one record -----------------------------------------------------------


def casualty_count(record: Record, gold_field: str) -> int | None:
    """The largest ``min`` of the record's casualties for a gold count field, None if it has none.

    ``killed``/``injured`` take every group; ``children_killed``/``children_injured`` only the
    entries whose group is ``children``.
    """
    kind, children_only = gold_field.rsplit("_", 1)[-1], gold_field.startswith("children")
    minimums = [entry.get("min") for entry in record.get("casualties") or []
                if isinstance(entry, dict) and entry.get("kind") == kind
                and (not children_only or entry.get("group") == "children")]
    numbers = [m for m in minimums if isinstance(m, (int, float)) and not isinstance(m, bool)]
    return int(max(numbers)) if numbers else None


def record_day(record: Record) -> str | None:
    """The record's day: ``date``, else ``date_start`` when the range ends the same day."""
    day = record.get("date")
    end = record.get("date_end")
    if not day and record.get("date_start") and (not end or str(end)[:10] == str(record["date_start"])[:10]):
        day = record["date_start"]
    day = str(day or "")[:10]
    return day if _DAY.fullmatch(day) else None


def actor_certainty(actor: Mapping[str, Any], record: Record) -> str | None:
    """The perpetrator certainty an actor carries, read from the first non-empty stance it has."""
    record_attribution = record.get("attribution")
    record_stance = record_attribution.get("stance") if isinstance(record_attribution, dict) else None
    for value in (actor.get("attribution"), actor.get("certainty"), record_stance):
        if isinstance(value, dict):
            value = value.get("stance") or value.get("certainty")
        if isinstance(value, str) and value.strip():
            return next((_CERTAINTY_OF_WORD[w] for w in normalized(value).split() if w in _CERTAINTY_OF_WORD), None)
    return None


# -- predicted units: the distinct places and initiators of a document's records ----------


@dataclass(frozen=True, slots=True)
class PlaceUnit:
    """One distinct predicted location: its normalized name, the name's first part, its point."""

    name: str
    first_part: str
    point: Point | None

    def matches(self, incident: Incident, *, most_specific_only: bool = False) -> bool:
        """True when a name equals one of the incident's places, or the points are near enough."""
        names = [normalized(place) for place in incident.get("places") or []]
        if most_specific_only:
            names = names[:1]
        if self.name and (self.name in names or self.first_part in names):
            return True
        gold_point = incident_point(incident)
        return bool(self.point and gold_point and distance_km(self.point, gold_point) <= PLACE_DISTANCE_KM)


def incident_point(incident: Incident) -> Point | None:
    """The gold incident's coordinates, when both are given."""
    if incident.get("lat") is None or incident.get("lon") is None:
        return None
    return incident["lat"], incident["lon"]


def place_units(records: Iterable[Record]) -> list[PlaceUnit]:
    """Distinct record locations, keyed by normalized name and coordinates rounded to 0.01 degree."""
    units: dict[tuple[str, Point | None], PlaceUnit] = {}
    for record in records:
        location = record.get("location") if isinstance(record.get("location"), dict) else {}
        name, point = str(location.get("name") or ""), _location_point(location)
        if normalized(name) or point:
            rounded = (round(point[0], 2), round(point[1], 2)) if point else None
            units.setdefault((normalized(name), rounded),
                             PlaceUnit(normalized(name), normalized(name.split(",")[0]), point))
    return list(units.values())


def _location_point(location: Mapping[str, Any]) -> Point | None:
    try:
        return float(location["lat"]), float(location["lon"])
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(slots=True)
class ActorUnit:
    """One distinct predicted initiator: its name strings and every certainty it was given."""

    strings: tuple[str, ...]
    certainties: set[str | None] = field(default_factory=set)

    def matches(self, incident: Incident) -> bool:
        """True when one of its strings is similar enough to one of the incident's perpetrators."""
        return any(token_jaccard(mine, theirs) >= PERPETRATOR_SIMILARITY
                   for mine in self.strings for theirs in incident.get("perpetrators") or [])


def initiator_units(records: Iterable[Record]) -> list[ActorUnit]:
    """Distinct initiator actors of the records, keyed by their normalized text and name."""
    units: dict[frozenset[str], ActorUnit] = {}
    for record in records:
        for actor in record.get("actors") or []:
            if not isinstance(actor, dict) or actor.get("role") != "initiator":
                continue
            strings = tuple(s for s in (actor.get("text"), actor.get("name")) if isinstance(s, str) and content_tokens(s))
            if strings:
                key = frozenset(normalized(s) for s in strings)
                units.setdefault(key, ActorUnit(strings)).certainties.add(actor_certainty(actor, record))
    return list(units.values())
