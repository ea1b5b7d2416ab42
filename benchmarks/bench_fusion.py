"""Throughput, memory and pairwise quality of cross-report fusion on generated mentions.

    python benchmarks/bench_fusion.py 10000 100000 [1000000]

Each size N generates N per-document incidents (members) reporting about N/2 happenings
(1 to 4 reports each) in N/250 towns spread over the globe, over three years, so that the
reports per town and day, and with them the candidate pairs per member, stay about the same
at every size. Dates are noisy (0-2 days late), places jittered, figures rising and names
partly shared. The full, order-independent clustering (``fuse.cluster.cluster_members``:
blocking, pair scores, merging) is timed; printed are seconds, members per second, the
process's peak resident memory (generated data included), candidate pairs and pairwise
precision/recall/F1 against the generated truth. Near-linear growth shows as a steady
members-per-second figure across sizes.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations

from conflictlog.fuse.cluster import candidate_pairs, cluster_members
from conflictlog.fuse.profile import MemberProfile

MEMBERS_PER_TOWN = 250
DAYS = 3 * 365
START = date(2021, 1, 1)
_SURNAMES = [f"name{i}" for i in range(20000)]
_COMMON = ["police", "hospital", "city", "county", "market"]


def generate(size: int, seed: int = 7) -> tuple[list[MemberProfile], dict[str, int]]:
    """``size`` members and the happening each reports."""
    rng = random.Random(seed)
    count = max(4, size // MEMBERS_PER_TOWN)
    towns = [(rng.uniform(-60, 60), rng.uniform(-180, 180), f"C{i % 40}") for i in range(count)]
    members: list[MemberProfile] = []
    truth: dict[str, int] = {}
    happening = 0
    while len(members) < size:
        members.extend(_reports(rng, happening, towns, size - len(members), truth))
        happening += 1
    return members, truth


def _reports(rng: random.Random, happening: int, towns: list, room: int, truth: dict[str, int]) -> list[MemberProfile]:
    lat, lon, country = rng.choice(towns)
    day = START + timedelta(days=rng.randrange(DAYS))
    killed = rng.randint(0, 6)
    names = rng.sample(_SURNAMES, 3)
    kind = rng.choice(["Violence against civilians", "Explosions/Remote violence", "Battles"])
    reports = []
    for n in range(min(room, rng.choice([1, 1, 2, 2, 3, 4]))):
        member_id = f"m{happening}-{n}"
        truth[member_id] = happening
        terms = rng.sample(names, rng.randint(1, 3)) + rng.sample(_COMMON, 2)
        reports.append(MemberProfile(
            member_id=member_id, document_id=f"d{happening}-{n}", published=str(day + timedelta(days=n)),
            outlet=f"outlet{rng.randrange(50)}", event_type=kind,
            date=str(day + timedelta(days=rng.choice([0, 0, 0, 1, 2]))),
            lat=lat + rng.uniform(-0.02, 0.02), lon=lon + rng.uniform(-0.02, 0.02), country_code=country,
            figures={"killed/all": [killed + n, killed + n]} if killed else {}, terms=sorted(terms)))
    return reports


def pairwise(clusters: list[list[MemberProfile]], truth: dict[str, int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of the clusters against the generated truth."""
    predicted = {tuple(sorted((a.member_id, b.member_id))) for c in clusters for a, b in combinations(c, 2)}
    by_truth: dict[int, list[str]] = defaultdict(list)
    for member_id, happening in truth.items():
        by_truth[happening].append(member_id)
    gold = {tuple(sorted(p)) for ids in by_truth.values() for p in combinations(ids, 2)}
    both = len(predicted & gold)
    precision = both / len(predicted) if predicted else 0.0
    recall = both / len(gold) if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if both else 0.0)


def run(size: int) -> None:
    """Generate, fuse and report one size."""
    members, truth = generate(size)
    pairs = sum(1 for _ in candidate_pairs(members))
    started = time.perf_counter()
    clusters, _ = cluster_members(members)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024    # KiB on Linux
    precision, recall, f1 = pairwise(clusters, truth)
    print(f"{size:>9,} members  {seconds:7.1f} s  {size / seconds:9,.0f} members/s  peak RSS {peak:7.0f} MiB  "
          f"{pairs:>10,} candidate pairs  {len(clusters):>9,} incidents  P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    for argument in sys.argv[1:] or ["10000", "100000"]:
        run(int(argument))
