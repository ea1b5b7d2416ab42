"""Measure the pipeline on annotated data (docs/evaluation.md).

    evaluate(gold_path, settings, *, limit=None, jobs=1) -> EvaluationReport   ingest, export, score
    score_documents(golds, records_by_document) -> Scores                       score records already made
    group_records(records) -> dict[str, list[record]]                           records by document id
    read_gold(path, limit=None) -> list[dict]                                   a gold JSONL file
"""

from __future__ import annotations

from .gold import read_gold, write_inputs
from .metrics import ACCURACY_METRICS, F1_METRICS, METRICS, AccuracyTally, F1Tally
from .report import EvaluationReport
from .run import evaluate, exported_events
from .scoring import Scores, group_records, score_documents

__all__ = [
    "ACCURACY_METRICS",
    "F1_METRICS",
    "METRICS",
    "AccuracyTally",
    "EvaluationReport",
    "F1Tally",
    "Scores",
    "evaluate",
    "exported_events",
    "group_records",
    "read_gold",
    "score_documents",
    "write_inputs",
]
