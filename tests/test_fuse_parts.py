"""The full re-fuse in independent parts equals the serial one (generated FICTIONAL reports)."""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import random
import sys
from pathlib import Path

import pytest

from conflictlog.fuse.cluster import candidate_pairs
from conflictlog.fuse.cross import FusionResult, fuse_corpus, members_of
from conflictlog.fuse.parts import bundle_parts, plan_parts, window_tasks
from conflictlog.models import GeoPrecision, to_dict
from conflictlog.run.fusion_parts import fuse_in_parts, fuse_with
from conflictlog.run.fusion_sources import MemoryCorpus
from conflictlog.run.part_runner import InProcessRunner, make_runner

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "fusion_reports.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("fusion_reports", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def varied_corpus(size: int):
    """Generated reports, some placed only by region, some undated, some of no known country."""
    corpus = load_generator().generate_reports(size, seed=3)
    for number, document in enumerate(corpus.documents):
        for event in corpus.events_of[document.document_id]:
            if number % 7 == 3:
                event.location = dataclasses.replace(event.location, precision=GeoPrecision.REGION)
            if number % 11 == 5:
                event.date = None
            if number % 13 == 6:
                event.location = dataclasses.replace(event.location, country_code=None)
        if number % 11 == 5:
            corpus.documents[number] = dataclasses.replace(document, published=None)
    return corpus


@pytest.fixture(scope="module")
def corpus():
    return varied_corpus(700)


@pytest.fixture(scope="module")
def serial(corpus) -> FusionResult:
    return fuse_corpus(corpus.documents, copy.deepcopy(corpus.events_of))


def as_data(result: FusionResult) -> dict:
    return {"incidents": [to_dict(i) for i in result.incidents], "decisions": [to_dict(d) for d in result.decisions],
            "originals": result.originals,
            "profiles": {k: p.to_json() for k, p in sorted(result.profiles.items())}}


def test_corpus_is_a_real_partitioning_problem(serial) -> None:
    fused = [i for i in serial.incidents if len({s.document_id for s in i.sources}) > 1]
    assert len(fused) > 50 and serial.originals
    assert len(serial.incidents) < len(serial.decisions)


@pytest.mark.parametrize("tasks", [2, 5, 16])
def test_parts_fused_apart_equal_the_whole(corpus, serial, tasks: int) -> None:
    given = MemoryCorpus(corpus.documents, copy.deepcopy(corpus.events_of))
    parted = fuse_with(InProcessRunner(), given, tasks=tasks)
    assert as_data(parted.result) == as_data(serial)
    assert len(parted.plan.part_sizes) > 100 and parted.plan.largest < 40
    assert parted.plan.tasks <= tasks


def test_shuffled_input_gives_the_same_result(corpus, serial) -> None:
    documents = corpus.documents[:]
    random.Random(5).shuffle(documents)
    parted = fuse_with(InProcessRunner(), MemoryCorpus(documents, copy.deepcopy(corpus.events_of)), tasks=6)
    assert as_data(parted.result) == as_data(serial)


def test_one_and_two_worker_processes_agree(corpus, serial) -> None:
    one = fuse_in_parts(corpus.documents, copy.deepcopy(corpus.events_of), jobs=1)
    two = fuse_in_parts(corpus.documents, copy.deepcopy(corpus.events_of), jobs=2)
    assert as_data(one.result) == as_data(two.result) == as_data(serial)
    assert two.plan.tasks > 1


def test_dask_local_cluster_agrees(corpus, serial) -> None:
    pytest.importorskip("distributed")
    small = corpus.documents[:200]
    expected = fuse_corpus(small, copy.deepcopy(corpus.events_of))
    assert as_data(fuse_in_parts(small, copy.deepcopy(corpus.events_of), jobs=2, dask="local").result) == \
        as_data(expected)


def test_every_candidate_pair_is_owned_by_exactly_one_window(corpus) -> None:
    events_of = copy.deepcopy(corpus.events_of)
    profiles = [m.profile for d in corpus.documents for m in members_of(d, events_of[d.document_id])]
    dated = [p for p in profiles if p.date]
    expected = sorted(tuple(sorted((a.member_id, b.member_id))) for a, b in candidate_pairs(dated))
    owned = []
    for task in window_tasks(profiles, 7):
        position = {p.member_id: i for i, p in enumerate(task.members)}
        owned += [tuple(sorted((a.member_id, b.member_id))) for a, b in candidate_pairs(task.members)
                  if min(position[a.member_id], position[b.member_id]) < task.owned]
    assert sorted(owned) == expected and len(expected) > 1000


def test_parts_join_merging_pairs_copies_and_members_of_one_document() -> None:
    document_of = {"a1": "A", "a2": "A", "b1": "B", "c1": "C", "d1": "D", "e1": "E"}
    parts = plan_parts(document_of, [("a2", "c1")], {"D": "B"})
    assert parts == [["A", "C"], ["B", "D"], ["E"]]


def test_bundles_are_few_balanced_and_hold_every_document_once() -> None:
    parts = [[f"d{i}-{k}" for k in range(1 + i % 5)] for i in range(200)]
    weights = {d: 1 for part in parts for d in part}
    bundles = bundle_parts(parts, weights, 4)
    loads = [len(b) for b in bundles]
    assert len(bundles) == 4 and max(loads) - min(loads) <= 5
    assert sorted(d for b in bundles for d in b) == sorted(weights)


def test_negative_jobs_are_refused() -> None:
    from conflictlog.errors import ConfigError

    with pytest.raises(ConfigError):
        make_runner(-2)
