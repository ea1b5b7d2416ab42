"""Each scoring metric on hand-made gold documents and records: what counts as a hit, a miss, a false alarm."""

from __future__ import annotations

from typing import Any

import pytest

from conflictlog.evaluate import AccuracyTally, F1Tally, group_records, score_documents
from conflictlog.evaluate.matching import (
    actor_certainty, casualty_count, distance_km, normalized, record_day, token_jaccard,
)


def incident(**fields: Any) -> dict[str, Any]:
    """A gold incident with every field unknown except ``fields``."""
    base = {"event_type": None, "sub_event_type": None, "date": None, "places": [], "lat": None, "lon": None,
            "killed": None, "injured": None, "children_killed": None, "children_injured": None,
            "perpetrators": [], "perpetrator_certainty": None, "optional": False}
    return {**base, **fields}


def gold_doc(doc_id: str, *incidents: dict[str, Any], relevant: bool | None = True) -> dict[str, Any]:
    """A gold document with these incidents."""
    return {"id": doc_id, "text": "...", "gold": {"relevant": relevant, "incidents": list(incidents)}}


def record(doc_id: str, **fields: Any) -> dict[str, Any]:
    """An exported event record of ``doc_id``."""
    return {"document_id": doc_id, "event_type": "Battles", **fields}


def killed(n: int, group: str = "all", kind: str = "killed") -> dict[str, Any]:
    """A casualty entry."""
    return {"kind": kind, "group": group, "min": n, "max": None}


def score(golds: list[dict[str, Any]], records: list[dict[str, Any]], metric: str) -> F1Tally | AccuracyTally | None:
    """One metric's tally for these golds and records."""
    return score_documents(golds, group_records(records))[metric]


def counts(tally: F1Tally | None) -> tuple[int, int, int, int, int]:
    """(tp_pred, fp, tp_gold, fn, ignored)."""
    assert tally is not None
    return tally.tp_pred, tally.fp, tally.tp_gold, tally.fn, tally.ignored


# -- helpers -------------------------------------------------------------------------------------


def test_names_are_compared_without_case_accents_or_punctuation() -> None:
    assert normalized("  São-Paulo, BRAZIL! ") == "sao paulo brazil"
    assert token_jaccard("the Farabundo Martí front", "FARABUNDO MARTI FRONT") == 1.0
    assert token_jaccard("", "") == 0.0


def test_distance_km_is_great_circle() -> None:
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.19, abs=0.01)
    assert distance_km((40.0, 44.5), (40.0, 44.5)) == 0.0


def test_casualty_count_takes_the_largest_minimum_of_the_kind() -> None:
    rec = record("d", casualties=[killed(2), killed(7, "civilians"), killed(3, kind="injured"),
                                  {"kind": "killed", "group": "all", "min": True}, "not an entry"])
    assert casualty_count(rec, "killed") == 7
    assert casualty_count(rec, "injured") == 3
    assert casualty_count(rec, "children_killed") is None
    assert casualty_count(record("d", casualties=[killed(4, "children")]), "children_killed") == 4


def test_record_day_prefers_date_then_a_one_day_range() -> None:
    assert record_day({"date": "2020-01-02T10:00:00Z"}) == "2020-01-02"
    assert record_day({"date_start": "2020-01-02", "date_end": "2020-01-02"}) == "2020-01-02"
    assert record_day({"date_start": "2020-01-02"}) == "2020-01-02"
    assert record_day({"date_start": "2020-01-02", "date_end": "2020-01-05"}) is None
    assert record_day({"date": "2020-01"}) is None


def test_actor_certainty_reads_the_first_stance_given() -> None:
    assert actor_certainty({"attribution": "claimed"}, {}) == "claimed"
    assert actor_certainty({"attribution": {"stance": "allegedly"}}, {}) == "suspected"
    assert actor_certainty({"certainty": "possible"}, {}) == "possible"
    assert actor_certainty({}, {"attribution": {"stance": "asserted"}}) == "reported"
    assert actor_certainty({"attribution": "denied"}, {"attribution": {"stance": "asserted"}}) is None


# -- relevance -------------------------------------------------------------------------------------


def test_relevance_counts_documents_with_records() -> None:
    golds = [gold_doc("a", incident()), gold_doc("b", relevant=False), gold_doc("c", incident()),
             gold_doc("d", relevant=None)]
    tally = score(golds, [record("a"), record("a"), record("b"), record("d")], "relevance")
    assert counts(tally) == (1, 1, 1, 1, 0)
    assert tally.f1 == pytest.approx(0.5)


def test_relevance_never_misses_a_document_of_only_optional_incidents() -> None:
    tally = score([gold_doc("a", incident(optional=True))], [], "relevance")
    assert counts(tally) == (0, 0, 0, 0, 0)


def test_relevance_is_not_scored_when_no_document_says() -> None:
    assert score([gold_doc("a", relevant=None)], [record("a")], "relevance") is None


# -- casualty counts ---------------------------------------------------------------------------------


def test_killed_matches_exact_counts_one_to_one() -> None:
    golds = [gold_doc("a", incident(killed=5), incident(killed=2))]
    records = [record("a", casualties=[killed(5)]), record("a", casualties=[killed(5)]),
               record("a", casualties=[killed(0)])]
    assert counts(score(golds, records, "killed")) == (1, 1, 1, 1, 0)


def test_killed_unknown_gold_absorbs_one_unmatched_prediction() -> None:
    golds = [gold_doc("a", incident(killed=3), incident(killed=None))]
    records = [record("a", casualties=[killed(3)]), record("a", casualties=[killed(8)]),
               record("a", casualties=[killed(9)])]
    assert counts(score(golds, records, "killed")) == (1, 1, 1, 0, 1)


def test_killed_optional_incident_is_a_hit_when_found_and_no_miss_when_not() -> None:
    golds = [gold_doc("a", incident(killed=4, optional=True), incident(killed=6, optional=True))]
    assert counts(score(golds, [record("a", casualties=[killed(4)])], "killed")) == (1, 0, 0, 0, 0)


def test_killed_zero_gold_is_known_but_never_a_unit() -> None:
    tally = score([gold_doc("a", incident(killed=0))], [record("a", casualties=[killed(2)])], "killed")
    assert counts(tally) == (0, 1, 0, 0, 0)


def test_injured_reads_only_injured_entries() -> None:
    golds = [gold_doc("a", incident(injured=3))]
    assert counts(score(golds, [record("a", casualties=[killed(3)])], "injured")) == (0, 0, 0, 1, 0)
    assert counts(score(golds, [record("a", casualties=[killed(3, kind="injured")])], "injured")) == (1, 0, 1, 0, 0)


def test_children_counts_read_only_the_children_group() -> None:
    golds = [gold_doc("a", incident(children_killed=2))]
    assert counts(score(golds, [record("a", casualties=[killed(2)])], "children_killed")) == (0, 0, 0, 1, 0)
    assert counts(score(golds, [record("a", casualties=[killed(2, "children")])], "children_killed")) == (1, 0, 1, 0, 0)
    assert score(golds, [], "children_injured") is None


# -- date ------------------------------------------------------------------------------------------------


def test_date_matches_the_set_of_days() -> None:
    golds = [gold_doc("a", incident(date="2020-01-02"), incident(date="2020-01-03"))]
    records = [record("a", date="2020-01-02"), record("a", date="2020-01-02"), record("a", date="2020-02-01")]
    assert counts(score(golds, records, "date")) == (1, 1, 1, 1, 0)


def test_date_optional_and_unknown() -> None:
    golds = [gold_doc("a", incident(date="2020-01-02", optional=True), incident(date=None))]
    records = [record("a", date="2020-01-02"), record("a", date="2021-05-05"), record("a", date="2021-05-06")]
    assert counts(score(golds, records, "date")) == (1, 1, 0, 0, 1)


# -- place ------------------------------------------------------------------------------------------------


def test_place_matches_any_name_or_the_part_before_a_comma() -> None:
    golds = [gold_doc("a", incident(places=["San Miguel", "El Salvador"]))]
    records = [record("a", location={"name": "El Salvador"}), record("a", location={"name": "San Miguel, Usulután"}),
               record("a", location={"name": "Lima"})]
    assert counts(score(golds, records, "place")) == (2, 1, 1, 0, 0)


def test_place_specific_counts_only_the_first_name() -> None:
    golds = [gold_doc("a", incident(places=["San Miguel", "El Salvador"]))]
    tally = score(golds, [record("a", location={"name": "El Salvador"})], "place_specific")
    assert counts(tally) == (0, 1, 0, 1, 0)


def test_place_by_coordinates_within_25_km() -> None:
    golds = [gold_doc("a", incident(lat=39.80, lon=-84.20))]
    near = record("a", location={"name": "Somewhere", "lat": 39.90, "lon": -84.20})   # about 11 km
    far = record("a", location={"name": "Elsewhere", "lat": 40.20, "lon": -84.20})    # about 44 km
    assert counts(score(golds, [near, far], "place")) == (1, 1, 1, 0, 0)


def test_place_units_are_distinct_locations() -> None:
    golds = [gold_doc("a", incident(places=["Kandahar"]))]
    records = [record("a", location={"name": "Kandahar"}), record("a", location={"name": "KANDAHAR"})]
    assert counts(score(golds, records, "place")) == (1, 0, 1, 0, 0)


def test_place_unlocated_incident_absorbs_a_wrong_place() -> None:
    golds = [gold_doc("a", incident(places=["Kandahar"]), incident())]
    assert counts(score(golds, [record("a", location={"name": "Herat"})], "place")) == (0, 0, 0, 1, 1)


# -- perpetrator and its certainty ---------------------------------------------------------------------


def initiator(text: str, **fields: Any) -> dict[str, Any]:
    """An initiator actor entry."""
    return {"role": "initiator", "text": text, **fields}


def test_perpetrator_matches_by_token_jaccard() -> None:
    golds = [gold_doc("a", incident(perpetrators=["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]))]
    records = [record("a", actors=[initiator("the FMLN"), initiator("the army"),
                                   {"role": "target", "text": "FMLN"}])]
    assert counts(score(golds, records, "perpetrator")) == (1, 1, 1, 0, 0)


def test_perpetrator_below_half_overlap_is_a_miss() -> None:
    golds = [gold_doc("a", incident(perpetrators=["urban guerrilla commandos"]))]
    records = [record("a", actors=[initiator("guerrilla forces of the north", name="rebels")])]
    assert counts(score(golds, records, "perpetrator")) == (0, 1, 0, 1, 0)


def test_perp_certainty_counts_only_matched_incidents() -> None:
    golds = [gold_doc("a", incident(perpetrators=["Taliban"], perpetrator_certainty="claimed")),
             gold_doc("b", incident(perpetrators=["ELN"], perpetrator_certainty="suspected")),
             gold_doc("c", incident(perpetrators=["Shining Path"], perpetrator_certainty="reported"))]
    records = [record("a", actors=[initiator("the Taliban", attribution="claimed")]),
               record("b", actors=[initiator("ELN", attribution="reported")]),
               record("c", actors=[initiator("the army", attribution="reported")])]
    tally = score(golds, records, "perp_certainty")
    assert (tally.correct, tally.n) == (1, 2)


def test_perp_certainty_unreadable_stance_is_wrong() -> None:
    golds = [gold_doc("a", incident(perpetrators=["Taliban"], perpetrator_certainty="claimed"))]
    tally = score(golds, [record("a", actors=[initiator("Taliban", attribution="denied")])], "perp_certainty")
    assert (tally.correct, tally.n) == (0, 1)


# -- event types -------------------------------------------------------------------------------------------


def test_event_type_takes_the_record_with_most_casualties() -> None:
    golds = [gold_doc("a", incident(event_type="Protests", sub_event_type="Peaceful protest"))]
    records = [record("a", event_type="Battles", sub_event_type="Armed clash"),
               record("a", event_type="Protests", sub_event_type="Protest with intervention",
                      casualties=[killed(1, kind="injured")])]
    scores = score_documents(golds, group_records(records))
    assert (scores["event_type"].correct, scores["event_type"].n) == (1, 1)
    assert (scores["sub_event_type"].correct, scores["sub_event_type"].n) == (0, 1)


def test_event_type_ties_go_to_the_first_record_and_no_record_is_wrong() -> None:
    golds = [gold_doc("a", incident(event_type="Riots")), gold_doc("b", incident(event_type="Riots"))]
    records = [record("a", event_type="Riots"), record("a", event_type="Battles")]
    tally = score(golds, records, "event_type")
    assert (tally.correct, tally.n) == (1, 2)


def test_event_type_skips_documents_with_several_or_optional_incidents() -> None:
    golds = [gold_doc("a", incident(event_type="Riots"), incident(event_type="Riots")),
             gold_doc("b", incident(event_type="Riots", optional=True))]
    assert score(golds, [record("a", event_type="Riots"), record("b", event_type="Riots")], "event_type") is None


# -- grouping --------------------------------------------------------------------------------------------


def test_incident_records_count_for_each_of_their_documents() -> None:
    grouped = group_records([{"document_ids": ["a", "b"]}, {"document_id": "a"}])
    assert {k: len(v) for k, v in grouped.items()} == {"a": 2, "b": 1}


def test_f1_tally_scores() -> None:
    tally = F1Tally(tp_pred=3, fp=1, tp_gold=3, fn=3)
    assert (tally.precision, tally.recall) == (0.75, 0.5)
    assert tally.f1 == pytest.approx(0.6)
    assert F1Tally().f1 == 0.0
