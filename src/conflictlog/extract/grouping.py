"""Within-document grouping: mentions of one happening share ``Mention.group``.

A generic mention ("the latest attack", "were killed") joins the happening it refers to
and takes its type; a specific one joins an earlier group of the same type and sub-type
when it names no new place (only places the group names) and it comes from the same side.
Another town, a claim by the other side or another kind of event starts a new group.

A violent mention that names no place and does not announce another happening ("Separately",
"In another attack") continues the latest violent group even when its trigger types it
differently; a generic one naming a place joins the latest group when that group names none.

Only places that can tell two happenings apart count ("sites"): a street, block or building
("the 600 block of East Eighth Street", "Stroger Hospital") only says where inside the town
it happened, and a person's home town ("Lee of Merrillville", "a resident of Gary") is not
the scene; neither starts a new group.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..models import Mention

_NAME_BEFORE_OF = re.compile(r"[A-Z][\w'.-]*,? of $")

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
        self.places |= _sites(candidate)
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
    sites = _sites(candidate)
    if sites:
        sharing = [g for g in violent if g.places & sites]
        if sharing:
            return max(sharing, key=lambda g: (len(g.places & sites), g.index))
        if not candidate.anaphoric and not (violent and not violent[0].places):
            return None
    return violent[0] if violent else None


def _specific_home(groups: list[_Group], candidate: Candidate) -> _Group | None:
    mention = candidate.mention
    sites = _sites(candidate)
    for group in reversed(groups):
        same_kind = group.provisional or (
            group.event_type == mention.event_type and group.sub_event_type == mention.sub_event_type)
        places_fit = not sites or not group.places or sites <= group.places
        if same_kind and places_fit and _same_side(group, candidate):
            return group
    return _untyped_home(groups, candidate, sites)


def _untyped_home(groups: list[_Group], candidate: Candidate, sites: frozenset[str]) -> _Group | None:
    """A violent mention that names no place and no new happening continues the latest violent one,
    whatever its trigger typed it as ("opened fire" after "was shot and killed")."""
    mention = candidate.mention
    if sites or mention.event_type in _NON_VIOLENT or _announces_new_happening(mention):
        return None
    violent = [g for g in reversed(groups) if g.event_type not in _NON_VIOLENT and _same_side(g, candidate)]
    return violent[0] if violent else None


def _announces_new_happening(mention: Mention) -> bool:
    """ "Separately, ...", "In another attack, ...": the sentence says it is about something else."""
    if not mention.evidence:
        return False
    opening = " ".join(mention.evidence[0].text.lower().split()[:4])
    return any(opening.startswith(marker) or f" {marker}" in opening for marker in _grouping_words()["new_happening"])


def _same_side(group: _Group, candidate: Candidate) -> bool:
    side = candidate.mention.attribution.side
    return not side or not group.sides or side in group.sides


def _sites(candidate: Candidate) -> frozenset[str]:
    """The candidate's places that can tell happenings apart (rule in the module docstring)."""
    words = _grouping_words()
    mention = candidate.mention
    sentence = mention.evidence[0] if mention.evidence else None
    sites = set()
    for place in mention.place_spans:
        name = place.text.lower()
        last = name.rstrip(".").rsplit(" ", 1)[-1]
        if name not in candidate.places or last in words["site_words"]:
            continue
        if sentence is not None and _is_residence(sentence.text[:max(place.start - sentence.start, 0)], words):
            continue
        sites.add(name)
    return frozenset(sites)


def _is_residence(before: str, words: dict[str, frozenset[str]]) -> bool:
    """ "Lee of Merrillville", "a resident of Gary": the words before the place name a person."""
    if _NAME_BEFORE_OF.search(before):
        return True
    head = before.rstrip()
    return head.endswith(" of") and head[:-3].rstrip(" ,").rsplit(" ", 1)[-1].lower() in words["residence_before"]


@lru_cache(maxsize=1)
def _grouping_words() -> dict[str, frozenset[str]]:
    text = resources.files("conflictlog.extract").joinpath("lexicons", "grouping.json").read_text("utf-8")
    raw = json.loads(text)
    return {key: frozenset(raw[key]) for key in ("site_words", "residence_before", "new_happening")}
