"""Gold files in the common evaluation format: one JSON document per line with its answers in ``gold``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import InputError

# What the system may see of a gold document; everything else (``gold``) is the answer.
INPUT_FIELDS = ("id", "published", "title", "text", "source", "url")


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` documents (all when None) of a gold JSONL file.

    Raises InputError for an unreadable file, a line that is not a JSON object, or one without an id.
    """
    try:
        with open(path, encoding="utf-8") as stream:
            lines = [(n, line) for n, line in enumerate(stream, 1) if line.strip()]
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc.strerror}",
                         hint="give the path of a gold JSONL file (one document per line)") from exc
    return [_gold_document(path, n, line) for n, line in islice(lines, limit)]


def _gold_document(path: str | Path, number: int, line: str) -> dict[str, Any]:
    try:
        document = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} line {number}: not valid JSON ({exc.msg})",
                         hint="each line of a gold file must be one JSON object") from exc
    if not isinstance(document, dict) or "id" not in document:
        raise InputError(f"{path} line {number}: expected a JSON object with an 'id'",
                         hint="see docs/evaluation.md for the gold format")
    return document


def write_inputs(golds: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the documents without their answers as JSONL for ``ingest``; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as stream:
        for document in golds:
            visible = {key: document[key] for key in INPUT_FIELDS if key in document}
            stream.write(json.dumps(visible, ensure_ascii=False) + "\n")
            count += 1
    return count
