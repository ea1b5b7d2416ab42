"""Compose the per-document stages: text -> extract -> resolve -> accounts -> local fuse.

A ``PipelineSpec`` is the small, picklable description of a pipeline (which spaCy model,
which gazetteer cache); ``build()`` loads the heavy resources once, in whichever process
will use them. Executors (``conflictlog.run.executors``) decide where that happens.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from ..extract import Extractor, load_pipeline
from ..extract.nlp import require_model
from ..fuse.accounts import merge_accounts
from ..fuse.local import fuse_document
from ..models import Document, DocumentResult, Rejected, RejectReason
from ..resolve import Gazetteer, Resolver

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What to load: the spaCy pipeline name (None = best installed) and the gazetteer cache dir."""

    model: str | None = None
    gazetteer_cache: str | None = None

    def prepare(self) -> "PipelineSpec":
        """Check in this process what every worker will need, before any worker starts.

        A missing spaCy pipeline is reported once, as a ModelError, instead of killing each
        worker; the gazetteer cache is compiled once here, not by every worker at the same time.
        """
        from pathlib import Path

        model = require_model(self.model)
        Gazetteer.open(Path(self.gazetteer_cache) if self.gazetteer_cache else None)
        return PipelineSpec(model=model, gazetteer_cache=self.gazetteer_cache)

    def build(self) -> "Pipeline":
        """Load the spaCy pipeline and open the gazetteer (seconds; do it once per process)."""
        from pathlib import Path

        cache = Path(self.gazetteer_cache) if self.gazetteer_cache else None
        return Pipeline(Extractor(load_pipeline(self.model)), Resolver(Gazetteer.open(cache)))


class Pipeline:
    """The stages of one document, with their resources passed in."""

    def __init__(self, extractor: Extractor, resolver: Resolver) -> None:
        self.extractor = extractor
        self.resolver = resolver

    def process(self, documents: Sequence[Document]) -> list[DocumentResult]:
        """Results for a batch, in input order; a document whose processing fails keeps its reason."""
        try:
            pairs = list(self.extractor.extract_many(documents))
        except Exception:  # noqa: BLE001 - one bad document must not sink its batch: retry one by one
            log.debug("batch failed, retrying documents one by one", exc_info=True)
            return [self.process_one(doc) for doc in documents]
        return [self._finish(doc, mentions) for doc, mentions in pairs]

    def process_one(self, document: Document) -> DocumentResult:
        """The result of one document; failures become a ``processing_failed`` rejection."""
        try:
            return self._finish(document, self.extractor.extract(document))
        except Exception as exc:  # noqa: BLE001 - kept with its reason, never dropped
            return failed_result(document, exc)

    def _finish(self, document: Document, mentions) -> DocumentResult:
        try:
            events = merge_accounts(self.resolver.resolve(document, mentions))
            incidents = fuse_document(document, events)
        except Exception as exc:  # noqa: BLE001 - kept with its reason, never dropped
            return failed_result(document, exc)
        return DocumentResult(document=document, events=events, incidents=incidents)


def failed_result(document: Document, exc: BaseException) -> DocumentResult:
    """The result of a document whose processing raised ``exc``: stored, with the reason kept."""
    reason = Rejected(
        origin=document.origin,
        locator=document.locator,
        document_id=document.document_id,
        reason=RejectReason.PROCESSING_FAILED,
        detail=f"{type(exc).__name__}: {exc} (the document is stored; report this as a bug with the document)",
    )
    return DocumentResult(document=document, failure=reason)
