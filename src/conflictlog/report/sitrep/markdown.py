"""A situation report as Markdown for mail and chat: text only, figures footnoted as [n]."""

from __future__ import annotations

from collections.abc import Iterable

from .content import Change, Contest, Sitrep

_LIST_LIMIT = 20             # headline incident lists longer than this are cut


def render_markdown(report: Sitrep) -> str:
    """The whole report as Markdown (the map and timeline are in the HTML and PDF versions)."""
    lines = [f"# {report.title}", "",
             f"Place: {report.scope}. Period: {report.period}. Latest report used: {report.data_as_of}. "
             f"{report.incident_count} incidents from {report.report_count} reports and {report.source_count} "
             "independent sources. Map and timeline: see the HTML or PDF version.", "", "## Headline figures", ""]
    lines += [f"- **{h.label}: {h.total.text()}** ({len(h.rows)} incidents: {_rows(h.rows)}){_refs(h.notes)}"
              for h in report.headlines]
    lines += ["", "## Incidents", "", "| # | date | place | type | initiators | killed | injured | status | sources |",
              "|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r.number} | {_cell(r.dates)} | {_cell(r.place)} | {_cell(r.kind)} | {_cell(r.actors)} | "
              f"{_cell(r.killed)}{_refs(r.notes_killed)} | {_cell(r.injured)}{_refs(r.notes_injured)} | "
              f"{r.incident.status} | {_cell(r.sources)}{_refs(r.notes)} |" for r in report.rows]
    lines += ["", "## Contested and denied claims", ""] + _contests(report.contests)
    lines += ["", "## What changed since the last report", ""] + _changes(report)
    lines += ["", "## Methods and caveats", ""] + [f"- {c}" for c in report.caveats]
    lines += ["", "## Sources and evidence", ""]
    lines += [f"[{n.number}] #{n.row} {n.source}{f' ({n.side})' if n.side else ''}, {n.stance}: \"{n.quote}\" "
              f"({n.report}{', ' + n.url if n.url else ''})" for n in report.notes]
    return "\n".join(lines) + "\n"


def _refs(numbers: Iterable[int]) -> str:
    listed = ",".join(str(n) for n in numbers)
    return f" [{listed}]" if listed else ""


def _rows(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(f"#{n}" for n in numbers[:_LIST_LIMIT]) or "none"
    return shown + (f" and {len(numbers) - _LIST_LIMIT} more" if len(numbers) > _LIST_LIMIT else "")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _contests(contests: list[Contest]) -> list[str]:
    if not contests:
        return ["No incident in this report is contested or denied."]
    lines: list[str] = []
    for contest in contests:
        lines += [f"### #{contest.row} {contest.summary} ({contest.status})", ""]
        lines += ["| " + " | ".join(_cell(side) for side, _ in contest.sides) + " |",
                  "|" + "---|" * len(contest.sides)]
        cells = ["<br>".join(f"**{_cell(s.who)}** ({s.stance}): {_cell(s.text)}{_refs([s.note] if s.note else [])}"
                             for s in statements) for _, statements in contest.sides]
        lines += ["| " + " | ".join(cells) + " |", ""]
    return lines


def _changes(report: Sitrep) -> list[str]:
    if report.since_last is None:
        lines = ["Not asked for (run with --since-last to compare with the last report written to this file)."]
    else:
        lines = [f"Compared with {report.since_last}.", ""] + _list(report.changes, "Nothing changed.")
    return lines + ["", "### Developing stories: revisions from report to report", ""] + _list(
        report.developing, "No incident's figures or status changed between reports.")


def _list(changes: list[Change], empty: str) -> list[str]:
    return [f"- {f'#{c.row} ' if c.row else ''}{c.text}" for c in changes] or [empty]
