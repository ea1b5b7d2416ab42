"""Reading InputFiles: the dispatch from format to reader, standard input, and unreadable files."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from ..config import Settings
from ..models import Document, InputFormat, Rejected, RejectReason
from .formats.csvfile import read_csv
from .formats.feeds import read_feed
from .formats.html import read_html
from .formats.jsonl import read_jsonl
from .formats.plain import read_seed, read_text
from .formats.warc import read_warc
from .inputs import HEAD_BYTES, STDIN_PATH, InputFile, where
from .sniff import sniff

Reader = Callable[[BinaryIO, str, Settings, "str | None"], Iterator[Document | Rejected]]

READERS: dict[InputFormat, Reader] = {
    InputFormat.SEED: read_seed, InputFormat.TEXT: read_text, InputFormat.JSONL: read_jsonl,
    InputFormat.CSV: read_csv, InputFormat.HTML: read_html, InputFormat.FEED: read_feed,
    InputFormat.WARC: read_warc,
}

#: The document id of a single document read from standard input.
STDIN_DOCUMENT_ID = "stdin"


def iter_documents(files: Iterable[InputFile], settings: Settings,
                   stdin: BinaryIO | None = None) -> Iterator[Document | Rejected]:
    """Every Document or Rejected of ``files``, in order, one at a time."""
    for file in files:
        yield from read_file(file, settings, stdin)


def read_file(file: InputFile, settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Document | Rejected]:
    """The Documents and Rejecteds of one input; never raises on bad content or an unreadable file.

    ``stdin`` is the stream read for ``-`` (default: the process's standard input).
    """
    if file.format is InputFormat.STDIN or file.path == STDIN_PATH:
        yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        return
    try:
        with open(file.path, "rb") as stream:
            if file.format is None:
                yield _unsupported(file.path, stream.read(HEAD_BYTES))
            else:
                yield from READERS[file.format](stream, file.path, settings, None)
    except OSError as error:
        yield Rejected(file.path, RejectReason.UNREADABLE,
                       f"{where(file.path)}: the file cannot be read ({error.strerror or error}); check it exists "
                       "and that you may read it")


def read_stdin(stream: BinaryIO, settings: Settings) -> Iterator[Document | Rejected]:
    """Standard input, its format told from its first bytes: JSONL, seed, HTML, feed, WARC, else one text."""
    head = stream.read(HEAD_BYTES) + stream.readline()  # end the head on a line boundary
    fmt = sniff(head) or InputFormat.TEXT
    rejoined = io.BufferedReader(_PrefixedStream(head, stream))
    yield from READERS[fmt](rejoined, STDIN_PATH, settings, STDIN_DOCUMENT_ID)


def _unsupported(path: str, head: bytes) -> Rejected:
    what = "binary data" if sniff(head) is None else "a kind of file"
    return Rejected(path, RejectReason.UNSUPPORTED,
                    f"{where(path)}: {what} conflictlog does not read; give it text, JSONL, CSV, HTML, "
                    "RSS/Atom or WARC files")


class _PrefixedStream(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
