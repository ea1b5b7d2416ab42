"""RSS and Atom files: one Document per entry, read with feedparser from the bytes (no network)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, BinaryIO

import feedparser
from lxml import etree, html as lxml_html

from ...config import Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, make_document, reject

# Elements after which a line break belongs, so paragraphs survive the stripping of tags.
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


def read_feed(stream: BinaryIO, origin: str, settings: Settings,
              document_id: str | None = None) -> Iterator[Document | Rejected]:
    """One Document per feed entry; a feed that cannot be parsed and has no entries is BAD_FEED."""
    parsed = feedparser.parse(stream.read())
    found = Found(document_id or origin, None, origin, InputFormat.FEED)
    if not parsed.entries:
        if parsed.bozo:
            yield reject(found, RejectReason.BAD_FEED, f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
        else:
            yield reject(found, RejectReason.EMPTY, "the feed has no entries")
        return
    source = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        yield make_document(_entry_found(entry, index, origin, source), settings)


def _entry_found(entry: Any, index: int, origin: str, source: str | None) -> Found:
    return Found(
        document_id=entry.get("id") or entry.get("link") or f"{origin}#{index}",
        text=_entry_text(entry), origin=origin, input_format=InputFormat.FEED, locator=f"entry {index}",
        title=entry.get("title"), published=_entry_time(entry), url=entry.get("link"), source=source,
    )


def _entry_text(entry: Any) -> str:
    detail = (entry.get("content") or [None])[0] or entry.get("summary_detail")
    if not detail:
        return entry.get("summary") or ""
    if "html" in (detail.get("type") or ""):
        return html_to_text(detail.get("value") or "")
    return detail.get("value") or ""


def _entry_time(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, blank lines between."""
    if not markup.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup  # keep the words, tags and all, rather than lose the entry
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
