"""Partitioned re-fuse on real reports: a quarter of the GVA fusion dev set, ingested for real.

The subset is that of ``test_fuse_gate`` (every document of the gold incidents whose GVA id
is divisible by 4). The parts fused apart must give the serial incidents, members and
decisions, and ``conflictlog fuse`` must store the same with 1 and 2 workers.
Skipped when ../shared (the evaluation data) is not next to the repository.
"""

from __future__ import annotations

import copy
import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from conflictlog.cli import main
from conflictlog.fuse.cross import fuse_corpus
from conflictlog.models import to_dict
from conflictlog.run.fusion_parts import fuse_with
from conflictlog.run.fusion_sources import MemoryCorpus
from conflictlog.run.part_runner import InProcessRunner
from conflictlog.store import Repository

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "gva_fusion_dev.jsonl"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="the evaluation data (../shared/eval) is not here")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    quarter = [row for row in rows if int(row["gold"]["incident_id"]) % 4 == 0]
    folder = tmp_path_factory.mktemp("parts")
    inputs, db = folder / "input.jsonl", str(folder / "db.sqlite")
    inputs.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "gold"}) + "\n" for r in quarter))
    assert main(["ingest", str(inputs), "--db", db, "--jobs", "1", "--no-progress"]) == 0
    return db


def stored_corpus(db: str) -> tuple[list, dict]:
    with Repository.open(db, create=False) as repo:
        documents = list(repo.iter_documents())
        events_of = defaultdict(list)
        for event in repo.iter_events():
            events_of[event.document_id].append(event)
    return documents, dict(events_of)


def fused_data(result) -> tuple:
    return ([to_dict(i) for i in result.incidents], [to_dict(d) for d in result.decisions], result.originals)


def test_parts_of_real_reports_equal_the_serial_fusion(database: str) -> None:
    documents, events_of = stored_corpus(database)
    serial = fuse_corpus(documents, copy.deepcopy(events_of))
    assert len(serial.incidents) < len(serial.decisions)       # reports really are fused
    random.Random(2).shuffle(documents)
    parted = fuse_with(InProcessRunner(), MemoryCorpus(documents, copy.deepcopy(events_of)), tasks=8)
    assert fused_data(parted.result) == fused_data(serial)
    assert len(parted.plan.part_sizes) > 20


def stored_fusion(db: str, folder: Path) -> tuple[list[str], dict]:
    exported = folder / "incidents.jsonl"
    assert main(["export", "--db", db, "--level", "incidents", "-o", str(exported)]) == 0
    records = exported.read_text().splitlines()
    with Repository.open(db, create=False) as repo:
        members = {json.loads(r)["id"]: [(p, to_dict(d)) for p, d in repo.incident_members(json.loads(r)["id"])]
                   for r in records}
    return records, members


def test_fuse_command_stores_the_same_with_one_and_two_workers(database: str, tmp_path: Path) -> None:
    assert main(["fuse", "--db", database, "--jobs", "1"]) == 0
    one = stored_fusion(database, tmp_path)
    assert main(["fuse", "--db", database, "--jobs", "2"]) == 0
    two = stored_fusion(database, tmp_path)
    assert one == two
    assert sum(len(m) for m in one[1].values()) > len(one[0])
