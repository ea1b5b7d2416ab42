"""The per day totals behind the timeline (migration 5) stay equal to aggregating the incidents
themselves, through inserts, replacements, updates and deletes, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text, update

from conflictlog.models import CasualtyKind, IncidentCasualty, VictimGroup
from conflictlog.store import Repository
from conflictlog.store.engine import make_engine
from conflictlog.store.queries import IncidentFilter, Interval, QueryStore
from conflictlog.store.schema import incidents

# min_casualties=0 matches every incident but is not a date or type filter: it makes the
# store aggregate the incidents rows, the reference the trigger-kept totals must equal.
_FROM_INCIDENTS = IncidentFilter(min_casualties=0)
_DAYS = ["2022-09-12", "2022-09-13", "2022-09-18", "2022-09-19", None]
_TYPES = ["Battles", "Explosions/Remote violence"]


def _incidents(document_ids: list[str], make_incident: Any, events_of: dict[str, list[Any]], shift: int) -> list:
    made = []
    for n, document_id in enumerate(document_ids):
        killed = IncidentCasualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, n + shift, None, None)
        made.append(replace(make_incident(f"inc-{shift}-{n}", events_of[document_id]),
                            date_start=_DAYS[(n + shift) % len(_DAYS)], event_type=_TYPES[(n * shift) % 2],
                            casualties=[killed]))
    return made


def _assert_totals_match(db: str) -> None:
    store = QueryStore(db)
    try:
        for interval in Interval:
            assert store.timeline(IncidentFilter(), interval) == store.timeline(_FROM_INCIDENTS, interval)
        dated = IncidentFilter(date_from="2022-09-13", date_to="2022-09-18", event_type="Battles")
        reference = replace(dated, min_casualties=0)
        assert store.timeline(dated, Interval.DAY) == store.timeline(reference, Interval.DAY)
    finally:
        store.close()


def test_totals_follow_every_change(database: str, make_result: Any, make_incident: Any) -> None:
    with Repository.open(database) as repo:
        results = [make_result(n, events=1) for n in range(6)]
        for result in results:
            repo.save_result(result)
        ids = [r.document.document_id for r in results]
        events_of = {r.document.document_id: r.events for r in results}
        repo.replace_incidents(ids, _incidents(ids, make_incident, events_of, shift=1))
    _assert_totals_match(database)
    assert QueryStore(database).timeline(IncidentFilter(), Interval.DAY)  # not vacuously equal

    with Repository.open(database) as repo:
        repo.replace_incidents(ids[:3], _incidents(ids[:3], make_incident, events_of, shift=2))
    _assert_totals_match(database)

    engine = make_engine(database)
    with engine.begin() as conn:
        conn.execute(update(incidents).where(incidents.c.id == "inc-2-0").values(killed_best=40))
        conn.execute(update(incidents).where(incidents.c.id == "inc-2-2").values(date_start="2022-09-19"))
        conn.execute(update(incidents).where(incidents.c.id == "inc-2-1").values(date_start=None))
        conn.execute(update(incidents).where(incidents.c.date_start.is_(None)).values(date_start="2022-09-12"))
        conn.execute(text("DELETE FROM incidents WHERE id = 'inc-1-4'"))
    engine.dispose()
    _assert_totals_match(database)


def test_migration_fills_the_totals_of_incidents_stored_before_it(tmp_path: pytest.TempPathFactory,
                                                                   make_result: Any, make_incident: Any) -> None:
    from conflictlog.store.migrations import MIGRATIONS

    db = str(tmp_path / "old.sqlite")
    with Repository.open(db, MIGRATIONS[:4]) as repo:
        result = make_result(1, events=1)
        repo.save_result(result)
        repo.replace_incidents([result.document.document_id],
                               [make_incident("inc-old", result.events)])
    Repository.open(db).close()
    store = QueryStore(db)
    assert store.timeline(IncidentFilter(), Interval.DAY) == [
        {"period": "2022-09-13", "event_type": "Explosions/Remote violence", "incidents": 1, "killed": 3, "injured": 0}]
    store.close()
