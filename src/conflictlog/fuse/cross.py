"""Cross-report incidents: build one from its members, and fuse a whole corpus at once.

A *member* is a per-document incident (``fuse.local``); a cross-report incident is a set of
members from different documents (``fuse.cluster`` decides which). Its id is the id of its
first reported member (publication time, then id), so an incident that only gains later
reports keeps its id, and a member that joins nothing keeps its per-document id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..models import Document, Event, Incident, IncidentSource, MergeDecision
from .cluster import Link, cluster_members
from .figures import Report, combine_reports, history, in_order, reports_status
from .local import best_location, fuse_document, merge_actors
from .neardup import CopyFinder, DocumentKey, TextSignature, original_of, signature_of
from .profile import MemberProfile, build_profile, key_terms, outlet_of
from .score import TermRarity


@dataclass(slots=True)
class Member:
    """One per-document incident with what fusion needs of it."""

    profile: MemberProfile
    local: Incident
    report: Report


@dataclass(slots=True)
class FusionResult:
    """Cross-report incidents, with one decision per member."""

    incidents: list[Incident] = field(default_factory=list)
    decisions: list[MergeDecision] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)     # copy document id -> original id
    profiles: dict[str, MemberProfile] = field(default_factory=dict)   # member id -> profile


def members_of(document: Document, events: list[Event], original_id: str | None = None,
               terms: list[str] | None = None) -> list[Member]:
    """The members of one document, from its resolved events (local fusion runs again, cheaply).

    ``terms``: the document's key terms when already known (then its text is not read).
    """
    terms = key_terms(document.text) if terms is None else terms
    members = []
    for local in fuse_document(document, events):
        own = [e for e in events if e.incident_id == local.id]
        profile = build_profile(document, local, own, terms)
        profile.original_id = original_id
        members.append(Member(profile, local, Report(document, own, original_id)))
    return members


def first_member(members: Iterable[Member]) -> Member:
    """The member whose id the incident takes: first published, then smallest id."""
    return min(members, key=lambda m: (*m.report.arrival()[:2], m.local.id))


def build_fused(members: Sequence[Member]) -> Incident:
    """One incident from members of different documents (figures and status: ``fuse.figures``)."""
    if len(members) == 1:
        return members[0].local
    reports = [m.report for m in members]
    events = [e for r in in_order(reports) for e in r.events]
    dates = sorted(d for m in members for d in (m.local.date_start, m.local.date_end) if d)
    lead = _lead(members)
    return Incident(
        id=first_member(members).local.id, event_type=lead.local.event_type,
        sub_event_type=lead.local.sub_event_type,
        date_start=dates[0] if dates else None, date_end=dates[-1] if dates else None,
        location=best_location(e.location for e in events), actors=merge_actors(events),
        casualties=combine_reports(reports), sources=fused_sources(reports), status=reports_status(reports),
        event_ids=[e.id for e in events], history=history(reports),
    )


def _lead(members: Sequence[Member]) -> Member:
    """The member whose type names the incident: the most reported type, first report breaking ties."""
    counts = Counter(m.local.event_type for m in members)
    ordered = sorted(members, key=lambda m: (*m.report.arrival()[:2], m.local.id))
    return max(ordered, key=lambda m: counts[m.local.event_type])


def fused_sources(reports: Iterable[Report]) -> list[IncidentSource]:
    """Every document once per speaker (or outlet), in publication order."""
    sources: dict[tuple[str | None, str | None, str], IncidentSource] = {}
    for report in in_order(list(reports)):
        document = report.document
        for event in report.events:
            speaker = event.attribution.source or event.attribution.via or outlet_of(document)
            key = (speaker, event.attribution.side, document.document_id)
            sources.setdefault(key, IncidentSource(speaker, event.attribution.side, document.document_id))
    return list(sources.values())


def decision_for(member: Member, incident_id: str, link: Link | None) -> MergeDecision:
    """The stored reason ``member`` is part of ``incident_id``."""
    score = link.score if link else None
    return MergeDecision(
        member_id=member.local.id, incident_id=incident_id, document_id=member.profile.document_id,
        partner_id=link.partner_id if link else None, score=score.score if score and link.partner_id else None,
        reasons=list(score.reasons) if score and link.partner_id else ["first report of this incident"],
        copy_of=member.profile.original_id,
    )


def find_originals(documents: Iterable[Document], signatures: dict[str, TextSignature] | None = None) -> dict[str, str]:
    """Copy document id -> its original, over a whole corpus (rule in ``fuse.neardup``)."""
    documents = list(documents)
    signatures = signatures or {}
    texts = {d.document_id: d.text for d in documents}
    lookup = cache(lambda document_id: signatures.get(document_id) or signature_of(texts[document_id]))
    keys = [DocumentKey(d.document_id, d.published) for d in documents]
    return originals_among(keys, lookup, {d: lookup(d).band_keys() for d in sorted(texts)})


def originals_among(keys: Iterable[DocumentKey], signature: Callable[[str], TextSignature],
                    band_keys: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Copy document id -> its original among the documents ``keys`` name, found by their ``band_keys``.

    ``signature`` is asked only for documents sharing a band with another.
    """
    finder = CopyFinder(signature)
    keys = {key.document_id: key for key in keys}
    groups: dict[str, set[str]] = {}
    for document_id in sorted(keys):
        for other, _ in finder.add(document_id, band_keys[document_id]):
            merged = groups.get(other, {other}) | groups.get(document_id, {document_id})
            for member in merged:
                groups[member] = merged
    originals = {}
    for document_id, group in groups.items():
        original = original_of(keys[d] for d in group).document_id
        if original != document_id:
            originals[document_id] = original
    return originals


def fuse_corpus(documents: Sequence[Document], events_of: dict[str, list[Event]],
                signatures: dict[str, TextSignature] | None = None) -> FusionResult:
    """Cross-report incidents of a whole corpus; the same whatever order the documents come in."""
    originals = find_originals(documents, signatures)
    members = [m for d in sorted(documents, key=lambda d: d.document_id)
               for m in members_of(d, events_of.get(d.document_id, []), originals.get(d.document_id))]
    result = fuse_members(members)
    result.originals = originals
    return result


def fuse_members(members: Sequence[Member], rarity: TermRarity | None = None) -> FusionResult:
    """Cross-report incidents of ``members``, by their smallest member id (``rarity``: see ``cluster_members``)."""
    by_id = {m.local.id: m for m in members}
    clusters, links = cluster_members((m.profile for m in members), rarity)
    result = FusionResult(profiles={m.local.id: m.profile for m in members})
    for cluster in clusters:
        incident = build_fused([by_id[p.member_id] for p in cluster])
        result.incidents.append(incident)
        result.decisions.extend(decision_for(by_id[p.member_id], incident.id, links.get(p.member_id))
                                for p in cluster)
    return result
