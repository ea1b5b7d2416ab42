"""Bulk back-fill: documents stored without fusing them, then one partitioned re-fuse (FICTIONAL reports)."""

from __future__ import annotations

import pytest

from conflictlog.run.fusion import finish_backfill, fuse_stored, stored_corpus
from conflictlog.run.fusion_sources import MemoryCorpus, StoredCorpus
from conflictlog.store import Repository
from test_fuse_store import groups, reports


def test_backfill_fuses_the_stored_documents_once(repo: Repository) -> None:
    for item in reports():
        repo.save_result(item)                      # extraction only: nothing fused yet
    assert len(repo.unfused_document_ids()) == 4
    assert finish_backfill(repo, jobs=2) == (2, 4)
    assert groups(repo) == [["courier", "ledger", "post"], ["other"]]
    assert repo.unfused_document_ids() == []
    assert finish_backfill(repo, jobs=2) is None     # finished: running it again does nothing


def test_backfill_gives_what_fusing_each_document_gives(repo: Repository) -> None:
    stored = reports()
    for item in stored[:2]:
        repo.save_result(item)
        fuse_stored(repo, item)
    for item in stored[2:]:
        repo.save_result(item)                      # a back-fill cut off after extraction
    finish_backfill(repo, jobs=1)
    assert groups(repo) == [["courier", "ledger", "post"], ["other"]]


def test_several_workers_read_their_own_documents_from_the_database(repo: Repository) -> None:
    for item in reports():
        repo.save_result(item)
    corpus = stored_corpus(repo, workers_read=True)
    assert isinstance(corpus, StoredCorpus) and corpus.document_ids() == ["courier", "ledger", "other", "post"]
    documents, events_of = corpus.chunk(["ledger", "post"]).load()
    assert [d.document_id for d in documents] == ["ledger", "post"]
    assert documents[0].text.startswith("Artillery shells") and [e.id for e in events_of["post"]] == ["post-e1"]
    assert isinstance(stored_corpus(repo, workers_read=False), MemoryCorpus)


def test_a_dask_cluster_reading_the_database_stores_the_same(repo: Repository) -> None:
    pytest.importorskip("distributed")
    for item in reports():
        repo.save_result(item)
    assert finish_backfill(repo, jobs=2, dask="local") == (2, 4)
    assert groups(repo) == [["courier", "ledger", "post"], ["other"]]
