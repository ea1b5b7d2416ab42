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

Sub-commands live in ``records`` (ingest, events, incidents, export, stats, rejected),
``analysis`` (report, evaluate, serve, places) and ``fusion`` (fuse, why).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from ..config import Settings
from ..errors import ConflictlogError
from .analysis import add_analysis_commands
from .common import EXIT_INTERRUPTED, EXIT_STRICT, db_option, err
from .fusion import add_fusion_commands
from .records import add_record_commands

__all__ = ["EXIT_INTERRUPTED", "EXIT_STRICT", "build_parser", "main"]


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
    add_record_commands(commands)
    add_analysis_commands(commands)
    add_fusion_commands(commands, db_option)
    return parser
