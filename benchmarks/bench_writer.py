"""Writer benchmark: documents per second stored one per transaction vs a batch per transaction.

Usage:
    python benchmarks/bench_writer.py DEV.jsonl [--docs 640] [--batch 32] [--pg postgresql://...] [--json OUT]

The results are those of the in-process pipeline over the generated corpus of
``bench_scale.py`` (so documents carry their real events and incidents); they are computed
once, then stored into a fresh SQLite file, and into the PostgreSQL database ``--pg`` (its
conflictlog tables are emptied first: give a throwaway database), first with
``Repository.save_result`` per document, then with ``Repository.save_results`` per batch.
Cross-report fusion is the same work on both paths; ``batched_and_fused`` adds it to the
batched writer, for the rate the whole ingest client (store + fuse) can keep up with.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import create_engine, text

from bench_scale import batches, load_dev_texts
from conflictlog.models import DocumentResult
from conflictlog.run.executors import LocalExecutor
from conflictlog.run.pipeline import PipelineSpec
from conflictlog.run.fusion import fuse_stored
from conflictlog.store import Repository, SaveOutcome
from conflictlog.store.engine import parse_url

Writer = Callable[[Repository, Sequence[DocumentResult], int], None]


def one_by_one(repo: Repository, results: Sequence[DocumentResult], _batch: int) -> None:
    """The former ingest writer: one transaction per document."""
    for result in results:
        repo.save_result(result)


def batched(repo: Repository, results: Sequence[DocumentResult], batch: int) -> None:
    """The ingest writer now: one transaction per executor batch."""
    for start in range(0, len(results), batch):
        repo.save_results(results[start:start + batch])


def batched_and_fused(repo: Repository, results: Sequence[DocumentResult], batch: int) -> None:
    """What the ingest client does per batch: store it, then fuse each stored document."""
    for start in range(0, len(results), batch):
        chunk = results[start:start + batch]
        for result, outcome in zip(chunk, repo.save_results(chunk), strict=True):
            if outcome != SaveOutcome.DUPLICATE:
                fuse_stored(repo, result)


WRITERS: list[tuple[str, Writer]] = [("one_by_one", one_by_one), ("batched", batched),
                                     ("batched_and_fused", batched_and_fused)]


def pipeline_results(dev: list[dict], count: int) -> list[DocumentResult]:
    """The in-process pipeline's results for the first ``count`` generated documents."""
    executor = LocalExecutor(PipelineSpec())
    return [result for results in executor.run(batches(dev, count)) for result in results]


def empty_postgres(url: str) -> None:
    """Drop every table of the throwaway database ``url`` so the next Repository starts empty."""
    engine = create_engine(parse_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def rate(db: str, writer: Writer, results: list[DocumentResult], batch: int) -> float:
    """Documents per second ``writer`` stores into the empty database ``db``."""
    with Repository.open(db) as repo:
        clock = time.perf_counter()
        writer(repo, results, batch)
        seconds = time.perf_counter() - clock
        assert repo.stats()["documents"] == len({r.document.content_hash for r in results})
    return len(results) / seconds


def measure(results: list[DocumentResult], batch: int, pg: str | None) -> dict[str, float]:
    """Each writer on each backend, twice in alternation; the better rate of the two counts."""
    rates: dict[str, float] = {}
    for attempt in range(2):
        for name, writer in WRITERS:
            with tempfile.TemporaryDirectory() as folder:
                key = f"sqlite_{name}_docs_per_s"
                rates[key] = max(rates.get(key, 0.0), rate(str(Path(folder) / "w.sqlite"), writer, results, batch))
            if pg:
                empty_postgres(pg)
                key = f"postgresql_{name}_docs_per_s"
                rates[key] = max(rates.get(key, 0.0), rate(pg, writer, results, batch))
    return {key: round(value, 1) for key, value in sorted(rates.items())}


def main(argv: list[str] | None = None) -> int:
    """Compute the results once, time the writers, print (and optionally save) the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path, help="JSONL with a text field (e.g. the muc4 dev set)")
    parser.add_argument("--docs", type=int, default=640)
    parser.add_argument("--batch", type=int, default=32, help="documents per transaction when batched")
    parser.add_argument("--pg", help="URL of a throwaway PostgreSQL database (emptied!)")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    results = pipeline_results(load_dev_texts(args.dev), args.docs)
    report = {"docs": len(results), "batch": args.batch,
              "events": sum(len(r.events) for r in results), **measure(results, args.batch, args.pg)}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
