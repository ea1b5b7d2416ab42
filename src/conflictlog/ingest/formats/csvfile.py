"""CSV with a header row, read one row at a time with the csv module."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, reject
from ..decode import decoded_lines, peek_line_encoding
from .records import record_document

# Reports can be long; the csv default of 131,072 characters per field would cut them off.
_FIELD_SIZE_LIMIT = min(sys.maxsize, 2**31 - 1)


class _LineSource:
    """Feeds decoded lines to csv.reader and remembers which lines did not decode."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._lines = decoded_lines(stream, encoding)
        self.bad_lines: set[int] = set()

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if line.text is None:
                self.bad_lines.add(line.number)
            yield line.text if line.text is not None else line.raw.decode("utf-8", errors="replace")


def read_csv(stream: BinaryIO, origin: str, settings: Settings,
             document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document (or Rejected) per data row; the header row names the fields.

    Rows are numbered as a spreadsheet shows them: the header is row 1, so the first
    record is row 2 and gets the id ``origin:2`` when it has no id column.
    """
    csv.field_size_limit(_FIELD_SIZE_LIMIT)
    source = _LineSource(stream, peek_line_encoding(stream))
    reader = csv.reader(source)
    header = _header(reader)
    if header is None:
        yield reject(Found(document_id or origin, None, origin, InputFormat.CSV), RejectReason.EMPTY,
                     "the CSV file has no header row and no records")
        return
    if settings.fields.text not in header:
        yield reject(Found(document_id or origin, None, origin, InputFormat.CSV, "row 1"), RejectReason.MISSING_FIELD,
                     f"the header has no text column {settings.fields.text!r} (columns: {', '.join(header)}); "
                     "name the right one with a field mapping such as text=body")
        return
    yield from _rows(reader, source, header, origin, settings)


def _header(reader: Iterator[list[str]]) -> list[str] | None:
    for row in reader:
        if any(cell.strip() for cell in row):
            return [cell.strip().lstrip("\ufeff") for cell in row]
    return None


def _rows(reader: Iterator[list[str]], source: _LineSource, header: list[str], origin: str,
          settings: Settings, first_row: int = 2) -> Iterator[Document | Rejected]:
    number = first_row - 1  # a shard of a split file (ingest/shards.py) starts further down
    last_line = reader.line_num  # type: ignore[attr-defined]
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _malformed(origin, number, f"the csv parser stopped: {error}")
            continue
        lines = range(last_line + 1, reader.line_num + 1)  # type: ignore[attr-defined]
        last_line = reader.line_num  # type: ignore[attr-defined]
        if source.bad_lines.intersection(lines):
            yield _row_rejected(origin, number, RejectReason.UNDECODABLE, "the row holds bytes that are not text")
        elif len(row) != len(header):
            if any(cell.strip() for cell in row):
                yield _malformed(origin, number, f"the row has {len(row)} columns, the header has {len(header)}")
        else:
            yield record_document(dict(zip(header, row)), origin, number, f"row {number}", InputFormat.CSV, settings)


def _malformed(origin: str, number: int, why: str) -> Rejected:
    return _row_rejected(origin, number, RejectReason.MALFORMED_CSV, why)


def _row_rejected(origin: str, number: int, reason: RejectReason, why: str) -> Rejected:
    return reject(Found(f"{origin}:{number}", None, origin, InputFormat.CSV, f"row {number}"), reason, why)
