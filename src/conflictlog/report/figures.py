"""One number per casualty kind, for flat exports (ACLED ``fatalities``, Parquet ``killed_min``).

Format v1 keeps casualties as ranges per kind and victim group. Flat tables want a single
count, so the figure is a *lower bound on everyone of that kind*: the largest of any one
group's figure and the civilians' plus the combatants' figure (the only groups that cannot
overlap). A record with no figure of that kind gives 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: The two victim groups that never share a person, so their figures may be added.
DISJOINT_GROUPS = ("civilians", "combatants")


def lower_bound_total(casualties: Iterable[dict[str, Any]], kind: str, value: str = "min") -> int:
    """The lower bound on all victims of ``kind``, reading each casualty's ``value`` key.

    ``value`` is "min" for event records; for incident records "best" reads the best
    estimate and falls back to "min" when no best estimate was made.
    """
    per_group = _largest_per_group(casualties, kind, value)
    disjoint_sum = sum(per_group.get(group, 0) for group in DISJOINT_GROUPS)
    return max([disjoint_sum, *per_group.values()])


def _largest_per_group(casualties: Iterable[dict[str, Any]], kind: str, value: str) -> dict[str, int]:
    per_group: dict[str, int] = {}
    for casualty in casualties:
        figure = _figure(casualty, value)
        if casualty["kind"] == kind and figure is not None:
            per_group[casualty["group"]] = max(figure, per_group.get(casualty["group"], 0))
    return per_group


def _figure(casualty: dict[str, Any], value: str) -> int | None:
    figure = casualty.get(value)
    return casualty.get("min") if figure is None else figure
