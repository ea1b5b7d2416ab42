"""What every sub-command shares: the consoles, the --db option, exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from itertools import islice
from typing import TypeVar

from rich.console import Console

EXIT_STRICT = 8
EXIT_INTERRUPTED = 130

T = TypeVar("T")


def console(stderr: bool = False) -> Console:
    """A console for standard output (or error) that does not cut piped tables to 80 columns."""
    # Piped output is read by people and tools alike.
    plain = Console(stderr=stderr)
    return plain if plain.is_terminal else Console(stderr=stderr, width=max(plain.width, 200))


out = console()
err = console(stderr=True)


def db_option(parser: argparse.ArgumentParser) -> None:
    """Add the --db option every database command takes."""
    parser.add_argument("--db", help="SQLite file or database URL (default: $CONFLICTLOG_DB or conflictlog.sqlite)")


def limited(items: Iterable[T], limit: int) -> Iterable[T]:
    """At most ``limit`` items; all of them when ``limit`` is 0 or less."""
    return items if limit <= 0 else islice(items, limit)
