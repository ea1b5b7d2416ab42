"""Assemble a situation report (``Sitrep``) from incidents, their events and their reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...models import ActorRole, CasualtyKind, Document, Event, Incident, Location
from ..tables import casualty_cell
from . import claims
from .changes import compare, history_changes, snapshot
from .charts import map_png, timeline_png
from .content import Change, Headline, Note, Row, Sitrep
from .figures import HEADLINE_VIEWS, incident_range, independent_sources, total_range
from .selection import Scope, select_incidents

_HEADLINE_NOTE_LIMIT = 30


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything a report is built from: the stored records, already read."""

    incidents: Sequence[Incident]
    events: Sequence[Event]
    documents: Mapping[str, Document]


def build_sitrep(data: ReportInput, scope: Scope, previous_state: Mapping[str, Any] | None = None,
                 *, charts: bool = True) -> tuple[Sitrep, dict[str, Any]]:
    """The report over the incidents in ``scope``, and the state to save for the next ``--since-last``."""
    incidents = select_incidents(data.incidents, scope)
    rows_by_id = {incident.id: number for number, incident in enumerate(incidents, start=1)}
    events = _events_by_incident(data.events, rows_by_id)
    notes = _notes(incidents, events, rows_by_id, data.documents)
    names = {doc_id: _short_name(doc_id, document) for doc_id, document in data.documents.items()}
    rows = [_row(incident, rows_by_id[incident.id], events[incident.id], notes, names) for incident in incidents]
    state = snapshot(scope.key(), incidents, {row.incident.id: _label(row) for row in rows})
    report = Sitrep(
        title=f"Situation report: {scope.place()}, {scope.period()}",
        scope=scope.place(), period=scope.period(), data_as_of=_data_as_of(incidents, data.documents),
        headlines=_headlines(incidents, rows), incident_count=len(incidents),
        source_count=len(independent_sources((s for i in incidents for s in i.sources), names)),
        report_count=len({s.document_id for i in incidents for s in i.sources}),
        rows=rows, contests=claims.contests(incidents, events, rows_by_id, notes),
        changes=compare(previous_state, state, rows_by_id) if previous_state else [],
        since_last=_since_last(previous_state, scope), developing=_developing(incidents, rows_by_id),
        caveats=_caveats(data.incidents, incidents, scope), notes=[n for ns in notes.values() for n in ns],
    )
    if charts:
        report.map_png, report.timeline_png = map_png(incidents, rows_by_id), timeline_png(incidents)
    return report, state


def _events_by_incident(events: Iterable[Event], wanted: Mapping[str, int]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.incident_id in wanted:
            grouped[event.incident_id].append(event)
    return {incident_id: sorted(grouped[incident_id], key=lambda e: (e.document_id, e.id)) for incident_id in wanted}


def _notes(incidents: Sequence[Incident], events: Mapping[str, list[Event]], rows: Mapping[str, int],
           documents: Mapping[str, Document]) -> dict[str, list[Note]]:
    """One numbered note per event, in table order: the evidence behind every figure."""
    notes: dict[str, list[Note]] = {}
    number = 0
    for incident in incidents:
        notes[incident.id] = []
        for event in events[incident.id]:
            number += 1
            notes[incident.id].append(_note(number, rows[incident.id], event, documents.get(event.document_id)))
    return notes


def _note(number: int, row: int, event: Event, document: Document | None) -> Note:
    attribution = event.attribution
    speaker = attribution.source or (f"{attribution.via} (relayed)" if attribution.via else "(unattributed)")
    quote = " … ".join(" ".join(span.text.split()) for span in event.evidence)
    return Note(number, row, event.id, speaker, attribution.side, str(attribution.stance),
                _report_name(event.document_id, document), document.url if document else None, quote)


def _report_name(document_id: str, document: Document | None) -> str:
    if document is None:
        return document_id
    name = document.title or document.document_id
    outlet = f"{document.source}, " if document.source else ""
    return f"{name} ({outlet}{document.published or 'undated'})"


def _row(incident: Incident, number: int, events: list[Event], notes: Mapping[str, list[Note]],
         report_names: Mapping[str, str]) -> Row:
    numbers = {event.id: note.number for event, note in zip(events, notes[incident.id])}
    return Row(number=number, incident=incident, dates=_dates(incident),
               place=_place(incident.location), kind=incident.sub_event_type or incident.event_type,
               actors=_initiators(incident.actors),
               killed=casualty_cell(incident.casualties, CasualtyKind.KILLED),
               injured=casualty_cell(incident.casualties, CasualtyKind.INJURED),
               sources="; ".join(independent_sources(incident.sources, report_names)),
               notes_killed=_supporting(events, numbers, CasualtyKind.KILLED),
               notes_injured=_supporting(events, numbers, CasualtyKind.INJURED),
               notes=tuple(numbers.values()))


def _supporting(events: list[Event], numbers: Mapping[str, int], kind: CasualtyKind) -> tuple[int, ...]:
    return tuple(numbers[e.id] for e in events if any(c.kind == kind for c in e.casualties))


def _headlines(incidents: Sequence[Incident], rows: Sequence[Row]) -> list[Headline]:
    headlines = []
    for label, kind, view in HEADLINE_VIEWS:
        contributing = [(row, r) for row in rows if (r := incident_range(row.incident, kind, view)) is not None]
        supporting = [n for row, _ in contributing
                      for n in (row.notes_killed if kind is CasualtyKind.KILLED else row.notes_injured)]
        headlines.append(Headline(label, total_range(r for _, r in contributing),
                                  tuple(row.number for row, _ in contributing), tuple(supporting[:_HEADLINE_NOTE_LIMIT])))
    return headlines


def _label(row: Row) -> str:
    return f"#{row.number} {row.kind} in {row.place} on {row.dates}"


def _data_as_of(incidents: Sequence[Incident], documents: Mapping[str, Document]) -> str:
    dates = [documents[s.document_id].published for i in incidents for s in i.sources
             if s.document_id in documents and documents[s.document_id].published]
    return max(dates) if dates else "no dated reports"


def _since_last(previous: Mapping[str, Any] | None, scope: Scope) -> str | None:
    if previous is None:
        return None
    if previous.get("first"):
        return "no earlier report written to this file: every incident is new"
    if previous.get("scope") != scope.key():
        return f"the last report saved here, which covered {previous.get('scope')} (a different scope)"
    return "the last report written to this file"


def _developing(incidents: Sequence[Incident], rows: Mapping[str, int]) -> list[Change]:
    return [change for incident in incidents for change in history_changes(incident, rows[incident.id])]


def _caveats(stored: Sequence[Incident], chosen: Sequence[Incident], scope: Scope) -> list[str]:
    caveats = [
        "Figures are read automatically from news reports and are only as good as those reports; every figure "
        "is footnoted to the sentences it was read from.",
        "Each incident's range runs from the lowest to the highest figure any source gave; 'best' is the fused "
        "best estimate. Totals add the incidents' ranges; a trailing '+' means at least one source gave only "
        "a lower bound ('at least').",
        "Civilian and child totals count only incidents whose sources give a figure for that group; victims "
        "reported without a group appear in the overall figures only. Children and women are counted among "
        "civilians.",
        "Status: 'single source' means one report (however many people it quotes) carries the incident; "
        "'corroborated' means several reports agree; 'contested' means sources or sides disagree; 'denied' "
        "means a party denies it happened. Claims by a party to the conflict are shown as that party's claims.",
        "Independent sources count distinct speakers across reports; an unattributed statement counts as its "
        "report's own voice, and a short name is folded into the longer name it ends ('Stepanyan' into "
        "'Gegham Stepanyan').",
        "Places resolved only to a region or a country are drawn at its centre. Country outlines: Natural "
        "Earth 1:10m (public domain).",
    ]
    undated = sum(1 for i in stored if i.date_start is None)
    if (scope.date_from or scope.date_to) and undated:
        caveats.append(f"{undated} stored incident(s) have no date and are left out of any dated period.")
    unlocated = sum(1 for i in chosen if i.location.lat is None or i.location.lon is None)
    if unlocated:
        caveats.append(f"{unlocated} incident(s) in this report have no coordinates and are missing from the map.")
    return caveats



def _dates(incident: Incident) -> str:
    start, end = incident.date_start, incident.date_end
    if not start:
        return "undated"
    return start if end in (None, start) else f"{start} to {end}"


def _place(location: Location) -> str:
    name = location.name or location.text or "unknown place"
    return f"{name}, {location.country_code}" if location.country_code else name


def _initiators(actors: Iterable[Any]) -> str:
    return "; ".join(dict.fromkeys(a.name or a.text for a in actors if a.role == ActorRole.INITIATOR))


def _short_name(document_id: str, document: Document) -> str:
    name = document.source or document.title or document_id
    return name if len(name) <= 40 else name[:39] + "…"
