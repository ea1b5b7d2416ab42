"""Truecasing for ALL-CAPS reports, keeping every character at its offset.

Headline-style: lower-case everything, then capitalise sentence starts, known names and
the words of personal names after a title ("GENERAL JUAN RAFAEL BUSTILLO"), keep known
acronyms upper case, and give acronym expansions in brackets ("FMLN [FARABUNDO MARTI
NATIONAL LIBERATION FRONT]") capitals. Title-casing every word would glue verbs into
names ("Morales Said"), so words are capitalised only on evidence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'\-]*")
_BRACKETED = re.compile(r"[\[(]([A-Z][A-Z .,'\-]{3,80})[\])]")
# A colon starts a sentence only before a quotation; "--" only as a dateline or aside dash
# ("SAN SALVADOR, 3 JAN 90 --"), not inside "BUT--LIKE IN PANAMA".
_SENTENCE_START = re.compile(
    r"(?:\A|[.!?]\s+|:\s+(?=[\"\u201c])|\n\s*|\s--\s*(?:\[[^\]\n]*\]\s*)*)[\"\u201c]?\s*([a-z])")
_INITIALS = re.compile(r"(?:\b[a-z]\.)+$")
_NAME_SUFFIXES_NOT = ("s", "ed", "ing", "ly")
_ACRONYM_AFTER = re.compile(r"\s[\[(]([A-Z]{2,6})[\])]")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "del", "y"})
_UPPER_SHARE = 0.8


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("conflictlog.text").joinpath("lexicons/truecase.json").read_text())
    return {
        "acronyms": frozenset(raw["acronyms"]),
        "names": frozenset(word.lower() for word in raw["names"]),
        "titles": frozenset(raw["titles"]),
        "name_stops": frozenset(raw["name_stops"]),
        "place_prefixes": frozenset(raw["place_prefixes"]),
        "abbreviations": frozenset(raw["abbreviations"]),
    }


def is_all_caps(text: str) -> bool:
    """Whether the letters of ``text`` are (almost) all upper case, as in MUC-4 wire text."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= _UPPER_SHARE


def truecase(text: str) -> str:
    """``text`` in headline-style case; the result has exactly the length of ``text``."""
    lex = _lexicon()
    chars = list(text.lower())
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group()
        if word in lex["acronyms"] or word.rstrip(".,") in lex["acronyms"]:
            chars[match.start():match.end()] = word
        elif _bare(word) in lex["names"]:
            chars[match.start()] = word[0]
    personal_names = _capitalise_after_titles(words, chars, lex)
    _capitalise_expansions(text, chars)
    _capitalise_spelled_out(words, chars)
    _capitalise_everywhere(personal_names, words, chars)
    _capitalise_place_prefixes(words, chars, lex)
    lowered = "".join(chars)
    for match in _SENTENCE_START.finditer(lowered):
        if not _ends_in_abbreviation(lowered, match.start(), lex):
            chars[match.start(1)] = chars[match.start(1)].upper()
    return "".join(chars)


def _ends_in_abbreviation(text: str, position: int, lex: dict[str, frozenset[str]]) -> bool:
    """Whether the period at ``position`` closes "u.s." or "gen." rather than a sentence."""
    if text[position:position + 1] != ".":
        return False
    before = text[max(0, position - 12):position + 1].split()
    last = before[-1].lower() if before else ""
    return last in lex["abbreviations"] or _INITIALS.search(last) is not None


def _bare(word: str) -> str:
    """A word without its possessive or trailing period, lower case ("SALVADOR'S" -> "salvador")."""
    lower = word.lower().rstrip(".")
    return lower[:-2] if lower.endswith("'s") else lower


def _capitalise_everywhere(names: set[str], words: list[re.Match[str]], chars: list[str]) -> None:
    """A personal name seen after a title ("general Bustillo") is a name wherever it recurs."""
    names = {name for name in names if len(name) > 3 and name.isalpha() and not name.endswith(_NAME_SUFFIXES_NOT)}
    for word in words:
        if _bare(word.group()) in names:
            chars[word.start()] = word.group()[0]


def _capitalise_place_prefixes(words: list[re.Match[str]], chars: list[str], lex: dict[str, frozenset[str]]) -> None:
    """ "san Salvador", "el Salvador", "puerto Barrios": a Spanish article or saint before a name."""
    for word, following in zip(words, words[1:]):
        gap = "".join(chars[word.end():following.start()])
        if word.group().lower() in lex["place_prefixes"] and gap == " " and chars[following.start()].isupper():
            chars[word.start()] = word.group()[0]


def _capitalise_after_titles(words: list[re.Match[str]], chars: list[str], lex: dict[str, frozenset[str]]) -> set[str]:
    """Capitalise up to three words after a title, stopping at a function word or punctuation;
    the capitalised words (lower case) are returned."""
    capitalised: set[str] = set()
    for index, match in enumerate(words):
        if match.group().lower() not in lex["titles"]:
            continue
        previous_end = match.end()
        for following in words[index + 1:index + 4]:
            gap = "".join(chars[previous_end:following.start()])
            if gap.strip() or following.group().lower() in lex["name_stops"] | lex["titles"]:
                break
            chars[following.start()] = following.group()[0]
            capitalised.add(_bare(following.group()))
            previous_end = following.end()
    return capitalised


def _capitalise_expansions(text: str, chars: list[str]) -> None:
    """Bracketed expansions of acronyms are proper names: give each of their words a capital."""
    for match in _BRACKETED.finditer(text):
        for word in _WORD.finditer(match.group(1)):
            if len(word.group()) > 3 or word.group() not in {"OF", "THE", "AND", "FOR"}:
                chars[match.start(1) + word.start()] = word.group()[0]


def _capitalise_spelled_out(words: list[re.Match[str]], chars: list[str]) -> None:
    """Capitalise the words an acronym spells ("FARABUNDO MARTI ... FRONT [FMLN]")."""
    text = "".join(chars)
    for acronym in _ACRONYM_AFTER.finditer(text.upper()):
        before = [w for w in words if w.end() <= acronym.start()]
        content: list[re.Match[str]] = []
        for word in reversed(before):
            if word.group().lower() in _FUNCTION_WORDS:
                continue
            content.insert(0, word)
            if len(content) == len(acronym.group(1)):
                break
        # Spanish acronyms spell the words in another order (FMLN), so compare letters as a multiset.
        if sorted(w.group()[0].upper() for w in content) == sorted(acronym.group(1)):
            for word in content:
                chars[word.start()] = word.group()[0].upper()
