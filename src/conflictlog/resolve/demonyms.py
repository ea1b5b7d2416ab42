"""Countries a report points at by their adjectives ("THE SALVADORAN ARMY", "Peruvian police").

A wire report filed abroad ("MOSCOW (USSR), 6 JUL 89 --") often names the country it is about
only by its adjective ("IN THE PERUVIAN PORT OF CALLAO"); without that evidence the filing
country would be taken for the scene's. The adjectives are data (``data/demonyms.json``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources


def demonym_countries(text: str) -> Counter[str]:
    """ISO country codes of the nationality adjectives (or their plurals) ``text`` uses, with how often."""
    table = _demonyms()
    return Counter(table[match.group(1).lower()] for match in _pattern().finditer(text))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    raw = resources.files("conflictlog.resolve").joinpath("data", "demonyms.json").read_text(encoding="utf-8")
    return json.loads(raw)["demonyms"]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in sorted(_demonyms(), key=len, reverse=True))
    return re.compile(rf"\b({words})s?\b", re.IGNORECASE)
