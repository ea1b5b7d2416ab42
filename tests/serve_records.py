"""Small hand-built databases for the serve tests: documents with events and incidents, no spaCy needed."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictlog.models import (
    Actor,
    ActorRole,
    Attribution,
    Casualty,
    CasualtyKind,
    DatePrecision,
    Dispute,
    Document,
    DocumentResult,
    Event,
    GeoPrecision,
    HistoryEntry,
    Incident,
    IncidentCasualty,
    IncidentSource,
    IncidentStatus,
    InputFormat,
    Location,
    Span,
    Stance,
    VictimGroup,
    content_hash,
)
from conflictlog.store import Repository


@dataclass
class Report:
    """One document reporting one incident, described by what the tests filter on."""

    document_id: str
    text: str
    evidence: str
    date: str
    place: str
    country: str
    lat: float
    lon: float
    event_type: str
    sub_event_type: str | None
    status: IncidentStatus
    actor: str
    source: str
    side: str
    stance: Stance = Stance.ASSERTED
    killed: int | None = None
    injured: int | None = None
    disputes: list[Dispute] = field(default_factory=list)


def result_of(report: Report) -> DocumentResult:
    """The DocumentResult the pipeline would make of ``report``: one event, one incident."""
    document = Document(document_id=report.document_id, text=report.text, content_hash=content_hash(report.text),
                        title=f"Report on {report.place}", published=report.date, origin="tests",
                        input_format=InputFormat.TEXT)
    start = report.text.index(report.evidence)
    location = Location(text=report.place, name=report.place, country_code=report.country, lat=report.lat,
                        lon=report.lon, precision=GeoPrecision.TOWN)
    casualties = [Casualty(kind, VictimGroup.ALL, n, n, f"{n} {kind}")
                  for kind, n in ((CasualtyKind.KILLED, report.killed), (CasualtyKind.INJURED, report.injured))
                  if n is not None]
    actors = [Actor(ActorRole.INITIATOR, report.actor, name=report.actor)]
    event = Event(id=f"ev-{report.document_id.replace('/', '-')}", document_id=report.document_id,
                  event_type=report.event_type, sub_event_type=report.sub_event_type, date=report.date,
                  date_precision=DatePrecision.DAY, location=location, actors=actors, casualties=casualties,
                  attribution=Attribution(source=report.source, side=report.side, stance=report.stance),
                  disputed_by=report.disputes,
                  evidence=[Span(report.evidence, start, start + len(report.evidence))])
    figures = [IncidentCasualty(c.kind, c.group, c.min, c.min, c.max) for c in casualties]
    incident = Incident(id=f"inc-{report.document_id.replace('/', '-')}", event_type=report.event_type,
                        sub_event_type=report.sub_event_type, date_start=report.date, date_end=report.date,
                        location=location, actors=actors, casualties=figures,
                        sources=[IncidentSource(report.source, report.side, report.document_id)],
                        status=report.status, event_ids=[event.id],
                        history=[HistoryEntry(report.date, report.document_id, figures, report.status)])
    return DocumentResult(document=document, events=[event], incidents=[incident])


def sample_reports() -> list[Report]:
    """Three reports in two countries, three types and three statuses."""
    return [
        Report("news/stepanakert.txt", "Azerbaijani forces shelled Stepanakert on Tuesday. Two people were killed.",
               "Azerbaijani forces shelled Stepanakert", "2023-09-19", "Stepanakert", "AZ", 39.8177, 46.7528,
               "Explosions/Remote violence", "Shelling/artillery/missile attack", IncidentStatus.SINGLE_SOURCE,
               "Military Forces of Azerbaijan", "Gegham Stepanyan", "Artsakh", killed=2, injured=11),
        Report("news/mines.txt", "Baku said six soldiers were killed by landmines. Stepanakert denied the claims.",
               "six soldiers were killed by landmines", "2023-09-26", "Askeran", "AZ", 39.9391, 46.8316,
               "Explosions/Remote violence", "Remote explosive/landmine/IED", IncidentStatus.CONTESTED,
               "Defense Army of Artsakh", "Baku", "AZ", stance=Stance.ALLEGED, killed=6,
               disputes=[Dispute("Official Stepanakert", "Artsakh", "denied the claims")]),
        Report("news/kherson.txt", "Fighting broke out near Kherson. No casualties were reported.",
               "Fighting broke out near Kherson", "2023-10-05", "Kherson", "UA", 46.6354, 32.6169,
               "Battles", "Armed clash", IncidentStatus.CORROBORATED, "Military Forces of Russia", "Ukrinform", "UA"),
    ]


def build_database(path: str, reports: list[Report]) -> str:
    """A SQLite database at ``path`` holding ``reports``; returns the path."""
    with Repository.open(path) as repo:
        for report in reports:
            repo.save_result(result_of(report))
    return path
