"""Text as the extractor reads it: same length and offsets as the stored document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document
from .dateline import Dateline, find_dateline
from .truecase import is_all_caps, truecase

# Characters that confuse the tokenizer; each is replaced by one plain space so that
# offsets stay valid. Curly quotes and dashes are kept: they carry meaning.
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t\x0b\x0c\r\x00-\x08\x0e-\x1f]")


@dataclass(slots=True)
class PreparedText:
    """The text given to spaCy (offsets identical to the document's), its dateline and casing."""

    text: str
    dateline: Dateline | None
    truecased: bool


def prepare(document: Document) -> PreparedText:
    """Normalise ``document.text`` in place (no character added or removed) and find its dateline."""
    text = _ODD_SPACE.sub(" ", document.text)
    dateline = find_dateline(text)
    truecased = is_all_caps(text)
    if truecased:
        text = truecase(text)
    assert len(text) == len(document.text), "prepare must keep every offset"
    return PreparedText(text=text, dateline=dateline, truecased=truecased)
