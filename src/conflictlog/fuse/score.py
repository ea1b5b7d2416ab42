"""Do two per-document incidents report the same happening? A score with its reasons.

The score is a weighted mean of feature agreements in [0, 1]; features a profile lacks
(no date, no coordinates) count as half agreement at a lower weight, so missing data
neither joins nor splits by itself. Some differences veto the pair outright: different
countries, places more than ``MAX_KM`` apart, dates more than ``DATE_WINDOW_DAYS`` apart,
event types of incompatible families (a protest is not a shelling).

Two places that cannot tell the reports apart veto nothing either (``places_unsure``):
- a place on weak evidence (``profile.weak_place``: the town of a headline or of the outlet's
  name that the body never writes): the town a local outlet covers is often not the suburb of
  the happening, and a headline's town can be a namesake;
- a place the other report names too ("Germantown" in a Philadelphia report, "Killeen" in
  the Belton court report): both report about it, so a distance between the two is the
  geocoder's choice of namesake ("Germantown, Maryland") or a neighbourhood against its city.
Their country and distance veto no pair, and a distance beyond 2 km counts as a missing place,
not a disagreement; the same town still agrees.

Agreeing on type and day is not enough: in a war, many reports of one country and week
share both. A pair merges only with two pieces of *identifying evidence* (a copy needs none):
the same precise place (a town or better, same name or within 2 km), shared rare names
(one piece for about one rare name, two for about three or for three names somewhat rare), and agreeing casualty figures
(one piece per kind, at most two, when the agreeing figures add up to at least 2 victims:
"one killed" alone is what most reports say). A country- or region-level place, generic
actors ("terrorists") and figures of zero identify nothing.

| feature   | agreement                                                              | weight |
|-----------|------------------------------------------------------------------------|--------|
| type      | same sub-type family: 1, same ACLED type: 0.8, compatible family: 0.5   | 1      |
| date      | same day 1, one day 0.7, two 0.4, else 0.1                              | 1.5    |
| place     | 1 within 2 km or the same place name, falling linearly to 0 at 50 km (unsure places: as missing) | 1 |
| actors    | share of the smaller actor set named by both (only when both name some) | 0.5    |
| figures   | share of common (kind, group) figures that agree; a later, higher figure half agrees | 1.5 |
| terms     | rarity-weighted shared names/ages/house numbers, saturating (``TermRarity``) | 4 |
| copy      | one report copies the other: 1                                          | 4      |
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .profile import MemberProfile, place_words

DATE_WINDOW_DAYS = 7
MAX_KM = 100.0
MERGE_THRESHOLD = 0.62
_MISSING = 0.5                                  # agreement assumed for a feature one side lacks
_MISSING_WEIGHT_SHARE = 0.4                     # and the reduced weight it counts with
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_UNREST = {"Protests", "Riots"}
_WEIGHTS = {"type": 1.0, "date": 1.5, "place": 1.0, "actors": 0.5, "figures": 1.5, "terms": 4.0}
_TERMS_SATURATE = 20.0                          # shared rarity that is full agreement: about four unique names
_PRIOR_DOCUMENTS = 50                           # keeps rarity meaningful in a small database
EVIDENCE_NEEDED = 2
_NAMES_ONE_PIECE = 0.25                         # terms agreement worth one piece: about one rare name
_NAMES_TWO_PIECES = 0.6                         # and two: about three rare names
_SAME_PLACE_KM = 2.0
_FIGURES_IDENTIFY = 2                           # victims the agreeing figures must add up to


@dataclass(slots=True)
class TermRarity:
    """How many documents use each term: a term most reports use (a city, a hospital) tells little."""

    df: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    _weights: dict[str, float] = field(default_factory=dict, repr=False)

    def weight(self, term: str) -> float:
        """Smoothed inverse document frequency of ``term``."""
        known = self._weights.get(term)
        if known is None:
            known = self._weights[term] = math.log((self.documents + _PRIOR_DOCUMENTS) / (self.df.get(term, 0) + 1))
        return known

    def add(self, terms: Iterable[str]) -> None:
        """Count one more document using ``terms``."""
        self._weights.clear()
        self.documents += 1
        for term in set(terms):
            self.df[term] = self.df.get(term, 0) + 1

    @classmethod
    def of(cls, term_lists: Iterable[Iterable[str]]) -> TermRarity:
        """Rarity over the given documents' terms."""
        rarity = cls()
        for terms in term_lists:
            rarity.add(terms)
        return rarity


_NO_RARITY = TermRarity()


@dataclass(slots=True)
class PairScore:
    """The score of a pair and why: ``vetoed`` names the reason a pair can never merge."""

    score: float
    reasons: list[str] = field(default_factory=list)
    vetoed: str | None = None
    evidence: int = EVIDENCE_NEEDED

    @property
    def merges(self) -> bool:
        """Whether the pair is close enough, on enough identifying evidence, to be one incident."""
        return self.vetoed is None and self.evidence >= EVIDENCE_NEEDED and self.score >= MERGE_THRESHOLD


def score_pair(a: MemberProfile, b: MemberProfile, rarity: TermRarity = _NO_RARITY) -> PairScore:
    """How likely ``a`` and ``b`` report the same happening (rules in the module docstring)."""
    veto = veto_reason(a, b)
    if veto:
        return PairScore(0.0, [veto], veto)
    if is_copy_pair(a, b):
        return PairScore(1.0, ["one report is a copy of the other"])
    parts = [_type(a, b), _date(a, b), _place(a, b), _actors(a, b), _figures(a, b), _terms(a, b, rarity)]
    total = sum(weight for _, weight, _ in parts)
    score = sum(value * weight for value, weight, _ in parts) / total
    reasons = [f"{reason} ({value:.2f})" for value, _, reason in parts]
    pieces = identifying_evidence(a, b, rarity)
    reasons.append(f"identifying evidence: {', '.join(pieces) or 'none'}")
    return PairScore(round(score, 4), reasons, evidence=len(pieces))


def is_copy_pair(a: MemberProfile, b: MemberProfile) -> bool:
    """One report copies the other, or both copy the same original."""
    first, second = a.original_id or a.document_id, b.original_id or b.document_id
    return first == second and a.document_id != b.document_id


def veto_reason(a: MemberProfile, b: MemberProfile) -> str | None:
    """Why ``a`` and ``b`` can never be one incident, or None."""
    firm = not places_unsure(a, b)
    if firm and a.country_code and b.country_code and a.country_code != b.country_code:
        return f"different countries ({a.country_code} vs {b.country_code})"
    distance = km_between(a, b)
    if firm and distance is not None and distance > MAX_KM:
        return f"{distance:.0f} km apart"
    gap = days_between(a.date, b.date)
    if gap is not None and gap > DATE_WINDOW_DAYS:
        return f"{gap} days apart"
    if _family(a.event_type) != _family(b.event_type):
        return f"incompatible event types ({a.event_type} vs {b.event_type})"
    return None


def places_unsure(a: MemberProfile, b: MemberProfile) -> bool:
    """Whether the pair's places cannot tell the reports apart (module docstring): one is weak, or
    one report names the other's place among its own names."""
    return a.place_weak or b.place_weak or names_place(a, b) or names_place(b, a)


def names_place(a: MemberProfile, b: MemberProfile) -> bool:
    """Whether ``a``'s names include every distinctive word of ``b``'s place."""
    words = place_words(b.place)
    return bool(words) and words <= set(a.terms)


def identifying_evidence(a: MemberProfile, b: MemberProfile, rarity: TermRarity = _NO_RARITY) -> list[str]:
    """The pieces of evidence, beyond type and day, that tie ``a`` and ``b`` to one happening."""
    pieces = []
    if a.place and a.place == b.place or _within(a, b, _SAME_PLACE_KM):
        pieces.append("same precise place")
    names = _shared_rarity(a, b, rarity) / _TERMS_SATURATE
    if names >= _NAMES_ONE_PIECE:
        pieces.append("rare names in common")
    if names >= _NAMES_TWO_PIECES or names >= _NAMES_ONE_PIECE and len(set(a.terms) & set(b.terms)) >= 3:
        pieces.append("several rare names in common")
    agreeing = _agreeing_nonzero_figures(a, b)
    if sum(low for _, low in agreeing) >= _FIGURES_IDENTIFY:
        pieces += [f"same {kind} figure" for kind in sorted({key.split("/")[0] for key, _ in agreeing})[:2]]
    return pieces


def _within(a: MemberProfile, b: MemberProfile, km: float) -> bool:
    distance = km_between(a, b)
    return distance is not None and distance <= km


def _agreeing_nonzero_figures(a: MemberProfile, b: MemberProfile) -> list[tuple[str, int]]:
    """(key, common lower bound) of figures both report above zero whose ranges agree (a zero identifies nothing)."""
    common = sorted(set(a.figures) & set(b.figures))
    lows = {key: min(a.figures[key][0] or 0, b.figures[key][0] or 0) for key in common}
    return [(key, lows[key]) for key in common
            if lows[key] > 0 and _figure_agreement(a.figures[key], b.figures[key]) == 1.0]


def _shared_rarity(a: MemberProfile, b: MemberProfile, rarity: TermRarity) -> float:
    return sum(rarity.weight(t) for t in set(a.terms) & set(b.terms))


def _family(event_type: str) -> str:
    if event_type in _VIOLENT:
        return "violence"
    return "unrest" if event_type in _UNREST else event_type


def _type(a: MemberProfile, b: MemberProfile) -> tuple[float, float, str]:
    if a.event_type == b.event_type:
        return 1.0, _WEIGHTS["type"], f"same event type {a.event_type}"
    return 0.5, _WEIGHTS["type"], f"compatible event types {a.event_type} / {b.event_type}"


def _date(a: MemberProfile, b: MemberProfile) -> tuple[float, float, str]:
    gap = days_between(a.date, b.date)
    if gap is None:
        return _missing("date", "a date is unknown")
    value = {0: 1.0, 1: 0.7, 2: 0.4}.get(gap, 0.1)
    return value, _WEIGHTS["date"], f"dates {gap} day(s) apart"


def _place(a: MemberProfile, b: MemberProfile) -> tuple[float, float, str]:
    distance = km_between(a, b)
    if a.place and a.place == b.place:
        return 1.0, _WEIGHTS["place"], f"same place {a.place}"
    if distance is None:
        return _missing("place", "a place is not geocoded")
    if distance > _SAME_PLACE_KM and places_unsure(a, b):
        return _missing("place", f"places {distance:.1f} km apart, one weak or named by both")
    value = 1.0 if distance <= 2 else max(0.0, 1 - (distance - 2) / 48)
    return value, _WEIGHTS["place"], f"places {distance:.1f} km apart"


def _actors(a: MemberProfile, b: MemberProfile) -> tuple[float, float, str]:
    if not a.actors or not b.actors:
        return _missing("actors", "actors not named by both")
    shared = set(a.actors) & set(b.actors)
    value = len(shared) / min(len(a.actors), len(b.actors))
    return value, _WEIGHTS["actors"], f"{len(shared)} actor(s) in common"


def _figures(a: MemberProfile, b: MemberProfile) -> tuple[float, float, str]:
    common = sorted(set(a.figures) & set(b.figures))
    if not common:
        return _missing("figures", "no figure of the same kind in both")
    agreement = sum(_figure_agreement(a.figures[key], b.figures[key]) for key in common) / len(common)
    return agreement, _WEIGHTS["figures"], f"figures agree on {agreement * len(common):.1f} of {len(common)}"


def _figure_agreement(first: list[int | None], second: list[int | None]) -> float:
    if first == second:
        return 1.0
    low = max(first[0] or 0, second[0] or 0)
    highs = [high for high in (first[1], second[1]) if high is not None]
    if not highs or low <= min(highs):
        return 1.0                               # the ranges overlap ("at least 2" and "5")
    return 0.5 if min(first[0] or 0, second[0] or 0) > 0 else 0.2


def _terms(a: MemberProfile, b: MemberProfile, rarity: TermRarity) -> tuple[float, float, str]:
    if not a.terms or not b.terms:
        return _missing("terms", "no names to compare")
    shared = sorted(set(a.terms) & set(b.terms), key=lambda t: (-rarity.weight(t), t))
    value = min(1.0, _shared_rarity(a, b, rarity) / _TERMS_SATURATE)
    shown = ", ".join(shared[:6])
    return value, _WEIGHTS["terms"], f"{len(shared)} name(s) in common{': ' + shown if shown else ''}"


def _missing(feature: str, reason: str) -> tuple[float, float, str]:
    return _MISSING, _WEIGHTS[feature] * _MISSING_WEIGHT_SHARE, reason


def days_between(first: str | None, second: str | None) -> int | None:
    """Whole days between two ISO days, or None when either is unknown or malformed."""
    if not first or not second:
        return None
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
    except ValueError:
        return None


def km_between(a: MemberProfile, b: MemberProfile) -> float | None:
    """Great-circle distance between the two places, or None when either is not geocoded."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
