"""The full re-fuse split into independent parts, run in this process, a process pool or on Dask.

Three rounds of tasks, each a bounded number of balanced tasks (``TASKS_PER_WORKER`` per worker):

1. *Survey* (documents in even chunks): each document's MinHash signature and band keys, its
   key terms and its members' profiles.
2. *Score* (date slabs, ``fuse.parts.window_tasks``): the candidate pairs a slab owns are
   scored with the corpus-wide rarity of the slab's terms; the pairs that merge come back.
3. *Fuse* (bundles of parts): the members of a bundle's documents are rebuilt from their
   events and clustered with the corpus-wide rarity of their own terms.

Between the rounds, this process finds the copies (one pass over the band keys, globally: a
dictionary lookup per band and a comparison per candidate, no text, about 2 % of the work)
and the parts (a union-find over the merging pairs and the copies, ``fuse.parts``). A task
gets only its own documents and events, or profiles, never the whole corpus. The incidents,
members and decisions equal ``fuse.cross.fuse_corpus``'s, in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..fuse.cross import FusionResult, fuse_members, members_of, originals_among
from ..fuse.neardup import DocumentKey, TextSignature, signature_of
from ..fuse.parts import bundle_parts, merging_pairs, parts_rarity, plan_parts, window_tasks
from ..fuse.profile import MemberProfile, key_terms
from ..fuse.score import TermRarity
from ..models import Document, Event, Incident, MergeDecision
from ..store.fusion import FusionRows, fusion_rows
from .fusion_sources import Chunk, Corpus, MemoryCorpus
from .part_runner import PartRunner, open_runner

TASKS_PER_WORKER = 4          # a few tasks per worker: a slow one is made up for by the others


@dataclass(frozen=True, slots=True)
class DocumentSurvey:
    """What the survey round learns of one document."""

    document_id: str
    published: str | None
    signature: bytes                  # ``TextSignature.to_bytes``: a tenth of the memory of its numbers
    band_keys: list[str]
    terms: list[str]
    profiles: list[MemberProfile]


@dataclass(slots=True)
class PartsPlan:
    """How a re-fuse was split: the parts' sizes in members, and the tasks of the fuse round."""

    part_sizes: list[int] = field(default_factory=list)
    tasks: int = 0

    @property
    def largest(self) -> int:
        """Members in the largest part (what one task cannot split)."""
        return max(self.part_sizes, default=0)


@dataclass(slots=True)
class PartitionedFusion:
    """The fused corpus, with each document's survey (signatures and terms to store), the plan and the rows."""

    result: FusionResult
    surveys: dict[str, DocumentSurvey]
    plan: PartsPlan
    rows: FusionRows               # the result as table rows, in no particular order


def survey_documents(chunk: Chunk) -> list[DocumentSurvey]:
    """Task of the survey round: signature, band keys, terms and member profiles of each document."""
    documents, events_of = chunk.load()
    surveys = []
    for document in documents:
        signature = signature_of(document.text)
        profiles = [m.profile for m in members_of(document, events_of.get(document.document_id, []))]
        terms = profiles[0].terms if profiles else key_terms(document.text)
        surveys.append(DocumentSurvey(document.document_id, document.published, signature.to_bytes(),
                                      signature.band_keys(), terms, profiles))
    return surveys


def fuse_bundle(chunk: Chunk, originals: Mapping[str, str], terms_of: Mapping[str, list[str]],
                rarity: TermRarity) -> tuple[FusionResult, FusionRows]:
    """Task of the fuse round: the incidents of the documents of whole parts (``rarity``: corpus-wide),
    and their table rows (serialising them is much of a re-fuse's work, so the workers do it).

    The documents may come without their text: their key terms (``terms_of``) are known.
    """
    documents, events_of = chunk.load()
    members = [m for d in sorted(documents, key=lambda d: d.document_id)
               for m in members_of(d, events_of.get(d.document_id, []), originals.get(d.document_id),
                                   terms_of[d.document_id])]
    result = fuse_members(members, rarity)
    members_data = [(result.profiles[d.member_id].to_json(), d) for d in result.decisions]
    return result, fusion_rows(result.incidents, members_data)


def fuse_in_parts(documents: Sequence[Document], events_of: Mapping[str, list[Event]],
                  jobs: int | None = 1, dask: str | None = None) -> PartitionedFusion:
    """The full re-fuse of ``documents`` on ``jobs`` workers (0/None: one per core) or on Dask (``dask``)."""
    with open_runner(jobs, dask) as runner:
        return fuse_with(runner, MemoryCorpus(documents, events_of))


def fuse_with(runner: PartRunner, corpus: Corpus, tasks: int | None = None) -> PartitionedFusion:
    """The full re-fuse of ``corpus`` on an open runner, in ``tasks`` tasks a round (default:
    ``TASKS_PER_WORKER`` a worker; one task for one worker, which fuses the corpus at once with no scoring round)."""
    tasks = tasks or (runner.workers * TASKS_PER_WORKER if runner.workers > 1 else 1)
    chunks = _even_chunks(corpus.document_ids(), tasks)
    found = runner.map(survey_documents, [(corpus.chunk(c),) for c in chunks])
    surveys = {s.document_id: s for batch in found for s in batch}
    originals = find_copies(surveys.values())
    rarity = rarity_of_surveys(surveys.values())
    bundles, plan = _plan(runner, surveys, originals, rarity, tasks)
    arguments = [(corpus.chunk(b, text=False), {d: originals[d] for d in b if d in originals},
                  {d: surveys[d].terms for d in b}, parts_rarity(rarity, (t for d in b for t in surveys[d].terms)))
                 for b in bundles]
    fused = runner.map(fuse_bundle, arguments)
    result = merge_results(part for part, _ in fused)
    result.originals = originals
    rows = FusionRows()
    for _, part_rows in fused:
        rows.extend(part_rows)
    return PartitionedFusion(result, surveys, plan, rows)


def score_windows(runner: PartRunner, surveys: Mapping[str, DocumentSurvey], originals: Mapping[str, str],
                  rarity: TermRarity, tasks: int) -> list[tuple[str, str]]:
    """The merging pairs of the whole corpus, scored in date slabs."""
    profiles = [p for s in surveys.values() for p in s.profiles]
    for profile in profiles:
        profile.original_id = originals.get(profile.document_id)
    windows = window_tasks(profiles, tasks)
    arguments = [(w, parts_rarity(rarity, (t for p in w.members for t in p.terms))) for w in windows]
    return [pair for found in runner.map(merging_pairs, arguments) for pair in found]


def find_copies(surveys: Iterable[DocumentSurvey]) -> dict[str, str]:
    """Copy document id -> its original, from the surveyed signatures (rule in ``fuse.neardup``)."""
    by_id = {s.document_id: s for s in surveys}
    keys = [DocumentKey(s.document_id, s.published) for s in by_id.values()]
    return originals_among(keys, lambda d: TextSignature.from_bytes(by_id[d].signature),
                           {d: s.band_keys for d, s in by_id.items()})


def rarity_of_surveys(surveys: Iterable[DocumentSurvey]) -> TermRarity:
    """Term rarity over the documents that have members, as ``fuse.cluster.rarity_of`` counts it."""
    return TermRarity.of(s.terms for s in surveys if s.profiles)


def merge_results(parts: Iterable[FusionResult]) -> FusionResult:
    """One result from the results of parts, incidents in order of their smallest member id (as ``fuse_members``)."""
    merged = FusionResult()
    clusters = []
    for part in parts:
        merged.profiles.update(part.profiles)
        clusters.extend(_clusters_of(part))
    for _, incident, decisions in sorted(clusters, key=lambda c: c[0]):
        merged.incidents.append(incident)
        merged.decisions.extend(decisions)
    return merged


def _clusters_of(result: FusionResult) -> list[tuple[str, Incident, list[MergeDecision]]]:
    """(smallest member id, incident, its decisions); a part lists each incident's decisions by member id."""
    decisions: dict[str, list[MergeDecision]] = defaultdict(list)
    for decision in result.decisions:
        decisions[decision.incident_id].append(decision)
    return [(decisions[i.id][0].member_id, i, decisions[i.id]) for i in result.incidents]


def _plan(runner: PartRunner, surveys: Mapping[str, DocumentSurvey], originals: Mapping[str, str],
          rarity: TermRarity, tasks: int) -> tuple[list[list[str]], PartsPlan]:
    """The bundles of the fuse round; one task fuses everything at once, with no scoring round before."""
    weights = {d: len(s.profiles) for d, s in surveys.items()}
    if tasks == 1:
        return [sorted(surveys)], PartsPlan([sum(weights.values())], 1)
    document_of = {p.member_id: d for d, s in surveys.items() for p in s.profiles}
    parts = plan_parts(document_of, score_windows(runner, surveys, originals, rarity, tasks), originals)
    bundles = bundle_parts(parts, weights, tasks)
    return bundles, PartsPlan([sum(weights.get(d, 0) for d in part) for part in parts], len(bundles))


def _even_chunks(items: list[str], count: int) -> list[list[str]]:
    size = -(-len(items) // max(1, count))
    return [items[i:i + size] for i in range(0, len(items), size)] if items else []
