"""Read a database, build the report for a scope, render it and keep its state for next time."""

from __future__ import annotations

from pathlib import Path

from ...errors import ConfigError, ExportError
from ...store import Repository
from .build import ReportInput, build_sitrep
from .changes import first_state, load_state, save_state, state_path
from .content import Sitrep
from .html import render_html
from .markdown import render_markdown
from .pdf import render_pdf
from .selection import Scope

REPORT_FORMATS = ("html", "pdf", "md")


def read_input(repo: Repository) -> ReportInput:
    """Every stored incident, event and document (documents without their text kept small)."""
    incidents = list(repo.iter_incidents())
    wanted = {source.document_id for incident in incidents for source in incident.sources}
    documents = {}
    for document in repo.iter_documents():
        if document.document_id in wanted:
            document.text = ""   # only the title, date, outlet and url are shown
            documents[document.document_id] = document
    return ReportInput(incidents, list(repo.iter_events()), documents)


def render(report: Sitrep, fmt: str) -> bytes:
    """The report as bytes in ``fmt`` (html, pdf or md)."""
    if fmt == "html":
        return render_html(report).encode("utf-8")
    if fmt == "md":
        return render_markdown(report).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(report)
    raise ConfigError(f"unknown report format {fmt!r}: choose one of {', '.join(REPORT_FORMATS)}")


def write_report(db: str, scope: Scope, fmt: str, output: Path, since_last: bool = False) -> Sitrep:
    """Write the report over ``db`` to ``output`` and its state beside it (``OUTPUT.state.json``).

    With ``since_last`` the report says what changed since the state saved by the last report
    written to the same file.
    """
    if fmt not in REPORT_FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}: choose one of {', '.join(REPORT_FORMATS)}")
    previous = (load_state(state_path(output)) or first_state(scope.key())) if since_last else None
    with Repository.open(db, create=False) as repo:
        data = read_input(repo)
    report, state = build_sitrep(data, scope, previous, charts=fmt != "md")
    try:
        output.write_bytes(render(report, fmt))
        save_state(state_path(output), state)
    except OSError as error:
        raise ExportError(f"cannot write the report to {output}: {error}; check the path and permissions") from None
    return report
