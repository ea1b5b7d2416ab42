"""Sub-commands that read inputs into the database and show or export what it holds."""

from __future__ import annotations

import argparse
import json
import sys

from ..config import FieldMap, Settings
from .common import EXIT_STRICT, db_option, err, limited, out


def add_record_commands(commands: argparse._SubParsersAction) -> None:
    """Register ingest, events, incidents, export, stats and rejected."""
    for add in (_add_ingest, _add_events, _add_incidents, _add_export, _add_stats, _add_rejected):
        add(commands)


def _add_ingest(commands) -> None:
    p = commands.add_parser("ingest", help="read reports and store their events",
                            description="Read files, directories, globs or - (stdin): text, seed format, JSONL, "
                                        "CSV, HTML, RSS/Atom, WARC. Rerunning adds nothing new and resumes a "
                                        "run that was cut off.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    db_option(p)
    p.add_argument("--model", help="spaCy pipeline to use (default: $CONFLICTLOG_MODEL or the best installed)")
    p.add_argument("--jobs", type=int, default=0,
                   help="worker processes (default 0 = one per CPU core; 1 = in this process)")
    p.add_argument("--dask", metavar="local|tcp://HOST:PORT",
                   help="run on Dask: 'local' starts a cluster of --jobs workers here; an address uses a running "
                        "scheduler (its workers need conflictlog, the model and the input paths); docs/scaling.md")
    p.add_argument("--fuse", choices=("each", "after"), default="each",
                   help="cross-report fusion: 'each' joins every new report to the stored incidents at once "
                        "(default); 'after' stores everything first, then re-fuses the whole database in "
                        "parallel parts (faster for back-fills of many reports)")
    p.add_argument("--field", action="append", metavar="FIELD=COLUMN",
                   help="JSONL/CSV column holding a field, e.g. --field text=body (repeatable)")
    p.add_argument("--max-chars", type=int, help="reject longer documents as oversized (default 1,000,000)")
    p.add_argument("--strict", action="store_true", help="exit 8 when any input was rejected")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(handler=cmd_ingest)


def _add_events(commands) -> None:
    p = commands.add_parser("events", help="print stored events as a table")
    db_option(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50, 0 = all)")
    p.set_defaults(handler=cmd_events)


def _add_incidents(commands) -> None:
    p = commands.add_parser("incidents", help="print stored incidents as a table")
    db_option(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50, 0 = all)")
    p.set_defaults(handler=cmd_incidents)


def _add_export(commands) -> None:
    p = commands.add_parser("export", help="write stored records (format v1) as JSONL, CSV, GeoJSON or Parquet")
    db_option(p)
    p.add_argument("--level", choices=("events", "incidents"), default="events")
    p.add_argument("--format", choices=("jsonl", "csv", "geojson", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(handler=cmd_export)


def _add_stats(commands) -> None:
    p = commands.add_parser("stats", help="counts of documents, events, incidents and rejected items")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(handler=cmd_stats)


def _add_rejected(commands) -> None:
    p = commands.add_parser("rejected", help="list input items that could not be used, with the reason")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    p.set_defaults(handler=cmd_rejected)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog ingest``: run the pipeline and print the run summary."""
    from .progress import IngestProgress
    from ..run.ingest import FuseMode, ingest

    settings = settings.with_overrides(model=args.model, max_chars=args.max_chars, strict=args.strict or None,
                                       fields=FieldMap.parse(args.field) if args.field else None)
    with IngestProgress(err, enabled=not args.no_progress) as progress:
        summary = ingest(args.paths, settings, jobs=args.jobs, dask=args.dask, stdin=sys.stdin.buffer,
                         on_item=progress.advance, on_files=progress.set_files, fuse=FuseMode(args.fuse))
    from .progress import print_summary
    print_summary(err, summary, settings.db)
    return EXIT_STRICT if settings.strict and summary.rejected_total else 0


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog events``: the stored events as a table."""
    from ..report.tables import event_table
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        out.print(event_table(limited(repo.iter_events(), args.limit)))
    return 0


def cmd_incidents(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog incidents``: the stored incidents as a table."""
    from ..report.tables import incident_table
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        out.print(incident_table(limited(repo.iter_incidents(), args.limit)))
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog export``: stream records to a file or standard output."""
    from ..report.from_store import export_database

    if args.output:
        with open(args.output, "wb") as fh:
            count = export_database(settings.db, args.level, args.format, fh)
    else:
        count = export_database(settings.db, args.level, args.format, sys.stdout.buffer)
    err.print(f"{count} {args.level} written", highlight=False)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog stats``: what the database holds."""
    from ..report.tables import counts_table
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        stats = repo.stats()
    if args.json:
        out.print_json(json.dumps(stats))
        return 0
    flat = {k: v for k, v in stats.items() if not isinstance(v, dict)}
    out.print(counts_table("Database", flat))
    for name, counts in stats.items():
        if isinstance(counts, dict) and counts:
            out.print(counts_table(name.replace("_", " "), counts))
    return 0


def cmd_rejected(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog rejected``: every rejected input item with where it was and why."""
    from ..report.tables import rejected_record, rejected_table
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        items = list(repo.iter_rejected())
    if args.json:
        for item in items:
            sys.stdout.write(json.dumps(rejected_record(item), ensure_ascii=False) + "\n")
        return 0
    out.print(rejected_table(items))
    return 0
