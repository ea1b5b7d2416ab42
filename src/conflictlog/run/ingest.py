"""The ingest job: read inputs, run the pipeline on new documents, store everything.

Idempotent: documents are keyed by content hash, so a second run over the same corpus adds
nothing. Resumable: each batch of documents is stored with its events and incidents in one
transaction (``Repository.save_results``), then fused document by document; a run killed
midway is finished by running it again (``catch_up`` fuses what was stored but not fused).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from typing import BinaryIO

from ..config import Settings
from ..ingest import InputFile, discover
from ..models import Document, DocumentResult, Rejected
from ..store import Repository, SaveOutcome
from .executors import make_executor
from .fusion import catch_up, finish_backfill, fuse_stored
from .pipeline import PipelineSpec

BATCH_SIZE = 32


class FuseMode(StrEnum):
    """When cross-report fusion runs during an ingest."""

    EACH = "each"     # every stored document joins the stored incidents at once (daily feeds)
    AFTER = "after"   # store everything first, then one full re-fuse in parallel parts (back-fills)


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run, shown at its end."""

    files: int = 0
    documents: int = 0            # documents read from the inputs
    added: int = 0
    replaced: int = 0             # a new version of a document id already stored
    duplicates: int = 0           # exact copies (same content hash) of stored or earlier documents
    events: int = 0
    incidents: int = 0            # per-report incidents of the documents added in this run
    incidents_stored: int = 0     # incidents in the database after cross-report fusion
    rejected: Counter = field(default_factory=Counter)   # reason -> count, this run
    seconds: float = 0.0

    @property
    def rejected_total(self) -> int:
        """All items rejected in this run, whatever the reason."""
        return sum(self.rejected.values())


ProgressHook = Callable[[Document | Rejected], None]
FilesHook = Callable[[int], None]


def ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    jobs: int | None = 1,
    dask: str | None = None,
    stdin: BinaryIO | None = None,
    on_item: ProgressHook | None = None,
    on_files: FilesHook | None = None,
    fuse: FuseMode = FuseMode.EACH,
) -> IngestSummary:
    """Ingest ``paths`` into the database of ``settings``; returns what happened.

    ``on_files`` is told how many input files were found, and ``on_item`` is called for
    every item once it is done with: a rejected item or an exact copy when read, a new
    document once it is stored and fused. A progress bar hooking in there follows the whole
    job, whichever executor runs it. ``dask`` runs on a Dask cluster ("local" or a scheduler
    address, see ``run.dask_executor``); else ``jobs`` processes run here. With
    ``fuse=FuseMode.AFTER`` documents are stored unfused and one partitioned re-fuse of the
    whole database runs at the end on as many workers (``run.fusion.finish_backfill``);
    a back-fill cut off anywhere is finished by running it again.
    Raises InputError for a path that matches nothing, StorageError for the database.
    """
    started = time.perf_counter()
    files = discover(paths)
    summary = IngestSummary(files=len(files))
    if on_files:
        on_files(len(files))
    fuse_each = fuse == FuseMode.EACH
    with Repository.open(settings.db) as repo:
        if fuse_each:
            catch_up(repo)   # documents a cut-off run stored but did not fuse yet
        _extract_and_store(repo, files, settings, summary, jobs=jobs, dask=dask, stdin=stdin,
                           on_item=on_item, fuse_each=fuse_each)
        if not fuse_each:   # after the extraction workers are gone: the re-fuse starts its own
            finish_backfill(repo, jobs=jobs, dask=dask)
        summary.incidents_stored = repo.stats()["incidents"]
    summary.seconds = time.perf_counter() - started
    return summary


def _extract_and_store(repo: Repository, files: Sequence[InputFile], settings: Settings, summary: IngestSummary, *,
                       jobs: int | None, dask: str | None, stdin: BinaryIO | None,
                       on_item: ProgressHook | None, fuse_each: bool) -> None:
    """Run the pipeline over the new documents of ``files`` and store (and fuse, unless deferred) the results."""
    executor = make_executor(PipelineSpec(model=settings.model), jobs, dask)
    try:
        items = executor.read(files, settings, stdin)
        fresh = _new_documents(items, repo, summary, on_item)
        for results in executor.run(_batches(fresh, BATCH_SIZE)):
            _store(repo, results, summary, on_item, fuse_each)
    finally:
        executor.close()


def _new_documents(items: Iterable[Document | Rejected], repo: Repository, summary: IngestSummary,
                   on_item: ProgressHook | None) -> Iterator[Document]:
    """Documents not stored yet; rejected items are stored on the way, exact copies counted."""
    seen: set[str] = set()
    for chunk in _batches(items, 256):
        stored = repo.known_hashes(d.content_hash for d in chunk if isinstance(d, Document))
        for item in chunk:
            if isinstance(item, Rejected):
                repo.save_rejected(item)
                summary.rejected[item.reason] += 1
                _tell(on_item, item)
                continue
            summary.documents += 1
            if item.content_hash in stored or item.content_hash in seen:
                summary.duplicates += 1
                _tell(on_item, item)
                continue
            seen.add(item.content_hash)
            yield item


def _tell(on_item: ProgressHook | None, item: Document | Rejected) -> None:
    if on_item:
        on_item(item)


def _store(repo: Repository, results: list[DocumentResult], summary: IngestSummary,
           on_item: ProgressHook | None, fuse_each: bool) -> None:
    """Store a batch in one transaction per run of distinct ids, then fuse (unless deferred) and report each document."""
    for run in _distinct_id_runs(results):
        for result, outcome in zip(run, repo.save_results(run), strict=True):
            _fuse_and_count(repo, result, outcome, summary, fuse_each)
        for result in run:
            _tell(on_item, result.document)


def _fuse_and_count(repo: Repository, result: DocumentResult, outcome: SaveOutcome,
                    summary: IngestSummary, fuse_each: bool) -> None:
    if outcome == SaveOutcome.DUPLICATE:
        summary.duplicates += 1
        return
    if fuse_each:
        fuse_stored(repo, result)   # join the incidents of earlier reports (cross-report fusion)
    summary.added += outcome == SaveOutcome.ADDED
    summary.replaced += outcome == SaveOutcome.REPLACED
    summary.events += len(result.events)
    summary.incidents += len(result.incidents)
    if result.failure:
        summary.rejected[result.failure.reason] += 1


def _distinct_id_runs(results: list[DocumentResult]) -> Iterator[list[DocumentResult]]:
    """Consecutive runs without a repeated document_id: a version must be fused before the next replaces it."""
    run: list[DocumentResult] = []
    ids: set[str] = set()
    for result in results:
        if result.document.document_id in ids:
            yield run
            run, ids = [], set()
        run.append(result)
        ids.add(result.document.document_id)
    if run:
        yield run


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
