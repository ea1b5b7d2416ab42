"""Time situation-report generation over N synthetic incidents (default 10,000).

    .venv/bin/python benchmarks/bench_report.py [--incidents N] [--formats html,pdf,md]

Incidents are made up (random places in a 10-degree box, 60 days, random tolls, a fifth of them
contested with a dispute), one event each; the report covers them all. Prints seconds per stage.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Dispute, Event, GeoPrecision, Incident, IncidentCasualty,
    IncidentSource, IncidentStatus, Location, Span, Stance, VictimGroup,
)
from conflictlog.report.sitrep import ReportInput, Scope, build_sitrep, render

TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def synthetic(count: int, seed: int = 7) -> ReportInput:
    """``count`` made-up incidents with one event each."""
    rng = random.Random(seed)
    incidents, events = [], []
    for n in range(count):
        day = (date(2030, 1, 1) + timedelta(days=rng.randrange(60))).isoformat()
        place = Location(f"Town {n % 500}", f"Town {n % 500}", "Province", "ZZ", 45 + rng.random() * 6,
                         30 + rng.random() * 10, GeoPrecision.TOWN)
        killed = rng.randrange(0, 12)
        contested = n % 5 == 0
        incidents.append(Incident(f"inc-{n:06d}", rng.choice(TYPES), None, day, day, place, [],
                                  [IncidentCasualty(CasualtyKind.KILLED, VictimGroup.ALL, killed, killed, killed + 2)],
                                  [IncidentSource(f"Speaker {n % 300}", "A", f"doc-{n // 3}")],
                                  IncidentStatus.CONTESTED if contested else IncidentStatus.SINGLE_SOURCE,
                                  [f"ev-{n:06d}"]))
        events.append(Event(f"ev-{n:06d}", f"doc-{n // 3}", incidents[-1].event_type, None, day, None, place, [],
                            [Casualty(CasualtyKind.KILLED, VictimGroup.ALL, killed, killed + 2)],
                            Attribution(f"Speaker {n % 300}", side="A", stance=Stance.ALLEGED),
                            [Dispute("Other side", "B", "denied it")] if contested else [],
                            [Span(f"{killed} people were killed in Town {n % 500}.", 0, 30)],
                            incident_id=f"inc-{n:06d}"))
    return ReportInput(incidents, events, {})


def main() -> None:
    """Build and render the report, printing the time each step takes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--formats", default="html,pdf,md")
    args = parser.parse_args()
    data = synthetic(args.incidents)
    start = time.perf_counter()
    report, _ = build_sitrep(data, Scope())
    print(f"build (selection, figures, claims, map, timeline): {time.perf_counter() - start:.2f} s "
          f"for {args.incidents} incidents")
    for fmt in args.formats.split(","):
        start = time.perf_counter()
        size = len(render(report, fmt))
        print(f"render {fmt}: {time.perf_counter() - start:.2f} s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
