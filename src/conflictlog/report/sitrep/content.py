"""What a situation report says, independent of how it is rendered (HTML, PDF, Markdown)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models import Incident


@dataclass(frozen=True, slots=True)
class Range:
    """A casualty total as a range: ``high`` None means open-ended (some source gave 'at least')."""

    low: int
    best: int
    high: int | None

    def text(self) -> str:
        """'0', '13', '13+' or '13-20 (best 15)'."""
        if self.high is None:
            return f"{self.low}+" if self.low == self.best else f"{self.low}+ (best {self.best})"
        if self.low == self.high:
            return str(self.low)
        return f"{self.low}-{self.high} (best {self.best})"


@dataclass(frozen=True, slots=True)
class Note:
    """One evidence sentence with who said it and in which report: the target of every footnote."""

    number: int
    row: int                         # the incident row it supports
    event_id: str
    source: str                      # the speaker, or "(unattributed)"
    side: str | None
    stance: str
    report: str                      # the report's title or id, with its date
    url: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline figure with the incident rows and evidence notes it rests on."""

    label: str
    total: Range
    rows: tuple[int, ...]
    notes: tuple[int, ...]


@dataclass(slots=True)
class Row:
    """One incident in the table, with the notes behind each of its figures."""

    number: int
    incident: Incident
    dates: str
    place: str
    kind: str
    actors: str
    killed: str
    injured: str
    sources: str
    notes_killed: tuple[int, ...] = ()
    notes_injured: tuple[int, ...] = ()
    notes: tuple[int, ...] = ()

    @property
    def anchor(self) -> str:
        """The HTML id of this row."""
        return f"row-{self.number}"


@dataclass(frozen=True, slots=True)
class Statement:
    """What one speaker said about a contested incident."""

    who: str
    stance: str
    text: str
    note: int | None


@dataclass(frozen=True, slots=True)
class Contest:
    """A contested or denied incident: each side's statements next to the other's."""

    row: int
    summary: str
    status: str
    sides: tuple[tuple[str, tuple[Statement, ...]], ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One line of 'what changed': new, revised, status, sources, gone or (history) update."""

    kind: str
    row: int | None
    text: str


@dataclass(slots=True)
class Sitrep:
    """Everything a rendered situation report shows, sorted and final."""

    title: str
    scope: str
    period: str
    data_as_of: str
    headlines: list[Headline]
    incident_count: int
    source_count: int
    report_count: int
    rows: list[Row]
    contests: list[Contest]
    changes: list[Change]
    since_last: str | None           # what the changes are measured against; None without --since-last
    developing: list[Change]
    caveats: list[str]
    notes: list[Note]
    map_png: bytes = b""
    timeline_png: bytes = b""
    omitted: dict[str, int] = field(default_factory=dict)
