"""What one evaluation run found: the scores, what was scored, and how long it took."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .metrics import ACCURACY_METRICS, AccuracyTally, F1Tally
from .scoring import Scores

_HEADER = f"{'metric':<21}{'P':>7}{'R':>7}{'F1':>7}{'tp_pred':>9}{'fp':>6}{'tp_gold':>9}{'fn':>6}{'ignored':>9}"


@dataclass(slots=True)
class EvaluationReport:
    """Scores of the pipeline on one gold file (``scores``: metric -> tally, None when n/a)."""

    gold_path: str
    documents: int
    records: int
    scores: Scores
    records_other_documents: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    ingest_seconds: float = 0.0
    jobs: int | None = 1
    records_exported: list[dict[str, Any]] = field(default_factory=list, repr=False)  # to read errors by

    def values(self) -> dict[str, float]:
        """Headline number per scored metric: F1, or accuracy for the accuracy metrics."""
        return {metric: tally.value for metric, tally in self.scores.items() if tally is not None}

    def score_line(self) -> str:
        """'score: relevance=0.9612 killed=...' (the line tools grep for)."""
        return "score: " + " ".join(f"{metric}={value:.4f}" for metric, value in self.values().items())

    def text(self) -> str:
        """A summary line, one table row per metric, and the score line."""
        summary = (f"gold {self.gold_path}: {self.documents} documents; {self.records} records exported "
                   f"({self.ingest_seconds:.1f} s ingest, jobs={self.jobs})")
        rows = [_row(metric, tally) for metric, tally in self.scores.items()]
        return "\n".join([summary, _HEADER, *rows, self.score_line()])

    def as_json(self) -> dict[str, Any]:
        """Everything in the report as plain JSON values."""
        return {"gold": self.gold_path, "documents": self.documents, "records": self.records,
                "records_other_documents": self.records_other_documents, "rejected": self.rejected,
                "ingest_seconds": round(self.ingest_seconds, 3), "jobs": self.jobs,
                "metrics": {m: (t.as_dict() if t is not None else None) for m, t in self.scores.items()},
                "score": self.values()}


def _row(metric: str, tally: F1Tally | AccuracyTally | None) -> str:
    label = f"{metric} (acc)" if metric in ACCURACY_METRICS else metric
    if tally is None:
        return f"{label:<21}    n/a"
    if isinstance(tally, AccuracyTally):
        return f"{label:<21}{tally.accuracy:>7.3f}  ({tally.correct}/{tally.n})"
    return (f"{label:<21}{tally.precision:>7.3f}{tally.recall:>7.3f}{tally.f1:>7.3f}{tally.tp_pred:>9}"
            f"{tally.fp:>6}{tally.tp_gold:>9}{tally.fn:>6}{tally.ignored:>9}")
