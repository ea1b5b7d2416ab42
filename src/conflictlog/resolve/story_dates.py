"""The date a story gives for what happened, read from its own text when no mention states one.

A report often names the day of the happening in a sentence that yields no mention ("The
incident happened Saturday night near Martin Street"), or in a date the entity recogniser
missed. Without it every mention of the report would take the publication day, which in
local news is usually the day after the happening. So the story's text is scanned for
weekday names and relative days ("Saturday night", "yesterday", "last night and early this
morning"), days of a month after "on" ("IT HAPPENED ON 5 JULY") or before a happening noun
("THE 31 OCTOBER DYNAMITE ATTACK"), read against the publication day like any date span, and
the first plausible one is the story's date. A day of a month without "on" is often a name
("19 APRIL MOVEMENT", "THE 27 SEPTEMBER NEIGHBORHOOD") and is not read.

A day that only says when something was said ("police said Thursday", "Updated 11 a.m.
Thursday", "(11:30 A.M. Monday)", "REPORTED TODAY THAT", "according to military sources
today") or when a later step followed ("was arrested in Chicago Saturday", "held a vigil
Thursday night") dates the report or the aftermath, not the happening: it is skipped here,
and the resolver does not take it as a mention's stated date.

A coarse date ("last week", "in January") is sharpened by a day the story names within it
("last week ... Wednesday night"): both tell of the same happening, the day more exactly.
"""

from __future__ import annotations

import calendar
import dataclasses
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from ..models import DatePrecision
from .dates import ResolvedDate, interpret

_LOOK_BEHIND = 40
_CLOCK_PERIODS = re.compile(r"(?<![a-z])([ap])\.\s?m\.", re.IGNORECASE)
# A week-precision date stands for a week around its day ("last week": seven days before publication).
_WEEK_REACH = timedelta(days=6)


def story_date(text: str, start: int, reference: date) -> ResolvedDate | None:
    """The first plausible happening date named in ``text`` from ``start`` on, read against ``reference``."""
    for match in _cue("expression").finditer(text, start):
        if dates_a_statement(text, match.start(), match.end()):
            continue
        found = interpret(match.group(0), reference)
        if found.plausible:
            return ResolvedDate(found.date, found.precision, found.flag, stated=True)
    return None


def dates_a_statement(text: str, start: int, end: int) -> bool:
    """True when the date expression at ``text[start:end]`` says when something was said, or when a
    later step followed (an arrest, a court date, a funeral), not when it happened."""
    # "at 11 p.m. last night": the periods of a clock time end no clause.
    before = _CLOCK_PERIODS.sub(r"\1m", text[max(0, start - _LOOK_BEHIND):start])
    after = text[end:end + _LOOK_BEHIND]
    return bool(_cue("said_before").search(before)
                or _dates_an_aftermath(before)
                or _cue("said_after").search(after)
                or (before.rfind("(") > before.rfind(")") and ")" in after))


def sharpen_coarse_dates(dates: list[ResolvedDate]) -> None:
    """Replace, in place, each week- or month-precision date by the first plausible day the document names within it."""
    days = [found for found in dates if found.plausible and found.precision == DatePrecision.DAY]
    for index, found in enumerate(dates):
        if found.date is None or found.precision not in (DatePrecision.WEEK, DatePrecision.MONTH):
            continue
        first, last = _reach(found)
        inside = next((day for day in days if first <= date.fromisoformat(day.date) <= last), None)
        if inside is not None:
            dates[index] = dataclasses.replace(inside)


def _reach(found: ResolvedDate) -> tuple[date, date]:
    start = date.fromisoformat(found.date)
    if found.precision == DatePrecision.MONTH:
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start - _WEEK_REACH, start + _WEEK_REACH


def _dates_an_aftermath(before: str) -> bool:
    # "was arrested in Chicago Saturday", "held a vigil Thursday night": the day of a later step;
    # but "arrested after a shooting Saturday" dates the shooting.
    cue = _cue("aftermath_before").search(before)
    return bool(cue) and not _cue("happening_words").search(cue.group(0))


@lru_cache(maxsize=None)
def _cue(name: str) -> re.Pattern[str]:
    # compiled once each, rather than looked up in the re module's cache on every call
    return re.compile(_cues()[name], re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    raw = resources.files("conflictlog.resolve").joinpath("data", "story_date_cues.json").read_text(encoding="utf-8")
    return {key: value for key, value in json.loads(raw).items() if key != "about"}
