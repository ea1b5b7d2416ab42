"""Dask executor end to end on a small LocalCluster: same results as in-process, a killed worker loses nothing."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")
from distributed import Client, LocalCluster  # noqa: E402

from conflictlog.config import Settings  # noqa: E402
from conflictlog.models import to_dict  # noqa: E402
from conflictlog.run import ingest as ingest_module  # noqa: E402
from conflictlog.run.ingest import ingest  # noqa: E402
from conflictlog.store import Repository  # noqa: E402

PLACES = ["San Salvador", "Mosul", "Aleppo", "Kharkiv", "Gaza", "Kabul", "Mogadishu", "Lima"]
ACTS = ["Shelling killed {n} civilians in {p} on Monday, officials said.",
        "Gunmen abducted {n} villagers near {p}, police said on Tuesday.",
        "An airstrike on {p} injured {n} people, including two children, the ministry said.",
        "Clashes between the army and rebels near {p} left {n} soldiers dead."]


def write_corpus(path: Path, count: int) -> Path:
    """``count`` short reports, one JSON object a line, each with its own id and numbers."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            text = " ".join(ACTS[(i + k) % len(ACTS)].format(n=i % 9 + 2 + k, p=PLACES[(i + k) % len(PLACES)])
                            for k in range(3))
            fh.write(json.dumps({"id": f"doc-{i}", "published": f"2024-03-0{i % 9 + 1}",
                                 "text": f"{text} Report number {i}."}) + "\n")
    return path


def stored(db: Path) -> dict[str, list]:
    """Everything a run stored, in a comparable order."""
    with Repository.open(str(db), create=False) as repo:
        return {
            "documents": sorted(d.document_id for d in repo.iter_documents()),
            "events": sorted(json.dumps(to_dict(e), sort_keys=True) for e in repo.iter_events()),
            "incidents": sorted(json.dumps(to_dict(i), sort_keys=True) for i in repo.iter_incidents()),
            "rejected": sorted(json.dumps(to_dict(r.item), sort_keys=True) for r in repo.iter_rejected()),
        }


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "reports.jsonl", 80)
    (folder / "broken.jsonl").write_bytes(b'{"text": "Rebels shelled Lima."}\n{cut off\n\xff\xfe\n')
    return folder


@pytest.fixture(scope="module")
def in_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    db = tmp_path_factory.mktemp("local") / "local.sqlite"
    ingest([str(corpus)], Settings(db=str(db)), jobs=1)
    return stored(db)


def test_local_cluster_stores_what_the_in_process_run_stores(cluster: LocalCluster, corpus: Path,
                                                              in_process: dict[str, list], tmp_path: Path) -> None:
    db = tmp_path / "dask.sqlite"
    summary = ingest([str(corpus)], Settings(db=str(db)), dask=cluster.scheduler_address)
    assert stored(db) == in_process
    assert summary.added == 81 and summary.events > 60
    assert summary.rejected_total == 2 and len(in_process["rejected"]) == 2


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster: LocalCluster, corpus: Path,
                                                              in_process: dict[str, list], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "killed.sqlite"
    # Small batches: when the first document is stored (and reported), several batches are still in
    # flight, running on a worker or done there and not yet gathered; killing that worker loses both.
    monkeypatch.setattr(ingest_module, "BATCH_SIZE", 8)
    with Client(cluster) as watcher:
        pids = watcher.run(os.getpid)
        killed: list[str] = []

        def kill_a_worker_holding_work(_item: object) -> None:
            if killed:
                return
            running, held = watcher.processing(), watcher.has_what()
            work = {worker: len(running.get(worker, ())) + len(held.get(worker, ())) for worker in pids}
            worker, tasks = max(work.items(), key=lambda pair: pair[1])
            if tasks:
                os.kill(pids[worker], signal.SIGKILL)
                killed.append(worker)

        summary = ingest([str(corpus)], Settings(db=str(db)), dask=cluster.scheduler_address,
                         on_item=kill_a_worker_holding_work)
    assert killed, "no worker held any task when documents were done: the test did not kill anything"
    assert stored(db) == in_process
    assert summary.added == 81 and summary.duplicates == 0


def test_local_workers_get_single_threaded_blas_but_not_dasks_malloc_trim_nor_profiler() -> None:
    from conflictlog.run.workers import local_worker_config

    config = local_worker_config()
    environment = config["distributed.nanny.pre-spawn-environ"]
    assert str(environment["OMP_NUM_THREADS"]) == "1" and str(environment["OPENBLAS_NUM_THREADS"]) == "1"
    assert "MALLOC_TRIM_THRESHOLD_" not in environment
    assert config["distributed.worker.profile.enabled"] is False
