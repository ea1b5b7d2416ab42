"""Gazetteer build time, load time, memory and resolutions per second.

    python benchmarks/bench_resolve.py [--names N]

Builds the gazetteer into a fresh temporary folder (so the timing is a real compile), opens
it, and resolves N place names drawn from the gazetteer's own names (common, ambiguous and
unknown ones) in a document context, once cold and once with the lookup cache warm.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from conflictlog.models import Document, Mention, Span
from conflictlog.resolve import DocContext, Gazetteer, resolve_location

CONTEXT = "Shelling hit Stepanakert in Nagorno-Karabakh; officials in Yerevan, Armenia, condemned it."


def build(folder: Path) -> tuple[Gazetteer, float]:
    """Compile the gazetteer into ``folder``; the seconds it took."""
    start = time.perf_counter()
    gazetteer = Gazetteer.open(folder)
    return gazetteer, time.perf_counter() - start


def load(folder: Path) -> tuple[Gazetteer, float, float]:
    """Open the compiled file and make the first lookup; seconds and MiB allocated by Python."""
    tracemalloc.start()
    start = time.perf_counter()
    gazetteer = Gazetteer.open(folder)
    gazetteer.candidates("Stepanakert")
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return gazetteer, seconds, peak


def sample_names(gazetteer: Gazetteer, count: int) -> list[str]:
    """Names from the gazetteer (deterministic sample), plus some no place has."""
    rows = sqlite3.connect(gazetteer.path).execute("SELECT key FROM names ORDER BY key").fetchall()
    rng = random.Random(7)
    names = [key for (key,) in rng.sample(rows, min(count, len(rows)))]
    return names[: count - count // 10] + [f"qwx{n}place" for n in range(count // 10)]


def resolutions_per_second(gazetteer: Gazetteer, names: list[str]) -> float:
    """Place spans resolved per second in one document context."""
    document = Document("bench", CONTEXT, "hash")
    spans = [Span("Stepanakert", 13, 24), Span("Nagorno-Karabakh", 28, 44), Span("Armenia", 68, 75)]
    context = DocContext.build(document, [Mention("bench", "Battles", None, [], place_spans=spans)], gazetteer)
    start = time.perf_counter()
    for name in names:
        resolve_location([Span(name, 1000, 1000 + len(name))], context, gazetteer)
    return len(names) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5000, help="place names to resolve (default 5000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        built, build_s = build(Path(folder))
        size_mib = built.path.stat().st_size / 2**20
        gazetteer, load_s, load_mib = load(Path(folder))
        names = sample_names(gazetteer, args.names)
        cold = resolutions_per_second(gazetteer, names)
        warm = resolutions_per_second(gazetteer, names)
        places = sqlite3.connect(gazetteer.path).execute("SELECT count(*) FROM places").fetchone()[0]
    result = {
        "places": places, "file_mib": round(size_mib, 1), "build_s": round(build_s, 2), "load_s": round(load_s, 4),
        "load_python_mib": round(load_mib, 2), "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "resolutions_per_s_cold": round(cold), "resolutions_per_s_warm": round(warm), "names": len(names),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
