"""Sub-commands that analyse the database: reports, evaluation, the gazetteer, the web server."""

from __future__ import annotations

import argparse
import json
import sys

from ..config import Settings
from .common import db_option, err, out


def add_analysis_commands(commands: argparse._SubParsersAction) -> None:
    """Register report, evaluate, serve and places."""
    for add in (_add_report, _add_evaluate, _add_serve, _add_places):
        add(commands)


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


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog evaluate``: ingest a gold file's texts into a scratch database and print the scores."""
    from ..evaluate import evaluate

    report = evaluate(args.gold, settings.with_overrides(model=args.model), limit=args.only_first, jobs=args.jobs)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report.as_json(), fh, indent=2)
    sys.stdout.write(report.text() + "\n")
    return 0


def _add_serve(commands) -> None:
    p = commands.add_parser("serve", help="serve the JSON API and the web dashboard (map, timeline, incidents)",
                            description="Serve the database over HTTP: JSON API under /api (docs at /api/docs), "
                                        "dashboard at /. Read-only unless $CONFLICTLOG_INGEST_TOKEN is set, which "
                                        "turns on POST /api/documents for callers sending that token.")
    db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--model", help="spaCy pipeline for POST /api/documents (default: the best installed)")
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog serve``: run the API and dashboard until interrupted."""
    from ..serve import ServeSettings, serve

    serve(ServeSettings.from_env(settings.db, model=args.model or settings.model), host=args.host, port=args.port)
    return 0


def _add_report(commands) -> None:
    p = commands.add_parser("report", help="write a situation report (HTML, PDF or Markdown) with map and timeline",
                            description="Totals as ranges, a map, a timeline, the incident table, contested and "
                                        "denied claims, what changed and methods, every figure tied to its "
                                        "evidence. The same database and arguments give the same file.")
    db_option(p)
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

    from ..report.sitrep import Scope, write_report

    scope = Scope.parse(args.country, args.region, args.bbox, args.date_from, args.date_to)
    report = write_report(settings.db, scope, args.format, Path(args.output), since_last=args.since_last)
    err.print(f"report on {report.incident_count} incidents written to {args.output}", highlight=False)
    return 0


def _add_places(commands) -> None:
    p = commands.add_parser("places", help="show the gazetteer's candidates for a place name and which one is chosen, and why")
    p.add_argument("name", help='a place name as a report writes it, e.g. "Stepanakert" or "Askeran district"')
    p.add_argument("--context", default=None, help="text the name appears in (its places and countries guide the choice)")
    p.add_argument("--limit", type=int, default=10, help="candidates to show (default 10)")
    p.set_defaults(handler=cmd_places, db=None)


def cmd_places(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog places NAME``: the candidates with their scores and reasons, and the choice."""
    from ..resolve import Gazetteer
    from ..resolve.explain import explain

    found = explain(args.name, Gazetteer.open(), args.context)
    if not found.candidates:
        out.print(f"no place is known by the name {args.name!r}")
        return 0
    for candidate in found.candidates[: args.limit]:
        place = candidate.place
        mark = "->" if candidate is found.chosen else "  " if candidate.allowed else " x"
        reasons = ", ".join(f"{reason} {value:+.2f}" for reason, value in candidate.reasons.items())
        out.print(f"{mark} {place.name} ({place.admin1 or '-'}, {place.country_code or '-'}) "
                      f"{place.precision} {place.lat},{place.lon} [{place.source}] score {candidate.score:.2f}: {reasons}",
                      highlight=False, markup=False)
    out.print("chosen: " + (found.chosen.place.name if found.chosen else "none (no candidate fits the context)"),
                  highlight=False, markup=False)
    return 0
