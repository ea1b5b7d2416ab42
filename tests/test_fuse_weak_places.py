"""Places that cannot tell reports apart split none: a place on weak evidence (a headline's or
outlet's town the body never writes), and a place the other report names too.

Fictional reports: "WXYZ News - Springfield" covers a shooting in a town its body names by
street and people only; the fallback gives it the outlet's city, far from where another report
of the same shooting places it. Or both reports name Springfield, and the geocoder put one of
them in a namesake far away.
"""

from __future__ import annotations

from conflictlog.fuse.cluster import block_of, candidate_pairs, cluster_members, share_block
from conflictlog.fuse.profile import MemberProfile, place_words, weak_place
from conflictlog.fuse.score import TermRarity, names_place, score_pair, veto_reason
from conflictlog.models import GeoPrecision, Location

NAMES = ["delmore", "quillan", "farrowby", "ostrander"]
SPRINGFIELD = dict(place="springfield", lat=39.80, lon=-89.64, country_code="US", admin1="Illinois")
DAYTON = dict(place="dayton", lat=39.76, lon=-84.19, country_code="US", admin1="Ohio")


def profile(document_id: str, weak: bool = False, **features) -> MemberProfile:
    base = dict(member_id=f"m-{document_id}", document_id=document_id, published="2016-05-02",
                outlet=f"{document_id}.example", event_type="Violence against civilians", date="2016-05-01",
                terms=NAMES, figures={"killed/all": [1, 1]}, place_weak=weak)
    return MemberProfile(**{**base, **features})


def rarity() -> TermRarity:
    return TermRarity.of([NAMES, NAMES] + [["springfield", "dayton"]] * 40)


def town(name: str, text: str | None) -> Location:
    return Location(text=text, name=name, country_code="US", lat=39.8, lon=-89.6, precision=GeoPrecision.TOWN)


def test_a_town_no_words_placed_and_the_body_never_names_is_weak() -> None:
    assert weak_place(town("Springfield", None), terms=["delmore", "quillan"])


def test_a_town_written_in_the_report_is_firm() -> None:
    assert not weak_place(town("Springfield", "Springfield"), terms=[])
    # a fallback town the body names (a dateline, "Springfield police") is as firm as any
    assert not weak_place(town("Springfield", None), terms=["springfield", "delmore"])
    assert not weak_place(town("Fort Quillan", None), terms=["quillan"])   # "Fort" is too common to count


def test_a_town_of_common_words_only_cannot_be_told_and_stays_firm() -> None:
    assert not weak_place(town("Police", None), terms=[])


def test_firm_places_far_apart_veto_but_a_weak_one_does_not() -> None:
    firm, far = profile("a", **SPRINGFIELD), profile("b", **DAYTON)
    assert veto_reason(firm, far) == "466 km apart"
    assert veto_reason(profile("a", weak=True, **SPRINGFIELD), far) is None


def test_a_weak_place_in_another_country_vetoes_nothing() -> None:
    namesake = dict(place="springfield", lat=-43.3, lon=171.9, country_code="NZ")
    assert veto_reason(profile("a", **namesake), profile("b", **DAYTON)).startswith("different countries")
    assert veto_reason(profile("a", weak=True, **namesake), profile("b", **DAYTON)) is None


def test_a_weak_place_far_away_counts_as_missing_and_identifies_nothing() -> None:
    pair = score_pair(profile("a", weak=True, **SPRINGFIELD), profile("b", **DAYTON), rarity())
    assert any(reason.startswith("places 465.") and "one weak or named by both (0.50)" in reason for reason in pair.reasons)
    assert "same precise place" not in pair.reasons[-1]
    assert pair.merges                                   # on the names they share


def test_the_same_weak_town_still_agrees() -> None:
    pair = score_pair(profile("a", weak=True, **SPRINGFIELD), profile("b", **SPRINGFIELD), rarity())
    assert "same place springfield (1.00)" in pair.reasons


def test_a_weak_member_is_compared_with_members_of_any_cell() -> None:
    weak, other = profile("a", weak=True, **SPRINGFIELD), profile("b", **DAYTON)
    assert block_of(weak) == ("?", "?")
    assert {frozenset((p.member_id, q.member_id)) for p, q in candidate_pairs([weak, other])} == {frozenset(("m-a", "m-b"))}


def test_reports_split_by_firm_places_join_when_one_place_is_weak() -> None:
    firm = [profile("a", **SPRINGFIELD), profile("b", **DAYTON)]
    weak = [profile("a", weak=True, **SPRINGFIELD), profile("b", **DAYTON)]
    assert len(cluster_members(firm, rarity())[0]) == 2
    assert len(cluster_members(weak, rarity())[0]) == 1


def test_a_stored_profile_without_the_flag_reads_as_firm() -> None:
    data = profile("a", **SPRINGFIELD).to_json()
    del data["place_weak"]
    assert MemberProfile.from_json(data).place_weak is False
    assert MemberProfile.from_json(profile("a", weak=True).to_json()).place_weak is True


def test_a_place_the_other_report_names_too_vetoes_nothing() -> None:
    namesake = profile("a", **{**SPRINGFIELD, "lat": 37.21, "lon": -93.29, "admin1": "Missouri"})
    naming = profile("b", terms=NAMES + ["springfield"], **{**SPRINGFIELD, "place": "chatham"})
    assert names_place(naming, namesake) and not names_place(namesake, naming)
    assert veto_reason(namesake, naming) is None
    assert veto_reason(namesake, profile("b", **{**SPRINGFIELD, "place": "chatham"})) is not None


def test_a_member_is_compared_with_reports_naming_its_place_wherever_they_lie() -> None:
    namesake = profile("a", **{**SPRINGFIELD, "country_code": "NZ", "lat": -43.3, "lon": 171.9})
    naming, silent = profile("b", terms=["springfield"], **DAYTON), profile("c", **DAYTON)
    pairs = {frozenset((p.member_id, q.member_id)) for p, q in candidate_pairs([namesake, naming, silent])}
    assert pairs == {frozenset(("m-a", "m-b")), frozenset(("m-b", "m-c"))}
    assert share_block(namesake, naming) and not share_block(namesake, silent)


def test_place_words_are_the_distinctive_words_of_its_name() -> None:
    assert place_words("fort lauderdale") == {"lauderdale"}
    assert place_words("East New York") == {"york"}
    assert place_words(None) == set()
