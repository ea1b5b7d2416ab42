"""Scale-out benchmark: in-process vs process pool vs Dask LocalCluster, 1 and 2 workers, in one run.

Usage:
    python benchmarks/bench_scale.py DEV.jsonl [--docs 640] [--memory-sizes 320,1280] [--json OUT]
    python benchmarks/bench_scale.py DEV.jsonl --memory-only [--memory-sizes 10000,100000] [--memory-config dask2]

The corpus is generated from the dev texts (any JSONL with a ``text`` field, such as the
muc4 dev set): document ``i`` is dev text ``i mod n`` followed by one or two paragraphs of
routine, non-conflict filler (weather, markets, sport, council business) drawn with a seeded
random generator, and a serial line, so every document is distinct (its own content hash)
and lengths vary the way a news feed's do. About one document in three is conflict news.

Each configuration runs the per-document pipeline (text, extract, resolve, local fusion) on
the same documents through ``conflictlog.run.executors``: ``inprocess`` (LocalExecutor),
``pool1``/``pool2`` (ProcessExecutor), ``dask1``/``dask2`` (DaskExecutor on a LocalCluster).
Rates are steady-state: timing starts after a warm-up batch, so pipeline loading is not
counted (it is reported apart). Peak RSS is sampled every 0.2 s per worker process.
Every executor runs with the same thread settings: single-threaded BLAS/OpenMP, as Dask's
nanny sets in its workers (``THREAD_VARIABLES``, set here before numpy loads, inherited by
pool workers), so in-process and pool runs do not borrow an idle core through BLAS threads.

The memory check runs one configuration (``--memory-config``, dask2 by default) once over the
largest of ``--memory-sizes`` and records peak RSS per worker and in the client, documents/s
and words/s at each size on the way: the corpus is generated lazily with a fixed seed, so its
first 10,000 documents are the 10,000-document corpus, and neither the corpus nor the results
are held in memory. ``--memory-only`` runs just that check.
The single SQLite writer is timed apart (results of the in-process run saved one by one);
``bench_writer.py`` compares it with batched writes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from conflictlog.models import Document, DocumentResult, InputFormat, content_hash
from conflictlog.run.executors import Executor, LocalExecutor, ProcessExecutor
from conflictlog.run.pipeline import PipelineSpec
from conflictlog.store import Repository

BATCH = 32
#: Thread settings for every executor: what Dask's nanny gives its workers (see the docstring).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
FILLER_SUBJECTS = ["The city council", "The central bank", "The national football team", "The weather service",
                   "Local farmers", "The ministry of education", "A regional airline", "The stock exchange"]
FILLER_VERBS = ["announced", "reported", "approved", "postponed", "welcomed", "reviewed"]
FILLER_OBJECTS = ["a new budget for road repairs", "record rainfall for the season", "a rise in coffee prices",
                  "the opening of a new school", "a delay in the harvest", "plans for a music festival",
                  "lower interest rates", "a summer timetable with {n} extra flights"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def filler_paragraph(rng: random.Random) -> str:
    """A few sentences of ordinary news with nothing for the extractor to find."""
    sentences = []
    for _ in range(rng.randint(3, 6)):
        obj = rng.choice(FILLER_OBJECTS).format(n=rng.randint(2, 40))
        sentences.append(f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} {obj} on {rng.choice(DAYS)}.")
    return " ".join(sentences)


def load_dev_texts(path: Path) -> list[dict]:
    """The dev records (text and publication date only: answers are never read)."""
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [{"text": r["text"], "published": r.get("published")} for r in records if r.get("text")]


def generate(dev: list[dict], count: int, seed: int = 7) -> Iterator[Document]:
    """``count`` distinct documents built from the dev texts and filler (see the module docstring)."""
    rng = random.Random(seed)
    for i in range(count):
        base = dev[i % len(dev)]
        paragraphs = [base["text"]] if i % 3 == 0 else []
        paragraphs += [filler_paragraph(rng) for _ in range(rng.randint(1, 2))]
        text = "\n\n".join(paragraphs + [f"(Item {i} of the generated corpus.)"])
        yield Document(document_id=f"gen-{i}", text=text, content_hash=content_hash(text), origin="generated",
                       input_format=InputFormat.JSONL, published=base["published"], locator=f"line {i + 1}")


def batches(dev: list[dict], count: int) -> Iterator[list[Document]]:
    """The generated corpus in batches of ``BATCH``, built lazily so memory does not grow with ``count``."""
    batch: list[Document] = []
    for document in generate(dev, count):
        batch.append(document)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class RssSampler:
    """Peak resident memory and CPU time per process of this process tree, sampled on a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}   # user + system seconds at the last sample
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            for proc in [me, *me.children(recursive=True)]:
                try:
                    self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), proc.memory_info().rss)
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
                except psutil.Error:
                    continue  # a process that just ended

    def worker_peak_mib(self, client_too: bool) -> float:
        """The largest peak among the processes doing the work (this one only for in-process runs)."""
        mine = os.getpid()
        peaks = [rss for pid, rss in list(self.peaks.items()) if client_too or pid != mine]
        return max(peaks, default=0) / 2**20

    def client_peak_mib(self) -> float:
        """The peak of this process (the client)."""
        return self.peaks.get(os.getpid(), 0) / 2**20

    def cpu_seconds(self) -> tuple[float, float]:
        """CPU seconds used so far by the other processes (workers) and by this one (client)."""
        mine = os.getpid()
        workers = sum(seconds for pid, seconds in list(self.cpu.items()) if pid != mine)
        return workers, self.cpu.get(mine, 0.0)


@dataclass
class Measured:
    """One configuration's steady-state numbers."""

    name: str
    workers: int
    docs: int = 0
    words: int = 0
    seconds: float = 0.0
    startup_s: float = 0.0
    worker_peak_mib: float = 0.0
    client_peak_mib: float = 0.0
    results: list[DocumentResult] = field(default_factory=list, repr=False)
    checkpoints: list[dict] = field(default_factory=list)
    worker_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def docs_per_s(self) -> float:
        """Documents per second after the warm-up batch."""
        return self.docs / self.seconds if self.seconds else 0.0

    def row(self) -> dict:
        """The JSON-ready numbers."""
        return {"name": self.name, "workers": self.workers, "docs": self.docs, "seconds": round(self.seconds, 2),
                "docs_per_s": round(self.docs_per_s, 2), "words_per_s": round(self.words / self.seconds, 1),
                "startup_s": round(self.startup_s, 1), "worker_peak_rss_mib": round(self.worker_peak_mib, 1),
                "client_peak_rss_mib": round(self.client_peak_mib, 1),
                "worker_cpu_ms_per_doc": round(1000 * self.worker_cpu_s / self.docs, 1),
                "client_cpu_ms_per_doc": round(1000 * self.client_cpu_s / self.docs, 1)}


def make(name: str, spec: PipelineSpec) -> tuple[Executor, int]:
    """The executor a configuration name stands for, and its number of workers."""
    workers = int(name[-1]) if name[-1].isdigit() else 1
    if name == "inprocess":
        return LocalExecutor(spec), 1
    if name.startswith("pool"):
        return ProcessExecutor(spec, workers), workers
    from conflictlog.run.dask_executor import DaskExecutor
    return DaskExecutor(spec, "local", workers), workers


def measure(name: str, dev: list[dict], count: int, keep: bool = False, checkpoints: Sequence[int] = ()) -> Measured:
    """Run one configuration over ``count`` generated documents (plus ``BATCH * workers`` warm-up).

    At each of ``checkpoints`` (documents done) the peaks so far and the rate so far are noted.
    """
    spec = PipelineSpec()  # the best installed spaCy pipeline, as conflictlog ingest picks it
    started = time.perf_counter()
    executor, workers = make(name, spec)
    measured = Measured(name, workers)
    pending = sorted(checkpoints)
    try:
        with RssSampler() as sampler:
            warm = list(executor.run(list(batches(dev[::-1], BATCH * workers))))  # loads every worker's pipeline
            measured.startup_s = time.perf_counter() - started
            time.sleep(2 * sampler.interval)  # a fresh CPU sample after the warm-up
            cpu_before = sampler.cpu_seconds()
            clock = time.perf_counter()
            for results in executor.run(batches(dev, count)):
                measured.docs += len(results)
                measured.words += sum(len(r.document.text.split()) for r in results)
                if keep:
                    measured.results.extend(results)
                measured.seconds = time.perf_counter() - clock
                while pending and measured.docs >= pending[0]:
                    measured.checkpoints.append(checkpoint(measured, sampler, pending.pop(0)))
            time.sleep(2 * sampler.interval)  # let the sampler see the last CPU seconds
            cpu_after = sampler.cpu_seconds()
    finally:
        executor.close()
    del warm
    measured.worker_peak_mib = sampler.worker_peak_mib(client_too=name == "inprocess")
    measured.client_peak_mib = sampler.client_peak_mib()
    measured.worker_cpu_s, measured.client_cpu_s = (after - before for after, before in zip(cpu_after, cpu_before))
    return measured


def checkpoint(measured: Measured, sampler: RssSampler, size: int) -> dict:
    """The memory and rate of ``measured`` after ``size`` documents (printed at once: long runs)."""
    row = {"docs": size, "config": measured.name, "worker_peak_rss_mib": round(sampler.worker_peak_mib(False), 1),
           "client_peak_rss_mib": round(sampler.client_peak_mib(), 1), "docs_per_s": round(measured.docs_per_s, 2),
           "words_per_s": round(measured.words / measured.seconds, 1), "seconds": round(measured.seconds, 1)}
    print(json.dumps(row), file=sys.stderr, flush=True)
    return row


def writer_rate(results: list[DocumentResult]) -> float:
    """Documents per second the single SQLite writer stores (one transaction per document)."""
    with tempfile.TemporaryDirectory() as folder, Repository.open(str(Path(folder) / "w.sqlite")) as repo:
        clock = time.perf_counter()
        for result in results:
            repo.save_result(result)
        return len(results) / (time.perf_counter() - clock)


def report(rows: dict[str, Measured], memory: dict, writer: float) -> dict:
    """Ratios, scaling efficiency and the memory comparison, next to the raw rows."""
    rate = {name: m.docs_per_s for name, m in rows.items()}
    summary = {
        "rows": [m.row() for m in rows.values()],
        "ratios_vs_inprocess": {name: round(r / rate["inprocess"], 3) for name, r in rate.items()},
        "scaling_efficiency_pool": round(rate["pool2"] / (2 * rate["pool1"]), 3),
        "scaling_efficiency_dask": round(rate["dask2"] / (2 * rate["dask1"]), 3),
        "dask_overhead_vs_pool_2_workers": round(1 - rate["dask2"] / rate["pool2"], 3),
        "per_core_docs_per_s": round(rate["inprocess"], 2),
        "sqlite_writer_docs_per_s": round(writer, 1),
        "memory": memory,
    }
    return {**summary, **machine()}


def compare(names: list[str], dev: list[dict], count: int) -> dict[str, Measured]:
    """Each configuration over the same ``count`` documents, one after the other."""
    rows: dict[str, Measured] = {}
    for name in names:
        rows[name] = measure(name, dev, count, keep=name == "inprocess")
        print(json.dumps(rows[name].row()), file=sys.stderr, flush=True)
    return rows


def memory_check(name: str, dev: list[dict], sizes: list[int]) -> dict:
    """One run of ``name`` over the largest size, with the peaks noted at every size on the way."""
    measured = measure(name, dev, max(sizes), checkpoints=sizes)
    first, last = measured.checkpoints[0], measured.checkpoints[-1]
    return {"config": name, "checkpoints": measured.checkpoints,
            "worker_peak_growth": round(last["worker_peak_rss_mib"] / first["worker_peak_rss_mib"] - 1, 3),
            "client_peak_growth": round(last["client_peak_rss_mib"] / first["client_peak_rss_mib"] - 1, 3)}


def machine() -> dict:
    """What the numbers were measured on: cores, load at the end, thread settings."""
    return {"cpu_count": os.cpu_count(), "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
            "thread_settings": {name: os.environ.get(name) for name in THREAD_VARIABLES}}


def single_threaded_blas() -> None:
    """Run this script again with ``THREAD_VARIABLES`` set to 1 unless set: BLAS reads them when it loads."""
    missing = [name for name in THREAD_VARIABLES if name not in os.environ]
    if missing:
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **dict.fromkeys(missing, "1")})


def main(argv: list[str] | None = None) -> int:
    """Run every configuration (or only the memory check), print and optionally save the JSON report."""
    single_threaded_blas()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path, help="JSONL with a text field (e.g. the muc4 dev set)")
    parser.add_argument("--docs", type=int, default=640, help="documents per configuration")
    parser.add_argument("--memory-sizes", default="320,1280", help="corpus sizes for the flat-memory check")
    parser.add_argument("--memory-config", default="dask2", help="the configuration the memory check runs")
    parser.add_argument("--memory-only", action="store_true", help="run only the memory check")
    parser.add_argument("--configs", default="inprocess,pool1,pool2,dask1,dask2")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    dev = load_dev_texts(args.dev)
    sizes = [int(size) for size in args.memory_sizes.split(",")]
    if args.memory_only:
        summary = {"memory": memory_check(args.memory_config, dev, sizes), **machine()}
    else:
        rows = compare(args.configs.split(","), dev, args.docs)
        writer = writer_rate(rows["inprocess"].results)
        summary = report(rows, memory_check(args.memory_config, dev, sizes), writer)
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
