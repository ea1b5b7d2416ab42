"""One place and one date per happening: settle what the mentions of a group say.

Mentions of one group report one happening, and a happening has one place and one date, so
each group settles them once and gives them to every member (a scorer, a map and a timeline
all count a second, different place of the same happening as a wrong one).

- Place: of the places the members resolved themselves, the most specific (a town over its
  district, region or country); among equally specific ones, the one most members name
  (agreement), then the one named first.
- Date: of the dates the members state, a plausible one over a doubtful one (after
  publication, or far before it), the one most members state, then the most precise (a day
  over a month), then the first stated. A group that states no date keeps its default
  (publication day), decided by the resolver.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from ..models import Location, Mention
from .dates import ResolvedDate
from .geo import PRECISION_RANK

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def group_members(mentions: Sequence[Mention]) -> list[list[int]]:
    """Indexes of the mentions of each group, groups in order of their first mention."""
    members: dict[int, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        members[mention.group].append(index)
    return list(members.values())


def settle_place(places: Sequence[Location]) -> Location | None:
    """The group's place from its members' own places (module rules); None when none resolved."""
    resolved = [(index, place) for index, place in enumerate(places) if place.precision]
    if not resolved:
        return None
    support = Counter(_place_key(place) for _, place in resolved)
    _, best = min(resolved, key=lambda item: (PRECISION_RANK[item[1].precision], -support[_place_key(item[1])],
                                              item[0]))
    return best


def settle_date(dates: Sequence[ResolvedDate]) -> ResolvedDate | None:
    """The group's date from its members' stated dates (module rules); None when none is stated."""
    stated = [(index, found) for index, found in enumerate(dates) if found.stated and found.date]
    if not stated:
        return None
    support = Counter(found.date for _, found in stated)
    _, best = min(stated, key=lambda item: (not item[1].plausible, -support[item[1].date],
                                            _DATE_RANK[item[1].precision.value], item[0]))
    return best


def _place_key(place: Location) -> Hashable:
    if place.geonames_id is not None:
        return place.geonames_id
    return (place.name, place.country_code, place.precision)
