"""Why an incident is what it is: its members, the merge decisions and where each figure came from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError
from ..fuse.figures import Report, source_key
from ..models import Event, Incident, MergeDecision, Stance, to_dict
from ..store import Repository


@dataclass(slots=True)
class FigureClaim:
    """One claim of a figure: which document, who said it, the range and how it was said."""

    kind: str
    group: str
    min: int | None
    max: int | None
    document_id: str
    published: str | None
    source: str
    stance: str
    copy_of: str | None


@dataclass(slots=True)
class Explanation:
    """Everything ``conflictlog why`` shows."""

    incident: Incident
    decisions: list[MergeDecision] = field(default_factory=list)
    claims: list[FigureClaim] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return {"incident": to_dict(self.incident), "decisions": [to_dict(d) for d in self.decisions],
                "claims": [to_dict(c) for c in self.claims]}


def explain(repo: Repository, incident_id: str) -> Explanation:
    """The explanation of a stored incident; ConfigError when there is none with this id."""
    incident = repo.get_incident(incident_id)
    if incident is None:
        raise ConfigError(f"there is no incident {incident_id}",
                         hint="list incident ids with: conflictlog incidents, or export --level incidents")
    decisions = [decision for _, decision in repo.incident_members(incident_id)]
    copies = {d.document_id: d.copy_of for d in decisions}
    return Explanation(incident, decisions, _claims(repo, incident, copies))


def _claims(repo: Repository, incident: Incident, copies: dict[str, str | None]) -> list[FigureClaim]:
    wanted = set(incident.event_ids)
    documents = sorted({s.document_id for s in incident.sources})
    by_document: dict[str, list[Event]] = defaultdict(list)
    for event in repo.iter_events(documents):
        if event.id in wanted:
            by_document[event.document_id].append(event)
    claims = []
    for document_id, events in sorted(by_document.items()):
        document = repo.get_document(document_id)
        if document is not None:
            report = Report(document, events, copies.get(document_id))
            claims.extend(_claims_of(report))
    return sorted(claims, key=lambda c: (c.kind, c.group, c.published is None, c.published or "", c.document_id))


def _claims_of(report: Report) -> list[FigureClaim]:
    return [FigureClaim(kind=str(c.kind), group=str(c.group), min=c.min, max=c.max,
                        document_id=report.document.document_id, published=report.document.published,
                        source=source_key(report, event), stance=str(event.attribution.stance or Stance.ASSERTED),
                        copy_of=report.original_id)
            for event in report.events for c in event.casualties]
