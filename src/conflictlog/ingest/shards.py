"""Input shards: large JSONL and CSV files split by byte ranges, every other file whole.

    plan_shards(files, shard_bytes) -> list[Shard]              one pass over each large file
    read_shard(shard, settings)     -> Document | Rejected       the same items read_file gives

A shard starts on a record boundary and knows the number of its first line (JSONL) or row
(CSV), so reading all shards of a file, in order, gives exactly the items ``read_file``
gives: same ids, same locators, same rejections. A WARC archive is one shard (its gzip
members cannot be found without reading it). Shards are small and picklable, so a cluster
worker can read one from a shared filesystem without the client ever holding the data.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..config import Settings
from ..models import Document, InputFormat, Rejected, RejectReason
from .decode import Line, decoded_lines, line_encoding
from .formats.csvfile import _FIELD_SIZE_LIMIT, _header, _LineSource, _rows, read_csv
from .formats.jsonl import _line_document, read_jsonl
from .inputs import HEAD_BYTES, STDIN_PATH, InputFile, where
from .reader import read_file

#: Default shard size: big enough that a task outweighs its scheduling, small enough to keep memory flat.
SHARD_BYTES = 4 * 1024 * 1024

_SPLITTABLE = (InputFormat.JSONL, InputFormat.CSV)


@dataclass(frozen=True, slots=True)
class Shard:
    """Bytes ``start`` to ``end`` of one input (``end`` None: to its end); ``first`` numbers its first record."""

    file: InputFile
    start: int = 0
    end: int | None = None
    first: int = 1

    @property
    def whole(self) -> bool:
        """True when the shard is the whole file."""
        return self.start == 0 and self.end is None


def plan_shards(files: Iterable[InputFile], shard_bytes: int = SHARD_BYTES) -> list[Shard]:
    """The shards of ``files``, in reading order; only JSONL and CSV files over ``shard_bytes`` are split."""
    shards: list[Shard] = []
    for file in files:
        shards.extend(_file_shards(file, shard_bytes))
    return shards


def _file_shards(file: InputFile, shard_bytes: int) -> list[Shard]:
    if file.format not in _SPLITTABLE or file.path == STDIN_PATH or _size(file.path) <= shard_bytes:
        return [Shard(file)]
    try:
        with open(file.path, "rb") as stream:
            if line_encoding(stream.read(HEAD_BYTES)) == "utf-16":
                return [Shard(file)]  # two bytes per character: a b"\n" is no line boundary
            stream.seek(0)
            cuts = list(_cuts(stream, shard_bytes, file.format is InputFormat.CSV))
    except OSError:
        return [Shard(file)]  # reading it whole reports it as unreadable
    ends = [start for start, _ in cuts[1:]] + [None]
    return [Shard(file, start, end, first) for (start, first), end in zip(cuts, ends)]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _cuts(stream: BinaryIO, shard_bytes: int, is_csv: bool) -> Iterator[tuple[int, int]]:
    """(byte offset, number of the first record) where each shard starts.

    JSONL records are lines. CSV records are rows: a line ending outside quotes ends a row,
    and rows are numbered as ``read_csv`` numbers them (the header is row 1).
    """
    yield 0, 1
    offset, line, row, quotes = 0, 1, 1, 0
    header_seen = not is_csv
    next_cut = shard_bytes
    for raw in stream:
        offset += len(raw)
        line += 1
        quotes += raw.count(b'"') if is_csv else 0
        if quotes % 2:
            continue  # inside a quoted field that spans lines
        header_seen = header_seen or bool(raw.strip())
        row += header_seen
        if offset >= next_cut and header_seen:
            yield offset, row if is_csv else line
            next_cut = offset + shard_bytes


def read_shard(shard: Shard, settings: Settings) -> Iterator[Document | Rejected]:
    """The Documents and Rejecteds of one shard; never raises on bad content or an unreadable file."""
    if shard.whole:
        yield from read_file(shard.file, settings)
        return
    try:
        stream, encoding = _open_range(shard)
    except OSError as error:
        locator = f"bytes {shard.start}-{shard.end if shard.end is not None else 'end'}"
        yield Rejected(shard.file.path, RejectReason.UNREADABLE,
                       f"{where(shard.file.path, locator)}: cannot be read ({error.strerror or error}); "
                       "check the file is complete and readable", locator=locator)
        return
    if shard.file.format is InputFormat.JSONL:
        yield from _jsonl_range(stream, shard, settings, encoding)
    else:
        yield from _csv_range(stream, shard, settings, encoding)


def _open_range(shard: Shard) -> tuple[io.BufferedReader, str]:
    with open(shard.file.path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        handle.seek(shard.start)
        size = -1 if shard.end is None else shard.end - shard.start
        data = handle.read(size)
    return _RangeReader(io.BytesIO(data), head), line_encoding(head)


class _RangeReader(io.BufferedReader):
    """The bytes of a shard, whose ``peek`` shows the file's head: the readers tell the encoding from it."""

    def __init__(self, raw: io.BytesIO, file_head: bytes) -> None:
        super().__init__(raw)  # type: ignore[arg-type]
        self._file_head = file_head

    def peek(self, size: int = 0) -> bytes:
        """The file's first bytes, as peeking at the whole file would show them."""
        return self._file_head


def _jsonl_range(stream: BinaryIO, shard: Shard, settings: Settings, encoding: str) -> Iterator[Document | Rejected]:
    if shard.start == 0:
        yield from read_jsonl(stream, shard.file.path, settings)
        return
    skipped = shard.first - 1
    for line in decoded_lines(stream, encoding.removesuffix("-sig")):
        if line.text is None or line.text.strip():
            numbered = Line(line.number + skipped, line.text, line.raw)
            yield _line_document(numbered, shard.file.path, settings, encoding)


def _csv_range(stream: BinaryIO, shard: Shard, settings: Settings, encoding: str) -> Iterator[Document | Rejected]:
    if shard.start == 0:
        yield from read_csv(stream, shard.file.path, settings)
        return
    header = _file_header(shard.file.path, encoding)
    if header is None or settings.fields.text not in header:
        return  # the first shard already reported the header as the file's one rejection
    csv.field_size_limit(_FIELD_SIZE_LIMIT)
    source = _LineSource(stream, encoding.removesuffix("-sig"))
    yield from _rows(csv.reader(source), source, header, shard.file.path, settings, first_row=shard.first)


def _file_header(path: str, encoding: str) -> list[str] | None:
    with open(path, "rb") as handle:
        return _header(csv.reader(_LineSource(handle, encoding)))
