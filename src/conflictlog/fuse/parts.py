"""Split a full re-fuse into independent parts that can be fused apart, with the same result.

Clustering (``fuse.cluster.cluster_members``) joins members only along pairs that *merge*,
and refuses a join only for reasons found among the members it would join. So the
connected components of the merging pairs are independent: each is clustered the same
alone as with the whole corpus, given the same term rarity (``parts_rarity`` hands a part
the corpus-wide counts of its own terms). Parts are sets of *documents*, copies of one
original are put in one part, and so are all members of one document (fused from the
document's events); coarser parts are never wrong, only larger.

The components of the "could be compared" relation (shared block and date window) would
need no scoring, but are useless: a town reported on every few days chains all its reports
of all years into one component, and one round-up report ties two towns (on generated
reports, the largest such component holds 43 % of all members). Finding the merging pairs
is the scoring itself, and it splits cleanly by date: ``window_tasks`` cuts the dated
members, ordered by day, into slabs; a pair belongs to the slab of its earlier member, and
a slab's task sees its own members plus those up to ``DATE_WINDOW_DAYS`` later, which holds
every pair it owns. Each pair is scored once, by one task.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .cluster import candidate_pairs
from .profile import MemberProfile
from .score import DATE_WINDOW_DAYS, TermRarity, score_pair


@dataclass(slots=True)
class WindowTask:
    """The members one scoring task sees: its own (the first ``owned``) and the later ones they may pair with."""

    members: list[MemberProfile]
    owned: int


def day_number(day: str | None) -> int | None:
    """The ordinal of an ISO day as blocking counts it (a malformed date counts as day 0), None when absent."""
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return 0


def window_tasks(profiles: Iterable[MemberProfile], count: int) -> list[WindowTask]:
    """The dated members in at most ``count`` slabs of about equal size, each with its date-window tail."""
    dated = sorted(((day_number(p.date), p.member_id, p) for p in profiles if p.date), key=lambda t: t[:2])
    days = [day for day, _, _ in dated]
    size = -(-len(dated) // max(1, count))
    tasks = []
    for start in range(0, len(dated), size):
        owned = dated[start:start + size]
        end = bisect_right(days, owned[-1][0] + DATE_WINDOW_DAYS)
        tasks.append(WindowTask([p for _, _, p in dated[start:end]], len(owned)))
    return tasks


def merging_pairs(task: WindowTask, rarity: TermRarity) -> list[tuple[str, str]]:
    """The pairs of member ids that merge among the pairs ``task`` owns (its earlier member is one of its own)."""
    position = {p.member_id: i for i, p in enumerate(task.members)}
    found = []
    for a, b in candidate_pairs(task.members):
        if min(position[a.member_id], position[b.member_id]) < task.owned and score_pair(a, b, rarity).merges:
            found.append((a.member_id, b.member_id))
    return found


def plan_parts(document_of: Mapping[str, str], pairs: Iterable[tuple[str, str]],
               originals: Mapping[str, str]) -> list[list[str]]:
    """Document ids in independent parts, each sorted, parts by first id.

    ``document_of`` maps every member to its document, ``pairs`` are the merging pairs,
    ``originals`` the copy links (copy -> original).
    """
    union = _DocumentUnion()
    for document_id in document_of.values():
        union.find(document_id)
    for first, second in pairs:
        union.union(document_of[first], document_of[second])
    for copy, original in originals.items():
        union.union(copy, original)      # an original without members still ties its copies together
    return union.groups()


class _DocumentUnion:
    """Union-find over document ids."""

    def __init__(self) -> None:
        self._root: dict[str, str] = {}

    def find(self, document_id: str) -> str:
        """The representative of the document's part."""
        root = self._root.setdefault(document_id, document_id)
        while root != self._root[root]:
            self._root[root] = self._root[self._root[root]]
            root = self._root[root]
        return root

    def union(self, first: str, second: str) -> None:
        """Put two documents in one part."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self._root[max(a, b)] = min(a, b)

    def groups(self) -> list[list[str]]:
        """Every part, documents sorted, parts by their first document."""
        found: dict[str, list[str]] = defaultdict(list)
        for document_id in self._root:
            found[self.find(document_id)].append(document_id)
        return sorted(sorted(group) for group in found.values())


def bundle_parts(parts: Sequence[Sequence[str]], weights: Mapping[str, int], tasks: int) -> list[list[str]]:
    """At most ``tasks`` bundles of whole parts, balanced by weight (heaviest part first onto the lightest bundle).

    ``weights`` gives each document's weight (its members); bundles come back sorted by
    their first document, each a sorted list of documents.
    """
    heap: list[tuple[int, int, list[str]]] = [(0, i, []) for i in range(max(1, tasks))]
    weighed = sorted(((sum(weights.get(d, 1) for d in part), part) for part in parts), key=lambda w: (-w[0], w[1][0]))
    for weight, part in weighed:
        load, index, documents = heapq.heappop(heap)
        documents.extend(part)
        heapq.heappush(heap, (load + weight, index, documents))
    return sorted((sorted(documents) for _, _, documents in heap if documents), key=lambda b: b[0])


def parts_rarity(rarity: TermRarity, terms: Iterable[str]) -> TermRarity:
    """The corpus-wide rarity restricted to ``terms``: the same weights for them, a fraction of the size."""
    return TermRarity({t: rarity.df[t] for t in set(terms) if t in rarity.df}, rarity.documents)
