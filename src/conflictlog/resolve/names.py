"""Name keys: the form under which places are indexed and looked up.

"Xankəndi", "XANKENDI" and "Xankendi," all become ``xankendi``; "Nagorno-Karabakh" and
"Nagorno Karabakh" both become ``nagorno karabakh``. Names in non-Latin scripts give no key
(reports are read in English, and indexing them would only add noise).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Latin letters that Unicode decomposition does not reduce to ASCII.
_FOLD = str.maketrans({
    "ə": "e", "ǝ": "e", "ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l",
    "đ": "d", "ð": "d", "þ": "th", "ħ": "h", "ŧ": "t",
})
# Apostrophes and modifier letters inside transliterations ("Gegark'unik'", "Sol'deu") vanish.
_APOSTROPHES = re.compile(r"['’‘`ʼʻʹ]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a place name: lower case, no diacritics, punctuation as single spaces."""
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    ascii_only = _APOSTROPHES.sub("", ascii_only)
    return _NON_WORD.sub(" ", ascii_only).strip()


def is_latin(name: str) -> bool:
    """True when most letters of ``name`` are Latin (so its key is a fair spelling of it)."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin * 2 > len(letters)


_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def without_article(name: str) -> str:
    """``name`` without a leading "the" ("THE UNITED STATES" -> "UNITED STATES")."""
    return _ARTICLE.sub("", name.strip())


@lru_cache(maxsize=1)
def place_words() -> dict:
    """The words around place names in report text (``data/place_words.json``): units and
    qualifiers for lookup (``geo``), and the nouns and cues of places named in passing (``asides``)."""
    raw = resources.files("conflictlog.resolve").joinpath("data", "place_words.json").read_text(encoding="utf-8")
    return json.loads(raw)
