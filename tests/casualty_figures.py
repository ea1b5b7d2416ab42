"""What find_casualties reads from a text, as comparable tuples (shared by the casualty tests)."""

from __future__ import annotations

from conflictlog.extract.casualties import find_casualties
from conflictlog.models import CasualtyKind, VictimGroup


def figures(nlp, text: str) -> set[tuple[CasualtyKind, VictimGroup, int | None, int | None]]:
    """Every (kind, group, min, max) found in the sentences of ``text``."""
    doc = nlp(text)
    return {(c.kind, c.group, c.min, c.max) for sent in doc.sents for c in find_casualties(sent)}
