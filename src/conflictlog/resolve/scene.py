"""The scene of a local report read from its wording, when no mention named a resolvable place.

Local news often names its town only in phrases the entity recogniser does not tag as places:
"shot while walking on the 800 block of Cadillac Drive in Ceres", "Cicero officials say",
"shot by Burbank police", "in northwest Fresno", "The Goldsboro Police Department". Without
them every event of the report would have no place at all. So the text is scanned for a
capitalised name of up to three words right after "in"/"near"/"south of"/... (a compass word
may come between) or right before "police"/"officials"/... (in any case); the first such name
(without a leading article: "The Goldsboro" -> "Goldsboro"; never a county's) that is the main
name of a populated place in the gazetteer is the scene, the namesake chosen by the document's
context as for any place span, and refused, as any place is, when far from everything the
document points at ("Officer" is no scene in Australia for a Chicago report). A capitalised
compass word may begin a town's own name ("in West Allis"). A language ("in Spanish") is no
name. Alternate names are not enough here ("Bonner" is an alternate name of a Washington): a
bare word in running text must be the place's own name to count. A street is no town: a name a
street word follows or contains ("at Concord and Market streets", "Broad Street") is skipped,
and so is a possessive with either apostrophe ("at Mason’s home"). A day or month after the
name is no part of it ("in southwest Houston Sunday" is Houston). A town whose own name begins
with an article is found without it ("in Bronx": The Bronx), under the name the report gives.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..models import Location
from .context import DocContext
from .gazetteer import Gazetteer
from .geo import PlaceQuery, fits_context, score, to_location
from .names import name_key, without_article

_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_ARTICLES = frozenset({"The", "A", "An", "This", "That"})
_UNIT_WORDS = frozenset({"County", "Parish", "Township", "District", "State"})


def find_scene(text: str, context: DocContext, gazetteer: Gazetteer, title_case: bool = False) -> Location | None:
    """The first cue-named populated place of ``text`` (module rules), or None.

    ``title_case``: ``text`` is a headline whose words are all capitalised ("Officer Shot In
    Leg In Dorchester"), so a cue word may be too.
    """
    for match in _cue_pattern(title_case).finditer(text):
        for name in _names_of(match):
            town = _town_name(name)
            found = populated_place(town, context, gazetteer) if town else None
            if found is not None:
                return found
    return None


def _names_of(match: re.Match[str]) -> list[str]:
    # "in West Allis", "in East Orange" are towns of their own; "in northwest Fresno" is Fresno.
    if match.group("after"):
        return [match.group("after")]
    compass = match.group("compass")
    if compass and compass[0].isupper():
        return [f"{compass} {match.group('before')}", match.group("before")]
    return [match.group("before")]


def _town_name(name: str) -> str | None:
    # "The Goldsboro Police": a leading article is no part of a name. "Salt Lake County
    # Sheriff", "Harris County Sheriff": a county is no town, and neither is a piece of its name.
    words = name.split(" ")
    if words[0] in _ARTICLES:
        words = words[1:]
    while words and words[-1] in _cue_words("time_words"):  # "in southwest Houston Sunday"
        words = words[:-1]
    if not words or _UNIT_WORDS & set(words) or " ".join(words) in _cue_words("not_names"):
        return None
    if not is_town_like(words):  # "in Broad Street"
        return None
    return " ".join(words)


def is_town_like(words: list[str]) -> bool:
    """False when one of ``words`` ends a street's name ("Broad Street", "Elm Avenue"): such a name is no town's."""
    return not any(word.casefold() in _cue_words("street_words") for word in words)


def populated_place(name: str, context: DocContext, gazetteer: Gazetteer,
                    min_population: int = 0) -> Location | None:
    """The populated place whose main name is ``name`` (at least ``min_population`` people), the namesake
    the context prefers; None if there is none."""
    key = name_key(name)
    query = PlaceQuery(name)
    towns = [p for p in gazetteer.candidates(key)
             if p.feature_class == "P" and key in (name_key(p.name), name_key(without_article(p.name)))
             and p.population >= min_population and fits_context(p, context)]
    if not towns:
        return None
    best = max(towns, key=lambda place: score(place, query, context))
    # "in Bronx" is The Bronx, named as the report names it.
    return to_location(name, best, name=name if name_key(best.name) != key else None)


@lru_cache(maxsize=1)
def scene_cues() -> dict:
    """The packaged cue words of scene phrases (``data/scene_cues.json``), read once per process."""
    raw = resources.files("conflictlog.resolve").joinpath("data", "scene_cues.json").read_text(encoding="utf-8")
    return json.loads(raw)


@lru_cache(maxsize=None)
def _cue_words(kind: str) -> frozenset[str]:
    # "yelled in Spanish": a language after a cue is no town, though GeoNames knows a Spanish, Ontario.
    return frozenset(scene_cues()[kind])


@lru_cache(maxsize=2)
def _cue_pattern(title_case: bool) -> re.Pattern[str]:
    cues = scene_cues()
    before = "|".join(map(re.escape, cues["before"]))
    before = f"(?i:{before})" if title_case else before
    compass = "|".join(map(re.escape, cues["compass"]))
    after = "|".join(map(re.escape, cues["after"]))
    streets = "|".join(map(re.escape, cues["street_words"]))
    # "at Billy Hardwick's All Star Lanes": a name whose next word is a possessive is the start
    # of a person's or a business's name, not a town ("Billy"); nor is one that is a possessive
    # ("at Mason's home", with either apostrophe). "at Concord and Market streets": a name that
    # a street word follows is a street's.
    return re.compile(rf"\b(?:{before}) (?:(?P<compass>(?i:{compass})) )?(?P<before>(?>{_NAME}))\b(?!['’])"
                      rf"(?! [A-Z][\w-]*['’]s\b)(?! (?:and [A-Z][a-z]+ )?(?i:{streets})\b)"
                      rf"|\b(?P<after>{_NAME})(?:['’]s)? (?i:{after})\b")
