"""Dates anchored to the publication date: weekdays, relative days, explicit dates, flags, defaults."""

from __future__ import annotations

from datetime import date

import pytest

from conflictlog.models import DatePrecision, Span
from conflictlog.resolve import DateFlag, ResolvedDate, resolve_date
from conflictlog.resolve.dates import clean, interpret


def one(text: str, published: str | None, sentence: str = "") -> ResolvedDate:
    return resolve_date([Span(text, 0, len(text))], sentence, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Tuesday", "2023-09-19", "2023-09-19"),          # published on a Tuesday: that very day
        ("on Tuesday", "2023-09-21", "2023-09-19"),       # backwards, never forwards
        ("Wednesday", "2023-09-19", "2023-09-13"),
        ("last Tuesday", "2023-09-19", "2023-09-12"),
        ("earlier on Tuesday", "2023-09-19", "2023-09-19"),
        ("At around 1 p.m. local time on Tuesday", "2023-09-19", "2023-09-19"),
        ("Tuesday morning", "2023-09-21", "2023-09-19"),
        ("yesterday", "2023-09-19", "2023-09-18"),
        ("last night", "2023-09-19T08:00:00Z", "2023-09-18"),
        ("this morning", "2023-09-19", "2023-09-19"),
        ("Sept 19", "2023-09-20", "2023-09-19"),
        ("Tuesday, Sept. 19", "2023-09-20", "2023-09-19"),
        ("30 DEC 89", "1990-01-03", "1989-12-30"),
        ("Jan. 27", "2023-02-02", "2023-01-27"),
        ("Nov. 27", "2023-01-05", "2022-11-27"),           # no year, would be long after publication: last year
    ],
)
def test_day_expressions(text: str, published: str, expected: str) -> None:
    result = one(text, published)
    assert (result.date, result.precision, result.flag) == (expected, DatePrecision.DAY, None)
    assert result.stated


def test_month_only_has_month_precision_and_is_never_in_the_future() -> None:
    assert one("in March", "2023-09-19") == ResolvedDate("2023-03-01", DatePrecision.MONTH, None, True)
    assert one("in November", "2023-09-19").date == "2022-11-01"


def test_year_far_before_publication_is_flagged() -> None:
    result = one("in 2020", "2023-09-19")
    assert (result.date, result.precision, result.flag) == ("2020-01-01", DatePrecision.YEAR,
                                                             DateFlag.FAR_BEFORE_PUBLICATION)


def test_yearless_date_soon_after_publication_is_a_scheduled_one() -> None:
    result = interpret("JANUARY 19", date(2016, 1, 15))
    assert (result.date, result.flag) == ("2016-01-19", DateFlag.AFTER_PUBLICATION)


def test_a_scheduled_date_is_never_the_happening_s() -> None:
    # "will appear in court January 19": the mention falls back to the publication day.
    result = one("JANUARY 19", "2016-01-15")
    assert (result.date, result.stated) == ("2016-01-15", False)


def test_a_span_of_days_starts_on_its_first() -> None:
    assert one("20 AND 21 NOVEMBER", "1989-12-03").date == "1989-11-20"
    assert one("on 3 to 5 March 1989", "1989-12-03").date == "1989-03-03"


@pytest.mark.parametrize("text", ["32", "27", "1418", "65th", "2189 75th St", "1601030093", "AT 1625", "1930 HOURS"])
def test_numbers_that_name_no_calendar_day_are_not_dates(text: str) -> None:
    assert one(text, "2015-12-28", "Troops shelled the village.").stated is False


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Christmas Eve", "2015-12-28", "2015-12-24"),
    ("Christmas", "2015-12-24", "2014-12-25"),                       # the most recent one, never ahead
    ("2230 [0230 GMT ON 12 JANUARY]", "1990-01-12", "1990-01-12"),  # a clock time, not the year 2230
])
def test_holidays_and_clock_times_before_a_day(text: str, published: str, expected: str) -> None:
    assert one(text, published).date == expected


def test_date_after_publication_is_flagged() -> None:
    assert interpret("December 2024", date(2023, 9, 19)).flag == DateFlag.AFTER_PUBLICATION


def test_flagged_date_gives_way_to_a_plausible_one() -> None:
    spans = [Span("in 2020", 0, 7), Span("on Tuesday", 20, 30)]
    assert resolve_date(spans, "", "2023-09-19").date == "2023-09-19"


def test_flagged_date_is_kept_when_it_is_the_only_one() -> None:
    assert resolve_date([Span("2020", 0, 4)], "", "2023-09-19").flag == DateFlag.FAR_BEFORE_PUBLICATION


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("The attacks have continued throughout the afternoon.", DatePrecision.DAY),
        ("Shelling is continuing in the city today.", DatePrecision.DAY),
        ("Troops shelled the village.", DatePrecision.WEEK),
    ],
)
def test_no_expression_falls_back_to_publication(sentence: str, precision: DatePrecision) -> None:
    result = resolve_date([], sentence, "2023-09-19")
    assert (result.date, result.precision, result.stated) == ("2023-09-19", precision, False)


@pytest.mark.parametrize("text", ["1 p.m.", "the past 24 hours", "recent months", "daily"])
def test_spans_that_name_no_day_fall_back(text: str) -> None:
    result = one(text, "2023-09-19", "Troops shelled the village.")
    assert (result.precision, result.stated) == (DatePrecision.WEEK, False)


def test_no_publication_date_gives_no_date() -> None:
    assert one("Tuesday", None) == ResolvedDate(None, None, None)


def test_dateline_date_stands_in_for_missing_publication() -> None:
    assert resolve_date([Span("30 DEC 89", 0, 9)], "", None, dateline_date="3 JAN 90").date == "1989-12-30"


def test_clean_removes_hedges_and_times() -> None:
    assert clean("at around 1 p.m. local time on jan. 27") == "jan. 27"


@pytest.mark.parametrize(("spans", "sentence", "expected"), [
    # The recogniser leaves "night" out of the first span; the happening ran into the next day.
    (["Monday", "early Tuesday", "morning"], "Monday night and early Tuesday morning, three people were shot.",
     "2015-12-22"),
    (["2200 LAST NIGHT", "0500 TODAY"], "THE CLASHES BEGAN AT 2200 LAST NIGHT AND ENDED AT 0500 TODAY.", "2015-12-22"),
    # Not joined: the shooting was on Monday night, the hospital stay went on into Tuesday.
    (["Monday", "Tuesday"], "He was shot Monday night and remained in the hospital on Tuesday morning.", "2015-12-21"),
    (["Monday", "Tuesday"], "Shots were fired Monday and Tuesday.", "2015-12-21"),
])
def test_a_night_that_runs_into_the_next_morning(spans: list[str], sentence: str, expected: str) -> None:
    found = resolve_date([Span(text, 0, len(text)) for text in spans], sentence, "2015-12-22")
    assert (found.date, found.precision) == (expected, DatePrecision.DAY)


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday night and early Tuesday morning", "2015-12-22"),
    ("late last night and early this morning", "2015-12-22"),
    ("20 and 21 November", "2015-11-20"),
    ("Monday and Tuesday", "2015-12-21"),
])
def test_one_expression_joining_a_night_and_the_next_morning(text: str, expected: str) -> None:
    assert interpret(text, date(2015, 12, 22)).date == expected


def test_the_past_few_hours_are_today() -> None:
    found = one("the past few hours", "2023-09-19", "Three men have been released within the past few hours.")
    assert (found.date, found.precision, found.stated) == ("2023-09-19", DatePrecision.DAY, True)


@pytest.mark.parametrize(("spans", "sentence", "expected"), [
    # The recogniser splits "ON THE MORNING OF 26 OCTOBER" and drops the day number.
    (["THE MORNING", "OCTOBER"], "ON THE MORNING OF 26 OCTOBER THE OFFICE RECEIVED TELEGRAMS.",
     ("1989-10-26", DatePrecision.DAY)),
    (["NOVEMBER"], "THEY LEFT AFTER THE 16 NOVEMBER ASSASSINATION OF SIX JESUITS.", ("1989-11-16", DatePrecision.DAY)),
    (["OCTOBER"], "THE GUERRILLAS KILLED 4 IN OCTOBER.", ("1989-10-01", DatePrecision.MONTH)),
])
def test_a_month_takes_the_day_number_left_before_it(spans: list[str], sentence: str,
                                                     expected: tuple[str, DatePrecision]) -> None:
    found = resolve_date([Span(text, 0, len(text)) for text in spans], sentence, "1989-11-18")
    assert (found.date, found.precision) == expected


def test_an_earlier_day_in_the_sentence_beats_the_day_of_the_report() -> None:
    sentence = "BOTH BODIES WERE FOUND TODAY AFTER THE VICTIMS WERE KIDNAPPED YESTERDAY."
    found = resolve_date([Span("TODAY", 0, 5), Span("YESTERDAY", 0, 9)], sentence, "1990-01-13")
    assert (found.date, found.precision) == ("1990-01-12", DatePrecision.DAY)


def test_a_day_before_another_past_day_does_not_move_it() -> None:
    sentence = "The man shot on Monday died on Sunday."
    found = resolve_date([Span("Monday", 0, 6), Span("Sunday", 0, 6)], sentence, "2023-09-19")
    assert found.date == "2023-09-18"
