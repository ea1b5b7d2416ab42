"""What changed since the last report, and how developing stories moved from report to report.

A report's state (per incident: figures, status, number of sources, a label) is saved as JSON
next to the report file; ``--since-last`` compares the current incidents with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...models import HistoryEntry, Incident, IncidentCasualty
from ..tables import figure
from .content import Change

STATE_FORMAT = "conflictlog-sitrep-state/1"
_KIND_ORDER = ("new", "revised", "status", "sources", "gone")


def state_path(output: Path) -> Path:
    """Where the state of the report written to ``output`` is kept."""
    return output.with_name(output.name + ".state.json")


def snapshot(scope_key: str, incidents: Sequence[Incident], labels: Mapping[str, str]) -> dict[str, Any]:
    """The state of a report: enough to tell later what changed."""
    return {"format": STATE_FORMAT, "scope": scope_key,
            "incidents": {i.id: {"label": labels[i.id], "status": str(i.status), "sources": len(i.sources),
                                 "figures": _figures(i.casualties)} for i in incidents}}


def load_state(path: Path) -> dict[str, Any] | None:
    """The saved state, or None if there is none yet; a file that is not a state is an error."""
    if not path.exists():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read the previous report's state {path}: {error}; delete it to start afresh") from None
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        raise ConfigError(f"{path} is not a conflictlog report state; delete it to start afresh")
    return state


def first_state(scope_key: str) -> dict[str, Any]:
    """The state to compare with when no report was written to the file before: nothing known yet."""
    return {"format": STATE_FORMAT, "scope": scope_key, "incidents": {}, "first": True}


def save_state(path: Path, state: Mapping[str, Any]) -> None:
    """Write the state (sorted keys, so the same report gives the same file)."""
    path.write_text(json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def compare(previous: Mapping[str, Any], current: Mapping[str, Any], rows: Mapping[str, int]) -> list[Change]:
    """Changes from ``previous`` to ``current`` state: new incidents, revised figures, status, sources, gone."""
    before, now = previous["incidents"], current["incidents"]
    changes = [Change("new", rows[i], f"New incident: {now[i]['label']}") for i in now if i not in before]
    for incident_id in (i for i in now if i in before):
        changes.extend(_changed(before[incident_id], now[incident_id], rows[incident_id]))
    changes.extend(Change("gone", None, f"No longer in this report: {before[i]['label']}") for i in before if i not in now)
    return sorted(changes, key=lambda c: (_KIND_ORDER.index(c.kind), c.row or 0, c.text))


def history_changes(incident: Incident, row: int) -> list[Change]:
    """For an incident reported more than once: each report after the first that moved its figures or status."""
    changes = []
    for earlier, later in zip(incident.history, incident.history[1:]):
        moved = _moved_figures(_figures(earlier.casualties), _figures(later.casualties))
        if earlier.status != later.status:
            moved.append(f"status {earlier.status} → {later.status}")
        if moved:
            changes.append(Change("update", row, f"{_as_of(later)}: " + "; ".join(moved)))
    return changes


def _changed(before: Mapping[str, Any], now: Mapping[str, Any], row: int) -> list[Change]:
    label = now["label"]
    changes = []
    moved = _moved_figures(before["figures"], now["figures"])
    if moved:
        changes.append(Change("revised", row, f"Figures revised for {label}: " + "; ".join(moved)))
    if before["status"] != now["status"]:
        changes.append(Change("status", row, f"Status of {label}: {before['status']} → {now['status']}"))
    if now["sources"] > before["sources"]:
        changes.append(Change("sources", row, f"More sources for {label}: {before['sources']} → {now['sources']}"))
    return changes


def _figures(casualties: Sequence[IncidentCasualty]) -> dict[str, str]:
    return {f"{c.kind} {c.group}": _figure_text(c) for c in sorted(casualties, key=lambda c: (c.kind, c.group))}


def _figure_text(casualty: IncidentCasualty) -> str:
    text = figure(casualty.min, casualty.max)
    return f"{text} (best {casualty.best})" if casualty.best not in (None, casualty.min) else text


def _moved_figures(before: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    keys = sorted(set(before) | set(now))
    return [f"{key} {before.get(key) or 'none'} → {now.get(key) or 'none'}"
            for key in keys if before.get(key) != now.get(key)]


def _as_of(entry: HistoryEntry) -> str:
    return f"report of {entry.as_of}" if entry.as_of else f"undated report {entry.document_id}"
