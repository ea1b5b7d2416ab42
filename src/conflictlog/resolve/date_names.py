"""Date expressions that are part of a name, not the day of a happening.

Reports name movements, neighbourhoods and streets after days: "THE 19 APRIL MOVEMENT (M-19)",
"THE 27 SEPTEMBER NEIGHBORHOOD", the "22 APRIL" neighborhood choir. The entity recogniser
tags the day and month as a date; read as one, it would date the mention to a day long
past. A date quoted on its own, or followed by a word of ``name_words`` (date_words.json),
is such a name.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# How far after the expression its name word may be looked for.
_NAME_REACH = 30
_QUOTES = frozenset({'"', "\u201c", "\u201d"})


def names_a_thing(expression: str, sentence: str) -> bool:
    """True when ``expression``, as it stands in ``sentence``, is part of a name ("19 APRIL MOVEMENT")."""
    at = sentence.find(expression)
    if at < 0:
        return False
    end = at + len(expression)
    after = sentence[end:end + _NAME_REACH]
    quoted = at > 0 and sentence[at - 1] in _QUOTES and after[:1] in _QUOTES
    return quoted or bool(_name_after().match(after))


@lru_cache(maxsize=1)
def _name_after() -> re.Pattern[str]:
    raw = resources.files("conflictlog.resolve").joinpath("data", "date_words.json").read_text(encoding="utf-8")
    words = "|".join(map(re.escape, json.loads(raw)["name_words"]))
    # the closing quote of '"22 APRIL" NEIGHBORHOOD' may stand between the date and its noun
    return re.compile(rf"[\"\u201d]?\s+(?:{words})\b", re.IGNORECASE)
