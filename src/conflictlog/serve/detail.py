"""One incident with everything behind it: claims, sources, disputes, contested figures, articles.

The article text is cut into plain segments and evidence segments here; the templates escape
each segment, so no part of an article ever reaches the browser as markup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..store.queries import QueryStore

_MAX_EVENTS = 1000


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of an article; ``claim`` is the event whose evidence it is, None for plain text.

    ``anchor`` marks the first piece of each claim, the one links to the claim jump to.
    """

    text: str
    claim: str | None = None
    anchor: bool = False


def incident_detail(store: QueryStore, incident_id: str) -> dict[str, Any] | None:
    """The incident, its events, claims, disputes, sources (with titles), contested figures and history."""
    incident = store.incident(incident_id)
    if incident is None:
        return None
    events = store.events(incident_id=incident_id, limit=_MAX_EVENTS).items
    claims = [_claim(event) for event in events]
    return {
        "incident": incident,
        "events": events,
        "claims": claims,
        "disputes": [{**dispute, "event_id": event["id"]} for event in events for dispute in event["disputed_by"]],
        "sources": _sources(store, incident),
        "contested_figures": contested_figures(claims),
        "history": incident["history"],
    }


def contested_figures(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per casualty kind and group, every claim's figure side by side, where claims differ or are disputed."""
    by_figure: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        for casualty in claim["casualties"]:
            by_figure[(casualty["kind"], casualty["group"])].append({
                "event_id": claim["event_id"], "source": claim["source"], "side": claim["side"],
                "stance": claim["stance"], "min": casualty["min"], "max": casualty["max"],
                "text": casualty["text"], "disputed_by": claim["disputed_by"]})
    return [{"kind": kind, "group": group, "claims": figures}
            for (kind, group), figures in sorted(by_figure.items()) if _contested(figures)]


def article_segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """``text`` cut at the evidence ``spans`` (start, end, event id); overlapping spans merge into the first."""
    segments: list[Segment] = []
    anchored: set[str] = set()
    cursor = 0
    for start, end, claim in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], claim, anchor=claim not in anchored))
        anchored.add(claim)
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def articles(store: QueryStore, detail: dict[str, Any]) -> list[dict[str, Any]]:
    """Each report behind the incident with its text cut into segments around the evidence."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for event in detail["events"]:
        spans[event["document_id"]].extend((s["start"], s["end"], event["id"]) for s in event["evidence"])
    found = []
    for document_id, document_spans in spans.items():
        document = store.document(document_id)
        if document is not None:
            found.append({**document, "segments": article_segments(document["text"], document_spans)})
    return found


def _claim(event: dict[str, Any]) -> dict[str, Any]:
    attribution = event["attribution"]
    return {
        "event_id": event["id"], "document_id": event["document_id"], "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"], "date": event["date"],
        "date_start": event["date_start"], "date_end": event["date_end"],
        "source": attribution["source"], "source_role": attribution["source_role"], "side": attribution["side"],
        "stance": attribution["stance"], "via": attribution["via"], "attribution_text": attribution["text"],
        "casualties": event["casualties"], "disputed_by": event["disputed_by"],
        "evidence": [span["text"] for span in event["evidence"]],
    }


def _contested(figures: list[dict[str, Any]]) -> bool:
    distinct = {(figure["min"], figure["max"]) for figure in figures}
    disputed = any(figure["disputed_by"] or figure["stance"] == "denied" for figure in figures)
    return len(distinct) > 1 or disputed


def _sources(store: QueryStore, incident: dict[str, Any]) -> list[dict[str, Any]]:
    titles: dict[str, dict[str, Any] | None] = {}
    listed = []
    for source in incident["sources"]:
        document_id = source["document_id"]
        if document_id not in titles:
            titles[document_id] = store.document(document_id)
        document = titles[document_id] or {}
        listed.append({**source, "title": document.get("title"), "published": document.get("published"),
                       "url": document.get("url")})
    return listed
