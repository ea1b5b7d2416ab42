"""Which format a file is in: from its name where that is enough, else from its first bytes."""

from __future__ import annotations

import re
import zlib

from ..models import InputFormat
from .decode import decode_head

#: The first line of a seed-format article: `` date 2023-09-19 TITLE``.
SEED_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?:[ \t]+(.*?))?\s*$")

_BY_SUFFIX = {
    ".jsonl": InputFormat.JSONL, ".ndjson": InputFormat.JSONL, ".csv": InputFormat.CSV,
    ".html": InputFormat.HTML, ".htm": InputFormat.HTML, ".xhtml": InputFormat.HTML,
    ".warc": InputFormat.WARC, ".warc.gz": InputFormat.WARC,
}
_TEXT_SUFFIXES = (".txt", ".text")
_FEED_SUFFIXES = (".xml", ".rss", ".atom")
# File signatures of common binary formats whose first bytes may still decode as text.
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
_GZIP_MAGIC = b"\x1f\x8b"


def format_of(path: str, head: bytes | None) -> InputFormat | None:
    """The format of the file at ``path`` whose first bytes are ``head`` (None if unreadable)."""
    name = path.lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if name.endswith(suffix):
            return fmt
    if head is None:
        return InputFormat.TEXT if name.endswith(_TEXT_SUFFIXES) else None
    if name.endswith(_TEXT_SUFFIXES):
        return InputFormat.SEED if is_seed(head) else InputFormat.TEXT
    if name.endswith(".json"):
        return InputFormat.JSONL if _first_line_is_object(head) else None
    if name.endswith(_FEED_SUFFIXES):
        return InputFormat.HTML if sniff(head) is InputFormat.HTML else InputFormat.FEED
    return sniff(head)


def sniff(head: bytes) -> InputFormat | None:
    """The format told by content alone; None for binary data that is none of the formats."""
    if head.startswith(_GZIP_MAGIC):
        return InputFormat.WARC if _gunzipped_start(head).startswith(b"WARC/") else None
    if head.startswith(_BINARY_MAGIC):
        return None
    # Checked on the bytes: one odd JSON line must not make a whole JSONL file look like binary.
    start_bytes = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start_bytes.startswith(b"WARC/1."):
        return InputFormat.WARC
    if start_bytes.startswith(b"{"):
        return InputFormat.JSONL
    text = decode_head(head)
    return None if text is None else _sniff_text(text.lstrip("\ufeff \t\r\n"))


def _sniff_text(start: str) -> InputFormat:
    lowered = start[:4096].lower()
    if SEED_HEADER.match(start.partition("\n")[0]):
        return InputFormat.SEED
    if start.startswith("{"):
        return InputFormat.JSONL
    if "<rss" in lowered or "<feed" in lowered or "<rdf:rdf" in lowered:
        return InputFormat.FEED
    if "<html" in lowered or "<!doctype html" in lowered:
        return InputFormat.HTML
    return InputFormat.TEXT


def is_seed(head: bytes) -> bool:
    """True when the first line is a seed-format header."""
    text = decode_head(head)
    return text is not None and bool(SEED_HEADER.match(text.lstrip("\ufeff").partition("\n")[0]))


def _first_line_is_object(head: bytes) -> bool:
    text = decode_head(head) or ""
    line, newline, _ = text.lstrip("\ufeff \t\r\n").partition("\n")
    line = line.strip()
    # A pretty-printed JSON document starts with a lone "{": that is not one object per line.
    return line.startswith("{") and (line.endswith("}") or not newline) and line != "{"


def _gunzipped_start(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
    except zlib.error:
        return b""
