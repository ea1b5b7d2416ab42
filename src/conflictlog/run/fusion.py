"""Cross-report fusion against the store: one new document at a time, or the whole database.

``fuse_stored`` runs after a document is stored: it links the document to the original it
copies, then puts each of its per-document incidents into the stored incident it matches
best (or leaves it as a new one) without touching unrelated incidents. ``refuse_database``
rebuilds every incident from the stored documents and events, in an order-independent way,
split into independent parts that worker processes or a Dask cluster fuse side by side
(``run.fusion_parts``); ``finish_backfill`` is that re-fuse after a bulk ingest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..fuse.cluster import choose_incident, share_block
from ..fuse.cross import Member, build_fused, decision_for, members_of
from ..fuse.neardup import DocumentKey, TextSignature, copies_among, original_of, signature_of
from ..fuse.profile import MemberProfile, key_terms
from ..fuse.score import DATE_WINDOW_DAYS, TermRarity
from ..models import Document, DocumentResult, Event, MergeDecision
from ..store import Repository
from .fusion_parts import PartitionedFusion, fuse_with
from .fusion_sources import Corpus, MemoryCorpus, StoredCorpus
from .part_runner import open_runner


def fuse_stored(repo: Repository, result: DocumentResult) -> int:
    """Fuse a freshly stored document into the stored incidents; return how many of its incidents joined one.

    The document's signature is stored last: a document without one was not fused yet
    (``catch_up`` finishes it after a run was cut off).
    """
    document = result.document
    signature = signature_of(document.text)
    link = find_copies(repo, document, signature)
    joined = 0
    for member in sorted(members_of(document, list(result.events), link.own), key=lambda m: m.local.id):
        joined += _fuse_member(repo, member)
    repo.save_signature(document.document_id, document.published, signature.to_bytes(), signature.band_keys(),
                        link.own, link.similarity, key_terms(document.text))
    return joined


def catch_up(repo: Repository) -> int:
    """Fuse the stored documents a cut-off run left unfused; return how many there were."""
    pending = repo.unfused_document_ids()
    for document_id in pending:
        document = repo.get_document(document_id)
        if document is not None:
            fuse_stored(repo, DocumentResult(document, list(repo.iter_events([document_id]))))
    return len(pending)


@dataclass(frozen=True, slots=True)
class CopyLink:
    """The original a document copies (None: it is one), and the similarity to it."""

    own: str | None
    similarity: float | None


def find_copies(repo: Repository, document: Document, signature: TextSignature) -> CopyLink:
    """The document's original among the stored documents; stored copies of a newer original are relinked."""
    stored = repo.signatures_sharing(signature.band_keys())
    candidates = {d: TextSignature.from_bytes(sig) for d, (sig, _, _) in stored.items() if d != document.document_id}
    matches = dict(copies_among(signature, candidates))
    keys = [DocumentKey(document.document_id, document.published)]
    keys += [DocumentKey(d, stored[d][1]) for d in matches]
    original = original_of(keys).document_id
    relinked = [d for d in matches if d != original and stored[d][2] != original]
    if relinked:
        repo.set_original(relinked, original)
    own = None if original == document.document_id else original
    return CopyLink(own, matches.get(original))


def _fuse_member(repo: Repository, member: Member) -> int:
    stored = _candidates(repo, member.profile)
    df, documents = repo.term_rarity({t for _, p in stored for t in p.terms} | set(member.profile.terms))
    choice = choose_incident(member.profile, stored, TermRarity(df, documents))
    if choice is None:
        repo.save_members([(member.profile.to_json(), decision_for(member, member.local.id, None))])
        return 0
    incident_id, link = choice
    # A member stored by an earlier, cut-off attempt is replaced, not counted twice.
    others = [(m, d) for m, d in _stored_members(repo, incident_id) if m.local.id != member.local.id]
    incident = build_fused([*(m for m, _ in others), member])
    decisions = [(m.profile.to_json(), replace(decision, incident_id=incident.id)) for m, decision in others]
    decisions.append((member.profile.to_json(), decision_for(member, incident.id, link)))
    repo.save_fused(incident, [incident_id, member.local.id], decisions)
    return 1


def _candidates(repo: Repository, profile: MemberProfile) -> list[tuple[str, MemberProfile]]:
    if not profile.date:
        return []
    day = date.fromisoformat(profile.date[:10])
    window = timedelta(days=DATE_WINDOW_DAYS)
    rows = repo.members_between((day - window).isoformat(), (day + window).isoformat())
    members = [(incident_id, MemberProfile.from_json(data)) for incident_id, data in rows]
    return [(i, p) for i, p in members if p.document_id != profile.document_id and share_block(profile, p)]


def _stored_members(repo: Repository, incident_id: str) -> list[tuple[Member, MergeDecision]]:
    """The members of a stored incident with their decisions, rebuilt from their documents and events."""
    decisions = {decision.member_id: decision for _, decision in repo.incident_members(incident_id)}
    originals = {decision.document_id: decision.copy_of for decision in decisions.values()}
    events_of: dict[str, list[Event]] = defaultdict(list)
    for event in repo.iter_events(originals):
        events_of[event.document_id].append(event)
    members = []
    for document_id in sorted(originals):
        document = repo.get_document(document_id)
        if document is not None:
            found = members_of(document, events_of[document_id], originals[document_id])
            members.extend((m, decisions[m.local.id]) for m in found if m.local.id in decisions)
    return members


def refuse_database(repo: Repository, jobs: int | None = 1, dask: str | None = None) -> tuple[int, int]:
    """Rebuild every incident from the stored documents and events; return (incidents, members).

    ``jobs`` workers (1: in this process; 0 or None: one per core) or a Dask cluster
    (``dask``: "local" or a scheduler address) fuse independent parts of the corpus
    (``run.fusion_parts``); the stored result is the same whichever runs it.
    """
    with open_runner(jobs, dask) as runner:
        fused = fuse_with(runner, stored_corpus(repo, workers_read=runner.workers > 1))
    return store_refused(repo, fused)


def store_refused(repo: Repository, fused: PartitionedFusion) -> tuple[int, int]:
    """Replace every stored incident, member, signature and term count by those of a full re-fuse."""
    surveys = [fused.surveys[d] for d in sorted(fused.surveys)]
    stored_signatures = [(s.document_id, s.published, s.signature, s.band_keys,
                          fused.result.originals.get(s.document_id)) for s in surveys]
    repo.replace_fusion(fused.rows, stored_signatures, [s.terms for s in surveys])
    return len(fused.result.incidents), len(fused.result.decisions)


def stored_corpus(repo: Repository, workers_read: bool) -> Corpus:
    """The stored corpus: read by the workers themselves when there are several and they can open the database."""
    url = repo.shared_url()
    if workers_read and url is not None:
        return StoredCorpus(url, repo.document_ids())
    events_of: dict[str, list[Event]] = defaultdict(list)
    for event in repo.iter_events():
        events_of[event.document_id].append(event)
    return MemoryCorpus(list(repo.iter_documents()), events_of)


def finish_backfill(repo: Repository, jobs: int | None = None, dask: str | None = None) -> tuple[int, int] | None:
    """After a bulk ingest that stored documents without fusing them: one partitioned full re-fuse.

    Does nothing (None) when every stored document is fused already, so running it again
    after a finished back-fill costs one query; a back-fill cut off before or during the
    re-fuse is finished by running it again (the re-fuse replaces everything in one
    transaction). Returns (incidents, members) otherwise.
    """
    if not repo.unfused_document_ids():
        return None
    return refuse_database(repo, jobs, dask)
