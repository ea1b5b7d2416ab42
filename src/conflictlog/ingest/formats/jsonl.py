"""JSON Lines: one JSON object per line, read one line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, reject
from ..decode import Line, decoded_lines, peek_line_encoding
from .records import record_document


def read_jsonl(stream: BinaryIO, origin: str, settings: Settings,
               document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document (or Rejected) per non-blank line of ``stream``."""
    encoding = peek_line_encoding(stream)
    for line in decoded_lines(stream, encoding):
        if line.text is None or line.text.strip():
            yield _line_document(line, origin, settings, encoding)


def _line_document(line: Line, origin: str, settings: Settings, encoding: str) -> Document | Rejected:
    found = Found(f"{origin}:{line.number}", None, origin, InputFormat.JSONL, f"line {line.number}")
    if line.text is None:
        return reject(found, RejectReason.UNDECODABLE, f"the line is not valid {encoding} text")
    try:
        record = json.loads(line.text)
    except json.JSONDecodeError as error:
        return reject(found, RejectReason.MALFORMED_JSON, f"not valid JSON: {error.msg} (column {error.colno})")
    if not isinstance(record, dict):
        return reject(found, RejectReason.MALFORMED_JSON,
                      f"a JSON {type(record).__name__} where an object {{...}} was expected")
    return record_document(record, origin, line.number, found.locator or "", InputFormat.JSONL, settings)
