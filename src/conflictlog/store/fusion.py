"""Storage of cross-report fusion: text signatures and their bands, term counts, members and decisions.

Mixed into ``Repository``; each public method is one transaction. Profiles and decisions
are kept as JSON (``MemberProfile.to_json``, ``models.to_dict``) next to the few columns that
queries filter on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..models import Document, Incident, MergeDecision, to_dict
from . import codec
from .schema import document_signatures, documents, events, fusion_members, incidents, signature_bands, term_counts

_CHUNK = 500


@dataclass(slots=True)
class FusionRows:
    """A full re-fuse's incidents, event links and members as table rows (built where the fusing ran)."""

    incidents: list[dict[str, Any]] = field(default_factory=list)
    event_links: list[dict[str, str]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: FusionRows) -> None:
        """Add the rows of another part."""
        self.incidents += other.incidents
        self.event_links += other.event_links
        self.members += other.members


def fusion_rows(new_incidents: list[Incident], members: list[tuple[dict[str, Any], MergeDecision]]) -> FusionRows:
    """The rows ``replace_fusion`` stores for these incidents and (profile, decision) members."""
    links = [{"event": e, "incident": i.id} for i in new_incidents for e in i.event_ids]
    return FusionRows([codec.incident_row(i) for i in new_incidents], links, list(_member_rows(members)))


class FusionStore:
    """Repository methods of cross-report fusion (needs the Repository's ``_write``/``_read``)."""

    def save_signature(self, document_id: str, published: str | None, signature: bytes, band_keys: list[str],
                       original_id: str | None, similarity: float | None, terms: Iterable[str] = ()) -> None:
        """Store a document's text signature, its band keys, the original it copies (if any) and its terms."""
        with self._write(f"save the signature of {document_id}") as conn:
            conn.execute(delete(signature_bands).where(signature_bands.c.document_id == document_id))
            conn.execute(delete(document_signatures).where(document_signatures.c.document_id == document_id))
            _insert_signature(conn, document_id, published, signature, band_keys, original_id, similarity)
            _count_terms(conn, sorted(set(terms)))

    def signatures_sharing(self, band_keys: list[str]) -> dict[str, tuple[bytes, str | None, str | None]]:
        """Documents sharing a band key: id -> (signature, published, original id)."""
        with self._read("look up similar documents") as conn:
            holders = select(signature_bands.c.document_id).where(signature_bands.c.band_key.in_(band_keys))
            rows = conn.execute(select(document_signatures).where(document_signatures.c.document_id.in_(holders)))
            return {r.document_id: (bytes(r.signature), r.published, r.original_id) for r in rows}

    def set_original(self, document_ids: Iterable[str], original_id: str) -> None:
        """Mark ``document_ids`` as copies of ``original_id``, in their signatures and their members."""
        ids = sorted(set(document_ids))
        with self._write("link copies to their original") as conn:
            conn.execute(update(document_signatures)
                         .where(document_signatures.c.document_id.in_(ids)).values(original_id=original_id))
            _mark_copies(conn, ids, original_id)

    def unfused_document_ids(self) -> list[str]:
        """Stored documents without a text signature: not fused yet (a run was cut off), by id."""
        with self._read("find unfused documents") as conn:
            fused = select(document_signatures.c.document_id)
            query = (select(documents.c.document_id).where(documents.c.document_id.not_in(fused))
                     .order_by(documents.c.document_id))
            return list(conn.scalars(query))

    def document_ids(self) -> list[str]:
        """Every stored document id, sorted."""
        with self._read("list documents") as conn:
            return list(conn.scalars(select(documents.c.document_id).order_by(documents.c.document_id)))

    def documents_by_ids(self, document_ids: Iterable[str]) -> list[Document]:
        """The stored documents among ``document_ids``, by id (a worker's share of a re-fuse)."""
        found = []
        with self._read("read documents") as conn:
            for chunk in _chunks(sorted(set(document_ids))):
                query = select(documents).where(documents.c.document_id.in_(chunk)).order_by(documents.c.document_id)
                found.extend(codec.document_from_row(row) for row in conn.execute(query))
        return found

    def shared_url(self) -> str | None:
        """The database as another process opens it (credentials included), None for an in-memory SQLite one."""
        if self._url.get_backend_name() == "sqlite" and self._url.database in (None, "", ":memory:"):
            return None
        return self._url.render_as_string(hide_password=False)

    def originals(self) -> dict[str, str]:
        """Copy document id -> the id of its original."""
        with self._read("read copy links") as conn:
            query = select(document_signatures.c.document_id, document_signatures.c.original_id)
            return {r.document_id: r.original_id for r in conn.execute(query) if r.original_id}

    def term_rarity(self, terms: Iterable[str]) -> tuple[dict[str, int], int]:
        """How many documents use each of ``terms``, and how many documents have a signature."""
        found: dict[str, int] = {}
        with self._read("read term counts") as conn:
            wanted = sorted(set(terms))
            for start in range(0, len(wanted), _CHUNK):
                query = select(term_counts).where(term_counts.c.term.in_(wanted[start:start + _CHUNK]))
                found.update({r.term: r.documents for r in conn.execute(query)})
            total = conn.scalar(select(func.count()).select_from(document_signatures)) or 0
        return found, total

    def members_between(self, first_day: str, last_day: str) -> list[tuple[str, dict[str, Any]]]:
        """(incident id, profile) of the stored members dated within the two days (inclusive)."""
        with self._read("read fusion members") as conn:
            query = (select(fusion_members.c.incident_id, fusion_members.c.profile)
                     .where(fusion_members.c.date >= first_day, fusion_members.c.date <= last_day)
                     .order_by(fusion_members.c.member_id))
            return [(r.incident_id, r.profile) for r in conn.execute(query)]

    def incident_members(self, incident_id: str) -> list[tuple[dict[str, Any], MergeDecision]]:
        """(profile, decision) of every member of an incident, by member id."""
        with self._read(f"read the members of {incident_id}") as conn:
            query = (select(fusion_members).where(fusion_members.c.incident_id == incident_id)
                     .order_by(fusion_members.c.member_id))
            return [(r.profile, codec.from_dict(MergeDecision, r.decision)) for r in conn.execute(query)]

    def get_incident(self, incident_id: str) -> Incident | None:
        """The stored incident with this id, or None."""
        with self._read(f"read incident {incident_id}") as conn:
            row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).first()
        return codec.incident_from_row(row) if row else None

    def save_fused(self, incident: Incident, replaced: Iterable[str],
                   members: list[tuple[dict[str, Any], MergeDecision]]) -> None:
        """Store ``incident`` in place of the ``replaced`` incidents, with its members and their decisions."""
        with self._write(f"save incident {incident.id}") as conn:
            conn.execute(delete(incidents).where(incidents.c.id.in_(sorted(set(replaced) | {incident.id}))))
            conn.execute(insert(incidents).values(codec.incident_row(incident)))
            _link_events(conn, incident)
            _save_members(conn, members)

    def save_members(self, members: list[tuple[dict[str, Any], MergeDecision]]) -> None:
        """Store members whose incident is already stored as it is."""
        with self._write("save fusion members") as conn:
            _save_members(conn, members)

    def replace_fusion(self, rows: FusionRows, signatures: list[tuple[str, str | None, bytes, list[str], str | None]],
                       terms_per_document: list[list[str]]) -> None:
        """Full re-fuse: every incident, member, signature and term count replaced in one transaction."""
        with self._write("replace all incidents") as conn:
            for table in (fusion_members, signature_bands, document_signatures, term_counts):
                conn.execute(delete(table))
            conn.execute(update(events).values(incident_id=None))
            conn.execute(delete(incidents))
            _insert_signatures(conn, signatures)
            _insert_term_totals(conn, terms_per_document)
            if rows.incidents:
                conn.execute(insert(incidents), rows.incidents)
            if rows.event_links:
                statement = update(events).where(events.c.id == bindparam("event"))
                conn.execute(statement.values(incident_id=bindparam("incident")), rows.event_links)
            if rows.members:             # the tables were emptied above: nothing to delete first
                conn.execute(insert(fusion_members), rows.members)


def _insert_signature(conn: Connection, document_id: str, published: str | None, signature: bytes,
                      band_keys: list[str], original_id: str | None, similarity: float | None) -> None:
    conn.execute(insert(document_signatures).values(
        document_id=document_id, published=published, signature=signature,
        original_id=original_id, similarity=similarity))
    if band_keys:
        conn.execute(insert(signature_bands), [{"band_key": k, "document_id": document_id} for k in set(band_keys)])


def _insert_signatures(conn: Connection,
                       signatures: list[tuple[str, str | None, bytes, list[str], str | None]]) -> None:
    """Every document's signature and band keys, in two statements (one per row is most of a re-fuse's write)."""
    if not signatures:
        return
    conn.execute(insert(document_signatures), [
        {"document_id": d, "published": p, "signature": sig, "original_id": o, "similarity": None}
        for d, p, sig, _, o in signatures])
    bands = [{"band_key": k, "document_id": d} for d, _, _, keys, _ in signatures for k in sorted(set(keys))]
    if bands:
        conn.execute(insert(signature_bands), bands)


def _mark_copies(conn: Connection, document_ids: list[str], original_id: str) -> None:
    rows = conn.execute(select(fusion_members).where(fusion_members.c.document_id.in_(document_ids))).all()
    for row in rows:
        conn.execute(update(fusion_members).where(fusion_members.c.member_id == row.member_id).values(
            profile={**row.profile, "original_id": original_id}, decision={**row.decision, "copy_of": original_id}))


def _count_terms(conn: Connection, terms: list[str]) -> None:
    if not terms:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(term_counts)
    statement = statement.on_conflict_do_update(
        index_elements=[term_counts.c.term], set_={"documents": term_counts.c.documents + 1})
    conn.execute(statement, [{"term": t, "documents": 1} for t in terms])


def _insert_term_totals(conn: Connection, terms_per_document: list[list[str]]) -> None:
    totals: dict[str, int] = {}
    for terms in terms_per_document:
        for term in set(terms):
            totals[term] = totals.get(term, 0) + 1
    if totals:
        conn.execute(insert(term_counts), [{"term": t, "documents": n} for t, n in sorted(totals.items())])


def _link_events(conn: Connection, incident: Incident) -> None:
    if incident.event_ids:
        statement = update(events).where(events.c.id == bindparam("event")).values(incident_id=incident.id)
        conn.execute(statement, [{"event": event_id} for event_id in incident.event_ids])


def _save_members(conn: Connection, members: list[tuple[dict[str, Any], MergeDecision]]) -> None:
    ids = sorted({decision.member_id for _, decision in members})
    for chunk in _chunks(ids):
        conn.execute(delete(fusion_members).where(fusion_members.c.member_id.in_(chunk)))
    if members:
        conn.execute(insert(fusion_members), list(_member_rows(members)))


def _member_rows(members: list[tuple[dict[str, Any], MergeDecision]]) -> Iterator[dict[str, Any]]:
    for profile, decision in members:
        yield {"member_id": decision.member_id, "incident_id": decision.incident_id,
               "document_id": decision.document_id, "date": profile.get("date"),
               "country_code": profile.get("country_code"), "profile": profile, "decision": to_dict(decision)}


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
