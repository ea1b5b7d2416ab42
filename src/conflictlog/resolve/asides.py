"""Place names a sentence mentions in passing: where someone is from, was taken, or spoke.

A report names many places besides the scene, in set phrases that say what the place is to
the story (the words are data, ``data/place_words.json``):
- a place before a person noun is someone's home ("a 20-year-old Milwaukee man", "Santa Maria
  resident");
- a place before a street word names a street, not the town it is named after ("ON SAN ANTONIO
  ABAD STREET", kept with the scene cues);
- a place before a facility noun is where victims were taken ("TAKEN TO HUANCAYO HOSPITAL"),
  one before an organisation or a medium names who acted or who reports ("THE MEDELLIN
  CARTEL", "SAN SALVADOR RADIO CADENA YSKL REPORTS");
- a place after a statement cue is where someone spoke ("POLICE SOURCES IN CARTAGENA
  REPORTED", "REPORTED TODAY IN LIMA THAT"), one after a destination cue where someone or
  something went ("EXTRADITED TO THE UNITED STATES", "SENT TO WASHINGTON"); so is a place
  after "from", where someone, something or a report came from ("BROADCAST FROM SAN SALVADOR",
  "A BUS TRAVELING FROM USULUTAN", "GRENADES BROUGHT FROM ISRAEL"), or after a cue of where an
  envoy or a mayor serves, a summit met, residents live or a source is ("AMBASSADOR TO SPAIN",
  "according to the Missouri State Highway Patrol"; these cues are kept with the scene cues,
  ``data/scene_cues.json``);
- a place after a distance and a compass word is a reference point, and the scene lies
  elsewhere ("ABOUT 850 KM NORTH OF BOGOTA", "370 KM FROM BOGOTA").
Such a place is the event's place only as a last resort, after the document's country
(``resolver``): it says where the happening was not.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..models import Span
from .names import place_words

_NEXT_WORD = re.compile(r"[\s,]*([A-Za-z][\w-]*)")
# "850 KM NORTH OF", "15 miles southwest of the", "370 KM FROM": what comes before a reference point.
_DISTANCE_BEFORE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:km|kms|kilometers|kilometres|mi|miles)\.?\s+(?:(?:to the\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# How far back to look for a cue before a place name.
_LOOK_BACK = 60


def is_aside(text: str, span: Span) -> bool:
    """True when ``span`` names a home, a facility, a place of speaking or a reference point (module rules)."""
    following = _NEXT_WORD.match(text, span.end)
    if following is not None and following.group(1).casefold() in _nouns_after():
        return True
    before = text[max(0, span.start - _LOOK_BACK):span.start]
    return bool(_DISTANCE_BEFORE.search(before) or _statement_cue().search(before))


@lru_cache(maxsize=1)
def _nouns_after() -> frozenset[str]:
    return frozenset(place_words()["person_nouns"] + place_words()["facility_nouns"] + _scene_cues()["aside_nouns"])


@lru_cache(maxsize=1)
def _scene_cues() -> dict:
    # Cues of places named in passing kept with the scene cues (``data/scene_cues.json``); read
    # here, not through ``scene``, which needs the document context that needs this module.
    raw = resources.files("conflictlog.resolve").joinpath("data", "scene_cues.json").read_text(encoding="utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _statement_cue() -> re.Pattern[str]:
    words = place_words()
    cues = "|".join(re.escape(cue).replace(r"\ ", r"\s+")
                    for cue in words["statement_cues"] + words["destination_cues"] + _scene_cues()["aside_cues"])
    return re.compile(rf"\b(?:{cues})\s+(?:the\s+)?$", re.IGNORECASE)
