"""A situation report as PDF (fpdf2), with the map and timeline as images and every figure
footnoted [n] to the numbered evidence list at the end.

Text is set in DejaVu Sans from matplotlib's own data (any script the font covers, no system
fonts needed); the creation date is fixed so the same report gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from fpdf import FPDF

from .content import Change, Contest, Sitrep

FONT = "DejaVu"
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_LIST_LIMIT = 20             # longer lists of rows or notes are cut so a table row fits a page
_TABLE_WIDTHS = (6, 16, 22, 20, 22, 16, 16, 14, 30)
_TABLE_HEAD = ("#", "date", "place", "type", "initiators", "killed", "injured", "status", "sources")


def render_pdf(report: Sitrep) -> bytes:
    """The whole report as PDF bytes (A4 portrait)."""
    pdf = _document(report.title)
    _heading(pdf, report.title, 15)
    _para(pdf, f"Place: {report.scope}. Period: {report.period}. Latest report used: {report.data_as_of}. "
               f"{report.incident_count} incidents from {report.report_count} reports and {report.source_count} "
               "independent sources.")
    _headlines(pdf, report)
    if report.map_png:
        _image(pdf, "Map of incidents (numbers as in the table)", report.map_png)
        _image(pdf, "Timeline: incidents per day by event type, people killed (line)", report.timeline_png)
    _incidents(pdf, report)
    _contests(pdf, report.contests)
    _changes(pdf, report)
    _heading(pdf, "Methods and caveats")
    for caveat in report.caveats:
        _para(pdf, f"• {caveat}")
    _heading(pdf, "Sources and evidence")
    for n in report.notes:
        _para(pdf, f"[{n.number}] #{n.row} {n.source}{f' ({n.side})' if n.side else ''}, {n.stance}: “{n.quote}” "
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


def _heading(pdf: FPDF, text: str, size: float = 12) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _para(pdf: FPDF, text: str, size: float = 9) -> None:
    pdf.set_font(FONT, "", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def _refs(numbers: Iterable[int]) -> str:
    listed = list(numbers)
    shown = ",".join(str(n) for n in listed[:_LIST_LIMIT]) + (",…" if len(listed) > _LIST_LIMIT else "")
    return f" [{shown}]" if listed else ""


def _row_list(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(f"#{n}" for n in numbers[:_LIST_LIMIT]) or "none"
    return shown + (f" and {len(numbers) - _LIST_LIMIT} more" if len(numbers) > _LIST_LIMIT else "")


def _headlines(pdf: FPDF, report: Sitrep) -> None:
    _heading(pdf, "Headline figures")
    pdf.set_font(FONT, "", 9)
    with pdf.table(col_widths=(30, 25, 45), text_align="LEFT", line_height=4.5) as table:
        table.row(("figure", "total", "incidents and evidence"))
        for h in report.headlines:
            table.row((h.label, h.total.text(), f"{_row_list(h.rows)}{_refs(h.notes)}"))
    pdf.ln(2)


def _image(pdf: FPDF, caption: str, png: bytes) -> None:
    _heading(pdf, caption, 10)
    pdf.image(io.BytesIO(png), w=pdf.epw * 0.9)
    pdf.ln(2)


def _incidents(pdf: FPDF, report: Sitrep) -> None:
    _heading(pdf, "Incidents")
    pdf.set_font(FONT, "", 7)
    with pdf.table(col_widths=_TABLE_WIDTHS, text_align="LEFT", line_height=3.4) as table:
        table.row(_TABLE_HEAD)
        for r in report.rows:
            table.row((str(r.number), r.dates, r.place, r.kind, r.actors, r.killed + _refs(r.notes_killed),
                       r.injured + _refs(r.notes_injured), str(r.incident.status).replace("_", " "),
                       r.sources + _refs(r.notes)))
    pdf.ln(2)


def _contests(pdf: FPDF, contests: list[Contest]) -> None:
    _heading(pdf, "Contested and denied claims")
    if not contests:
        _para(pdf, "No incident in this report is contested or denied.")
    for contest in contests:
        _heading(pdf, f"#{contest.row} {contest.summary} ({contest.status})", 9.5)
        pdf.set_font(FONT, "", 8)
        with pdf.table(text_align="LEFT", line_height=3.8) as table:
            table.row(tuple(side for side, _ in contest.sides))
            table.row(tuple("\n".join(f"{s.who} ({s.stance}): {s.text}{_refs([s.note] if s.note else [])}"
                                      for s in statements) for _, statements in contest.sides))
        pdf.ln(2)


def _changes(pdf: FPDF, report: Sitrep) -> None:
    _heading(pdf, "What changed since the last report")
    if report.since_last is None:
        _para(pdf, "Not asked for (run with --since-last to compare with the last report written to this file).")
    else:
        _para(pdf, f"Compared with {report.since_last}.")
        _list(pdf, report.changes, "Nothing changed.")
    _heading(pdf, "Developing stories: revisions from report to report", 10)
    _list(pdf, report.developing, "No incident's figures or status changed between reports.")


def _list(pdf: FPDF, changes: list[Change], empty: str) -> None:
    if not changes:
        _para(pdf, empty)
    for change in changes:
        _para(pdf, f"• {f'#{change.row} ' if change.row else ''}{change.text}")
