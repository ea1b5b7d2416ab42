"""Input paths (files, directories, globs, ``-``) to the list of InputFile to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence

from ..errors import InputError
from ..models import InputFormat
from .inputs import HEAD_BYTES, STDIN_PATH, InputFile
from .sniff import format_of

_GLOB_CHARS = frozenset("*?[")


def discover(paths: Sequence[str]) -> list[InputFile]:
    """Expand ``paths`` into files to read, in a stable order, each once.

    Directories are walked recursively in sorted order, skipping hidden files and
    directories; globs (``data/*.jsonl``, ``**``) are expanded; ``-`` is standard input.
    Raises InputError for a path that matches nothing.
    """
    found: dict[str, InputFile] = {}
    for path in paths:
        for file in _expand(path):
            found.setdefault(os.path.normpath(file.path) if file.path != STDIN_PATH else STDIN_PATH, file)
    return list(found.values())


def _expand(path: str) -> Iterator[InputFile]:
    if path == STDIN_PATH:
        yield InputFile(STDIN_PATH, InputFormat.STDIN)
        return
    if _GLOB_CHARS.intersection(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            raise InputError(f"the pattern {path!r} matches no file",
                             hint="check the pattern; quote it so the shell does not expand it first")
        for match in matches:
            yield from _expand_existing(match)
        return
    if not os.path.lexists(path):
        raise InputError(f"no such file or directory: {path!r}",
                         hint="check the path, or pass '-' to read standard input")
    yield from _expand_existing(path)


def _expand_existing(path: str) -> Iterator[InputFile]:
    if os.path.isdir(path):
        yield from _walk(path)
    else:
        yield input_file(path)


def _walk(top: str) -> Iterator[InputFile]:
    unlistable: list[str] = []
    paths = []
    for folder, dirs, files in os.walk(top, onerror=lambda error: unlistable.append(error.filename)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths.extend(os.path.join(folder, name) for name in files if not name.startswith("."))
    # Sorted as a listing reads (b/deep/y before b/z), not in the order os.walk visits folders.
    for path in sorted(paths, key=lambda path: os.path.relpath(path, top).split(os.sep)):
        yield input_file(path)
    # A folder that cannot be listed is not dropped: reading it reports it as unreadable.
    for folder in unlistable:
        yield InputFile(folder, None)


def input_file(path: str) -> InputFile:
    """The InputFile for one existing file path, its format told by name and first bytes."""
    try:
        with open(path, "rb") as handle:
            head: bytes | None = handle.read(HEAD_BYTES)
    except OSError:
        head = None
    return InputFile(path, format_of(path, head))
