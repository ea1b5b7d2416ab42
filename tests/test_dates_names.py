"""Dates counted back in days, "last" before a date, and dates that are part of a name."""

from __future__ import annotations

import pytest

from conflictlog.models import DatePrecision, Span
from conflictlog.resolve import resolve_date
from conflictlog.resolve.date_names import names_a_thing


def dated(expression: str, sentence: str, published: str = "1989-11-24"):
    start = sentence.index(expression)
    return resolve_date([Span(expression, start, start + len(expression))], sentence, published)


@pytest.mark.parametrize(("expression", "expected"), [
    ("9 DAYS AGO", "1989-11-15"),
    ("two days ago", "1989-11-22"),
    ("a day ago", "1989-11-23"),
])
def test_days_ago_count_back_from_publication(expression: str, expected: str) -> None:
    found = dated(expression, f"The priests were murdered {expression} by armed men.")
    assert (found.date, found.precision, found.stated) == (expected, DatePrecision.DAY, True)


def test_last_before_a_day_of_a_month_is_a_hedge() -> None:
    found = dated("LAST 9 AUGUST", "GUERRILLAS KIDNAPPED THE BUSINESSMAN LAST 9 AUGUST AT HIS HOTEL.")
    assert (found.date, found.precision) == ("1989-08-09", DatePrecision.DAY)


@pytest.mark.parametrize(("expression", "sentence"), [
    ("19 APRIL", "A LEADER OF THE 19 APRIL MOVEMENT WAS NOMINATED AS CANDIDATE."),
    ("27 SEPTEMBER", "SOLDIERS RAIDED HOUSES IN THE 27 SEPTEMBER NEIGHBORHOOD."),
    ("22 APRIL", 'THE DIRECTOR OF THE "22 APRIL" CHOIR WAS ARRESTED.'),
])
def test_a_date_in_a_name_dates_nothing(expression: str, sentence: str) -> None:
    assert names_a_thing(expression, sentence)
    found = dated(expression, sentence)
    assert not found.stated and found.date == "1989-11-24"   # the publication-day default


@pytest.mark.parametrize(("expression", "sentence"), [
    ("19 APRIL", "THE MAYOR WAS KILLED ON 19 APRIL IN THE CAPITAL."),
    ("16 NOVEMBER", "THE PRIESTS MURDERED ON 16 NOVEMBER WERE BURIED."),
    ("5 MAY", "A BOMB EXPLODED ON 5 MAY near the park."),
])
def test_a_day_of_a_happening_is_no_name(expression: str, sentence: str) -> None:
    assert not names_a_thing(expression, sentence)
    assert dated(expression, sentence).stated
