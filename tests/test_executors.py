"""Choosing an executor at run time: in-process, process pool, or Dask."""

from __future__ import annotations

import pytest

from conflictlog.errors import ConfigError
from conflictlog.run.executors import LocalExecutor, ProcessExecutor, make_executor
from conflictlog.run.pipeline import PipelineSpec

SPEC = PipelineSpec()


def test_one_job_runs_in_process() -> None:
    assert isinstance(make_executor(SPEC, 1), LocalExecutor)


@pytest.mark.parametrize("jobs", [0, None, 3])
def test_more_jobs_or_the_default_use_a_process_pool_sized_to_the_cores(jobs: int | None,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    executor = make_executor(SPEC, jobs)
    try:
        assert isinstance(executor, ProcessExecutor) and executor._window == 6
    finally:
        executor.close()


def test_negative_jobs_are_refused_with_a_hint() -> None:
    with pytest.raises(ConfigError, match="negative"):
        make_executor(SPEC, -2)


def test_an_unreachable_scheduler_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(ConfigError, match="no Dask scheduler"):
            make_executor(SPEC, 1, dask="tcp://127.0.0.1:9")


def test_a_missing_model_is_reported_before_any_worker_starts():
    from conflictlog.errors import ModelError
    from conflictlog.run.executors import make_executor
    from conflictlog.run.pipeline import PipelineSpec

    with pytest.raises(ModelError, match="pip install"):
        make_executor(PipelineSpec(model="en_core_web_nonexistent"), jobs=2)
