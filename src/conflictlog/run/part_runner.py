"""Where the tasks of a partitioned re-fuse run: in this process, a process pool, or on Dask.

The conventions are those of ``run.executors``: ``jobs`` 1 runs here, 0 or None one worker
per CPU core; ``dask`` "local" starts a ``LocalCluster`` of ``jobs`` single-threaded worker
processes, an address (``tcp://HOST:8786``) uses a running scheduler. Fusion tasks need no
pipeline, so no worker set-up is needed: a task carries its own documents and events.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol

from .workers import LOCAL, dask_errors, local_cluster, worker_count


class PartRunner(Protocol):
    """Runs a function over argument tuples, results in argument order."""

    workers: int

    def map(self, function: Callable[..., Any], arguments: Sequence[tuple]) -> list[Any]:
        """``function(*a)`` for each ``a``, results in order."""
        ...

    def close(self) -> None:
        """Release the workers."""
        ...


class InProcessRunner:
    """Runs every task here, one after the other."""

    workers = 1

    def map(self, function: Callable[..., Any], arguments: Sequence[tuple]) -> list[Any]:
        """``function(*a)`` for each ``a``."""
        return [function(*a) for a in arguments]

    def close(self) -> None:
        """Nothing to release."""


class PoolRunner:
    """Runs tasks in ``jobs`` worker processes (task functions and arguments must pickle)."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        # Spawned, not forked: a forked worker inherits the client's whole heap, and its garbage
        # collector touching those objects copies their pages (a third more CPU measured at 100k).
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))

    def map(self, function: Callable[..., Any], arguments: Sequence[tuple]) -> list[Any]:
        """``function(*a)`` for each ``a``, run in the pool."""
        futures = [self._pool.submit(function, *a) for a in arguments]
        return [future.result() for future in futures]

    def close(self) -> None:
        """Stop the workers."""
        self._pool.shutdown(cancel_futures=True)


class DaskRunner:
    """Runs tasks on a Dask cluster; each task's arguments are sent to one worker only."""

    def __init__(self, address: str, jobs: int) -> None:
        from distributed import Client

        self._cluster = local_cluster(jobs) if address == LOCAL else None
        self._client = Client(self._cluster if self._cluster is not None else address)
        self.workers = max(1, sum(self._client.nthreads().values()))

    def map(self, function: Callable[..., Any], arguments: Sequence[tuple]) -> list[Any]:
        """``function(*a)`` for each ``a``; arguments are scattered, not embedded in the task graph."""
        futures = [self._client.submit(_apply, function, self._client.scatter([a], hash=False)[0], pure=False)
                   for a in arguments]
        try:
            return self._client.gather(futures)
        finally:
            for future in futures:
                future.release()

    def close(self) -> None:
        """Disconnect; a cluster this runner started is stopped."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _apply(function: Callable[..., Any], arguments: tuple) -> Any:
    return function(*arguments)


@contextmanager
def open_runner(jobs: int | None = 1, dask: str | None = None) -> Iterator[PartRunner]:
    """A runner for ``jobs`` workers (1: here; 0 or None: one per core) or on Dask, closed on exit."""
    runner = make_runner(jobs, dask)
    try:
        yield runner
    finally:
        runner.close()


def make_runner(jobs: int | None = 1, dask: str | None = None) -> PartRunner:
    """The runner ``open_runner`` yields; the caller closes it."""
    jobs = worker_count(jobs)
    if dask:
        return _dask_runner(dask, jobs)
    return InProcessRunner() if jobs == 1 else PoolRunner(jobs)


def _dask_runner(address: str, jobs: int) -> PartRunner:
    with dask_errors(address):
        return DaskRunner(address, jobs)
