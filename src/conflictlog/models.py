"""Typed records that pass between the pipeline stages.

    ingest  -> Document | Rejected
    extract -> Mention            (what one passage says happened, unresolved)
    resolve -> Event              (a Mention with its place and date resolved; format v1)
    fuse    -> Incident           (Events that report one happening; format v1)

Every enumerated value is a ``StrEnum`` so that records serialise to the exact strings of
export format v1 (``docs/format.md``) while code compares against named members, never
against magic strings. Records are plain dataclasses: picklable, so any executor can ship
them between processes.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
import datetime as dt
from enum import StrEnum
from importlib import resources
from typing import Any


def _load_vocabulary() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("conflictlog.data").joinpath("acled_event_types.json").read_text())
    return {k: tuple(v) for k, v in raw.items() if k != "about"}


#: ACLED event types mapped to their sub-event types (exact strings).
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = _load_vocabulary()


class DatePrecision(StrEnum):
    """How exactly an event date is known: the day, or only its week, month or year."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class GeoPrecision(StrEnum):
    """How exactly a location is known, from a point to a whole country."""

    EXACT = "exact"
    TOWN = "town"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"


class ActorRole(StrEnum):
    """Whether an actor did the act or suffered it."""

    INITIATOR = "initiator"
    TARGET = "target"


class PerpetratorAttribution(StrEnum):
    """How firmly the text ties an actor to the act."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    SUSPECTED = "suspected"
    ACCUSED = "accused"
    POSSIBLE = "possible"


class CasualtyKind(StrEnum):
    """What happened to the people a casualty figure counts."""

    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    DETAINED = "detained"
    DISPLACED = "displaced"


class VictimGroup(StrEnum):
    """Who a casualty figure counts; ``all`` when the text does not say."""

    ALL = "all"
    CIVILIANS = "civilians"
    CHILDREN = "children"
    WOMEN = "women"
    COMBATANTS = "combatants"


class Stance(StrEnum):
    """How the speaker holds what they say: as fact, as an allegation, as a denial, or unsure."""

    ASSERTED = "asserted"
    ALLEGED = "alleged"
    DENIED = "denied"
    UNCERTAIN = "uncertain"


class IncidentStatus(StrEnum):
    """How far an incident is confirmed across independent sources (rules in docs/fusion.md)."""

    SINGLE_SOURCE = "single_source"
    CORROBORATED = "corroborated"
    CONTESTED = "contested"
    DENIED = "denied"


class InputFormat(StrEnum):
    """The kind of input a document was read from."""

    SEED = "seed"
    TEXT = "text"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"
    STDIN = "stdin"


class RejectReason(StrEnum):
    """Why an input item did not become a Document. Stored and listed by ``conflictlog rejected``."""

    UNDECODABLE = "undecodable"          # bytes that are not text in any encoding tried
    EMPTY = "empty"                      # no text left after extraction
    OVERSIZED = "oversized"              # longer than the configured limit
    MALFORMED_JSON = "malformed_json"
    MALFORMED_CSV = "malformed_csv"
    MISSING_FIELD = "missing_field"      # a record without its text field
    BAD_HTML = "bad_html"                # no main text could be found in the page
    BAD_FEED = "bad_feed"
    TRUNCATED_WARC = "truncated_warc"
    BAD_WARC = "bad_warc"
    UNREADABLE = "unreadable"            # the file could not be opened or read
    UNSUPPORTED = "unsupported"          # a file type the ingester does not read
    PROCESSING_FAILED = "processing_failed"  # a later stage raised on this document


def content_hash(text: str) -> str:
    """The key that makes ingest idempotent: sha256 of the whitespace-normalised text."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id from its parts, so reruns give the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


@dataclass(slots=True)
class Document:
    """One report, as ingested. ``published`` is ISO 8601 (a day or a timestamp) or None."""

    document_id: str
    text: str
    content_hash: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""                 # the file (or "-" for stdin) the document came from
    locator: str | None = None       # line, row or byte offset within the origin
    input_format: InputFormat = InputFormat.TEXT


@dataclass(slots=True)
class Rejected:
    """An input item that could not become a Document, kept with where it was and why."""

    origin: str
    reason: RejectReason
    detail: str
    locator: str | None = None
    document_id: str | None = None

    @property
    def key(self) -> str:
        """Stable identity so that re-ingesting the same bad input stores it once."""
        return stable_id("rej", self.origin, self.locator, self.reason, self.document_id)


@dataclass(slots=True)
class Span:
    """A piece of the document text with its character offsets."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Location:
    """Where an event happened: the words as written and the gazetteer place chosen for them."""

    text: str | None = None
    name: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Actor:
    """Who did it (initiator) or to whom (target), as written and as normalised."""

    role: ActorRole
    text: str
    name: str | None = None
    country_code: str | None = None
    kind: str | None = None          # e.g. state_forces, rebels, civilians, government
    attribution: PerpetratorAttribution | None = None


@dataclass(slots=True)
class Casualty:
    """A casualty figure as one passage states it: a range of people of one kind and group."""

    kind: CasualtyKind
    group: VictimGroup
    min: int | None
    max: int | None                  # None = open-ended ("at least 2")
    text: str = ""


@dataclass(slots=True)
class Attribution:
    """Who said it and how."""

    source: str | None = None
    source_role: str | None = None
    side: str | None = None          # ISO country code or a party name the speaker speaks for
    stance: Stance = Stance.ASSERTED
    via: str | None = None           # the outlet that relayed it ("Armenpress reported")
    text: str | None = None


@dataclass(slots=True)
class Dispute:
    """Another side's denial of or challenge to a claim, kept beside the claim, never merged into it."""

    source: str | None
    side: str | None
    text: str


@dataclass(slots=True)
class Mention:
    """What one passage of a document says happened, before places and dates are resolved.

    ``group`` joins mentions of the same happening within one document ("the latest
    attack"); the resolver and the local fuser use it.
    """

    document_id: str
    event_type: str
    sub_event_type: str | None
    evidence: list[Span]
    place_spans: list[Span] = field(default_factory=list)
    date_spans: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    attribution: Attribution = field(default_factory=Attribution)
    disputed_by: list[Dispute] = field(default_factory=list)
    group: int = 0


@dataclass(slots=True)
class Event:
    """A resolved event mention: one record of export format v1, level ``events``."""

    id: str
    document_id: str
    event_type: str
    sub_event_type: str | None
    date: str | None
    date_precision: DatePrecision | None
    location: Location
    actors: list[Actor]
    casualties: list[Casualty]
    attribution: Attribution
    disputed_by: list[Dispute]
    evidence: list[Span]
    incident_id: str | None = None
    group: int = 0


@dataclass(slots=True)
class IncidentCasualty:
    """An incident's figure of one kind and group across its reports: lowest, best and highest."""

    kind: CasualtyKind
    group: VictimGroup
    min: int | None
    best: int | None
    max: int | None


@dataclass(slots=True)
class IncidentSource:
    """A speaker or outlet that reported an incident, with its side and the document it spoke in."""

    source: str | None
    side: str | None
    document_id: str


@dataclass(slots=True)
class HistoryEntry:
    """The figures and status of an incident as of one report."""

    as_of: str | None
    document_id: str
    casualties: list[IncidentCasualty]
    status: IncidentStatus


@dataclass(slots=True)
class Incident:
    """Events that report one happening: one record of export format v1, level ``incidents``."""

    id: str
    event_type: str
    sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    location: Location
    actors: list[Actor]
    casualties: list[IncidentCasualty]
    sources: list[IncidentSource]
    status: IncidentStatus
    event_ids: list[str]
    history: list[HistoryEntry] = field(default_factory=list)


@dataclass(slots=True)
class DocumentResult:
    """What the pipeline made of one document: its events and incidents, or the reason it failed."""

    document: Document
    events: list[Event] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    failure: Rejected | None = None


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (enums become their exact strings)."""
    return json.loads(json.dumps(dataclasses.asdict(record)))


EVENT_FIELDS = (
    "id", "document_id", "incident_id", "event_type", "sub_event_type", "date", "date_precision",
    "date_start", "date_end", "location", "actors", "casualties", "attribution", "disputed_by", "evidence",
)


def day_span(day: str | None, precision: DatePrecision | None) -> tuple[str | None, str | None]:
    """The first and last day a date of ``precision`` covers.

    A week is the seven days ending on ``day`` (an undated report's publication day, the day
    "last week" counts back to); a month or a year is the whole calendar month or year
    ``day`` falls in. (None, None) without a readable day.
    """
    try:
        anchor = dt.date.fromisoformat(str(day)[:10])
    except ValueError:
        return None, None
    if precision is DatePrecision.WEEK:
        return (anchor - dt.timedelta(days=6)).isoformat(), anchor.isoformat()
    if precision is DatePrecision.MONTH:
        last = calendar.monthrange(anchor.year, anchor.month)[1]
        return anchor.replace(day=1).isoformat(), anchor.replace(day=last).isoformat()
    if precision is DatePrecision.YEAR:
        return f"{anchor.year}-01-01", f"{anchor.year}-12-31"
    return anchor.isoformat(), anchor.isoformat()


def event_to_v1(event: Event) -> dict[str, Any]:
    """An Event as a format v1 record (internal fields such as ``group`` left out).

    ``date`` is the day only when the day is known; a coarser date is given by the range of
    days it covers (``date_start``/``date_end``), so that no reader mistakes the week's last
    day or the month's first for the day it happened.
    """
    data = to_dict(event)
    data["date_start"], data["date_end"] = day_span(event.date, event.date_precision)
    coarse = event.date_precision not in (None, DatePrecision.DAY)
    # Only a date the range gives back is left out, so that a stored event reads back unchanged.
    if coarse and _anchor_day(data, event.date_precision, with_date=False) == event.date:
        data["date"] = None
    return {k: data[k] for k in EVENT_FIELDS}


def _anchor_day(data: dict[str, Any], precision: DatePrecision | None, with_date: bool = True) -> str | None:
    """The day an Event keeps for a date known only to its week (its last day) or month/year (its first)."""
    if with_date and data.get("date") is not None:
        return data["date"]
    return data.get("date_end") if precision is DatePrecision.WEEK else data.get("date_start")


def _rebuild(cls: type, data: dict[str, Any]) -> Any:
    return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


def event_from_v1(data: dict[str, Any]) -> Event:
    """Rebuild an Event from its format v1 record (the inverse of ``event_to_v1``)."""
    loc = data.get("location") or {}
    attribution = data.get("attribution") or {}
    precision = DatePrecision(data["date_precision"]) if data.get("date_precision") else None
    return Event(
        id=data["id"],
        document_id=data["document_id"],
        incident_id=data.get("incident_id"),
        event_type=data["event_type"],
        sub_event_type=data.get("sub_event_type"),
        date=_anchor_day(data, precision),
        date_precision=precision,
        location=_rebuild(Location, {**loc, "precision": GeoPrecision(loc["precision"]) if loc.get("precision") else None}),
        actors=[_rebuild(Actor, {**a, "role": ActorRole(a["role"]),
                                 "attribution": PerpetratorAttribution(a["attribution"]) if a.get("attribution") else None})
                for a in data.get("actors") or []],
        casualties=[_rebuild(Casualty, {**c, "kind": CasualtyKind(c["kind"]), "group": VictimGroup(c["group"])})
                    for c in data.get("casualties") or []],
        attribution=_rebuild(Attribution, {**attribution, "stance": Stance(attribution.get("stance") or "asserted")}),
        disputed_by=[_rebuild(Dispute, d) for d in data.get("disputed_by") or []],
        evidence=[_rebuild(Span, s) for s in data.get("evidence") or []],
    )


@dataclass(slots=True)
class MergeDecision:
    """Why a per-document incident (a member) belongs to its cross-report incident.

    ``partner_id`` is the member it matched best (None: it started the incident), ``score``
    that match's score and ``reasons`` the feature agreements behind it (``conflictlog why``).
    """

    member_id: str
    incident_id: str
    document_id: str
    partner_id: str | None = None
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    copy_of: str | None = None       # the document this member's document copies
