"""Identifying evidence: type and day alone never merge two reports (fictional profiles)."""

from __future__ import annotations

from conflictlog.fuse.profile import MemberProfile, key_terms
from conflictlog.fuse.score import TermRarity, score_pair


def profile(document_id: str, **features) -> MemberProfile:
    base = dict(member_id=f"m-{document_id}", document_id=document_id, published="1989-08-18",
                outlet="x", event_type="Violence against civilians", date="1989-08-18", country_code="CO")
    return MemberProfile(**{**base, **features})


def test_same_country_type_and_day_with_one_killed_do_not_merge() -> None:
    pair = score_pair(profile("a", figures={"killed/all": [1, 1]}), profile("b", figures={"killed/all": [1, 1]}))
    assert pair.score >= 0.62 and not pair.merges
    assert "identifying evidence: none" in pair.reasons


def test_same_town_and_agreeing_figures_merge() -> None:
    town = dict(place="soacha", lat=4.58, lon=-74.22, figures={"killed/all": [1, 1], "injured/all": [3, 3]})
    assert score_pair(profile("a", **town), profile("b", **town)).merges


def test_rare_names_in_common_merge_without_a_place() -> None:
    names = ["galan", "soacha", "valencia", "liberal"]
    rarity = TermRarity.of([names, names] + [["bogota"]] * 40)
    assert score_pair(profile("a", terms=names), profile("b", terms=names), rarity).merges


def test_a_copy_needs_no_evidence() -> None:
    assert score_pair(profile("a"), profile("b", original_id="a")).merges


def test_contractions_and_caption_words_are_no_names() -> None:
    # quotes open sentences with "That's", "We're", "You": every report has them, no incident is told by them
    text = "\"That's not right. We're scared. You can't sleep,\" Ada Quillan said. View Full Caption"
    assert key_terms(text) == ["ada", "quillan"]
