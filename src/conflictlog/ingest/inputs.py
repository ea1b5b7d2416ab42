"""The unit of work the ingester hands out: one input path and the format it will be read as."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import InputFormat

#: The path that stands for standard input.
STDIN_PATH = "-"

#: How many bytes of an input are read to tell its format and encoding.
HEAD_BYTES = 65536


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read. ``format`` is None for a file the ingester does not read (it becomes UNSUPPORTED)."""

    path: str
    format: InputFormat | None


def where(origin: str, locator: str | None = None) -> str:
    """How a detail message names a place in the input: ``data.jsonl, line 3``."""
    name = "standard input" if origin == STDIN_PATH else origin
    return f"{name}, {locator}" if locator else name
