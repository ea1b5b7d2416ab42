"""WARC and WARC.gz archives: each HTML response record becomes a Document, through trafilatura.

warcio reads a cut-off archive without complaint (a short last record, or a lost gzip member),
so the reader checks each record's length and where the last record ended against the size
of the input. Damage becomes a Rejected at the byte offset where it starts; the documents
read before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
import zlib
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, reject
from .html import html_document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# warcio raises all of these on damaged input (AttributeError on some cut-off headers).
_DAMAGE_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError)

# Damage after which nothing more can be read from the archive.
_FATAL = (RejectReason.TRUNCATED_WARC, RejectReason.BAD_WARC)


class _CountingReader:
    """Counts the bytes read, to tell where the input ends."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.size += len(data)
        return data


def read_warc(stream: BinaryIO, origin: str, settings: Settings,
              document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document per HTML response record, then a Rejected for any damage found."""
    counted = _CountingReader(stream)
    archive = ArchiveIterator(counted)
    try:
        for record in archive:
            document = _record_document(record, archive.offset, origin, settings)
            if isinstance(document, Rejected) and document.reason in _FATAL:
                yield document
                return
            if document is not None:
                yield document
    except _DAMAGE_ERRORS as error:
        yield _damage(origin, RejectReason.BAD_WARC, archive.offset, f"the archive cannot be read from here on: {error}")
        return
    if archive.offset < counted.size:
        yield _damage(origin, RejectReason.TRUNCATED_WARC, archive.offset,
                      f"the archive ends inside a record: {counted.size - archive.offset:,} bytes could not be read")


def _record_document(record: Any, offset: int, origin: str, settings: Settings) -> Document | Rejected | None:
    if not str(record.format).startswith("warc"):
        return _damage(origin, RejectReason.BAD_WARC, offset, "this is not a WARC record (an ARC archive, or not an archive)")
    wanted = record.rec_type == "response" and _is_html(record)
    data = record.content_stream().read() if wanted else b""
    record.raw_stream.read()  # the rest of the block, so that the count below is complete
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}@{offset}"
    if record.raw_stream.limit:
        return _damage(origin, RejectReason.TRUNCATED_WARC, offset,
                       f"the record for {uri} is cut short: {record.raw_stream.limit:,} of its bytes are missing", uri)
    if not wanted:
        return None
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    found = Found(uri, None, origin, InputFormat.WARC, f"byte {offset}", published=warc_date[:10] or None, url=uri)
    return html_document(data, found, settings, charset=_charset(record))


def _is_html(record: Any) -> bool:
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return bool(content_type) and content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _damage(origin: str, reason: RejectReason, offset: int, why: str, document_id: str | None = None) -> Rejected:
    return reject(Found(document_id or origin, None, origin, InputFormat.WARC, f"byte {offset}"), reason, why)
