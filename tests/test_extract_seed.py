"""The seed article: structure of what the extractor reads from it (from the text, not the gold file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlog.extract import Extractor, load_pipeline
from conflictlog.models import Document, Mention, content_hash

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"
EXPLOSIONS = "Explosions/Remote violence"


@pytest.fixture(scope="module")
def mentions() -> list[Mention]:
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip("the shared seed corpus is not next to this checkout")
    text = files[0].read_text(encoding="utf-8")
    document = Document(document_id="seed", text=text, content_hash=content_hash(text), published="2023-09-19")
    return Extractor(load_pipeline()).extract(document)


def _places(mention: Mention) -> set[str]:
    return {p.text for p in mention.place_spans}


def test_bombardment_of_stepanakert_with_its_casualties_in_one_group(mentions: list[Mention]) -> None:
    bombing = [m for m in mentions if m.event_type == EXPLOSIONS and "Stepanakert" in _places(m)]
    assert bombing
    group = [m for m in mentions if m.group == bombing[0].group]
    assert any(c.kind == "killed" for m in group for c in m.casualties)
    assert any("Stepanyan" in (m.attribution.source or "") for m in group)


def test_landmine_claim_is_disputed_and_kept_apart(mentions: list[Mention]) -> None:
    landmine = [m for m in mentions if m.sub_event_type == "Remote explosive/landmine/IED"]
    assert len(landmine) == 1
    claim = landmine[0]
    assert claim.attribution.source == "Baku" and claim.attribution.stance == "alleged"
    assert [d.source for d in claim.disputed_by] == ["Official Stepanakert"]
    assert all(m.group != claim.group for m in mentions if m is not claim)


def test_askeran_fighting_is_its_own_happening(mentions: list[Mention]) -> None:
    askeran = [m for m in mentions if any("Askeran" in p for p in _places(m))]
    assert askeran and askeran[0].event_type in {EXPLOSIONS, "Battles"}
    stepanakert_groups = {m.group for m in mentions if "Stepanakert" in _places(m)}
    assert askeran[0].group not in stepanakert_groups


def test_advance_and_build_up_are_found_and_denial_and_history_are_not_events(mentions: list[Mention]) -> None:
    assert any(m.event_type == "Battles" and "advance" in m.evidence[0].text for m in mentions)
    assert any(m.event_type == "Strategic developments" for m in mentions)
    texts = [m.evidence[0].text for m in mentions]
    assert not any("denied" in t for t in texts)
    assert not any("in 2020" in t for t in texts)
