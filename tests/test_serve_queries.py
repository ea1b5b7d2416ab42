"""The API's read queries on both backends: every incident filter, paging with late row lookup,
and the timeline, over the same small database as the HTTP tests."""

from __future__ import annotations

import pytest
from serve_records import build_database, sample_reports

from conflictlog.store.queries import BoundingBox, IncidentFilter, IncidentSort, Interval, QueryStore

KHERSON, MINES, STEPANAKERT = "inc-news-kherson.txt", "inc-news-mines.txt", "inc-news-stepanakert.txt"


@pytest.fixture
def store(database: str) -> QueryStore:
    query_store = QueryStore(build_database(database, sample_reports()))
    yield query_store
    query_store.close()


@pytest.mark.parametrize(("where", "expected"), [
    (IncidentFilter(), [KHERSON, MINES, STEPANAKERT]),
    (IncidentFilter(date_from="2023-09-20", date_to="2023-09-30"), [MINES]),
    (IncidentFilter(bbox=BoundingBox(46, 39, 47, 40)), [MINES, STEPANAKERT]),
    (IncidentFilter(bbox=BoundingBox(170, 39, 50, 47)), [KHERSON, MINES, STEPANAKERT]),
    (IncidentFilter(country="ua"), [KHERSON]),
    (IncidentFilter(country="AZ", status="single_source"), [STEPANAKERT]),
    (IncidentFilter(actor="azerbaijan"), [STEPANAKERT]),
    (IncidentFilter(min_casualties=6), [MINES, STEPANAKERT]),
    (IncidentFilter(text="landmines"), [MINES]),
    (IncidentFilter(text="SHELLED stepanakert"), [STEPANAKERT]),
    (IncidentFilter(text="stepanakert shelled"), [STEPANAKERT]),
    (IncidentFilter(text="shelled", country="UA"), []),
    (IncidentFilter(text="  "), []),
])
def test_filters_on_each_backend(store: QueryStore, where: IncidentFilter, expected: list[str]) -> None:
    page = store.incidents(where, IncidentSort.NEWEST, 0, 50)
    assert [incident["id"] for incident in page.items] == expected
    assert page.total == len(expected)


def test_pages_keep_the_order_and_the_total(store: QueryStore) -> None:
    everything = [i["id"] for i in store.incidents(IncidentFilter(), IncidentSort.MOST_CASUALTIES, 0, 50).items]
    pages = [store.incidents(IncidentFilter(), IncidentSort.MOST_CASUALTIES, offset, 1) for offset in range(3)]
    assert [page.items[0]["id"] for page in pages] == everything
    assert {page.total for page in pages} == {3}


def test_timeline_from_totals_equals_timeline_from_incidents(store: QueryStore) -> None:
    for interval in Interval:
        buckets = store.timeline(IncidentFilter(), interval)
        assert buckets == store.timeline(IncidentFilter(min_casualties=0), interval)
        assert sum(bucket["incidents"] for bucket in buckets) == 3
