"""The hand-built format v1 records of tests/data/export/samples.py, shared by the export and schema tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def _load_samples() -> ModuleType:
    spec = importlib.util.spec_from_file_location("export_samples_data", Path(__file__).parent / "data/export/samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES = _load_samples()
