"""The last step of every reader: a Document when the text is usable, else a Rejected that says why."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..models import Document, InputFormat, Rejected, RejectReason, content_hash
from .inputs import where


@dataclass(frozen=True, slots=True)
class Found:
    """What a reader found for one document, before the checks every document passes."""

    document_id: str
    text: str | None
    origin: str
    input_format: InputFormat
    locator: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


def make_document(found: Found, settings: Settings) -> Document | Rejected:
    """A Document from ``found``, or EMPTY / OVERSIZED when its text is blank or too long."""
    text = (found.text or "").strip()
    if not text:
        return reject(found, RejectReason.EMPTY, "there is no text (empty or only whitespace)")
    if len(text) > settings.max_chars:
        return reject(found, RejectReason.OVERSIZED, oversized_detail(len(text), settings))
    return Document(
        document_id=found.document_id, text=text, content_hash=content_hash(text),
        title=_clean(found.title), published=_clean(found.published), url=_clean(found.url),
        source=_clean(found.source), origin=found.origin, locator=found.locator,
        input_format=found.input_format,
    )


def reject(found: Found, reason: RejectReason, why: str) -> Rejected:
    """A Rejected for the document ``found`` describes, its detail prefixed with where it was."""
    return Rejected(
        origin=found.origin, reason=reason, detail=f"{where(found.origin, found.locator)}: {why}",
        locator=found.locator, document_id=found.document_id,
    )


def oversized_detail(length: int, settings: Settings) -> str:
    """Why a text of ``length`` characters is refused, and how to let it through."""
    return (f"the text has {length:,} characters, more than the limit of {settings.max_chars:,} "
            "(raise the limit with CONFLICTLOG_MAX_CHARS)")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
