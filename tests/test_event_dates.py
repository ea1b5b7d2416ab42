"""A coarse event date is exported as the range of days it covers, never as a made-up day."""

from __future__ import annotations

import pytest

from conflictlog.models import DatePrecision, day_span, event_from_v1, event_to_v1
from conflictlog.report import validate_record

from export_samples import SAMPLES


@pytest.mark.parametrize(("day", "precision", "span"), [
    ("2023-09-19", DatePrecision.DAY, ("2023-09-19", "2023-09-19")),
    ("2023-09-19", None, ("2023-09-19", "2023-09-19")),
    ("2023-09-19", DatePrecision.WEEK, ("2023-09-13", "2023-09-19")),
    ("2024-02-01", DatePrecision.MONTH, ("2024-02-01", "2024-02-29")),
    ("1989-12-01", DatePrecision.MONTH, ("1989-12-01", "1989-12-31")),
    ("1989-01-01", DatePrecision.YEAR, ("1989-01-01", "1989-12-31")),
    (None, None, (None, None)),
    ("sometime", DatePrecision.DAY, (None, None)),
])
def test_day_span_covers_the_precision(day, precision, span):
    assert day_span(day, precision) == span


@pytest.mark.parametrize("precision", [DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR])
def test_coarse_date_is_a_range_without_a_day(precision):
    event = SAMPLES.shelling_event()
    event.date, event.date_precision = "1990-01-01", precision
    record = event_to_v1(event)
    validate_record(record, "events")
    assert record["date"] is None and record["date_precision"] == precision.value
    assert record["date_start"] <= "1990-01-01" <= record["date_end"]
    assert record["date_start"] < record["date_end"]


def test_known_day_keeps_its_day_and_a_one_day_range():
    event = SAMPLES.shelling_event()
    event.date, event.date_precision = "2023-09-19", DatePrecision.DAY
    record = event_to_v1(event)
    assert (record["date"], record["date_start"], record["date_end"]) == ("2023-09-19",) * 3


@pytest.mark.parametrize(("day", "precision"), [
    ("2023-09-19", DatePrecision.DAY), ("2023-09-19", DatePrecision.WEEK),
    ("2023-09-01", DatePrecision.MONTH), ("2023-01-01", DatePrecision.YEAR), (None, None),
])
def test_stored_record_gives_back_the_same_date(day, precision):
    event = SAMPLES.shelling_event()
    event.date, event.date_precision = day, precision
    back = event_from_v1(event_to_v1(event))
    assert (back.date, back.date_precision) == (day, precision)


def test_record_of_an_older_store_without_a_range_keeps_its_date():
    record = event_to_v1(SAMPLES.shelling_event())
    old = {k: v for k, v in record.items() if k not in ("date_start", "date_end")}
    old["date"], old["date_precision"] = "2023-09-13", "week"
    assert event_from_v1(old).date == "2023-09-13"


def test_acled_row_of_a_month_dates_it_by_the_month_first_day():
    from conflictlog.report.acled_csv import event_row

    event = SAMPLES.shelling_event()
    event.date, event.date_precision = "1989-12-01", DatePrecision.MONTH
    row = event_row(event_to_v1(event))
    assert (row["event_date"], row["year"], row["time_precision"]) == ("1989-12-01", "1989", 3)


def test_month_date_off_the_first_day_is_kept_as_written():
    event = SAMPLES.shelling_event()
    event.date, event.date_precision = "2023-09-17", DatePrecision.MONTH
    record = event_to_v1(event)
    assert (record["date"], record["date_start"], record["date_end"]) == ("2023-09-17", "2023-09-01", "2023-09-30")
    assert event_from_v1(record).date == "2023-09-17"
