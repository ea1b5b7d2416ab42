"""The evaluate job: ingest a gold file's texts into a scratch database, export, score.

The gold answers never reach the pipeline: documents are written without ``gold`` to a
temporary JSONL file, ingested like any user input, and the events exported as format v1
records exactly as ``conflictlog export --level events`` writes them.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

from ..config import FieldMap, Settings
from ..report.from_store import export_database
from ..run.ingest import ingest
from .gold import read_gold, write_inputs
from .report import EvaluationReport
from .scoring import group_records, score_documents


def evaluate(gold_path: str | Path, settings: Settings, *, limit: int | None = None,
             jobs: int | None = 1) -> EvaluationReport:
    """Score the pipeline on the first ``limit`` documents (all when None) of ``gold_path``.

    ``settings.db`` is not touched: the run uses a scratch SQLite database removed afterwards.
    Raises InputError for a bad gold file, ModelError when the spaCy pipeline cannot load.
    """
    golds = read_gold(gold_path, limit)
    with tempfile.TemporaryDirectory(prefix="conflictlog-eval-") as scratch:
        inputs, db = Path(scratch) / "documents.jsonl", str(Path(scratch) / "eval.sqlite")
        write_inputs(golds, inputs)
        scratch_settings = settings.with_overrides(db=db, fields=FieldMap())
        summary = ingest([str(inputs)], scratch_settings, jobs=jobs)
        records = exported_events(db)
    by_document = group_records(records)
    gold_ids = {str(document["id"]) for document in golds}
    return EvaluationReport(
        gold_path=str(gold_path), documents=len(golds), records=len(records),
        scores=score_documents(golds, by_document),
        records_other_documents=sum(len(v) for k, v in by_document.items() if k not in gold_ids),
        rejected={str(reason): count for reason, count in summary.rejected.items()},
        ingest_seconds=summary.seconds, jobs=jobs, records_exported=records,
    )


def exported_events(db: str) -> list[dict[str, Any]]:
    """The events of ``db`` as format v1 records, validated and serialized as the export writes them."""
    buffer = io.BytesIO()
    export_database(db, "events", "jsonl", buffer)
    return [json.loads(line) for line in buffer.getvalue().decode("utf-8").splitlines() if line.strip()]
