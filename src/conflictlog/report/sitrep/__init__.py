"""Situation reports: totals, map, timeline, incident table, contested claims, what changed,
methods; as self-contained HTML, PDF or Markdown (``conflictlog report``).

    write_report(db, scope, fmt, output, since_last=False) -> Sitrep
    build_sitrep(ReportInput, scope, previous_state) -> (Sitrep, state)
    render(report, fmt) -> bytes
"""

from __future__ import annotations

from .build import ReportInput, build_sitrep
from .content import Sitrep
from .selection import Scope, select_incidents
from .write import REPORT_FORMATS, read_input, render, write_report

__all__ = ["REPORT_FORMATS", "ReportInput", "Scope", "Sitrep", "build_sitrep", "read_input", "render",
           "select_incidents", "write_report"]
