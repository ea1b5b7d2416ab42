"""Cross-report fusion at scale: the full re-fuse on 1 and 2 workers, and the clustering alone.

    python benchmarks/bench_fusion.py 10000 100000          # full re-fuse, 1 vs 2 workers
    python benchmarks/bench_fusion.py --clustering 10000 100000

**Full re-fuse** (default): N generated reports (documents with resolved events,
``fusion_reports.py``: about N/2.2 happenings in N/250 towns over three years, copies and
round-ups included) are stored in a fresh SQLite file, then re-fused the way ``conflictlog
fuse`` does it (``refuse_database``: read, fuse in parts, write), once with ``--jobs 1`` (in
this process, one task, no scoring round) and once with ``--jobs 2`` (a pool of 2 spawned
workers that read their own documents; pool start included). Printed per size: wall seconds
of each, their ratio, parts, members in the largest part, tasks, incidents, whether both
stored the same incidents, and CPU seconds (client, and workers together): on a machine
shared with other jobs the wall ratio measures the load as much as the code, so the speed-up
on idle cores is also estimated from CPU time, as 1-worker CPU / (client CPU + workers' CPU /
2), the client's work counted as serial.

**Clustering alone** (``--clustering``): N per-document incidents (members) reporting about
N/2 happenings (1 to 4 reports each) in N/250 towns spread over the globe, over three years,
so that the reports per town and day, and with them the candidate pairs per member, stay
about the same at every size. Dates are noisy (0-2 days late), places jittered, figures
rising and names partly shared. The full, order-independent clustering
(``fuse.cluster.cluster_members``: blocking, pair scores, merging) is timed; printed are
seconds, members per second, the process's peak resident memory (generated data included),
candidate pairs and pairwise precision/recall/F1 against the generated truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from conflictlog.fuse.cluster import candidate_pairs, cluster_members
from conflictlog.fuse.profile import MemberProfile
from conflictlog.models import DocumentResult, to_dict
from conflictlog.run.fusion import store_refused, stored_corpus
from conflictlog.run.fusion_parts import PartitionedFusion, fuse_with
from conflictlog.run.part_runner import open_runner
from conflictlog.store import Repository

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fusion_reports import generate_reports  # noqa: E402

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


def run_clustering(size: int) -> None:
    """Generate members, cluster them and report one size."""
    members, truth = generate(size)
    pairs = sum(1 for _ in candidate_pairs(members))
    started = time.perf_counter()
    clusters, _ = cluster_members(members)
    seconds = time.perf_counter() - started
    peak = _peak_mib(resource.RUSAGE_SELF)
    precision, recall, f1 = pairwise(clusters, truth)
    print(f"{size:>9,} members  {seconds:7.1f} s  {size / seconds:9,.0f} members/s  peak RSS {peak:7.0f} MiB  "
          f"{pairs:>10,} candidate pairs  {len(clusters):>9,} incidents  P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def run_refuse(size: int, workers: int = 2) -> None:
    """Store generated reports in a fresh SQLite file and time ``refuse_database`` on 1 and ``workers`` workers."""
    corpus = generate_reports(size)
    with tempfile.TemporaryDirectory() as folder, Repository.open(str(Path(folder) / "bench.sqlite")) as repo:
        results = [DocumentResult(d, corpus.events_of[d.document_id], []) for d in corpus.documents]
        for start in range(0, len(results), 1000):
            repo.save_results(results[start:start + 1000])
        del corpus, results
        one = _timed_refuse(repo, 1)
        stored = _stored_digest(repo)
        many = _timed_refuse(repo, workers)
        same = stored == _stored_digest(repo)
    plan = many.fused.plan
    idle_estimate = one.main_cpu / (many.main_cpu + many.workers_cpu / workers)
    print(f"{size:>9,} reports  1 worker {one.wall:7.1f} s  {workers} workers {many.wall:7.1f} s  "
          f"speed-up {one.wall / many.wall:4.2f} (load {many.load:.1f})  parts {len(plan.part_sizes):>8,}  "
          f"largest {plan.largest:>4} members  tasks {plan.tasks}  {len(many.fused.result.incidents):>8,} incidents of "
          f"{len(many.fused.result.decisions):>8,} members  stored incidents equal: {same}\n"
          f"{'':>17}CPU s: 1 worker {one.main_cpu:7.1f}; {workers} workers: client {many.main_cpu:6.1f} + workers "
          f"{many.workers_cpu:6.1f} (work x{(many.main_cpu + many.workers_cpu) / one.main_cpu:4.2f})  "
          f"speed-up on idle cores, estimated {idle_estimate:4.2f}  "
          f"peak RSS client {_peak_mib(resource.RUSAGE_SELF):.0f} MiB, worker {_peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB",
          flush=True)


@dataclass(slots=True)
class TimedRefuse:
    """One timed re-fuse: the result, wall seconds, CPU seconds here and in worker processes, machine load."""

    fused: PartitionedFusion
    wall: float
    main_cpu: float
    workers_cpu: float
    load: float


def _timed_refuse(repo: Repository, jobs: int) -> TimedRefuse:
    """``refuse_database(repo, jobs)`` step by step, to keep the plan: read, fuse, store."""
    children = _children_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    with open_runner(jobs) as runner:
        fused = fuse_with(runner, stored_corpus(repo, workers_read=runner.workers > 1))
    store_refused(repo, fused)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    # The pool is shut down (its workers reaped) once the runner closes: their CPU is counted.
    return TimedRefuse(fused, wall, cpu, _children_cpu() - children, os.getloadavg()[0])


def _stored_digest(repo: Repository) -> str:
    digest = hashlib.sha1()
    for incident in repo.iter_incidents():
        digest.update(json.dumps(to_dict(incident), sort_keys=True).encode())
    return digest.hexdigest()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024    # KiB on Linux


if __name__ == "__main__":
    arguments = sys.argv[1:]
    clustering = "--clustering" in arguments
    sizes = [int(a) for a in arguments if a != "--clustering"] or [10000, 100000]
    for size in sizes:
        run_clustering(size) if clustering else run_refuse(size)
