"""Headline casualty ranges over many incidents, and the count of independent sources.

Each incident contributes a range per view (everyone, civilians, children):

- everyone: the lower bound is the largest single group figure or civilians plus combatants
  (groups that cannot overlap); the upper bound is the ``all`` figure's maximum, else the sum
  of civilians' and combatants' maxima, else open.
- civilians: at least the largest of the civilians', children's and women's figures (children
  and women are civilians); at most the civilians' maximum, else open.
- children: the children's figure.

An incident with no figure for a view adds nothing to that view. Totals add the incidents'
lows, bests and highs; one open-ended incident makes the total open-ended.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ...models import CasualtyKind, Incident, IncidentCasualty, IncidentSource, VictimGroup
from .content import Range

#: The views shown as headline figures, in order: (label, kind, view).
HEADLINE_VIEWS: tuple[tuple[str, CasualtyKind, VictimGroup], ...] = (
    ("Killed", CasualtyKind.KILLED, VictimGroup.ALL),
    ("Killed: civilians", CasualtyKind.KILLED, VictimGroup.CIVILIANS),
    ("Killed: children", CasualtyKind.KILLED, VictimGroup.CHILDREN),
    ("Injured", CasualtyKind.INJURED, VictimGroup.ALL),
    ("Injured: civilians", CasualtyKind.INJURED, VictimGroup.CIVILIANS),
    ("Injured: children", CasualtyKind.INJURED, VictimGroup.CHILDREN),
)

_CIVILIAN_GROUPS = (VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.WOMEN)
_DISJOINT = (VictimGroup.CIVILIANS, VictimGroup.COMBATANTS)


def incident_range(incident: Incident, kind: CasualtyKind, view: VictimGroup) -> Range | None:
    """The incident's figure for ``kind`` in ``view`` (ALL, CIVILIANS or CHILDREN), or None if it gives none."""
    by_group = {c.group: c for c in incident.casualties if c.kind == kind and c.min is not None}
    if view is VictimGroup.ALL:
        return _everyone(by_group)
    if view is VictimGroup.CIVILIANS:
        return _civilians(by_group)
    figure = by_group.get(view)
    return _range(figure) if figure else None


def total_range(ranges: Iterable[Range]) -> Range:
    """The sum of ranges; open-ended if any is."""
    low = best = 0
    high: int | None = 0
    for item in ranges:
        low, best = low + item.low, best + item.best
        high = None if high is None or item.high is None else high + item.high
    return Range(low, best, high)


def independent_sources(sources: Iterable[IncidentSource], report_names: Mapping[str, str] | None = None) -> list[str]:
    """Distinct speakers across reports, a short name folded into the longer one it ends
    ('Stepanyan' into 'Gegham Stepanyan'); an unattributed statement counts as its report's own
    voice, named by ``report_names`` (document id to a short name) where given."""
    names = {_speaker(source, report_names or {}) for source in sources}
    folded = {name for name in names if not any(_ends_with(other, name) for other in names if other != name)}
    return sorted(folded)


def _everyone(by_group: dict[VictimGroup, IncidentCasualty]) -> Range | None:
    if not by_group:
        return None
    low = max(max(c.min or 0 for c in by_group.values()), sum(_low(by_group, g) for g in _DISJOINT))
    best = max(low, max(_best(c) for c in by_group.values()))
    return Range(low, best, _everyone_high(by_group, low, best))


def _everyone_high(by_group: dict[VictimGroup, IncidentCasualty], low: int, best: int) -> int | None:
    if VictimGroup.ALL in by_group:
        high = by_group[VictimGroup.ALL].max
    elif all(group in by_group for group in _DISJOINT):
        highs = [by_group[group].max for group in _DISJOINT]
        high = None if None in highs else sum(h for h in highs if h is not None)
    else:
        return None
    return None if high is None else max(high, low, best)


def _civilians(by_group: dict[VictimGroup, IncidentCasualty]) -> Range | None:
    present = [by_group[group] for group in _CIVILIAN_GROUPS if group in by_group]
    if not present:
        return None
    low = max(c.min or 0 for c in present)
    best = max(low, max(_best(c) for c in present))
    civilians = by_group.get(VictimGroup.CIVILIANS)
    high = civilians.max if civilians else None
    return Range(low, best, None if high is None else max(high, best))


def _range(figure: IncidentCasualty) -> Range:
    low = figure.min or 0
    best = _best(figure)
    return Range(low, best, None if figure.max is None else max(figure.max, best))


def _best(figure: IncidentCasualty) -> int:
    return figure.best if figure.best is not None else figure.min or 0


def _low(by_group: dict[VictimGroup, IncidentCasualty], group: VictimGroup) -> int:
    figure = by_group.get(group)
    return figure.min or 0 if figure else 0


def _speaker(source: IncidentSource, report_names: Mapping[str, str]) -> str:
    if source.source:
        return " ".join(source.source.split())
    return f"{report_names.get(source.document_id, source.document_id)} (unattributed)"


def _ends_with(longer: str, shorter: str) -> bool:
    long_words, short_words = longer.casefold().split(), shorter.casefold().split()
    return len(long_words) > len(short_words) and long_words[-len(short_words):] == short_words

