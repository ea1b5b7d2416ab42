"""A situation report as one self-contained HTML file: inline CSS, images as base64 PNG, no
scripts and nothing fetched. All article text is escaped; every figure links to its evidence."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape

from .content import Change, Contest, Headline, Note, Row, Sitrep

_CSS = """body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#f2f2f2}.fig{font-size:1.6em;font-weight:600}
.headlines td{width:16%}img{max-width:100%}.note{font-size:.85em}sup a{text-decoration:none}
.contested{background:#fff4e5}.denied{background:#fde8e8}footer{color:#666;font-size:.85em}"""

_LIST_LIMIT = 20             # headline incident lists longer than this are cut


def render_html(report: Sitrep) -> str:
    """The whole report as an HTML document (a str; write it as UTF-8)."""
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(report.title)}"
             f"</title><style>{_CSS}</style></head><body>", f"<h1>{escape(report.title)}</h1>",
             f"<p>Place: {escape(report.scope)}. Period: {escape(report.period)}. Latest report used: "
             f"{escape(report.data_as_of)}. {report.incident_count} incidents from {report.report_count} reports "
             f"and {report.source_count} independent sources.</p>",
             _headlines(report.headlines), _images(report), _table(report.rows), _contests(report.contests),
             _changes(report), _caveats(report.caveats), _notes(report.notes),
             "<footer>Made by conflictlog from its incident database.</footer></body></html>\n"]
    return "\n".join(parts)


def _refs(numbers: Iterable[int], prefix: str = "note") -> str:
    links = ",".join(f'<a href="#{prefix}-{n}">{n}</a>' for n in numbers)
    return f"<sup>[{links}]</sup>" if links else ""


def _headlines(headlines: list[Headline]) -> str:
    cells = "".join(f"<td><div>{escape(h.label)}</div><div class=\"fig\">{escape(h.total.text())}</div>"
                    f"<div class=\"note\">{len(h.rows)} incident(s): {_rows(h.rows)} {_refs(h.notes)}</div></td>"
                    for h in headlines)
    return f"<h2>Headline figures</h2><table class=\"headlines\"><tr>{cells}</tr></table>"


def _rows(numbers: tuple[int, ...]) -> str:
    shown = ", ".join(f'<a href="#row-{n}">#{n}</a>' for n in numbers[:_LIST_LIMIT])
    return shown + (f" and {len(numbers) - _LIST_LIMIT} more" if len(numbers) > _LIST_LIMIT else "")


def _images(report: Sitrep) -> str:
    if not report.map_png:
        return ""
    return (f"<h2>Map</h2>{_img(report.map_png, 'Map of incidents numbered as in the table')}"
            f"<h2>Timeline</h2>{_img(report.timeline_png, 'Incidents per day by event type, and people killed')}")


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


def _table(rows: list[Row]) -> str:
    head = "<tr><th>#</th><th>date</th><th>place</th><th>type</th><th>initiators</th><th>killed</th>" \
           "<th>injured</th><th>status</th><th>sources</th></tr>"
    body = "".join(
        f'<tr id="{row.anchor}" class="{escape(str(row.incident.status))}"><td>{row.number}</td>'
        f"<td>{escape(row.dates)}</td><td>{escape(row.place)}</td><td>{escape(row.kind)}</td>"
        f"<td>{escape(row.actors)}</td><td>{escape(row.killed)}{_refs(row.notes_killed)}</td>"
        f"<td>{escape(row.injured)}{_refs(row.notes_injured)}</td>"
        f"<td>{escape(str(row.incident.status).replace('_', ' '))}</td>"
        f"<td>{escape(row.sources)}{_refs(row.notes)}</td></tr>" for row in rows)
    return f"<h2>Incidents</h2><table>{head}{body}</table>"


def _contests(contests: list[Contest]) -> str:
    if not contests:
        return "<h2>Contested and denied claims</h2><p>No incident in this report is contested or denied.</p>"
    return "<h2>Contested and denied claims</h2>" + "".join(_contest(c) for c in contests)


def _contest(contest: Contest) -> str:
    head = "".join(f"<th>{escape(side)}</th>" for side, _ in contest.sides)
    cells = "".join("<td>" + "".join(f"<p><b>{escape(s.who)}</b> ({escape(s.stance)}): {escape(s.text)}"
                                     f"{_refs([s.note] if s.note else [])}</p>" for s in statements) + "</td>"
                    for _, statements in contest.sides)
    return (f'<h3><a href="#row-{contest.row}">#{contest.row}</a> {escape(contest.summary)} '
            f"({escape(contest.status)})</h3><table><tr>{head}</tr><tr>{cells}</tr></table>")


def _changes(report: Sitrep) -> str:
    parts = ["<h2>What changed since the last report</h2>"]
    if report.since_last is None:
        parts.append("<p>Not asked for (run with --since-last to compare with the last report written to "
                     "this file).</p>")
    else:
        parts.append(f"<p>Compared with {escape(report.since_last)}.</p>")
        parts.append(_change_list(report.changes, "Nothing changed."))
    parts.append("<h3>Developing stories: revisions from report to report</h3>")
    parts.append(_change_list(report.developing, "No incident's figures or status changed between reports."))
    return "".join(parts)


def _change_list(changes: list[Change], empty: str) -> str:
    if not changes:
        return f"<p>{escape(empty)}</p>"
    items = "".join(f"<li>{_rows((c.row,)) + ' ' if c.row else ''}{escape(c.text)}</li>" for c in changes)
    return f"<ul>{items}</ul>"


def _caveats(caveats: list[str]) -> str:
    return "<h2>Methods and caveats</h2><ul>" + "".join(f"<li>{escape(c)}</li>" for c in caveats) + "</ul>"


def _notes(notes: list[Note]) -> str:
    items = "".join(
        f'<li id="note-{n.number}" value="{n.number}"><a href="#row-{n.row}">#{n.row}</a> '
        f"<b>{escape(n.source)}</b>{' (' + escape(n.side) + ')' if n.side else ''}, {escape(n.stance)}: "
        f"“{escape(n.quote)}” — {_report_link(n)}</li>" for n in notes)
    return f"<h2>Sources and evidence</h2><ol class=\"note\">{items}</ol>"


def _report_link(note: Note) -> str:
    if note.url and note.url.startswith(("http://", "https://")):
        return f'<a href="{escape(note.url)}">{escape(note.report)}</a>'
    return escape(note.report)
