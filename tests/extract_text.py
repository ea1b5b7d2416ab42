"""The mentions the extractor finds in an invented text (shared by the extraction tests)."""

from __future__ import annotations

from conflictlog.extract import Extractor
from conflictlog.models import Document, Mention, content_hash


def extract_text(extractor: Extractor, text: str, published: str | None = "2024-05-02") -> list[Mention]:
    """The mentions of ``text`` as one document published on ``published``."""
    document = Document(document_id="d1", text=text, content_hash=content_hash(text), published=published)
    return extractor.extract(document)
