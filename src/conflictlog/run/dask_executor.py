"""The Dask executor: the same stages on a Dask cluster, local or remote.

``--dask local`` starts a ``LocalCluster`` of single-threaded worker processes;
``--dask tcp://HOST:8786`` uses a running scheduler (its workers need conflictlog, the spaCy
model and the input files on a shared path). A worker plugin builds the pipeline once per
worker process, also on a worker the nanny restarts after a crash.

Faults: a worker that dies takes its tasks with it, and the scheduler runs them again on
another worker; the client keeps each result once, in input order, so nothing is lost or
stored twice. A batch that kills every worker it lands on (Dask gives up after a few tries)
becomes ``processing_failed`` results for its documents, not a failed run. Memory stays flat:
at most ``2 x threads`` tasks are in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO, TypeVar

from distributed import Client, Future, WorkerPlugin
from distributed.scheduler import KilledWorker

from ..config import Settings
from ..ingest import InputFile, iter_documents
from ..ingest.inputs import STDIN_PATH
from ..ingest.shards import Shard, plan_shards, read_shard
from ..models import Document, DocumentResult, Rejected, RejectReason
from .pipeline import Pipeline, PipelineSpec, failed_result
from .workers import LOCAL, local_cluster

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")

_pipelines: dict[PipelineSpec, Pipeline] = {}


def worker_pipeline(spec: PipelineSpec) -> Pipeline:
    """The pipeline of this worker process, built the first time it is asked for."""
    pipeline = _pipelines.get(spec)
    if pipeline is None:
        pipeline = _pipelines[spec] = spec.build()
    return pipeline


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline and the gazetteer when a worker starts, before its first task."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def setup(self, worker: object) -> None:
        """Build this worker's pipeline (seconds, once per worker process)."""
        worker_pipeline(self.spec)


def _process_batch(spec: PipelineSpec, batch: list[Document]) -> list[DocumentResult]:
    return worker_pipeline(spec).process(batch)


def _read_shard(shard: Shard, settings: Settings) -> list[Document | Rejected]:
    return list(read_shard(shard, settings))


class DaskExecutor:
    """Runs batches, and reads input shards, as tasks on a Dask cluster."""

    def __init__(self, spec: PipelineSpec, address: str, jobs: int | None = None) -> None:
        self._spec = spec
        self._cluster = local_cluster(jobs) if address == LOCAL else None
        self._client = Client(self._cluster if self._cluster is not None else address)
        self._client.register_plugin(PipelineLoader(spec), name=f"conflictlog-pipeline-{hash(spec)}")
        self._window = 2 * max(2, sum(self._client.nthreads().values()))

    @property
    def client(self) -> Client:
        """The Dask client (for a dashboard link or a progress bar)."""
        return self._client

    def run(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[DocumentResult]]:
        """Results batch by batch, in input order, with a bounded number of batches in flight."""
        tasks = ((_process_batch, self._spec, list(batch)) for batch in batches)
        return self._ordered(tasks, _failed_batch)

    def read(self, files: Sequence[InputFile], settings: Settings,
             stdin: BinaryIO | None = None) -> Iterator[Document | Rejected]:
        """Every item of ``files`` in order, each shard read by a worker; standard input is read here."""
        if any(file.path == STDIN_PATH for file in files):
            yield from iter_documents(files, settings, stdin=stdin)
            return
        tasks = ((_read_shard, shard, settings) for shard in plan_shards(files))
        for items in self._ordered(tasks, _unreadable_shard):
            yield from items

    def close(self) -> None:
        """Disconnect; a cluster this executor started is stopped."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _ordered(self, tasks: Iterable[tuple], on_lost: Callable[[tuple, Exception], Outcome]) -> Iterator[Outcome]:
        pending: deque[tuple[tuple, Future]] = deque()
        for task in tasks:
            pending.append((task, self._client.submit(*task, pure=False)))
            if len(pending) >= self._window:
                yield _outcome(*pending.popleft(), on_lost)
        while pending:
            yield _outcome(*pending.popleft(), on_lost)


def _outcome(task: tuple, future: Future, on_lost: Callable[[tuple, Exception], Outcome]) -> Outcome:
    try:
        return future.result()
    except KilledWorker as exc:  # the task killed every worker it ran on; other errors end the run
        return on_lost(task, exc)
    finally:
        future.release()  # the scheduler can forget the result at once: memory stays flat


def _failed_batch(task: tuple, exc: Exception) -> list[DocumentResult]:
    return [failed_result(document, exc) for document in task[2]]


def _unreadable_shard(task: tuple, exc: Exception) -> list[Document | Rejected]:
    shard: Shard = task[1]
    locator = f"bytes {shard.start}-{shard.end if shard.end is not None else 'end'}"
    detail = f"{shard.file.path}, {locator}: reading it killed the workers ({exc}); check the file, then ingest it again"
    return [Rejected(shard.file.path, RejectReason.UNREADABLE, detail, locator=locator)]
