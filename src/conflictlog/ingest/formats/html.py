"""HTML pages: main text, title and date through trafilatura (no network)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import trafilatura
from lxml import etree

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, make_document, reject
from ..decode import decode_bytes

# No extensive search: it takes any date in the page (a copyright year) for the publication day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(stream: BinaryIO, origin: str, settings: Settings,
              document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document from an HTML page; its id is the path."""
    found = Found(document_id or origin, None, origin, InputFormat.HTML)
    yield html_document(stream.read(), found, settings)


def html_document(data: bytes, found: Found, settings: Settings, charset: str | None = None) -> Document | Rejected:
    """The Document for the page ``data``; ``found`` gives id and place, and date/source fallbacks."""
    decoded = decode_bytes(data, declared=charset)
    if decoded.text is None:
        return reject(found, RejectReason.UNDECODABLE, decoded.problem)
    try:
        extracted = _extract(decoded.text)
    except (etree.LxmlError, ValueError) as error:
        return reject(found, RejectReason.BAD_HTML, f"the page cannot be parsed: {error}")
    if extracted is None or not (extracted.text or "").strip():
        return reject(found, RejectReason.BAD_HTML, "no main text could be found in the page (broken or empty HTML)")
    return make_document(Found(
        found.document_id, paragraphs(extracted.text), found.origin, found.input_format, found.locator,
        title=extracted.title, published=extracted.date or found.published,
        url=found.url or extracted.url, source=found.source or extracted.sitename,
    ), settings)


def paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text as paragraphs separated by blank lines."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _extract(html: str) -> trafilatura.settings.Document | None:
    return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                       favor_recall=True, date_extraction_params=_DATE_PARAMS)
