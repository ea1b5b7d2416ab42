"""Figures, status and history of an incident reported by several documents.

Each report (one document's part of the incident) gives, per (kind, victim group), its own
figure: the range its claims support (``fuse.local`` rule: largest lower bound, largest
upper bound, open-ended when a claim is). Denied claims give no figure.

Figures across reports:
- ``min``  = the largest lower bound any report gives (some report established at least this);
- ``max``  = the largest figure claimed (upper or lower bound); None (open-ended) when the
  largest claim is an open-ended one ("at least 7") with no closed figure as high;
- ``best`` = the most recent corroborated figure: the lower bound of the latest report whose
  figure an independent source also gives; when no figure is corroborated, the latest
  report's; raised to ``min`` when below it. "Latest" is by publication time, then id.

Independent sources are counted by speaker (a named source such as a ministry) or, for a
report that names no speaker, by outlet (an outlet repeating a speaker is not a second
source); a copy of another document (``Report.original_id``) is never
an independent source and gives no figure of its own.

Status: ``denied`` when every claim is a denial; ``contested`` when a claim is denied or
disputed while another asserts it, or when speakers of different sides give figures that
do not overlap; ``corroborated`` when two or more independent sources assert it; else
``single_source``. History: the figures and status as of each report, in publication order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..models import (
    CasualtyKind,
    Document,
    Event,
    HistoryEntry,
    IncidentCasualty,
    IncidentStatus,
    Stance,
    VictimGroup,
)
from .local import combine_casualties
from .profile import outlet_of

FigureKey = tuple[CasualtyKind, VictimGroup]


@dataclass(slots=True)
class Report:
    """One document's part of an incident."""

    document: Document
    events: list[Event]
    original_id: str | None = None      # the document this one copies

    @property
    def is_copy(self) -> bool:
        """A copy adds no independent source and no figure."""
        return self.original_id is not None

    def arrival(self) -> tuple[bool, str, str]:
        """Sort key: publication time, unknown last, then document id."""
        published = self.document.published
        return (published is None, published or "", self.document.document_id)

    def figures(self) -> dict[FigureKey, IncidentCasualty]:
        """This report's own figure per (kind, group)."""
        return {(c.kind, c.group): c for c in combine_casualties(self.events)}


def source_key(report: Report, event: Event) -> str:
    """Who vouches for ``event``: its named speaker, else the outlet."""
    speaker = event.attribution.source
    return f"speaker:{speaker.casefold()}" if speaker else f"outlet:{outlet_of(report.document)}"


def independent_sources(claims: list[tuple[Report, Event]]) -> set[str]:
    """The speakers of the claims, plus the outlet of each report that names no speaker.

    An outlet repeating what a speaker said is not a second source.
    """
    keys = {source_key(r, e) for r, e in claims if e.attribution.source}
    quoted = {r.document.document_id for r, e in claims if e.attribution.source}
    keys.update(source_key(r, e) for r, e in claims if r.document.document_id not in quoted)
    return keys


def in_order(reports: list[Report]) -> list[Report]:
    """Reports by publication time (unknown last), then document id."""
    return sorted(reports, key=Report.arrival)


def combine_reports(reports: list[Report]) -> list[IncidentCasualty]:
    """Figures across reports (rule in the module docstring)."""
    independent = [r for r in in_order(reports) if not r.is_copy] or in_order(reports)
    per_key: dict[FigureKey, list[tuple[Report, IncidentCasualty]]] = defaultdict(list)
    for report in independent:
        for key, figure in report.figures().items():
            per_key[key].append((report, figure))
    return [_across(kind, group, given) for (kind, group), given in per_key.items()]


def _across(kind: CasualtyKind, group: VictimGroup, given: list[tuple[Report, IncidentCasualty]]) -> IncidentCasualty:
    lows = [f.min for _, f in given if f.min is not None]
    low = max(lows) if lows else None
    return IncidentCasualty(kind=kind, group=group, min=low, best=_best(given, low), max=_largest_claim(given))


def _largest_claim(given: list[tuple[Report, IncidentCasualty]]) -> int | None:
    closed = [f.max for _, f in given if f.max is not None]
    open_lows = [f.min or 0 for _, f in given if f.max is None]
    if open_lows and (not closed or max(open_lows) > max(closed)):
        return None
    return max(closed) if closed else None


def _best(given: list[tuple[Report, IncidentCasualty]], low: int | None) -> int | None:
    vouchers: dict[int | None, set[str]] = defaultdict(set)
    for report, figure in given:
        vouchers[figure.min].update(source_key(report, e) for e in report.events)
    corroborated = [f.min for _, f in given if len(vouchers[f.min]) >= 2]
    latest = corroborated[-1] if corroborated else given[-1][1].min
    if latest is None or low is None:
        return latest if low is None else low
    return max(latest, low)


def reports_status(reports: list[Report]) -> IncidentStatus:
    """Status across reports (rule in the module docstring)."""
    claims = [(r, e) for r in reports if not r.is_copy for e in r.events] or [(r, e) for r in reports for e in r.events]
    asserting = [(r, e) for r, e in claims if e.attribution.stance != Stance.DENIED]
    if not asserting:
        return IncidentStatus.DENIED
    if len(asserting) < len(claims) or any(e.disputed_by for _, e in claims) or _sides_disagree(asserting):
        return IncidentStatus.CONTESTED
    if len(independent_sources(asserting)) >= 2:
        return IncidentStatus.CORROBORATED
    return IncidentStatus.SINGLE_SOURCE


def _sides_disagree(asserting: list[tuple[Report, Event]]) -> bool:
    ranges: dict[FigureKey, dict[str, tuple[int, int | None]]] = defaultdict(dict)
    for _, event in asserting:
        side = event.attribution.side
        for casualty in event.casualties if side else ():
            ranges[(casualty.kind, casualty.group)][side] = (casualty.min or 0, casualty.max)
    for by_side in ranges.values():
        lows = [low for low, _ in by_side.values()]
        highs = [high for _, high in by_side.values() if high is not None]
        if len(by_side) >= 2 and highs and max(lows) > min(highs):
            return True
    return False


def history(reports: list[Report]) -> list[HistoryEntry]:
    """Figures and status as of each report, in publication order."""
    ordered = in_order(reports)
    return [HistoryEntry(as_of=report.document.published, document_id=report.document.document_id,
                         casualties=combine_reports(ordered[:i + 1]), status=reports_status(ordered[:i + 1]))
            for i, report in enumerate(ordered)]
