"""CSV export with ACLED's column names and codes, so ACLED tooling can read our records.

The header is ACLED's own (same names, same order); columns ACLED fills from its own
coding (inter codes, region, admin2/3, tags, timestamp, source_scale) stay empty. Our extra
columns follow at the end. The column-by-column rules are in docs/format.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

import pycountry

from .figures import lower_bound_total
from .schema import ExportLevel

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
EVENT_EXTRA_COLUMNS = ("document_id", "incident_id", "injured", "stance", "disputed")
INCIDENT_EXTRA_COLUMNS = ("document_id", "event_ids", "injured", "status", "disputed")

#: ACLED time_precision: 1 the day is known, 2 within a week, 3 only the month (or less).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
#: ACLED geo_precision: 1 the town itself, 2 a nearby place or district, 3 a region or wider.
GEO_PRECISION = {"exact": 1, "town": 1, "district": 2, "region": 3, "country": 3}
LIST_SEPARATOR = "; "   # ACLED separates several actors or sources this way


def columns(level: ExportLevel) -> tuple[str, ...]:
    """The CSV header of ``level``: ACLED's columns, then ours."""
    extra = EVENT_EXTRA_COLUMNS if level is ExportLevel.EVENTS else INCIDENT_EXTRA_COLUMNS
    return ACLED_COLUMNS + extra


def write_csv(records: Iterable[dict[str, Any]], level: ExportLevel, out: BinaryIO) -> int:
    """Write ``records`` as UTF-8 CSV rows under the ACLED header; return how many."""
    to_row = event_row if level is ExportLevel.EVENTS else incident_row
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=columns(level))
        writer.writeheader()
        count = 0
        for record in records:
            writer.writerow(to_row(record))
            count += 1
        text.flush()
    finally:
        text.detach()   # the caller owns ``out``: a collected wrapper would close it, even after an error
    return count


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one event record."""
    attribution = event["attribution"]
    return {
        **_shared_columns(event, event["date"] or event["date_start"], TIME_PRECISION.get(event["date_precision"] or "", "")),
        "source": event_source(event),
        "notes": _event_notes(event),
        "fatalities": lower_bound_total(event["casualties"], "killed"),
        "document_id": event["document_id"],
        "incident_id": event["incident_id"] or "",
        "injured": lower_bound_total(event["casualties"], "injured"),
        "stance": attribution["stance"],
        "disputed": _flag(bool(event["disputed_by"])),
    }


def incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one incident record."""
    sources = incident["sources"]
    return {
        **_shared_columns(incident, incident["date_start"], _span_precision(incident)),
        "source": incident_source(incident),
        "notes": _incident_notes(incident),
        "fatalities": lower_bound_total(incident["casualties"], "killed", "best"),
        "document_id": _join(_unique(source["document_id"] for source in sources)),
        "event_ids": _join(incident["event_ids"]),
        "injured": lower_bound_total(incident["casualties"], "injured", "best"),
        "status": incident["status"],
        "disputed": _flag(incident["status"] in ("contested", "denied")),
    }


def event_source(event: dict[str, Any]) -> str:
    """Who the event is sourced to: the relaying outlet, then the speaker ("" if neither is known)."""
    attribution = event["attribution"]
    return _join(_unique([attribution["via"], attribution["source"]]))


def incident_source(incident: dict[str, Any]) -> str:
    """The incident's distinct sources, in the order they reported ("" if none is named)."""
    return _join(_unique(source["source"] for source in incident["sources"]))


def _shared_columns(record: dict[str, Any], day: str | None, time_precision: int | str) -> dict[str, Any]:
    location = record["location"]
    initiators, targets = _actor_names(record["actors"], "initiator"), _actor_names(record["actors"], "target")
    return {
        "event_id_cnty": record["id"],
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": time_precision,
        "disorder_type": disorder_type(record["event_type"], record["sub_event_type"]),
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"] or "",
        "actor1": initiators[0] if initiators else "",
        "assoc_actor_1": _join(initiators[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": _join(targets[1:]),
        "civilian_targeting": _civilian_targeting(record),
        "iso": _iso_numeric(location["country_code"]),
        "country": _country_name(location["country_code"]),
        "admin1": location["admin1"] or "",
        "location": location["name"] or location["text"] or "",
        "latitude": _blank_if_none(location["lat"]),
        "longitude": _blank_if_none(location["lon"]),
        "geo_precision": GEO_PRECISION.get(location["precision"] or "", ""),
    }


@cache
def _disorder_table() -> dict[str, dict[str, str]]:
    raw = json.loads(resources.files(__package__).joinpath("acled_disorder.json").read_text(encoding="utf-8"))
    return {key: value for key, value in raw.items() if key != "about"}


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    """ACLED's disorder_type for an event type and sub-event type ("" if the type is unknown)."""
    by_sub_type = _disorder_table().get(event_type, {})
    return by_sub_type.get(sub_event_type or "*", by_sub_type.get("*", ""))


def _actor_names(actors: list[dict[str, Any]], role: str) -> list[str]:
    return [actor["name"] or actor["text"] for actor in actors if actor["role"] == role]


def _civilian_targeting(record: dict[str, Any]) -> str:
    targets_civilians = any(a["role"] == "target" and a["kind"] == "civilians" for a in record["actors"])
    if targets_civilians or record["event_type"] == "Violence against civilians":
        return "Civilian targeting"
    return ""


def _country_name(code: str | None) -> str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    # A code pycountry lacks (e.g. XK, Kosovo) is still more useful than an empty cell.
    return country.name if country else code or ""


def _iso_numeric(code: str | None) -> int | str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return int(country.numeric) if country else ""


def _span_precision(incident: dict[str, Any]) -> int | str:
    start, end = incident["date_start"], incident["date_end"]
    if not start:
        return ""
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days if end else 0
    return 1 if days == 0 else 2 if days <= 7 else 3


def _event_notes(event: dict[str, Any]) -> str:
    evidence = " … ".join(span["text"] for span in event["evidence"])
    disputes = [_speaker(d["source"], None, d["side"]) or "unnamed party" for d in event["disputed_by"]]
    notes = f"{evidence} [{_said(event['attribution'])}]"
    return f"{notes} [disputed by {_join(disputes)}]" if disputes else notes


def _said(attribution: dict[str, Any]) -> str:
    speaker = _speaker(attribution["source"], attribution["source_role"], attribution["side"])
    said = f"{attribution['stance']} by {speaker}" if speaker else attribution["stance"]
    return f"{said}, via {attribution['via']}" if attribution["via"] else said


def _speaker(source: str | None, role: str | None, side: str | None) -> str:
    parts = [source or "", f"({role})" if role else "", f"for {side}" if side else ""]
    return " ".join(part for part in parts if part)


def _incident_notes(incident: dict[str, Any]) -> str:
    count = len(incident["sources"])
    figures = [_figure_note(casualty) for casualty in incident["casualties"]]
    summary = f"{incident['status']}, {count} source{'s' if count != 1 else ''}"
    return f"{summary}; {_join(figures)}" if figures else summary


def _figure_note(casualty: dict[str, Any]) -> str:
    values = ", ".join(f"{key} {casualty[key]}" for key in ("min", "best", "max") if casualty[key] is not None)
    return f"{casualty['kind']} {casualty['group']}: {values or 'unknown'}"


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value
