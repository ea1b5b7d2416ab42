"""An ingest run stores each batch in one transaction and ends with what storing one by one gives.

Runs on both backends through the ``database`` fixture; the reference is the per-document path
(``save_result`` then fusion, document after document) on a SQLite file.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from conflictlog.config import Settings
from conflictlog.models import DocumentResult, Rejected, to_dict
from conflictlog.run import ingest as ingest_module
from conflictlog.run.ingest import FuseMode, IngestSummary, ingest
from conflictlog.store import Repository

PLACES = ["Mosul", "Aleppo", "Kharkiv", "Gaza", "Kabul", "Mogadishu"]
ACTS = ["Shelling killed {n} civilians in {p} on Monday, officials said.",
        "Gunmen abducted {n} villagers near {p}, police said on Tuesday.",
        "Clashes between the army and rebels near {p} left {n} soldiers dead."]


def write_corpus(folder: Path) -> Path:
    """Reports with an exact copy under another id and a revised version of an id in the same batch."""
    lines = []
    for i in range(36):
        text = ACTS[i % len(ACTS)].format(n=i % 7 + 2, p=PLACES[i % len(PLACES)])
        lines.append({"id": f"doc-{i}", "published": f"2024-03-0{i % 9 + 1}", "text": f"{text} Report {i}."})
    lines.insert(5, {**lines[2], "id": "copy-of-doc-2"})
    lines.insert(9, {**lines[3], "text": "Correction: shelling killed 9 civilians in Gaza on Monday. Report 3."})
    path = folder / "reports.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def stored(db: str) -> dict[str, list]:
    """Everything a run stored, in a comparable order."""
    with Repository.open(db, create=False) as repo:
        return {
            "documents": sorted(json.dumps(to_dict(d), sort_keys=True) for d in repo.iter_documents()),
            "events": sorted(json.dumps(to_dict(e), sort_keys=True) for e in repo.iter_events()),
            "incidents": sorted(json.dumps(to_dict(i), sort_keys=True) for i in repo.iter_incidents()),
            "rejected": sorted(json.dumps(to_dict(r.item), sort_keys=True) for r in repo.iter_rejected()),
        }


def store_one_by_one(repo: Repository, results: list[DocumentResult], summary: IngestSummary,
                     _on_item: object, _fuse_each: bool) -> None:
    """The per-document path the batched writer replaced: one transaction, then fusion, per document."""
    for result in results:
        ingest_module._fuse_and_count(repo, result, repo.save_result(result), summary, fuse_each=True)


def counts(summary: IngestSummary) -> dict:
    """The summary without its timing."""
    return {key: value for key, value in asdict(summary).items() if key != "seconds"}


def test_batched_ingest_stores_what_the_per_document_path_stores(
        database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path)
    batched = ingest([str(corpus)], Settings(db=database), jobs=1)
    reference_db = str(tmp_path / "one_by_one.sqlite")
    with monkeypatch.context() as patch:
        patch.setattr(ingest_module, "_store", store_one_by_one)
        reference = ingest([str(corpus)], Settings(db=reference_db), jobs=1)
    assert counts(batched) == counts(reference)
    assert (batched.added, batched.replaced, batched.duplicates) == (36, 1, 1)
    assert stored(database) == stored(reference_db)


def test_batched_writes_happen_once_per_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path)
    sizes: list[int] = []
    save_results = Repository.save_results

    def counting(repo: Repository, results: list[DocumentResult]) -> list:
        sizes.append(len(results))
        return save_results(repo, results)

    monkeypatch.setattr(Repository, "save_results", counting)
    ingest([str(corpus)], Settings(db=str(tmp_path / "db.sqlite")), jobs=1)
    # 37 new documents in batches of 32; the revised doc-3 in the first batch starts a run of its own.
    assert sizes == [8, 24, 5]


def test_progress_hears_of_a_document_once_it_is_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_corpus(inputs)
    (inputs / "broken.jsonl").write_bytes(b'{"text": "Rebels shelled Gaza."}\n{cut off\n')
    db = str(tmp_path / "db.sqlite")
    heard: list[tuple[str, bool]] = []
    with Repository.open(db) as reader:
        def note(item: object) -> None:
            if isinstance(item, Rejected):
                heard.append(("rejected", True))
            else:
                heard.append((item.document_id, bool(reader.known_hashes([item.content_hash]))))

        summary = ingest([str(inputs)], Settings(db=db), jobs=1, on_item=note)
    assert len(heard) == summary.documents + summary.rejected_total == 38 + 1 + 1
    # Only the exact copy is told before its original is stored: it is done with when read.
    assert [name for name, stored in heard if not stored] == ["copy-of-doc-2"]


def incident_groups(db: str) -> list[list[str]]:
    """Which documents each stored incident holds, in a comparable order."""
    with Repository.open(db, create=False) as repo:
        return sorted(sorted({s.document_id for s in i.sources}) for i in repo.iter_incidents())


def test_a_backfill_fuses_after_extraction_into_the_same_incidents(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    each_db, after_db = str(tmp_path / "each.sqlite"), str(tmp_path / "after.sqlite")
    each = ingest([str(corpus)], Settings(db=each_db), jobs=1)
    after = ingest([str(corpus)], Settings(db=after_db), jobs=2, fuse=FuseMode.AFTER)
    assert counts(after) == counts(each)
    same = stored(after_db)
    assert same["documents"] == stored(each_db)["documents"] and same["events"] == stored(each_db)["events"]
    assert incident_groups(after_db) == incident_groups(each_db)
    with Repository.open(after_db, create=False) as repo:
        assert repo.unfused_document_ids() == []
    again = ingest([str(corpus)], Settings(db=after_db), jobs=1, fuse=FuseMode.AFTER)
    assert (again.added, again.incidents_stored) == (0, after.incidents_stored)
