"""A settlement a sentence names as such: "IN THE TOWN OF ANDAHUA", "near the village of Coris",
"in the city's Feltonville section".

Such a phrase says in so many words that the name is a town's, village's or neighbourhood's,
and it is where the sentence's happening was; in an all-capitals wire report the entity
recogniser often misses the name, and the gazetteer often lacks the village. So, for a
happening placed no more precisely than a district:
- a name so introduced that is the main name of a populated place the document's context
  allows (``scene.populated_place``) is the scene, at town precision;
- otherwise the name is still the scene's name (as ACLED names a village it cannot locate
  exactly), kept with the point and the precision of the coarser place already chosen (its
  district, region or country): the precision says how exactly the point is known.
The name ends at the first word that cannot be part of it ("IN THE TOWN OF CHULLAS YESTERDAY").
A wire report's "IN THIS CAPITAL", "OF THIS CITY" names its dateline's city, the place it was
filed from ("GUATEMALA CITY, 13 JAN 90 -- ... A BOMB EXPLODED IN THIS CAPITAL"): that city
is the scene too, when the gazetteer knows it as a town.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable
from functools import lru_cache

from ..models import GeoPrecision, Location
from .context import DocContext
from .gazetteer import Gazetteer
from .scene import populated_place, scene_cues

_SETTLEMENT_WORDS = "town|village|city|hamlet|neighborhood|neighbourhood|suburb|settlement|canton"
_WORD = r"[A-Z][\w'-]*"
_THIS_CITY = re.compile(r"\b(?:in|of|near|outside) this (?:capital|city)\b", re.IGNORECASE)
# A happening placed this coarsely may be made specific by a settlement its sentence names.
_COARSE = frozenset({GeoPrecision.DISTRICT, GeoPrecision.REGION, GeoPrecision.COUNTRY, None})


def named_settlement(sentence: str, coarse: Location, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    """The settlement ``sentence`` names as such (module rules) as the scene, over ``coarse``; None if it names none
    or ``coarse`` is already a town."""
    if coarse.precision not in _COARSE:
        return None
    match = _settlement_phrase().search(sentence)
    name = _name_of(match.group("name") or match.group("part")) if match else None
    if name is None:
        return None
    town = populated_place(name, context, gazetteer)
    if town is not None:
        return dataclasses.replace(town, text=name)
    return dataclasses.replace(coarse, text=name, name=_readable(name), geonames_id=None)


def dateline_city_meant(sentence: str, coarse: Location,
                        dateline_city: Callable[[], Location | None]) -> Location | None:
    """The dateline's city when ``sentence`` calls the scene "this city" or "this capital" (module rules), else None.

    ``dateline_city`` finds the city; it is asked only when the sentence says so.
    """
    match = _THIS_CITY.search(sentence) if coarse.precision in _COARSE else None
    city = dateline_city() if match else None
    if city is None or city.precision != GeoPrecision.TOWN:
        return None
    if coarse.country_code not in (None, city.country_code):  # placed in another country by its sentence
        return None
    return dataclasses.replace(city, text=match.group(0))


def _name_of(words: str) -> str | None:
    kept: list[str] = []
    for word in words.split(" "):
        if word.casefold() in _stop_words():
            break
        kept.append(word)
    return " ".join(kept) or None


def _readable(name: str) -> str:
    # "SAN JOSE GUAYABAL" -> "San Jose Guayabal"; a name written in mixed case is kept as written.
    return string.capwords(name) if name.isupper() else name


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    cues = scene_cues()
    return frozenset(word.casefold() for word in cues["time_words"] + cues["name_stop_words"])


@lru_cache(maxsize=1)
def _settlement_phrase() -> re.Pattern[str]:
    # The cue words in any case; the name's words capitalised ("the town of Coris", "THE TOWN OF CORIS").
    # "in the city's Feltonville section": a part of the city the report covers.
    return re.compile(rf"\b(?i:in|at|near|of) (?i:the )?(?i:{_SETTLEMENT_WORDS}) (?i:of) "
                      rf"(?P<name>{_WORD}(?: {_WORD}){{0,3}})"
                      rf"|\b(?i:in) (?i:the) (?i:city|town)['’]s (?P<part>{_WORD}(?: {_WORD}){{0,2}}) "
                      rf"(?i:section|neighborhood|neighbourhood)\b")
