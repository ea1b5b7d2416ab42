"""The ingest progress bar and run summary shown on the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..models import Document, Rejected
from ..run.ingest import IngestSummary


class IngestProgress:
    """A live bar over the input files with running counts of documents done and rejections.

    ``ingest`` reports a document once it is stored (or skipped as a copy), so the counts
    follow the whole job on every executor, a Dask cluster included, not just the reading.
    """

    def __init__(self, console: Console, *, enabled: bool = True) -> None:
        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("files"), TimeElapsedColumn(), console=console, disable=not enabled, transient=False,
        )
        self._task = None
        self._origins: set[str] = set()
        self._documents = 0
        self._rejected = 0

    def __enter__(self) -> "IngestProgress":
        self._progress.__enter__()
        self._task = self._progress.add_task("ingesting", total=None)
        return self

    def __exit__(self, *exc) -> None:
        self._progress.__exit__(*exc)

    def set_files(self, count: int) -> None:
        """The number of input files found, so the bar knows its end."""
        self._progress.update(self._task, total=count)

    def advance(self, item: Document | Rejected) -> None:
        """Count one item done with: stored, skipped as a copy, or rejected."""
        if isinstance(item, Rejected):
            self._rejected += 1
        else:
            self._documents += 1
        self._origins.add(item.origin)
        self._progress.update(
            self._task, completed=len(self._origins),
            description=f"{self._documents} documents done, {self._rejected} rejected",
        )


def print_summary(console: Console, summary: IngestSummary, db: str) -> None:
    """The counts of an ingest run, and where to look next."""
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    console.print(
        f"{summary.files} files, {summary.documents} documents read in {summary.seconds:.1f}s "
        f"({rate:.1f}/s): {summary.added} added, {summary.replaced} replaced, "
        f"{summary.duplicates} already stored or duplicates; "
        f"{summary.events} events, {summary.incidents} per-report incidents; "
        f"{summary.incidents_stored} incidents in the database after fusion; {summary.rejected_total} rejected",
        highlight=False,
    )
    if summary.rejected_total:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(summary.rejected.items()))
        console.print(f"rejected ({reasons}): see `conflictlog rejected --db {db}`", highlight=False)
