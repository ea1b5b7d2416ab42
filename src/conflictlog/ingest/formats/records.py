"""What JSONL objects and CSV rows share: field mapping (``settings.fields``) and document ids."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...config import FieldMap, Settings
from ...models import Document, InputFormat, Rejected, RejectReason
from ..build import Found, make_document, reject


def record_document(record: Mapping[str, Any], origin: str, number: int, locator: str,
                    input_format: InputFormat, settings: Settings) -> Document | Rejected:
    """The Document for one record; its id is the id field, else ``origin:number``."""
    fields = settings.fields
    found = Found(
        document_id=_as_text(record.get(fields.id)) or f"{origin}:{number}",
        text=None, origin=origin, input_format=input_format, locator=locator,
        title=_as_text(record.get(fields.title)), published=_as_text(record.get(fields.published)),
        url=_as_text(record.get(fields.url)), source=_as_text(record.get(fields.source)),
    )
    if fields.text not in record:
        return reject(found, RejectReason.MISSING_FIELD, _missing_text(record, fields))
    text = record[fields.text]
    if text is not None and not isinstance(text, str):
        return reject(found, RejectReason.MISSING_FIELD,
                      f"the text field {fields.text!r} holds a {type(text).__name__}, not a string")
    return make_document(_with_text(found, text), settings)


def _missing_text(record: Mapping[str, Any], fields: FieldMap) -> str:
    present = ", ".join(repr(name) for name in list(record)[:12]) or "none"
    return (f"no text field {fields.text!r} (fields present: {present}); "
            f"name the right one with a field mapping such as text=body")


def _as_text(value: Any) -> str | None:
    # Ids and dates may arrive as numbers; nested values are not a field we can use.
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def _with_text(found: Found, text: str | None) -> Found:
    return Found(found.document_id, text, found.origin, found.input_format, found.locator,
                 found.title, found.published, found.url, found.source)
