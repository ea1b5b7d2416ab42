"""The ``conflictlog`` command: parse arguments, call one library function, return an exit code.

Exit codes:
    0  success
    1  an error not covered below
    2  bad arguments or settings
    3  an input path cannot be read
    4  the spaCy pipeline cannot be loaded
    5  the database cannot be opened or written
    6  an export cannot be written
    7  a record does not match format v1
    8  --strict and some input was rejected
  130  interrupted (Ctrl-C); rerunning the same ingest resumes it
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from itertools import islice

from rich.console import Console

from . import __version__
from .config import FieldMap, Settings
from .cli_fusion import add_fusion_commands
from .errors import ConflictlogError

EXIT_STRICT = 8
EXIT_INTERRUPTED = 130

def _console(stderr: bool = False) -> Console:
    # Piped output is read by people and tools alike: do not cut tables to 80 columns.
    console = Console(stderr=stderr)
    return console if console.is_terminal else Console(stderr=stderr, width=max(console.width, 200))


out = _console()
err = _console(stderr=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``conflictlog`` command."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env().with_overrides(db=args.db)
        return args.handler(args, settings)
    except ConflictlogError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("interrupted: run the same command again to resume")
        return EXIT_INTERRUPTED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="conflictlog",
        description="Turn conflict reporting into a sourced, geocoded incident database.",
        epilog="Exit codes: 0 ok, 2 bad arguments, 3 unreadable input, 4 model missing, 5 database, "
               "6 export, 7 schema, 8 rejections under --strict, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"conflictlog {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_ingest, _add_events, _add_incidents, _add_export, _add_stats, _add_rejected, _add_report,
                _add_evaluate, _add_serve, _add_places):
        add(commands)
    add_fusion_commands(commands, _db_option)
    return parser


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="SQLite file or database URL (default: $CONFLICTLOG_DB or conflictlog.sqlite)")


def _add_ingest(commands) -> None:
    p = commands.add_parser("ingest", help="read reports and store their events",
                            description="Read files, directories, globs or - (stdin): text, seed format, JSONL, "
                                        "CSV, HTML, RSS/Atom, WARC. Rerunning adds nothing new and resumes a "
                                        "run that was cut off.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _db_option(p)
    p.add_argument("--model", help="spaCy pipeline to use (default: $CONFLICTLOG_MODEL or the best installed)")
    p.add_argument("--jobs", type=int, default=0,
                   help="worker processes (default 0 = one per CPU core; 1 = in this process)")
    p.add_argument("--dask", metavar="local|tcp://HOST:PORT",
                   help="run on Dask: 'local' starts a cluster of --jobs workers here; an address uses a running "
                        "scheduler (its workers need conflictlog, the model and the input paths); docs/scaling.md")
    p.add_argument("--field", action="append", metavar="FIELD=COLUMN",
                   help="JSONL/CSV column holding a field, e.g. --field text=body (repeatable)")
    p.add_argument("--max-chars", type=int, help="reject longer documents as oversized (default 1,000,000)")
    p.add_argument("--strict", action="store_true", help="exit 8 when any input was rejected")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(handler=cmd_ingest)


def _add_events(commands) -> None:
    p = commands.add_parser("events", help="print stored events as a table")
    _db_option(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50, 0 = all)")
    p.set_defaults(handler=cmd_events)


def _add_incidents(commands) -> None:
    p = commands.add_parser("incidents", help="print stored incidents as a table")
    _db_option(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50, 0 = all)")
    p.set_defaults(handler=cmd_incidents)


def _add_export(commands) -> None:
    p = commands.add_parser("export", help="write stored records (format v1) as JSONL, CSV, GeoJSON or Parquet")
    _db_option(p)
    p.add_argument("--level", choices=("events", "incidents"), default="events")
    p.add_argument("--format", choices=("jsonl", "csv", "geojson", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(handler=cmd_export)


def _add_stats(commands) -> None:
    p = commands.add_parser("stats", help="counts of documents, events, incidents and rejected items")
    _db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(handler=cmd_stats)


def _add_rejected(commands) -> None:
    p = commands.add_parser("rejected", help="list input items that could not be used, with the reason")
    _db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    p.set_defaults(handler=cmd_rejected)


def _add_evaluate(commands) -> None:
    p = commands.add_parser("evaluate", help="score the pipeline on a gold JSONL file (scratch database)",
                            description="Ingest the texts of a gold file (common format, docs/evaluation.md) "
                                        "without their answers into a scratch database, export the events and "
                                        "print P/R/F1 per metric. Your database is not touched.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--only-first", type=int, metavar="N", help="score only the first N documents")
    p.add_argument("--json", metavar="OUT", help="also write all counts and scores as JSON to OUT")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1; 0 = one per CPU core)")
    p.add_argument("--model", help="spaCy pipeline to use (default: $CONFLICTLOG_MODEL or the best installed)")
    p.set_defaults(handler=cmd_evaluate, db=None)


def _add_serve(commands) -> None:
    p = commands.add_parser("serve", help="serve the JSON API and the web dashboard (map, timeline, incidents)",
                            description="Serve the database over HTTP: JSON API under /api (docs at /api/docs), "
                                        "dashboard at /. Read-only unless $CONFLICTLOG_INGEST_TOKEN is set, which "
                                        "turns on POST /api/documents for callers sending that token.")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--model", help="spaCy pipeline for POST /api/documents (default: the best installed)")
    p.set_defaults(handler=cmd_serve)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog ingest``: run the pipeline and print the run summary."""
    from .cli_progress import IngestProgress
    from .run.ingest import ingest

    settings = settings.with_overrides(model=args.model, max_chars=args.max_chars, strict=args.strict or None,
                                       fields=FieldMap.parse(args.field) if args.field else None)
    with IngestProgress(err, enabled=not args.no_progress) as progress:
        summary = ingest(args.paths, settings, jobs=args.jobs, dask=args.dask, stdin=sys.stdin.buffer,
                         on_item=progress.advance, on_files=progress.set_files)
    from .cli_progress import print_summary
    print_summary(err, summary, settings.db)
    return EXIT_STRICT if settings.strict and summary.rejected_total else 0


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog events``: the stored events as a table."""
    from .report.tables import event_table
    from .store import Repository

    with Repository.open(settings.db, create=False) as repo:
        out.print(event_table(_limited(repo.iter_events(), args.limit)))
    return 0


def cmd_incidents(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog incidents``: the stored incidents as a table."""
    from .report.tables import incident_table
    from .store import Repository

    with Repository.open(settings.db, create=False) as repo:
        out.print(incident_table(_limited(repo.iter_incidents(), args.limit)))
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog export``: stream records to a file or standard output."""
    from .report.from_store import export_database

    if args.output:
        with open(args.output, "wb") as fh:
            count = export_database(settings.db, args.level, args.format, fh)
    else:
        count = export_database(settings.db, args.level, args.format, sys.stdout.buffer)
    err.print(f"{count} {args.level} written", highlight=False)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog stats``: what the database holds."""
    from .report.tables import counts_table
    from .store import Repository

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
    from .report.tables import rejected_record, rejected_table
    from .store import Repository

    with Repository.open(settings.db, create=False) as repo:
        items = list(repo.iter_rejected())
    if args.json:
        for item in items:
            sys.stdout.write(json.dumps(rejected_record(item), ensure_ascii=False) + "\n")
        return 0
    out.print(rejected_table(items))
    return 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog evaluate``: ingest a gold file's texts into a scratch database and print the scores."""
    from .evaluate import evaluate

    report = evaluate(args.gold, settings.with_overrides(model=args.model), limit=args.only_first, jobs=args.jobs)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report.as_json(), fh, indent=2)
    sys.stdout.write(report.text() + "\n")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog serve``: run the API and dashboard until interrupted."""
    from .serve import ServeSettings, serve

    serve(ServeSettings.from_env(settings.db, model=args.model or settings.model), host=args.host, port=args.port)
    return 0


def _add_report(commands) -> None:
    p = commands.add_parser("report", help="write a situation report (HTML, PDF or Markdown) with map and timeline",
                            description="Totals as ranges, a map, a timeline, the incident table, contested and "
                                        "denied claims, what changed and methods, every figure tied to its "
                                        "evidence. The same database and arguments give the same file.")
    _db_option(p)
    place = p.add_mutually_exclusive_group()
    place.add_argument("--country", metavar="CC", help="only this country (ISO 3166-1 alpha-2, e.g. UA)")
    place.add_argument("--region", metavar="NAME", help="only places whose name or first-level division is NAME")
    place.add_argument("--bbox", metavar="W,S,E,N", help="only places inside this box (degrees)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    p.add_argument("--since-last", action="store_true",
                   help="say what changed since the last report written to the same file (state kept in FILE.state.json)")
    p.add_argument("--format", choices=("html", "pdf", "md"), default="html")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog report``: write a situation report and its state for the next --since-last."""
    from pathlib import Path

    from .report.sitrep import Scope, write_report

    scope = Scope.parse(args.country, args.region, args.bbox, args.date_from, args.date_to)
    report = write_report(settings.db, scope, args.format, Path(args.output), since_last=args.since_last)
    err.print(f"report on {report.incident_count} incidents written to {args.output}", highlight=False)
    return 0


def _limited(items, limit: int):
    return items if limit <= 0 else islice(items, limit)



def _add_places(commands) -> None:
    p = commands.add_parser("places", help="show the gazetteer's candidates for a place name and which one is chosen, and why")
    p.add_argument("name", help='a place name as a report writes it, e.g. "Stepanakert" or "Askeran district"')
    p.add_argument("--context", default=None, help="text the name appears in (its places and countries guide the choice)")
    p.add_argument("--limit", type=int, default=10, help="candidates to show (default 10)")
    p.set_defaults(handler=cmd_places, db=None)


def cmd_places(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog places NAME``: the candidates with their scores and reasons, and the choice."""
    from .resolve import Gazetteer
    from .resolve.explain import explain

    found = explain(args.name, Gazetteer.open(), args.context)
    console = _console()
    if not found.candidates:
        console.print(f"no place is known by the name {args.name!r}")
        return 0
    for candidate in found.candidates[: args.limit]:
        place = candidate.place
        mark = "->" if candidate is found.chosen else "  " if candidate.allowed else " x"
        reasons = ", ".join(f"{reason} {value:+.2f}" for reason, value in candidate.reasons.items())
        console.print(f"{mark} {place.name} ({place.admin1 or '-'}, {place.country_code or '-'}) "
                      f"{place.precision} {place.lat},{place.lon} [{place.source}] score {candidate.score:.2f}: {reasons}",
                      highlight=False, markup=False)
    console.print("chosen: " + (found.chosen.place.name if found.chosen else "none (no candidate fits the context)"),
                  highlight=False, markup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
