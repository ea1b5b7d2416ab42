"""Within-document grouping: mentions of one happening share ``Mention.group``.

A generic mention ("the latest attack", "were killed") joins the happening it refers to
and takes its type; a specific one joins an earlier group of the same type and sub-type
when its places add nothing new and it comes from the same side. A different place, a
claim by the other side or another kind of event starts a new group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Mention

_NON_VIOLENT = {"Strategic developments", "Protests"}


@dataclass(slots=True)
class Candidate:
    """A mention with what grouping needs to know about the sentence it came from."""

    mention: Mention
    generic: bool
    anaphoric: bool
    places: frozenset[str]


@dataclass(slots=True)
class _Group:
    index: int
    provisional: bool
    places: set[str] = field(default_factory=set)
    sides: set[str] = field(default_factory=set)
    members: list[Mention] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.members[0].event_type

    @property
    def sub_event_type(self) -> str | None:
        return self.members[0].sub_event_type

    def add(self, candidate: Candidate) -> None:
        mention = candidate.mention
        if candidate.generic and self.members:
            mention.event_type, mention.sub_event_type = self.event_type, self.sub_event_type
        elif not candidate.generic and self.provisional:
            for member in self.members:
                member.event_type, member.sub_event_type = mention.event_type, mention.sub_event_type
            self.provisional = False
        mention.group = self.index
        self.members.append(mention)
        self.places |= candidate.places
        if mention.attribution.side:
            self.sides.add(mention.attribution.side)


def assign_groups(candidates: list[Candidate]) -> list[Mention]:
    """Set ``group`` on every candidate's mention (in document order) and return the mentions."""
    groups: list[_Group] = []
    for candidate in candidates:
        group = _generic_home(groups, candidate) if candidate.generic else _specific_home(groups, candidate)
        if group is None:
            group = _Group(index=len(groups), provisional=candidate.generic)
            groups.append(group)
        group.add(candidate)
    return [candidate.mention for candidate in candidates]


def _generic_home(groups: list[_Group], candidate: Candidate) -> _Group | None:
    violent = [g for g in reversed(groups) if g.event_type not in _NON_VIOLENT and _same_side(g, candidate)]
    if candidate.places:
        sharing = [g for g in violent if g.places & candidate.places]
        if sharing:
            return max(sharing, key=lambda g: (len(g.places & candidate.places), g.index))
        if not candidate.anaphoric:
            return None
    return violent[0] if violent else None


def _specific_home(groups: list[_Group], candidate: Candidate) -> _Group | None:
    mention = candidate.mention
    for group in reversed(groups):
        same_kind = group.provisional or (
            group.event_type == mention.event_type and group.sub_event_type == mention.sub_event_type)
        places_fit = not candidate.places or not group.places or candidate.places <= group.places
        if same_kind and places_fit and _same_side(group, candidate):
            return group
    return None


def _same_side(group: _Group, candidate: Candidate) -> bool:
    side = candidate.mention.attribution.side
    return not side or not group.sides or side in group.sides
