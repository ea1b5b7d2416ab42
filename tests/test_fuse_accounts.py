"""One event per account: a happening's mentions by one speaker are joined, accounts stay apart."""

from conflictlog.fuse.accounts import merge_accounts
from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Dispute, Event, Location, Span, Stance, VictimGroup,
)


def mention(eid, start, *, group=0, source=None, stance=Stance.ASSERTED, casualties=(), disputes=()):
    text = f"sentence {eid}"
    return Event(
        id=eid, document_id="d1", event_type="Violence against civilians", sub_event_type="Attack",
        date="2024-03-01", date_precision=None, location=Location(text="Springfield"), actors=[],
        casualties=list(casualties), attribution=Attribution(source=source, stance=stance),
        disputed_by=list(disputes), evidence=[Span(text, start, start + len(text))], group=group,
    )


def killed(n, text="was killed"):
    return Casualty(CasualtyKind.KILLED, VictimGroup.ALL, n, n, text)


def test_a_death_told_twice_by_one_speaker_is_one_event_counted_once():
    events = merge_accounts([mention("a", 0, source="police", casualties=[killed(1, "a man was killed")]),
                             mention("b", 40, source="police", casualties=[killed(1, "the victim died")])])
    assert len(events) == 1
    assert [(c.kind, c.min, c.max) for c in events[0].casualties] == [(CasualtyKind.KILLED, 1, 1)]
    assert [s.start for s in events[0].evidence] == [0, 40]
    assert events[0].id == "a"


def test_different_speakers_and_happenings_stay_apart():
    events = merge_accounts([mention("a", 0, source="police"), mention("b", 20, source="the mayor"),
                             mention("c", 40, source="police", group=1)])
    assert [e.id for e in events] == ["a", "b", "c"]


def test_a_claim_and_its_denial_are_never_joined():
    claim = mention("a", 0, source="Baku", stance=Stance.ALLEGED, casualties=[killed(6)],
                    disputes=[Dispute(source="Official Stepanakert", side="Artsakh", text="denied")])
    denial = mention("b", 30, source="Baku", stance=Stance.DENIED)
    assert [e.id for e in merge_accounts([claim, denial])] == ["a", "b"]


def test_a_speaker_named_in_full_then_by_surname_is_one_account():
    events = merge_accounts([mention("a", 0, source="Gegham Stepanyan"), mention("b", 30, source="Stepanyan")])
    assert len(events) == 1


def test_people_only_said_to_be_shot_are_the_dead_of_the_account_first():
    shot = Casualty(CasualtyKind.INJURED, VictimGroup.ALL, 1, 1, "a man was shot")
    events = merge_accounts([mention("a", 0, casualties=[shot]), mention("b", 30, casualties=[killed(1, "he died")])])
    assert [(c.kind, c.min) for c in events[0].casualties] == [(CasualtyKind.KILLED, 1)]


def test_the_largest_lower_bound_wins_and_keeps_its_words():
    events = merge_accounts([mention("a", 0, casualties=[killed(2, "two were killed")]),
                             mention("b", 30, casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.ALL, 3, None,
                                                                   "at least three died")])])
    (figure,) = events[0].casualties
    assert (figure.min, figure.max, figure.text) == (3, None, "at least three died")


def test_the_unattributed_narrative_joins_the_happenings_one_named_speaker():
    events = merge_accounts([mention("a", 0, casualties=[killed(1, "a man was shot and killed")]),
                             mention("b", 40, source="police", casualties=[killed(1, "was found dead")])])
    (account,) = events
    assert account.id == "a" and account.attribution.source == "police"
    assert [s.start for s in account.evidence] == [0, 40]
    assert [(c.kind, c.min) for c in account.casualties] == [(CasualtyKind.KILLED, 1)]


def test_the_narrative_stays_apart_when_two_speakers_tell_the_happening():
    events = merge_accounts([mention("a", 0, casualties=[killed(1)]), mention("b", 30, source="police"),
                             mention("c", 60, source="the victim's mother")])
    assert [e.id for e in events] == ["a", "b", "c"]


def test_the_narrative_stays_apart_when_its_figures_disagree():
    events = merge_accounts([mention("a", 0, casualties=[killed(2)]),
                             mention("b", 30, source="police", casualties=[killed(1)])])
    assert [e.attribution.source for e in events] == [None, "police"]


def test_a_narrative_never_joins_a_denial():
    events = merge_accounts([mention("a", 0, casualties=[killed(3)]),
                             mention("b", 30, source="the army", stance=Stance.DENIED)])
    assert [e.id for e in events] == ["a", "b"]


def test_people_only_said_to_be_hit_are_among_the_dead_another_account_tells():
    shot = Casualty(CasualtyKind.INJURED, VictimGroup.ALL, 1, 1, "found him with gunshot wounds")
    events = merge_accounts([mention("a", 0, source="police", casualties=[shot]),
                             mention("b", 40, source="his brother", casualties=[killed(1, "his death")]),
                             mention("c", 80, source="the mayor")])
    assert [[(c.kind, c.min) for c in e.casualties] for e in events] == [[], [(CasualtyKind.KILLED, 1)], []]


def test_a_denied_death_leaves_the_people_hit_injured():
    shot = Casualty(CasualtyKind.INJURED, VictimGroup.ALL, 2, 2, "two men were shot")
    events = merge_accounts([mention("a", 0, source="police", casualties=[shot]),
                             mention("b", 40, source="the army", stance=Stance.DENIED, casualties=[killed(2)])])
    assert [(c.kind, c.min) for c in events[0].casualties] == [(CasualtyKind.INJURED, 2)]


def test_a_narrative_with_figures_joins_the_one_speaker_who_gives_figures():
    events = merge_accounts([mention("a", 0, source="the coroner", casualties=[killed(1, "was shot and killed")]),
                             mention("b", 40, source="Francisco"),
                             mention("c", 80, casualties=[killed(1, "he died")])])
    assert [(e.id, e.attribution.source) for e in events] == [("a", "the coroner"), ("b", "Francisco")]
    assert [s.start for s in events[0].evidence] == [0, 80]


def test_victims_said_to_be_also_killed_add_to_the_first():
    events = merge_accounts([mention("a", 0, casualties=[killed(1, "the minister was assassinated")]),
                             mention("b", 40, casualties=[killed(2, "two of his bodyguards were also killed")]),
                             mention("c", 90, casualties=[killed(2, "two of his bodyguards were also killed")])])
    assert [(c.kind, c.group, c.min) for c in events[0].casualties] == [(CasualtyKind.KILLED, VictimGroup.ALL, 3)]


def test_another_victim_is_not_added():
    events = merge_accounts([mention("a", 0, casualties=[killed(1, "a man was shot dead")]),
                             mention("b", 40, casualties=[killed(1, "another man was killed")])])
    assert [c.min for c in events[0].casualties] == [1]


def injured(n, text):
    return Casualty(CasualtyKind.INJURED, VictimGroup.ALL, n, n, text)


def test_other_people_hurt_add_to_the_first():
    events = merge_accounts([mention("a", 0, casualties=[injured(1, "the senator was wounded")]),
                             mention("b", 40, casualties=[injured(2, "two other persons were wounded")])])
    assert [(c.kind, c.min) for c in events[0].casualties] == [(CasualtyKind.INJURED, 3)]


def test_others_inside_a_list_already_hold_the_first_victim():
    events = merge_accounts([mention("a", 0, casualties=[killed(1, "a man was shot dead")]),
                             mention("b", 40, casualties=[killed(3, "a man and two others were killed")])])
    assert [c.min for c in events[0].casualties] == [3]


def test_the_other_of_a_pair_is_not_more_people():
    events = merge_accounts([mention("a", 0, casualties=[injured(2, "two men were wounded")]),
                             mention("b", 40, casualties=[injured(1, "the other man was found with wounds")])])
    assert [c.min for c in events[0].casualties] == [2]


def test_more_victims_told_by_a_speaker_do_not_keep_the_narrative_apart():
    events = merge_accounts([mention("a", 0, casualties=[injured(8, "eight tourists were injured")]),
                             mention("b", 40, source="police", casualties=[injured(10, "ten other people were also injured")])])
    assert len(events) == 1
    assert [c.min for c in events[0].casualties] == [18]


def injured_of(group, n, text):
    return Casualty(CasualtyKind.INJURED, group, n, n, text)


def test_people_only_said_to_be_hit_are_among_the_more_another_account_counts():
    events = merge_accounts([mention("a", 0, source="police", casualties=[injured(2, "two people were wounded")]),
                             mention("b", 40, source="a neighbour",
                                     casualties=[injured_of(VictimGroup.WOMEN, 1, "the woman was shot")])])
    assert [[c.min for c in e.casualties] for e in events] == [[2], []]


def test_a_hit_child_and_a_wounded_figure_of_another_account_stay():
    events = merge_accounts([mention("a", 0, source="police", casualties=[injured(3, "three people were wounded")]),
                             mention("b", 40, source="a neighbour",
                                     casualties=[injured_of(VictimGroup.CHILDREN, 1, "the boy was shot"),
                                                 injured(1, "one man was wounded")])])
    assert [[c.min for c in e.casualties] for e in events] == [[3], [1, 1]]


def test_everyone_told_as_many_as_a_victim_group_is_that_group():
    son = Casualty(CasualtyKind.KILLED, VictimGroup.CHILDREN, 1, 1, "his son, 16, was shot dead")
    events = merge_accounts([mention("a", 0, source="the father", casualties=[son]),
                             mention("b", 40, source="police", casualties=[killed(1, "he died")])])
    assert [[(c.group, c.min) for c in e.casualties] for e in events] == [[(VictimGroup.CHILDREN, 1)], []]


def test_others_beside_people_of_another_hurt_are_the_rest_of_those():
    events = merge_accounts([mention("a", 0, casualties=[injured(1, "a soldier was wounded")]),
                             mention("b", 40, casualties=[killed(1, "one rebel was killed"),
                                                          injured(5, "five others were wounded")])])
    assert sorted((c.kind.value, c.min) for c in events[0].casualties) == [("injured", 5), ("killed", 1)]
