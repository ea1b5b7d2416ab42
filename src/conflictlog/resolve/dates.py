"""Dates of events, anchored to the publication date of the report.

- Relative phrases ("yesterday", "last night", "this morning", "9 DAYS AGO") count back from publication.
- Weekday names mean the most recent such day, publication day included ("Tuesday" in a report
  of Tuesday 2023-09-19 is 2023-09-19; "last Tuesday" is the one before).
- Explicit dates go to dateparser after hedge words and times of day are removed; a date
  without a year that would fall after publication is moved back a year ("Jan. 27" in a report
  of 5 March is last year's), unless it falls within a month after publication: that is a
  scheduled date ("in court Jan. 19"), kept and flagged. Month-only and year-only dates get month and year precision.
- A date after publication or more than a year before it is flagged. A date far before is
  used only when no span of the mention gives a plausible one; a date after publication is
  a scheduled one ("in court Jan. 19") and never the happening's.
- "last" before a date is a hedge ("LAST 9 AUGUST" is 9 August, "last April" the month).
- A date that is part of a name ("19 APRIL MOVEMENT", the "22 APRIL" neighborhood) dates nothing
  (``date_names``).
- A span of days starts on its first ("20 AND 21 NOVEMBER" is 20 November).
- A bare month takes the day number the recogniser left before it ("ON THE MORNING OF 26
  |OCTOBER", "THE 16 |NOVEMBER ASSASSINATION").
- When a sentence names the report's own day and an earlier day ("BODIES WERE FOUND TODAY
  AFTER ... KIDNAPPED YESTERDAY"), the earlier one is the happening's: the report's day dates
  the news (a finding, a statement).
- An expression must name a day, month or year: bare numbers ("32", "1418", "65th") are
  ages, addresses and times, not dates; a year alone counts only from 1900 to the reference
  year; 24-hour clock times ("AT 1625", "1930 HOURS") are times, not years.
- Fixed-date holidays ("Christmas Eve") mean their most recent occurrence.
- A happening that runs from one night into the next morning ("late last night and early this
  morning", "Monday night and early Tuesday morning", "began at 2200 last night and ended at
  0500 today") is dated by the later day, the day its reports and their readers date it by.
- Without any expression: the publication date, with day precision when the sentence reads
  like same-day reporting (present perfect, "today", "this morning"), else week precision.
"""

from __future__ import annotations

import calendar
import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from dateparser.date import DateDataParser

from ..models import DatePrecision, Span
from .date_names import names_a_thing

_FAR_BEFORE = timedelta(days=366)
# A yearless date up to this far after publication is a scheduled one ("will appear in court
# Jan. 19"), flagged; one further ahead is last year's.
_SOON_AFTER = timedelta(days=31)
_WEEKDAYS = {name: index for index, names in enumerate([
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
]) for name in names}
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?")
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): index for index, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = re.compile(r"\b(" + _MONTH_NAMES + r")\b\.?")
_DAY_SPAN = re.compile(r"\b(\d{1,2})\s*(?:and|to|through|-|–)\s*\d{1,2}\s+(" + _MONTH_NAMES + r")\b")
# "Monday night and early Tuesday morning": two days joined in one expression.
_JOINED = re.compile(r"\s+(?:and|into|until|till)\s+", re.IGNORECASE)
_MAX_JOIN = 30
# A night, or a late hour of the evening ("2200", "11 p.m."), that a happening may run on from.
_NIGHT = re.compile(r"\b(?:night|evening|late|(?:9|1[01])(?::\d\d)?\s*p\.?\s?m\b|2[1-3][0-5]\d)")
_BARE_MONTH = re.compile(r"(?:" + _MONTH_NAMES + r")\.?(?:,? \d{4})?", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? $")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_MONTH_ONLY = re.compile(r"^(?P<month>[a-z]+)\.?,?(?: (?P<year>\d{4}))?$")
# "2023", "'89" or the two-digit year closing a "30 DEC 89" style date.
_EXPLICIT_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b|\b\d{1,2} [a-z]{3,9}\.? \d{2}$")
# What makes an expression name a calendar day: a month name, a year of this or last century,
# a day/month pair written with digits, or an ISO date.
_CALENDAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}\b")
_FIRST_YEAR = 1900
_PERIODS = {"day": DatePrecision.DAY, "time": DatePrecision.DAY, "week": DatePrecision.WEEK,
            "month": DatePrecision.MONTH, "year": DatePrecision.YEAR}


class DateFlag(StrEnum):
    """Why a resolved date is doubtful."""

    AFTER_PUBLICATION = "after_publication"
    FAR_BEFORE_PUBLICATION = "far_before_publication"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """An event date (ISO day; the first day of a month or year at those precisions) and how sure it is."""

    date: str | None
    precision: DatePrecision | None
    flag: DateFlag | None = None
    stated: bool = False             # read from a date expression (not the publication-date default)

    @property
    def plausible(self) -> bool:
        """True for a date that is set and not flagged."""
        return self.date is not None and self.flag is None


NO_DATE = ResolvedDate(None, None, None)


def resolve_date(date_spans: list[Span], sentence: Span | str | None, published: str | None,
                 dateline_date: str | None = None) -> ResolvedDate:
    """The date of a mention from its DATE/TIME spans, the sentence they are in and the report's date."""
    reference = reference_day(published, dateline_date)
    if reference is None:
        return NO_DATE
    sentence_text = _text_of(sentence)
    texts = [with_day_before(span.text, sentence_text) for span in date_spans
             if not names_a_thing(span.text, sentence_text)]
    named = [(text, interpret(text, reference)) for text in texts]
    found = [item for _, item in named if item.date]
    plausible = [item for item in found if item.plausible]
    overnight = _overnight_in(sentence_text, [text for text, item in named if item.plausible], reference)
    if overnight is not None:
        return dataclasses.replace(overnight, stated=True)
    # A date after publication is a scheduled one (a hearing, a vote): never the happening's.
    usable = plausible or [item for item in found if item.flag != DateFlag.AFTER_PUBLICATION]
    if usable:
        return dataclasses.replace(_happening_day(usable, reference), stated=True)
    return default_date(_text_of(sentence), reference)


def reference_day(published: str | None, dateline_date: str | None = None) -> date | None:
    """The day dates are counted from: the publication day, else the dateline's date."""
    if published:
        day = _iso_day(published)
        if day:
            return day
    if dateline_date:
        result = interpret(dateline_date, date.today())
        return date.fromisoformat(result.date) if result.date and result.precision == DatePrecision.DAY else None
    return None


def default_date(sentence: str, reference: date) -> ResolvedDate:
    """The date of a mention whose text names none: publication day, at day or week precision."""
    cues = _words()["today_cues"]
    same_day = any(re.search(cue, sentence, re.IGNORECASE) for cue in cues)
    return ResolvedDate(reference.isoformat(), DatePrecision.DAY if same_day else DatePrecision.WEEK)


@lru_cache(maxsize=8192)
def interpret(text: str, reference: date) -> ResolvedDate:
    """One date expression read against ``reference`` (cached: the same spans recur across mentions)."""
    lowered = " ".join(text.lower().split())
    parts = _JOINED.split(lowered)
    if len(parts) == 2:
        overnight = past_midnight(parts[0], parts[1], reference)
        if overnight is not None:
            return overnight
    for reader in (_relative, _days_ago, _weekday, _holiday):
        found = reader(lowered, reference)
        if found:
            return _flagged(found, reference)
    cleaned = clean(lowered)
    if not cleaned or set(cleaned.split()) & set(_words()["vague"]) or not names_calendar(cleaned):
        return NO_DATE
    found = _year_or_month(cleaned, reference) or _parsed(cleaned, reference)
    return _flagged(found, reference) if found and found.date else NO_DATE


def _happening_day(usable: list[ResolvedDate], reference: date) -> ResolvedDate:
    # "THE BODIES WERE FOUND TODAY ... AFTER THEY WERE KIDNAPPED YESTERDAY": the day of the
    # report names the news (a finding, a statement); an earlier day in the sentence, the happening.
    first = usable[0]
    if first.date != reference.isoformat():
        return first
    earlier = [item for item in usable[1:] if item.precision == DatePrecision.DAY and item.date < first.date]
    return earlier[0] if earlier else first


def with_day_before(expression: str, sentence: str) -> str:
    """A month name with the day number the recogniser left before it ("ON THE MORNING OF 26 |OCTOBER")."""
    if not _BARE_MONTH.fullmatch(expression.strip()):
        return expression
    at = sentence.find(expression)
    day = _DAY_BEFORE.search(sentence[max(0, at - 8):at]) if at > 0 else None
    return f"{day.group(1)} {expression}" if day else expression


def past_midnight(night: str, morning: str, reference: date) -> ResolvedDate | None:
    """The day of ``morning`` when ``night`` names a night and ``morning`` the day after it; else None."""
    first, second = interpret(night, reference), interpret(morning, reference)
    if not (first.plausible and second.plausible and _NIGHT.search(night.lower())):
        return None
    if DatePrecision.DAY != first.precision or DatePrecision.DAY != second.precision:
        return None
    following = date.fromisoformat(first.date) + timedelta(days=1)
    return second if second.date == following.isoformat() else None


def clean(lowered: str) -> str:
    """A date expression without times of day, hedge words, weekday names (with a date) or punctuation."""
    # "20 AND 21 NOVEMBER", "20-21 November": a span of days starts on its first.
    text = _DAY_SPAN.sub(r"\1 \2", lowered)
    for pattern in _words()["times_of_day"]:
        text = re.sub(pattern, " ", text)
    if _MONTH.search(text) or re.search(r"\d", text):
        text = _WEEKDAY.sub(" ", text)
    hedges = "|".join(re.escape(h) for h in sorted(_words()["hedges"], key=len, reverse=True))
    text = re.sub(rf"(?<![\w'])(?:{hedges})(?![\w])", " ", text)
    text = re.sub(r"[,;()\[\]\-–—]+", " ", text)
    return " ".join(text.split()).strip(" .")


def names_calendar(cleaned: str) -> bool:
    """True when a cleaned expression names a month or a year, or writes a day with digits."""
    return bool(_MONTH.search(cleaned) or _CALENDAR.search(cleaned))


def _holiday(lowered: str, reference: date) -> ResolvedDate | None:
    for name, (month, day) in sorted(_words()["holidays"].items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(name)}\b", lowered):
            found = date(reference.year, month, day)
            return ResolvedDate((found if found <= reference else _year_back(found)).isoformat(), DatePrecision.DAY)
    return None


def _relative(lowered: str, reference: date) -> ResolvedDate | None:
    for phrase, (days_back, period) in sorted(_words()["relative_days"].items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            day = reference - timedelta(days=days_back)
            precision = _PERIODS[period]
            return ResolvedDate(_period_start(day, precision).isoformat(), precision)
    return None


def _days_ago(lowered: str, reference: date) -> ResolvedDate | None:
    # "9 DAYS AGO", "two days ago": counted back from the reference day.
    match = _days_ago_pattern().search(lowered)
    if not match:
        return None
    count = match.group(1)
    days = int(count) if count.isdigit() else _words()["counts"][count]
    return ResolvedDate((reference - timedelta(days=days)).isoformat(), DatePrecision.DAY)


def _weekday(lowered: str, reference: date) -> ResolvedDate | None:
    match = _WEEKDAY.search(lowered)
    # With a month or a day number the expression is an explicit date, read by dateparser.
    if not match or _MONTH.search(lowered) or re.search(r"\d", _times_removed(lowered)):
        return None
    back = (reference.weekday() - _WEEKDAYS[match.group(1)]) % 7
    if back == 0 and re.search(r"\blast\b", lowered):
        back = 7
    return ResolvedDate((reference - timedelta(days=back)).isoformat(), DatePrecision.DAY)


def _year_or_month(cleaned: str, reference: date) -> ResolvedDate | None:
    if year := _YEAR_ONLY.match(cleaned):
        if not _FIRST_YEAR <= int(year.group(1)) <= reference.year:
            return NO_DATE
        return ResolvedDate(f"{year.group(1)}-01-01", DatePrecision.YEAR)
    match = _MONTH_ONLY.match(cleaned)
    if not match or match.group("month") not in _MONTHS:
        return None
    month = _MONTHS[match.group("month")]
    year = int(match.group("year")) if match.group("year") else reference.year
    if not match.group("year") and date(year, month, 1) > reference:
        year -= 1
    return ResolvedDate(date(year, month, 1).isoformat(), DatePrecision.MONTH)


def _parsed(cleaned: str, reference: date) -> ResolvedDate | None:
    data = _parser(reference).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    precision = _PERIODS.get(data.period or "day", DatePrecision.DAY)
    day = data.date_obj.date()
    if day - reference > _SOON_AFTER and not _EXPLICIT_YEAR.search(cleaned):
        day = _year_back(day)
    return ResolvedDate(_period_start(day, precision).isoformat(), precision)


def _flagged(found: ResolvedDate, reference: date) -> ResolvedDate:
    start = date.fromisoformat(found.date)
    if start > reference:
        return ResolvedDate(found.date, found.precision, DateFlag.AFTER_PUBLICATION)
    if reference - _period_end(start, found.precision) > _FAR_BEFORE:
        return ResolvedDate(found.date, found.precision, DateFlag.FAR_BEFORE_PUBLICATION)
    return found


def _period_start(day: date, precision: DatePrecision) -> date:
    if precision == DatePrecision.YEAR:
        return date(day.year, 1, 1)
    if precision == DatePrecision.MONTH:
        return date(day.year, day.month, 1)
    return day


def _period_end(start: date, precision: DatePrecision | None) -> date:
    if precision == DatePrecision.YEAR:
        return date(start.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _year_back(day: date) -> date:
    # 29 February has no twin a year earlier: fall back to the 28th.
    return day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else date(day.year - 1, 2, 28)


def _times_removed(text: str) -> str:
    for pattern in _words()["times_of_day"]:
        text = re.sub(pattern, " ", text)
    return text


def _iso_day(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _overnight_in(sentence: str, expressions: list[str], reference: date) -> ResolvedDate | None:
    # Two date expressions of one sentence joined by "and"/"until" ("began at 2200 last night and
    # ended at 0500 today"); the recogniser often leaves the time of day out of the first span
    # ("Monday| night and early Tuesday"), so the word after it counts as part of it.
    for night, morning in zip(expressions, expressions[1:]):
        at = sentence.find(night)
        then = sentence.find(morning, at + len(night)) if at >= 0 else -1
        between = sentence[at + len(night):then] if then >= 0 else ""
        if not between or len(between) > _MAX_JOIN or not _JOINED.search(f" {between} "):
            continue
        found = past_midnight(f"{night} {between.split()[0]}", morning, reference)
        if found is not None:
            return found
    return None


def _text_of(sentence: Span | str | None) -> str:
    if sentence is None:
        return ""
    return sentence if isinstance(sentence, str) else sentence.text


@lru_cache(maxsize=64)
def _parser(reference: date) -> DateDataParser:
    settings = {"RELATIVE_BASE": datetime(reference.year, reference.month, reference.day, 12),
                "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=1)
def _days_ago_pattern() -> re.Pattern[str]:
    counts = "|".join(sorted(_words()["counts"], key=len, reverse=True))
    return re.compile(rf"\b(\d{{1,2}}|{counts}) days? ago\b")


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = resources.files("conflictlog.resolve").joinpath("data", "date_words.json").read_text(encoding="utf-8")
    return json.loads(raw)
