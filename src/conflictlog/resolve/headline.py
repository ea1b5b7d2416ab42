"""The scene named by a report's headline, when neither the story nor a dateline names one.

A web headline names the town the story may never repeat, in two places:
- the headline proper: the cue phrases of the story ("Man shot and killed in Frankford") and
  a town right before the word for what happened or for whom it hit ("Chapel Hill drive-by
  shooting", "Augusta man shot while fleeing gunman");
- the outlet after the last separator ("| The Augusta Chronicle", "« CBS Chicago",
  "- Chicago Tribune"): a local outlet covers its own city (of some size: "Local News -
  Home" is no outlet of Home, Pennsylvania), as an undated dateline does.
A town must be the main name of a populated place (``scene.populated_place``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Location
from .context import DocContext
from .gazetteer import Gazetteer
from .scene import find_scene, is_town_like, populated_place, scene_cues

_OUTLET_SEPARATOR = re.compile(r"\s(?:\||«|-|–|—)\s")
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
_LONGEST_NAME = 3
# An outlet is named after a city ("The Augusta Chronicle"), not after a hamlet that happens to
# share a word of its name ("Local News - Home": Home, Pennsylvania).
_OUTLET_CITY_POPULATION = 10_000


def headline_scene(title: str | None, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    """The town the headline names for the story (module rules), or None."""
    if not title:
        return None
    return headline_town(title, context, gazetteer) or outlet_town(title, context, gazetteer)


def headline_town(title: str | None, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    """The town the headline proper names (cue phrases only, not the outlet), or None."""
    headline = _OUTLET_SEPARATOR.split(title or "")[0]
    return find_scene(headline, context, gazetteer, title_case=True) or _before_cue(headline, context, gazetteer)


def outlet_town(title: str | None, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    """The city the outlet's name after the headline names ("| The Augusta Chronicle"), or None."""
    parts = _OUTLET_SEPARATOR.split(title or "")
    return _outlet_town(parts[-1] if len(parts) > 1 else "", context, gazetteer)


def _before_cue(headline: str, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    for match in _headline_cue().finditer(headline):
        name = match.group("name")
        found = populated_place(name, context, gazetteer) if is_town_like(name.split()) else None
        if found is not None:
            return found
    return None


def _outlet_town(outlet: str, context: DocContext, gazetteer: Gazetteer) -> Location | None:
    for run in _CAPITALISED_RUN.findall(outlet):
        # "Broad Street Media": a street's name is no outlet's city.
        for name in filter(lambda words: is_town_like(words.split()), _word_runs(run)):
            found = populated_place(name, context, gazetteer, _OUTLET_CITY_POPULATION)
            if found is not None:
                return found
    return None


def _word_runs(run: str) -> list[str]:
    # "The Augusta Chronicle" -> ..., "Augusta": longer runs first, leftmost first.
    words = run.split(" ")
    sizes = range(min(len(words), _LONGEST_NAME), 0, -1)
    return [" ".join(words[start:start + size]) for size in sizes for start in range(len(words) - size + 1)]


@lru_cache(maxsize=1)
def _headline_cue() -> re.Pattern[str]:
    words = "|".join(map(re.escape, scene_cues()["headline_before"]))
    return re.compile(rf"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}) (?i:{words})\b")
