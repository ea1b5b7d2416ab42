"""What every runner shares: how many workers a run gets, the Dask cluster ``--dask local``
starts, and what a Dask that cannot be used means to the user.

Used by the pipeline executors (``run.executors``, ``run.dask_executor``) and by the runners
of the partitioned re-fuse (``run.part_runner``), so both read ``--jobs`` and ``--dask`` the
same way. Dask is imported only when a Dask run is asked for.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from distributed import LocalCluster

#: The value of ``--dask`` that starts a cluster on this machine.
LOCAL = "local"


def worker_count(jobs: int | None) -> int:
    """The number of workers ``--jobs`` asks for: 0 or None means one per CPU core."""
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise ConfigError(f"--jobs {jobs} is negative", hint="give a number of processes, or 0 for one per core")
    return jobs


@contextmanager
def dask_errors(address: str) -> Iterator[None]:
    """Turn a missing Dask install or a scheduler that does not answer into a ConfigError saying what to do."""
    try:
        yield
    except ImportError as error:
        raise ConfigError(f"--dask needs Dask, which is not installed ({error})",
                          hint="install it with: pip install 'conflictlog[dask]'") from error
    except (OSError, TimeoutError) as error:
        raise ConfigError(f"no Dask scheduler answers at {address!r} ({error})",
                          hint="start one with 'dask scheduler', or use --dask local") from error


def local_cluster(jobs: int | None) -> LocalCluster:
    """A ``LocalCluster`` of ``jobs`` single-threaded worker processes (0 or None: one per core)."""
    import dask
    from distributed import LocalCluster

    # One thread per worker: spaCy is not shared between threads, and the GIL would serialise them anyway.
    with dask.config.set(local_worker_config()):
        return LocalCluster(n_workers=worker_count(jobs), threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR)


def local_worker_config() -> dict[str, Any]:
    """Dask settings for the workers ``--dask local`` starts (docs/scaling.md has the measurements).

    The statistical profiler, which samples the task thread's stack every 10 ms under the
    GIL, is off: nobody looks at a LocalCluster's dashboard profile here.
    """
    return {"distributed.nanny.pre-spawn-environ": worker_environment(),
            "distributed.worker.profile.enabled": False}


def worker_environment() -> dict[str, Any]:
    """The variables a nanny sets before it starts a worker: Dask's, less its malloc trim threshold.

    Dask lowers glibc's ``MALLOC_TRIM_THRESHOLD_`` to 64 KiB so that workers give freed array
    memory back at once; with spaCy's many small allocations that costs about 11 % more CPU
    per document (measured, docs/scaling.md), and worker memory stays flat without it.
    Single-threaded BLAS/OpenMP (``OMP_NUM_THREADS=1`` ...) is kept: one worker per core.
    """
    import dask

    environment = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environment.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environment
