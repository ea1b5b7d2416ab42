"""Where the per-document pipeline runs: in this process, or in a pool of worker processes.

Only the runner knows about executors; stages never do. Each worker builds its pipeline once
(spaCy model and gazetteer), never per document.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import BinaryIO, Protocol

from ..config import Settings
from ..ingest import InputFile, iter_documents
from ..models import Document, DocumentResult, Rejected
from .pipeline import Pipeline, PipelineSpec
from .workers import dask_errors, worker_count


class Executor(Protocol):
    """Runs the pipeline over batches of documents, yielding results in input order."""

    def run(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[DocumentResult]]: ...

    def read(self, files: Sequence[InputFile], settings: Settings,
             stdin: BinaryIO | None = None) -> Iterator[Document | Rejected]: ...

    def close(self) -> None: ...


class _ReadsHere:
    """Reads the inputs in this process: parsing is cheap next to the pipeline on one machine."""

    def read(self, files: Sequence[InputFile], settings: Settings,
             stdin: BinaryIO | None = None) -> Iterator[Document | Rejected]:
        """Every item of ``files``, in order."""
        return iter_documents(files, settings, stdin=stdin)


class LocalExecutor(_ReadsHere):
    """Runs every batch in this process (the default for one job)."""

    def __init__(self, spec: PipelineSpec) -> None:
        self._spec = spec
        self._pipeline: Pipeline | None = None

    def run(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[DocumentResult]]:
        """Results batch by batch; the pipeline is loaded on first use."""
        if self._pipeline is None:
            self._pipeline = self._spec.build()
        for batch in batches:
            yield self._pipeline.process(batch)

    def close(self) -> None:
        """Nothing to release: the pipeline goes with the process."""


_worker_pipeline: Pipeline | None = None


def _init_worker(spec: PipelineSpec) -> None:
    global _worker_pipeline  # one pipeline per worker process, loaded once
    _worker_pipeline = spec.build()


def _process_in_worker(batch: Sequence[Document]) -> list[DocumentResult]:
    assert _worker_pipeline is not None, "worker started without its pipeline"
    return _worker_pipeline.process(batch)


class ProcessExecutor(_ReadsHere):
    """Runs batches in ``jobs`` worker processes, keeping a bounded number in flight."""

    def __init__(self, spec: PipelineSpec, jobs: int) -> None:
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(spec,))
        self._window = jobs * 2  # enough to keep workers busy; bounded so memory stays flat

    def run(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[DocumentResult]]:
        """Results in input order, at most ``2 * jobs`` batches submitted ahead."""
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(self._pool.submit(_process_in_worker, list(batch)))
            if len(pending) >= self._window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        """Stop the workers."""
        self._pool.shutdown(cancel_futures=True)


def make_executor(spec: PipelineSpec, jobs: int | None = 1, dask: str | None = None) -> Executor:
    """An executor for ``jobs`` processes: 1 runs in-process, 0 or None means one per CPU core.

    ``dask`` ("local", or a scheduler address such as ``tcp://host:8786``) runs on Dask instead;
    with "local", ``jobs`` is the number of worker processes of the cluster it starts.
    """
    jobs = worker_count(jobs)
    if jobs == 1 and not dask:
        return LocalExecutor(spec)
    spec = spec.prepare()
    return _dask_executor(spec, dask, jobs) if dask else ProcessExecutor(spec, jobs)


def _dask_executor(spec: PipelineSpec, address: str, jobs: int) -> Executor:
    with dask_errors(address):
        from .dask_executor import DaskExecutor

        return DaskExecutor(spec, address, jobs)
