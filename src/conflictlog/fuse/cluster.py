"""Group per-document incidents (members) into cross-report incidents.

Blocking: a member is compared only with members of the same country whose day lies within
``DATE_WINDOW_DAYS`` and whose place lies in the same or a neighbouring one-degree grid
cell; members placed no better than a region share one cell per country (and members of no
known country one cell of their own) that every member of the country is compared with.
A member whose place stands on weak evidence (``profile.weak_place``: a headline's or outlet's
town the body never names) is filed in that last cell, which every member is compared with:
its town may be wrong, even its country. A member is also filed under its place's name, and
compared with every member whose report names that place ("Germantown" in a Philadelphia report
finds the member placed in Germantown, Maryland, by a namesake): the pair score does not let
such places veto (``score.places_unsure``).
Members without any day are compared only with their copies. Within a block every pair is scored
(``conflictlog.fuse.score``).

Full fusion (``cluster_members``) is order-independent: pairs that merge are taken best
score first (ties by member ids) and join their two clusters unless some pair across the
clusters is vetoed or two members come from the same document (the per-document grouping
already kept those apart). Incremental fusion (``choose_incident``) puts one new member into
the stored incident holding its best-scoring partner under the same two conditions.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .profile import MemberProfile, place_words
from .score import DATE_WINDOW_DAYS, PairScore, TermRarity, is_copy_pair, names_place, score_pair, veto_reason

Block = tuple[str, str]


@dataclass(slots=True)
class Link:
    """A member's best partner in its incident and the score that put it there."""

    member_id: str
    partner_id: str | None
    score: PairScore | None


def block_of(profile: MemberProfile) -> Block:
    """The (country, grid cell) a member is filed under (one on a weak place: with those of no known country)."""
    if profile.place_weak:
        return "?", "?"
    country = profile.country_code or "?"
    if profile.lat is None or profile.lon is None:
        return country, "?"
    return country, f"{math.floor(profile.lat)}:{math.floor(profile.lon)}"


def neighbour_blocks(profile: MemberProfile) -> list[Block]:
    """The blocks whose members ``profile`` is compared with (its own cell and the eight around it)."""
    country, cell = block_of(profile)
    unplaced = [(country, "?"), ("?", "?")] if country != "?" else [("?", "?")]
    if cell == "?":
        return unplaced
    lat, lon = (int(part) for part in cell.split(":"))
    return [(country, f"{lat + dy}:{lon + dx}") for dy in (-1, 0, 1) for dx in (-1, 0, 1)] + unplaced


def share_block(a: MemberProfile, b: MemberProfile) -> bool:
    """Whether blocking would compare ``a`` and ``b`` (dates aside)."""
    return (block_of(b) in neighbour_blocks(a) or block_of(a) in neighbour_blocks(b)
            or names_place(a, b) or names_place(b, a))


def _filed_under(profile: MemberProfile) -> list[Block]:
    """The member's block, and its place's name: reports naming that place look it up there."""
    words = place_words(profile.place)
    return [block_of(profile)] + ([("named", max(words, key=lambda w: (len(w), w)))] if words else [])


def _looked_up(profile: MemberProfile) -> list[Block]:
    return neighbour_blocks(profile) + [("named", term) for term in profile.terms]


def candidate_pairs(profiles: Sequence[MemberProfile]) -> Iterator[tuple[MemberProfile, MemberProfile]]:
    """Each pair of members that share a block and a date window, once, plus every copy pair."""
    days = {p.member_id: _day_number(p) for p in profiles if p.date}
    by_block: dict[Block, list[MemberProfile]] = defaultdict(list)
    for profile in profiles:
        if profile.member_id in days:
            for block in _filed_under(profile):
                by_block[block].append(profile)
    for members in by_block.values():
        members.sort(key=lambda p: days[p.member_id])
    seen: set[tuple[str, str]] = set()
    for profile in profiles:
        for other in _near_in_time(profile, by_block, days):
            pair = _ordered(profile, other)
            if pair not in seen:
                seen.add(pair)
                yield profile, other
    yield from _copy_pairs(profiles, seen)


def _near_in_time(profile: MemberProfile, by_block: dict[Block, list[MemberProfile]],
                  days: dict[str, int]) -> Iterator[MemberProfile]:
    day = days.get(profile.member_id)
    if day is None:
        return
    for block in _looked_up(profile):
        members = by_block.get(block, [])
        start = bisect_left(members, day - DATE_WINDOW_DAYS, key=lambda p: days[p.member_id])
        for other in members[start:]:
            if days[other.member_id] > day + DATE_WINDOW_DAYS:
                break
            if other.document_id != profile.document_id:
                yield other


def _copy_pairs(profiles: Sequence[MemberProfile], seen: set[tuple[str, str]]) -> Iterator[tuple[MemberProfile, MemberProfile]]:
    by_original: dict[str, list[MemberProfile]] = defaultdict(list)
    for profile in profiles:
        by_original[profile.original_id or profile.document_id].append(profile)
    for members in by_original.values():
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                pair = _ordered(first, second)
                if is_copy_pair(first, second) and pair not in seen:
                    seen.add(pair)
                    yield first, second


def cluster_members(profiles: Iterable[MemberProfile], rarity: TermRarity | None = None
                    ) -> tuple[list[list[MemberProfile]], dict[str, Link]]:
    """Clusters of members (each sorted by member id) and each member's link (rule in the module docstring).

    ``rarity`` defaults to the term rarity over the given members' documents; a part of a
    corpus (``fuse.parts``) passes the rarity of the whole corpus instead.
    """
    ordered = sorted(profiles, key=lambda p: p.member_id)
    rarity = rarity or rarity_of(ordered)
    scored = [(score_pair(a, b, rarity), a, b) for a, b in candidate_pairs(ordered)]
    merging = sorted((s for s in scored if s[0].merges), key=lambda s: (-s[0].score, *_ordered(s[1], s[2])))
    clusters = _Clusters(ordered)
    links = {p.member_id: Link(p.member_id, None, None) for p in ordered}
    for pair_score, a, b in merging:
        if clusters.join(a, b):
            later = max(a, b, key=_arrival)
            links[later.member_id] = Link(later.member_id, min(a, b, key=_arrival).member_id, pair_score)
    return clusters.groups(), links


def rarity_of(profiles: Iterable[MemberProfile]) -> TermRarity:
    """Term rarity over the documents of ``profiles`` (a document's members share its terms)."""
    return TermRarity.of({p.document_id: p.terms for p in profiles}.values())


def choose_incident(new: MemberProfile, stored: Sequence[tuple[str, MemberProfile]],
                    rarity: TermRarity) -> tuple[str, Link] | None:
    """The incident (id) among ``stored`` (incident id, member) that ``new`` joins, with its link; None: a new incident."""
    members_of: dict[str, list[MemberProfile]] = defaultdict(list)
    for incident_id, member in stored:
        members_of[incident_id].append(member)
    best: tuple[float, str, Link] | None = None
    for incident_id, member in sorted(stored, key=lambda s: (s[0], s[1].member_id)):
        pair_score = score_pair(new, member, rarity)
        if not pair_score.merges or not _may_join(new, members_of[incident_id]):
            continue
        if best is None or pair_score.score > best[0]:
            best = (pair_score.score, incident_id, Link(new.member_id, member.member_id, pair_score))
    return (best[1], best[2]) if best else None


def _may_join(new: MemberProfile, members: list[MemberProfile]) -> bool:
    return all(m.document_id != new.document_id and veto_reason(new, m) is None for m in members)


class _Clusters:
    """Union-find over members that refuses joins breaking the cluster conditions."""

    def __init__(self, profiles: list[MemberProfile]) -> None:
        self._root = {p.member_id: p.member_id for p in profiles}
        self._members = {p.member_id: [p] for p in profiles}

    def find(self, member_id: str) -> str:
        """The representative of the member's cluster."""
        while self._root[member_id] != member_id:
            self._root[member_id] = self._root[self._root[member_id]]
            member_id = self._root[member_id]
        return member_id

    def join(self, a: MemberProfile, b: MemberProfile) -> bool:
        """Join the clusters of ``a`` and ``b`` if allowed; True when they are now one."""
        first, second = self.find(a.member_id), self.find(b.member_id)
        if first == second:
            return False
        if not all(_may_join(m, self._members[second]) for m in self._members[first]):
            return False
        low, high = sorted((first, second))
        self._root[high] = low
        self._members[low].extend(self._members.pop(high))
        return True

    def groups(self) -> list[list[MemberProfile]]:
        """Every cluster, members sorted by id, clusters by their first member."""
        return sorted((sorted(m, key=lambda p: p.member_id) for m in self._members.values()),
                      key=lambda g: g[0].member_id)


def _arrival(profile: MemberProfile) -> tuple[bool, str, str]:
    return (profile.published is None, profile.published or "", profile.member_id)


def _ordered(a: MemberProfile, b: MemberProfile) -> tuple[str, str]:
    return (a.member_id, b.member_id) if a.member_id < b.member_id else (b.member_id, a.member_id)


def _day_number(profile: MemberProfile) -> int:
    try:
        return date.fromisoformat((profile.date or "")[:10]).toordinal()
    except ValueError:
        return 0
