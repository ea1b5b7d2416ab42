"""Latency of the incident list and timeline on a database of N synthetic incidents.

    .venv/bin/python benchmarks/bench_api.py --incidents 100000 --db /tmp/bench.sqlite

Builds the database once with bulk inserts (reused when it already holds N incidents), then times requests
through the ASGI app in-process (no network) and prints p50/p95 per request in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fastapi.testclient import TestClient  # noqa: E402
from serve_records import Report, result_of  # noqa: E402

from conflictlog.models import ACLED_EVENT_TYPES, IncidentStatus  # noqa: E402
from conflictlog.serve import ServeSettings, create_app  # noqa: E402
from conflictlog.store import Repository, codec  # noqa: E402
from conflictlog.store.engine import make_engine  # noqa: E402
from conflictlog.store.schema import documents, events, incidents  # noqa: E402

REQUESTS = [
    "/api/incidents",
    "/api/incidents?sort=-casualties",
    "/api/incidents?date_from=2022-03-01&date_to=2022-06-30",
    "/api/incidents?bbox=30,44,40,52&limit=200",
    "/api/incidents?country=UA&status=contested",
    "/api/incidents?min_casualties=20",
    "/api/incidents?actor=russia",
    "/api/incidents?q=shelled",
    "/api/timeline",
    "/api/timeline?interval=week",
    "/api/timeline?country=UA&date_from=2022-01-01",
]
_WORDS = ["shelled", "struck", "attacked", "bombed", "raided", "clashed near"]
_COUNTRIES = [("UA", 48.5, 32.0), ("SY", 35.0, 38.5), ("SD", 15.5, 30.0), ("AZ", 40.0, 47.5), ("ML", 16.0, -2.0)]


def synthetic_report(number: int, rng: random.Random) -> Report:
    """A random but plausible report of one incident."""
    country, lat, lon = rng.choice(_COUNTRIES)
    event_type = rng.choice(list(ACLED_EVENT_TYPES))
    day = f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    evidence = f"Forces {rng.choice(_WORDS)} village {number}"
    return Report(f"bench/{number}", f"{evidence}. More text follows.", evidence, day, f"Village {number}", country,
                  lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3), event_type, None, rng.choice(list(IncidentStatus)),
                  rng.choice(["Military Forces of Russia", "Rebels", "Police Forces"]), "Agency", country,
                  killed=rng.choice([None, 0, 1, 2, 5, 12, 40]), injured=rng.choice([None, 0, 3, 8, 25]))


def build(db: str, count: int) -> None:
    """Fill ``db`` with ``count`` incidents unless it already holds them (bulk inserts, 5,000 per transaction)."""
    with Repository.open(db) as repo:
        have = repo.stats()["incidents"]
    rng = random.Random(have)
    engine = make_engine(db)
    started = time.perf_counter()
    for first in range(have, count, 5_000):
        results = [result_of(synthetic_report(n, rng)) for n in range(first, min(first + 5_000, count))]
        with engine.begin() as conn:
            conn.execute(insert(documents), [codec.document_row(r.document, revision=1, ingested_at=datetime.now(UTC))
                                             for r in results])
            conn.execute(insert(incidents), [codec.incident_row(i) for r in results for i in r.incidents])
            conn.execute(insert(events), [{**codec.event_row(e, 0), "incident_id": e.id.replace("ev-", "inc-", 1)}
                                          for r in results for e in r.events])
        print(f"  {min(first + 5_000, count)} incidents stored ({time.perf_counter() - started:.0f} s)", flush=True)
    engine.dispose()


def measure(db: str, rounds: int) -> None:
    """Print p50 and p95 of each request over ``rounds`` runs (after one warm-up), and the median CPU time.

    The CPU column is the process's own time per request: on a shared machine the wall clock also
    counts waiting for a core, the CPU time does not.
    """
    with TestClient(create_app(ServeSettings(db=db))) as client:
        print(f"{'request':58} {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8}  matches")
        for url in REQUESTS:
            total = client.get(url).json().get("total", "-")
            timings, cpu = [], []
            for _ in range(rounds):
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
                assert response.status_code == 200, response.text
            p95 = statistics.quantiles(timings, n=20)[-1]
            print(f"{url:58} {statistics.median(timings):8.1f} {p95:8.1f} {statistics.median(cpu):8.1f}  {total}")


def main() -> None:
    """Build the database and time the requests."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--db", default="bench_api.sqlite")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    build(args.db, args.incidents)
    measure(args.db, args.rounds)


if __name__ == "__main__":
    main()
