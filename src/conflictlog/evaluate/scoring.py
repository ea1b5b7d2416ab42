"""Score a set of exported records against gold documents: every metric at once.

    group_records(records) -> dict[str, list[record]]     records by document id
    score_documents(golds, records_by_document) -> Scores  metric -> tally, None when gold has no values
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .matching import Incident, Record, initiator_units
from .metrics import (
    ACCURACY_METRICS, COUNT_FIELDS, F1_METRICS, AccuracyTally, F1Tally, Tally, located_incidents, score_count,
    score_date, score_perp_certainty, score_perpetrator, score_place, score_relevance, score_types,
)

GoldDocument = Mapping[str, Any]
Scores = dict[str, Tally | None]


def group_records(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Records by document id; an incident fused from several documents is listed under each."""
    by_document: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        ids = record.get("document_id", record.get("document_ids"))
        for document_id in ids if isinstance(ids, list) else [ids]:
            by_document[str(document_id)].append(record)
    return dict(by_document)


def score_documents(golds: Iterable[GoldDocument], records_by_document: Mapping[str, Sequence[Record]]) -> Scores:
    """Every metric over the gold documents; a metric no gold document has a value for is None."""
    f1 = {metric: F1Tally() for metric in F1_METRICS}
    accuracy = {metric: AccuracyTally() for metric in ACCURACY_METRICS}
    with_gold: set[str] = set()
    for document in golds:
        gold = document.get("gold") or {}
        incidents = gold.get("incidents") or []
        records = records_by_document.get(str(document["id"]), [])
        with_gold |= metrics_with_gold(gold, incidents)
        _score_document(f1, accuracy, gold.get("relevant"), incidents, records)
    scores: Scores = {metric: (f1[metric] if metric in with_gold else None) for metric in F1_METRICS}
    scores.update({metric: (tally if tally.n else None) for metric, tally in accuracy.items()})
    return scores


def metrics_with_gold(gold: Mapping[str, Any], incidents: Sequence[Incident]) -> set[str]:
    """The F1 metrics this gold document has values for (the others are n/a unless another has)."""
    present = {"relevance"} if gold.get("relevant") is not None else set()
    present |= {field for field in COUNT_FIELDS if any(i.get(field) is not None for i in incidents)}
    present |= {"date"} if any(i.get("date") for i in incidents) else set()
    present |= {"place", "place_specific"} if located_incidents(incidents) else set()
    present |= {"perpetrator"} if any(i.get("perpetrators") for i in incidents) else set()
    return present


def _score_document(f1: Mapping[str, F1Tally], accuracy: Mapping[str, AccuracyTally], relevant: bool | None,
                    incidents: Sequence[Incident], records: Sequence[Record]) -> None:
    score_relevance(f1["relevance"], relevant, incidents, records)
    for field in COUNT_FIELDS:
        score_count(f1[field], field, incidents, records)
    score_date(f1["date"], incidents, records)
    score_place(f1["place"], incidents, records, most_specific_only=False)
    score_place(f1["place_specific"], incidents, records, most_specific_only=True)
    actors = initiator_units(records)
    score_perpetrator(f1["perpetrator"], incidents, actors)
    score_perp_certainty(accuracy["perp_certainty"], incidents, actors)
    score_types(accuracy, incidents, records)
