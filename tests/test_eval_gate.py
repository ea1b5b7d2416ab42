"""Evaluation gate: the pipeline's scores on fixed dev subsets must not fall below their floors.

HOW TO RAISE A FLOOR (floors only ever go up): after a change that improves quality, run
    conflictlog evaluate ../shared/eval/data/<set>.jsonl --only-first <first>
and set each improved metric's floor in FLOORS to its new score minus 0.01 to 0.02, rounded down
to two decimals (docs/evaluation.md). Never lower a floor to make a change pass: fix the change, or
say in the commit why the metric had to drop.

The gold subsets are pinned by a sha256 of their lines: a changed gold file fails the gate with a
request to re-baseline (measure again, then update DIGESTS and FLOORS together).
Skipped when ../shared/eval (the dev sets) is absent. Each set is ingested once (about 100 s in all
on a 2-core machine).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from conflictlog.config import Settings
from conflictlog.evaluate import EvaluationReport, evaluate

# metric -> lowest acceptable score (F1; accuracy for event_type, sub_event_type, perp_certainty).
# Baseline 2026-11-24 (after 3cd7fd1): muc4 first 400, gvdb all 400, case2021 all 510 (scores in docs/evaluation.md).
# date/place floors raised after d3b5f5e (muc4 date .533 place .589; gvdb date .655 place .564 place_specific .500).
# killed floors raised after running totals and deaths without a kill verb (muc4 killed .462; gvdb killed .599,
# children_killed .667).
# One event per account (fuse/accounts.py): muc4 killed .497 injured .500 perpetrator .436; gvdb killed .676
# injured .545 children_killed .706 children_injured .421.
# Unattributed narrative joins the happening's one named speaker: muc4 killed .502 injured .504; gvdb killed .718
# injured .592 children_killed .727 children_injured .444.
# Hurt states ("left in critical condition", "with gunshot wounds") and "shot at" as no hit: gvdb injured .636
# children_injured .571 (killed .717).
# People only said to be hit are among the dead another account of the happening tells: gvdb injured .654.
# A narrative with figures joins the one speaker giving figures: gvdb killed .731 injured .673; muc4 killed .503
# injured .508.
# Scene from cue phrases, US counties, local-site datelines (6f89cba, befab88, b04a06b): gvdb place .594
# place_specific .561.
# Places (issue 4: city owning its section, neighbourhoods, intersections, residences, hospitals taken to, county
# modifiers, own names over alternate names, demonyms, headline and outlet scenes): gvdb place .681
# place_specific .641; muc4 place .616 place_specific .389.
# perp_certainty is the one floor taken DOWN (.46 -> .43), on purpose: it is an accuracy over the perpetrators
# that were matched, and perpetrator F1 rose from .35 to .44 (5aba6e3), so the matched set grew from 73 to 83
# with 35 -> 37 right: more right answers, a lower share. Raise it again when certainty improves.
# Perpetrators outside the trigger's syntax, allegations accuse, kinds of acts and judged acts tell no event,
# 'also killed' adds (6360ff8, 79ea087): muc4 relevance .803 killed .513 injured .513 perpetrator .531
# perp_certainty .661 (gvdb killed .731 injured .673, case event_type .768: those floors unchanged).
# Session of 2026-11-25 (casualty readings and one figure per happening, generic and figurative mentions
# dropped, dates of nights, passives and aftermath, places in passing, a person shot, hit people as the dead
# told before): muc4 killed .598 injured .550 date .615 place .647 place_specific .410 perpetrator .549
# event_type .757 (relevance .810, sub_event_type .730, perp_certainty .661); gvdb relevance .991 killed .810
# injured .722 children_killed .765 children_injured .571 date .700 place .710 place_specific .670.
# Session of 2026-11-25 (2): coarse dates exported as ranges, habits and statistics tell no event, the doer
# held responsible, companions and apposed lists counted, scene settlements and places in passing, names as
# written, US neighbourhoods: muc4 relevance .811 killed .611 injured .598 date .613 place .664 place_specific
# .420 perpetrator .559 event_type .757 perp_certainty .689; gvdb killed .832 injured .746 children_injured .600
# date .699 place .742 place_specific .714.
FLOORS: dict[str, dict[str, float]] = {
    "muc4_dev": {"relevance": 0.80, "killed": 0.60, "injured": 0.58, "date": 0.60, "place": 0.65,
                 "place_specific": 0.40, "perpetrator": 0.54, "event_type": 0.74, "sub_event_type": 0.71,
                 "perp_certainty": 0.67},
    "gvdb_dev": {"relevance": 0.97, "killed": 0.81, "injured": 0.73, "children_killed": 0.74,
                 "children_injured": 0.58, "date": 0.68, "place": 0.72, "place_specific": 0.70},
    "case2021_dev": {"relevance": 0.91, "event_type": 0.76, "sub_event_type": 0.66},
}


@dataclass(frozen=True)
class Subset:
    """The first ``first`` documents of a dev set, pinned by the sha256 of their lines."""

    first: int
    sha256: str


SUBSETS = {
    "muc4_dev": Subset(400, "f652e31c320145659ad05712487418c315faae859a7eb133c496beacc242900e"),
    "gvdb_dev": Subset(400, "b2323573cab363b75672d0bc12cc8cabb87eba5551cb8596febf2c38baac39e4"),
    "case2021_dev": Subset(510, "0335d24cb722cd1b89aa85aca83d8ba73083f32c704aad4d86e77b2e8739e11f"),
}
DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason="no dev sets: ../shared/eval/data is absent (gate not run)"),
]


def subset_digest(path: Path, first: int) -> str:
    """sha256 of the first ``first`` non-blank lines of a gold file, as stored."""
    with open(path, "rb") as stream:
        lines = [line for line in stream if line.strip()][:first]
    return hashlib.sha256(b"".join(lines)).hexdigest()


_reports: dict[str, EvaluationReport] = {}


def report_for(dev_set: str) -> EvaluationReport:
    """The pipeline's scores on a dev subset, ingested once per test session."""
    if dev_set not in _reports:
        _reports[dev_set] = evaluate(DATA / f"{dev_set}.jsonl", Settings(), limit=SUBSETS[dev_set].first)
    return _reports[dev_set]


def test_every_floored_set_is_pinned() -> None:
    assert set(FLOORS) == set(SUBSETS)


@pytest.mark.parametrize("dev_set", sorted(SUBSETS))
def test_gold_subset_is_the_baselined_one(dev_set: str) -> None:
    subset = SUBSETS[dev_set]
    digest = subset_digest(DATA / f"{dev_set}.jsonl", subset.first)
    assert digest == subset.sha256, (
        f"the first {subset.first} documents of {dev_set}.jsonl changed since the floors were set: "
        f"re-baseline (run conflictlog evaluate on them, set FLOORS from the new scores, "
        f"and SUBSETS[{dev_set!r}].sha256 = {digest!r})")


@pytest.mark.parametrize("dev_set, metric", [(s, m) for s, floors in FLOORS.items() for m in floors])
def test_score_reaches_floor(dev_set: str, metric: str) -> None:
    report = report_for(dev_set)
    tally = report.scores[metric]
    assert tally is not None, f"{metric} is no longer scored on {dev_set}: the gold subset changed, re-baseline"
    floor = FLOORS[dev_set][metric]
    assert tally.value >= floor, (
        f"{dev_set} {metric} fell to {tally.value:.4f} (floor {floor:.2f}); full table:\n{report.text()}")
