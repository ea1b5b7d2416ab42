"""Whole-file text formats: the seed article format and plain text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, make_document, reject
from ..decode import decode_bytes
from ..sniff import SEED_HEADER

# A UTF-8 character is at most 4 bytes, so a file longer than this is over the limit for sure.
_BYTES_PER_CHAR = 4
# A first line this short, set apart by a blank line and not ending a sentence, reads as a headline.
MAX_HEADLINE_CHARS = 200


def read_seed(stream: BinaryIO, origin: str, settings: Settings,
              document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document from a seed-format file: header line ``date YYYY-MM-DD TITLE``, blank line, body."""
    found = Found(document_id or origin, None, origin, InputFormat.SEED)
    text = yield from _read_text(stream, found, settings)
    if text is None:
        return
    header, _, body = text.lstrip("\ufeff").partition("\n")
    match = SEED_HEADER.match(header)
    if match is None:  # not a seed file after all: keep it whole as plain text
        yield make_document(Found(found.document_id, text, origin, InputFormat.TEXT, title=headline(text)), settings)
        return
    yield make_document(Found(found.document_id, body, origin, InputFormat.SEED, title=match.group(2),
                              published=_valid_day(match.group(1))), settings)


def read_text(stream: BinaryIO, origin: str, settings: Settings,
              document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document holding the whole file; a title only when the first line is plainly a headline."""
    found = Found(document_id or origin, None, origin, InputFormat.TEXT)
    text = yield from _read_text(stream, found, settings)
    if text is not None:
        text = text.lstrip("\ufeff")
        yield make_document(Found(found.document_id, text, origin, InputFormat.TEXT, title=headline(text)), settings)


def headline(text: str) -> str | None:
    """The first line when it is short, followed by a blank line and more text, and not a sentence."""
    lines = text.strip().split("\n", 2)
    if len(lines) < 3 or lines[1].strip() or not lines[2].strip():
        return None
    first = lines[0].strip()
    if len(first) >= MAX_HEADLINE_CHARS or first.endswith((".", ",", ";", ":")):
        return None
    return first


def _read_text(stream: BinaryIO, found: Found, settings: Settings) -> Iterator[Rejected]:
    """Read and decode the whole stream; yields a Rejected and returns None when that fails."""
    limit = settings.max_chars * _BYTES_PER_CHAR + len("\ufeff".encode())
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield reject(found, RejectReason.OVERSIZED, f"the file has more than {limit:,} bytes, so its text is "
                     f"longer than the limit of {settings.max_chars:,} characters (raise it with CONFLICTLOG_MAX_CHARS)")
        return None
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield reject(found, RejectReason.UNDECODABLE, decoded.problem)
    return decoded.text


def _valid_day(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None
