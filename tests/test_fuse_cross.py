"""Cross-report fusion rules on hand-built documents and events (FICTIONAL reports)."""

import random

import pytest

from conflictlog.fuse.cross import find_originals, fuse_corpus
from conflictlog.fuse.figures import Report, combine_reports, history, reports_status
from conflictlog.fuse.neardup import COPY_SIMILARITY, signature_of
from conflictlog.fuse.profile import MemberProfile, key_terms, outlet_of
from conflictlog.fuse.score import MERGE_THRESHOLD, TermRarity, score_pair
from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Dispute, Document, Event, GeoPrecision, IncidentStatus, Location,
    Span, Stance, VictimGroup, content_hash, to_dict,
)

TOWN = Location(text="Kramatorsk", name="Kramatorsk", country_code="UA", lat=48.72, lon=37.56,
                precision=GeoPrecision.TOWN)
OTHER_TOWN = Location(text="Kherson", name="Kherson", country_code="UA", lat=46.64, lon=32.61,
                      precision=GeoPrecision.TOWN)


def doc(document_id, text, published, url=None):
    return Document(document_id=document_id, text=text, content_hash=content_hash(text), published=published,
                    url=url, source="fictional")


def event(document_id, eid, killed=None, date="2023-03-01", location=TOWN, source=None, side=None,
          stance=Stance.ASSERTED, disputes=(), event_type="Explosions/Remote violence"):
    casualties = [Casualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, killed, killed)] if killed else []
    return Event(id=eid, document_id=document_id, event_type=event_type, sub_event_type=None, date=date,
                 date_precision=None, location=location, actors=[], casualties=casualties,
                 attribution=Attribution(source=source, side=side, stance=stance), disputed_by=list(disputes),
                 evidence=[Span("x", 0, 1)])


SHELLING = "Shelling hit apartment blocks on Shkilna Street in Kramatorsk, governor Pavlo Maren said."


def rising_reports():
    """Three outlets, three days, 2 then 4 then 5 killed."""
    docs = [doc("ledger", SHELLING + " Two killed.", "2023-03-01", "https://daily-ledger.example/a"),
            doc("courier", SHELLING + " Toll rises to four.", "2023-03-02", "https://eastern-courier.example/b"),
            doc("post", SHELLING + " Five dead.", "2023-03-03", "https://frontline-post.example/c")]
    events = {"ledger": [event("ledger", "e1", 2)], "courier": [event("courier", "e2", 4, source="City council")],
              "post": [event("post", "e3", 5, source="Prosecutor")]}
    return docs, events


def test_three_outlets_with_rising_figures_make_one_corroborated_incident():
    docs, events = rising_reports()
    (incident,) = fuse_corpus(docs, events).incidents
    assert sorted(s.document_id for s in incident.sources) == ["courier", "ledger", "post"]
    assert incident.status == IncidentStatus.CORROBORATED
    assert [(c.min, c.best, c.max) for c in incident.casualties] == [(5, 5, 5)]
    assert [(h.document_id, h.casualties[0].best, h.status) for h in incident.history] == [
        ("ledger", 2, IncidentStatus.SINGLE_SOURCE), ("courier", 4, IncidentStatus.CORROBORATED),
        ("post", 5, IncidentStatus.CORROBORATED)]


def test_full_fusion_does_not_depend_on_input_order():
    docs, events = rising_reports()
    docs.append(doc("elsewhere", "A drone hit a bus stop in Kherson.", "2023-03-01"))
    events["elsewhere"] = [event("elsewhere", "e9", 3, location=OTHER_TOWN)]
    expected = [to_dict(i) for i in fuse_corpus(docs, events).incidents]
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert [to_dict(i) for i in fuse_corpus(shuffled, events).incidents] == expected
    assert len(expected) == 2


def test_same_day_same_town_different_attacks_stay_apart():
    bombing = doc("bomb", "A car bomb exploded outside the police headquarters on Vasylkivska Street, "
                          "killing three officers. Investigators found a detonator in a parked Lada.", "2023-06-14")
    market = doc("market", "Gunmen opened fire at the Kvitkova market, killing six civilians. Mayor Oksana "
                           "Levchenko said the attackers fled toward Druzhkivka.", "2023-06-14")
    events = {"bomb": [event("bomb", "b1", 3, date="2023-06-14")],
              "market": [event("market", "m1", 6, date="2023-06-14", event_type="Violence against civilians")]}
    assert len(fuse_corpus([bombing, market], events).incidents) == 2


def test_wire_copies_are_linked_and_never_independent():
    text = "A drone strike killed three civilians at a bus stop on Perekopska Street in Kherson on Monday, " \
           "the regional military administration said. Rescue workers searched the area for more victims."
    docs = [doc("wire", text, "2023-04-10T09:00", "https://wire.example/a"),
            doc("copy1", text + " (Reporting by Wire)", "2023-04-10T12:00", "https://gazette.example/b"),
            doc("copy2", text + " Copyright Valley Tribune.", "2023-04-11", "https://tribune.example/c")]
    events = {d.document_id: [event(d.document_id, f"{d.document_id}-e", 3, date="2023-04-10", location=OTHER_TOWN)]
              for d in docs}
    assert find_originals(docs) == {"copy1": "wire", "copy2": "wire"}
    (incident,) = fuse_corpus(docs, events).incidents
    assert {s.document_id for s in incident.sources} == {"wire", "copy1", "copy2"}
    assert incident.status == IncidentStatus.SINGLE_SOURCE      # three articles, one source


def test_claim_and_denial_of_the_other_side_are_contested():
    claim = Report(doc("claim", "x", "2023-05-06"), [event("claim", "c1", 12, source="Ministry A", side="UA")])
    denial = Report(doc("denial", "y", "2023-05-07"),
                    [event("denial", "d1", source="Ministry B", side="RU", stance=Stance.DENIED)])
    assert reports_status([claim, denial]) == IncidentStatus.CONTESTED
    assert reports_status([denial]) == IncidentStatus.DENIED
    disputed = Report(doc("d2", "z", "2023-05-07"),
                      [event("d2", "x1", 12, source="Kyiv", side="UA", disputes=[Dispute("Moscow", "RU", "denied")])])
    assert reports_status([disputed]) == IncidentStatus.CONTESTED
    assert [(c.min, c.max) for c in combine_reports([claim, denial])] == [(12, 12)]   # a denial gives no figure


def test_sides_giving_figures_that_do_not_overlap_are_contested():
    first = Report(doc("a", "x", "2023-05-06"), [event("a", "a1", 12, source="Ministry A", side="UA")])
    second = Report(doc("b", "y", "2023-05-06"), [event("b", "b1", 2, source="Ministry B", side="RU")])
    assert reports_status([first, second]) == IncidentStatus.CONTESTED


def test_best_is_the_latest_corroborated_figure_and_max_the_largest_claim():
    early = Report(doc("a", "x", "2023-03-01"), [event("a", "a1", 4, source="Police")])
    echo = Report(doc("b", "y", "2023-03-02"), [event("b", "b1", 4, source="Hospital")])
    open_claim = Report(doc("c", "z", "2023-03-03"),
                        [Event(id="c1", document_id="c", event_type="Battles", sub_event_type=None, date=None,
                               date_precision=None, location=Location(), actors=[],
                               casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, 3, 9)],
                               attribution=Attribution(source="Witness"), disputed_by=[], evidence=[])])
    (figure,) = combine_reports([early, echo, open_claim])
    assert (figure.min, figure.best, figure.max) == (4, 4, 9)
    assert [h.document_id for h in history([open_claim, echo, early])] == ["a", "b", "c"]


def profile(member_id, document_id, terms, date="2023-03-01", figures=None, lat=48.72):
    return MemberProfile(member_id=member_id, document_id=document_id, published=date, outlet=document_id,
                         event_type="Violence against civilians", date=date, lat=lat, lon=37.56,
                         country_code="US", figures=figures or {}, terms=terms)


def test_pair_score_explains_itself_and_vetoes_far_apart_dates_and_places():
    a = profile("m1", "d1", ["maren", "shkilna", "22-year-old"], figures={"killed/all": [2, 2]})
    b = profile("m2", "d2", ["maren", "shkilna", "22-year-old"], figures={"killed/all": [2, 2]})
    result = score_pair(a, b)
    assert result.merges and result.score >= MERGE_THRESHOLD
    assert any("name(s) in common" in reason for reason in result.reasons)
    assert score_pair(a, profile("m3", "d3", a.terms, date="2023-04-01")).vetoed == "31 days apart"
    assert "km apart" in score_pair(a, profile("m4", "d4", a.terms, lat=40.0)).vetoed


def test_common_terms_weigh_less_than_rare_ones():
    a, b = profile("m1", "d1", ["chicago", "stroger"]), profile("m2", "d2", ["chicago", "stroger"])
    common = TermRarity.of([["chicago", "stroger"]] * 200)
    assert score_pair(a, b, common).score < score_pair(a, b, TermRarity.of([["chicago", "stroger"]] * 2)).score


def test_key_terms_keep_names_ages_and_house_numbers_not_weekdays():
    terms = key_terms("On Sunday police said Jamal Reed, a 22-year-old man, was shot at 375 Remsen Avenue.")
    assert {"jamal", "reed", "22-year-old", "375", "remsen"} <= set(terms)
    assert "sunday" not in terms and "police" not in terms


def test_near_duplicates_are_similar_and_different_texts_are_not():
    text = " ".join(f"word{i} follows another token in sentence {i % 7}" for i in range(60))
    assert signature_of(text).similarity(signature_of(text + " Copyright Tribune.")) >= COPY_SIMILARITY
    assert signature_of(text).similarity(signature_of(SHELLING)) < 0.2


@pytest.mark.parametrize("url, outlet", [
    ("https://www.daily-ledger.example/a", "daily-ledger.example"),
    ("http://web.archive.org/web/2016/http://www.philly.com/story", "philly.com"),
    (None, "fictional"),
])
def test_outlet_is_the_publishing_host(url, outlet):
    assert outlet_of(doc("d", "t", None, url)) == outlet
