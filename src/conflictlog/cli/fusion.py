"""The fusion sub-commands of ``conflictlog``: ``fuse`` (full re-fuse) and ``why INCIDENT_ID``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.table import Table

from ..config import Settings
from .common import err, out

if TYPE_CHECKING:
    from ..run.why import Explanation


def add_fusion_commands(commands: argparse._SubParsersAction,
                        db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``fuse`` and ``why`` on the ``conflictlog`` sub-command parser."""
    p = commands.add_parser("fuse", help="rebuild every cross-report incident from the stored events",
                            description="Full re-fuse: copies, incidents, figures, status and history are rebuilt "
                                        "from the stored documents and events; the result does not depend on the "
                                        "order the documents were ingested in, nor on --jobs or --dask.")
    db_option(p)
    p.add_argument("--jobs", type=int, default=1,
                   help="worker processes (default 1 = in this process; 0 = one per CPU core); more workers pay "
                        "off on large databases (100k reports: 1.2x with 2), not on small ones; docs/fusion.md")
    p.add_argument("--dask", metavar="local|tcp://HOST:PORT",
                   help="run on Dask: 'local' starts a cluster of --jobs workers here; an address uses a running "
                        "scheduler (its workers need conflictlog); docs/fusion.md")
    p.set_defaults(handler=cmd_fuse)
    p = commands.add_parser("why", help="show why an incident holds its reports, and where its figures come from")
    p.add_argument("incident_id", metavar="INCIDENT_ID")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(handler=cmd_why)


def cmd_fuse(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog fuse``: rebuild all incidents, in independent parts on ``--jobs`` workers or Dask."""
    from ..run.fusion import refuse_database
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        incidents, members = refuse_database(repo, jobs=args.jobs, dask=args.dask)
    err.print(f"{incidents} incidents from {members} per-document incidents", highlight=False)
    return 0


def cmd_why(args: argparse.Namespace, settings: Settings) -> int:
    """``conflictlog why``: the members, merge decisions and figure claims of one incident."""
    from ..run.why import explain
    from ..store import Repository

    with Repository.open(settings.db, create=False) as repo:
        explanation = explain(repo, args.incident_id)
    if args.json:
        sys.stdout.write(json.dumps(explanation.to_json(), ensure_ascii=False) + "\n")
        return 0
    for table in (_summary(explanation), _decisions(explanation), _claims(explanation)):
        out.print(table)
    return 0


def _summary(explanation: Explanation) -> Table:
    incident = explanation.incident
    table = Table(title=f"Incident {incident.id}", show_header=False)
    table.add_row("type", f"{incident.event_type} / {incident.sub_event_type or '-'}")
    table.add_row("dates", f"{incident.date_start or '?'} .. {incident.date_end or '?'}")
    table.add_row("place", incident.location.name or incident.location.text or "-")
    table.add_row("status", str(incident.status))
    for figure in incident.casualties:
        table.add_row(f"{figure.kind} ({figure.group})", f"min {figure.min} / best {figure.best} / max {figure.max}")
    for entry in incident.history:
        shown = ", ".join(f"{c.kind}/{c.group} {c.best}" for c in entry.casualties) or "no figures"
        table.add_row(f"as of {entry.as_of or '?'}", f"{entry.document_id}: {shown}, {entry.status}")
    return table


def _decisions(explanation: Explanation) -> Table:
    table = Table(title="Reports and merge decisions")
    for column in ("member", "document", "copy of", "joined via", "score", "reasons"):
        table.add_column(column)
    for d in explanation.decisions:
        score = f"{d.score:.2f}" if d.score is not None else "-"
        table.add_row(d.member_id, d.document_id, d.copy_of or "-", d.partner_id or "-", score, "\n".join(d.reasons))
    return table


def _claims(explanation: Explanation) -> Table:
    table = Table(title="Figures as reported")
    for column in ("kind", "group", "min", "max", "document", "published", "source", "stance", "copy of"):
        table.add_column(column)
    for c in explanation.claims:
        table.add_row(c.kind, c.group, str(c.min), str(c.max), c.document_id, c.published or "-",
                      c.source, c.stance, c.copy_of or "-")
    return table
