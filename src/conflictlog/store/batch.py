"""Saving a batch of document results in one transaction (the writer of an ingest run).

Same meaning as saving the results one by one, in order: a text stored before (or earlier
in the batch) is a duplicate; a new text for a stored ``document_id`` replaces it (revision
+ 1); a later version of an id earlier in the batch replaces that one. The rows go in with
one executemany statement per table instead of a round of statements per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, insert, select

from ..models import DocumentResult, Incident, Rejected
from . import codec
from .schema import documents, events
from .writes import chunks, delete_documents, insert_rejected_many, link_events, now, replace_incidents


class SaveOutcome(StrEnum):
    """What a save did with a document."""

    ADDED = "added"            # a new document
    REPLACED = "replaced"      # a new version of a stored document_id; the old one and its events are gone
    DUPLICATE = "duplicate"    # the same text was stored before; nothing changed


@dataclass(slots=True)
class _Planned:
    """A document the batch will store, with its revision number."""

    result: DocumentResult
    revision: int


@dataclass(slots=True)
class _Plan:
    """What a batch does: an outcome per result, the rows to write, the stored ids to replace."""

    outcomes: list[SaveOutcome]
    stored: dict[str, _Planned]       # by document_id; a later version in the batch wins
    replaced_ids: set[str]            # ids whose stored version goes
    failures: list[Rejected]


def save_batch(conn: Connection, results: Sequence[DocumentResult]) -> list[SaveOutcome]:
    """Store ``results`` inside the caller's transaction; one outcome per result, in order."""
    plan = _plan(conn, results)
    delete_documents(conn, sorted(plan.replaced_ids))
    _insert(conn, list(plan.stored.values()))
    insert_rejected_many(conn, plan.failures)
    return plan.outcomes


def _plan(conn: Connection, results: Sequence[DocumentResult]) -> _Plan:
    hashes = _stored_hashes(conn, [r.document.content_hash for r in results])
    revisions = _stored_revisions(conn, [r.document.document_id for r in results])
    plan = _Plan([], {}, set(), [])
    for result in results:
        document = result.document
        if document.content_hash in hashes:
            plan.outcomes.append(SaveOutcome.DUPLICATE)
            continue
        hashes.add(document.content_hash)
        earlier = plan.stored.pop(document.document_id, None)
        if earlier is not None:  # its text is no longer stored once this version replaces it
            hashes.discard(earlier.result.document.content_hash)
        previous = earlier.revision if earlier else revisions.get(document.document_id)
        if document.document_id in revisions:
            plan.replaced_ids.add(document.document_id)
        plan.stored[document.document_id] = _Planned(result, (previous or 0) + 1)
        plan.outcomes.append(SaveOutcome.REPLACED if previous else SaveOutcome.ADDED)
        if result.failure:
            plan.failures.append(result.failure)
    return plan


def _insert(conn: Connection, planned: list[_Planned]) -> None:
    if not planned:
        return
    ingested_at = now()
    conn.execute(insert(documents), [codec.document_row(p.result.document, revision=p.revision,
                                                        ingested_at=ingested_at) for p in planned])
    # Incidents go in before the events that point at them (events.incident_id is a foreign key).
    new_incidents = _last_by_id(i for p in planned for i in p.result.incidents)
    if new_incidents:
        replace_incidents(conn, [], new_incidents)
    rows = [codec.event_row(event, seq) for p in planned for seq, event in enumerate(p.result.events)]
    if rows:
        conn.execute(insert(events), rows)
        link_events(conn, new_incidents)


def _last_by_id(new_incidents: Iterable[Incident]) -> list[Incident]:
    """One incident per id, the later one winning, as saving one by one would leave them."""
    by_id: dict[str, Incident] = {}
    for incident in new_incidents:
        by_id.pop(incident.id, None)
        by_id[incident.id] = incident
    return list(by_id.values())


def _stored_hashes(conn: Connection, hashes: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(set(hashes))):
        found.update(conn.scalars(select(documents.c.content_hash).where(documents.c.content_hash.in_(chunk))))
    return found


def _stored_revisions(conn: Connection, document_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(sorted(set(document_ids))):
        query = select(documents.c.document_id, documents.c.revision).where(documents.c.document_id.in_(chunk))
        found.update((row.document_id, row.revision) for row in conn.execute(query))
    return found
