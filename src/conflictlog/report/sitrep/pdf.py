"""A situation report as PDF (fpdf2), with the map and timeline as images and every figure
footnoted [n] to the numbered evidence list at the end.

Text is set in DejaVu Sans from matplotlib's own data (any script the font covers, no system
fonts needed); the creation date is fixed so the same report gives the same bytes. Paragraphs and
tables are laid out by ``pdf_layout`` (fpdf2's own table layout took minutes for 10,000 rows).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF

from .content import Change, Contest, Sitrep
from .pdf_layout import Layout

FONT = "DejaVu"
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_LIST_LIMIT = 20             # longer lists of rows or notes are cut so a table row fits a page
_KEEP_WITH_HEADING = 25      # mm a heading needs below it, so it never ends a page alone
_TABLE_WIDTHS = (6, 16, 22, 20, 22, 16, 16, 14, 30)
_TABLE_HEAD = ("#", "date", "place", "type", "initiators", "killed", "injured", "status", "sources")


def render_pdf(report: Sitrep) -> bytes:
    """The whole report as PDF bytes (A4 portrait)."""
    pdf = _document(report.title)
    layout = Layout(pdf, FONT)
    _heading(layout, report.title, 15)
    _para(layout, f"Place: {report.scope}. Period: {report.period}. Latest report used: {report.data_as_of}. "
               f"{report.incident_count} incidents from {report.report_count} reports and {report.source_count} "
               "independent sources.")
    _headlines(layout, report)
    if report.map_png:
        _image(layout, "Map of incidents (numbers as in the table)", report.map_png)
        _image(layout, "Timeline: incidents per day by event type, people killed (line)", report.timeline_png)
    _incidents(layout, report)
    _contests(layout, report.contests)
    _changes(layout, report)
    _heading(layout, "Methods and caveats")
    for caveat in report.caveats:
        _para(layout, f"• {caveat}")
    _heading(layout, "Sources and evidence")
    for n in report.notes:
        _para(layout, f"[{n.number}] #{n.row} {n.source}{f' ({n.side})' if n.side else ''}, {n.stance}: “{n.quote}” "
                   f"({n.report}{', ' + n.url if n.url else ''})", size=7.5)
    return bytes(pdf.output())


def _document(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdf.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_title(title)
    pdf.set_creator("conflictlog")
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_margins(12, 12, 12)
    pdf.add_page()
    return pdf


def _heading(layout: Layout, text: str, size: float = 12) -> None:
    layout.keep(_KEEP_WITH_HEADING)
    layout.paragraph(text, size, "B", size * 0.55)
    layout.pdf.ln(1)


def _para(layout: Layout, text: str, size: float = 9) -> None:
    layout.paragraph(text, size)
    layout.pdf.ln(0.8)


def _refs(numbers: Iterable[int]) -> str:
    listed = list(numbers)
    shown = ",".join(str(n) for n in listed[:_LIST_LIMIT]) + (",…" if len(listed) > _LIST_LIMIT else "")
    return f" [{shown}]" if listed else ""


def _row_list(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(f"#{n}" for n in numbers[:_LIST_LIMIT]) or "none"
    return shown + (f" and {len(numbers) - _LIST_LIMIT} more" if len(numbers) > _LIST_LIMIT else "")


def _headlines(layout: Layout, report: Sitrep) -> None:
    _heading(layout, "Headline figures")
    rows = [("figure", "total", "incidents and evidence")]
    rows += [(h.label, h.total.text(), f"{_row_list(h.rows)}{_refs(h.notes)}") for h in report.headlines]
    layout.table((30, 25, 45), rows, size=9, line_height=4.5)
    layout.pdf.ln(2)


def _image(layout: Layout, caption: str, png: bytes) -> None:
    _heading(layout, caption, 10)
    layout.pdf.image(io.BytesIO(png), w=layout.pdf.epw * 0.9)
    layout.pdf.ln(2)


def _incidents(layout: Layout, report: Sitrep) -> None:
    _heading(layout, "Incidents")
    rows = [_TABLE_HEAD]
    rows += [(str(r.number), r.dates, r.place, r.kind, r.actors, r.killed + _refs(r.notes_killed),
              r.injured + _refs(r.notes_injured), str(r.incident.status).replace("_", " "), r.sources + _refs(r.notes))
             for r in report.rows]
    layout.table(_TABLE_WIDTHS, rows, size=7, line_height=3.4)
    layout.pdf.ln(2)


def _contests(layout: Layout, contests: list[Contest]) -> None:
    _heading(layout, "Contested and denied claims")
    if not contests:
        _para(layout, "No incident in this report is contested or denied.")
    for contest in contests:
        _heading(layout, f"#{contest.row} {contest.summary} ({contest.status})", 9.5)
        sides = tuple(side for side, _ in contest.sides)
        said = tuple("\n".join(f"{s.who} ({s.stance}): {s.text}{_refs([s.note] if s.note else [])}"
                               for s in statements) for _, statements in contest.sides)
        layout.table((1,) * len(sides), [sides, said], size=8, line_height=3.8)
        layout.pdf.ln(2)


def _changes(layout: Layout, report: Sitrep) -> None:
    _heading(layout, "What changed since the last report")
    if report.since_last is None:
        _para(layout, "Not asked for (run with --since-last to compare with the last report written to this file).")
    else:
        _para(layout, f"Compared with {report.since_last}.")
        _list(layout, report.changes, "Nothing changed.")
    _heading(layout, "Developing stories: revisions from report to report", 10)
    _list(layout, report.developing, "No incident's figures or status changed between reports.")


def _list(layout: Layout, changes: list[Change], empty: str) -> None:
    if not changes:
        _para(layout, empty)
    for change in changes:
        _para(layout, f"• {f'#{change.row} ' if change.row else ''}{change.text}")
