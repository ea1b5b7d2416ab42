"""A happening's figures across its accounts: a figure repeated by several speakers is told once."""

from conflictlog.fuse.accounts import merge_accounts
from conflictlog.models import Attribution, Casualty, CasualtyKind, Event, Location, Span, Stance, VictimGroup


def account(eid, start, *, source=None, group=0, stance=Stance.ASSERTED, casualties=()):
    text = f"sentence {eid}"
    return Event(
        id=eid, document_id="d1", event_type="Violence against civilians", sub_event_type="Attack",
        date="1990-01-12", date_precision=None, location=Location(text="San Pedro"), actors=[],
        casualties=list(casualties), attribution=Attribution(source=source, stance=stance),
        disputed_by=[], evidence=[Span(text, start, start + len(text))], group=group,
    )


def killed(n, text):
    return Casualty(CasualtyKind.KILLED, VictimGroup.ALL, n, n, text)


def figures(events):
    return {e.id: [(c.kind, c.min) for c in e.casualties] for e in events}


def test_a_figure_two_speakers_repeat_stays_with_the_first():
    events = merge_accounts([account("a", 0, source="the mayor", casualties=[killed(3, "three peasants were killed")]),
                             account("b", 40, source="the army", casualties=[killed(3, "the three peasants died")])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 3)], "b": []}


def test_a_named_speaker_keeps_the_figure_the_narrative_repeats():
    events = merge_accounts([account("a", 0, casualties=[killed(2, "two judges were killed")]),
                             account("b", 40, source="police", casualties=[killed(2, "the two judges died")]),
                             account("c", 80, source="the bar association", casualties=[killed(2, "killing two judges")])])
    assert figures(events)["b"] == [(CasualtyKind.KILLED, 2)]
    assert figures(events)["a"] == figures(events)["c"] == []


def test_different_figures_and_different_happenings_are_all_kept():
    events = merge_accounts([account("a", 0, source="police", casualties=[killed(2, "two judges were killed in Cali")]),
                             account("b", 40, source="the rebels", casualties=[killed(10, "ten were killed")]),
                             account("c", 80, source="the rebels", group=1, casualties=[killed(2, "two farmers died in Neiva")])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 2)], "b": [(CasualtyKind.KILLED, 10)],
                               "c": [(CasualtyKind.KILLED, 2)]}


def test_a_denial_keeps_the_figure_it_denies():
    events = merge_accounts([account("a", 0, source="the ministry", casualties=[killed(6, "six were killed")]),
                             account("b", 40, source="the rebels", stance=Stance.DENIED,
                                     casualties=[killed(6, "six were killed")])])
    assert figures(events)["b"] == [(CasualtyKind.KILLED, 6)]


def test_the_others_also_killed_add_to_the_first_count_in_one_mention():
    (event,) = merge_accounts([account("a", 0, source="police", casualties=[
        killed(1, "the minister was assassinated"), killed(2, "two of his bodyguards were also killed")])])
    assert [(c.kind, c.group, c.min) for c in event.casualties] == [(CasualtyKind.KILLED, VictimGroup.ALL, 3)]


def test_a_later_happening_repeating_a_figure_about_the_same_victims_does_not_count_them_again():
    events = merge_accounts([account("a", 0, source="police", casualties=[killed(1, "senator Ruiz was killed")]),
                             account("b", 40, source="the party", group=1, casualties=[killed(1, "Ruiz's murder")]),
                             account("c", 80, source="the party", group=2, casualties=[killed(1, "he died")])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 1)], "b": [], "c": []}


def test_the_same_figure_about_other_named_victims_is_kept():
    events = merge_accounts([account("a", 0, source="police", casualties=[killed(1, "senator Ruiz was killed")]),
                             account("b", 40, source="police", group=1, casualties=[killed(1, "judge Ortega's murder")])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 1)], "b": [(CasualtyKind.KILLED, 1)]}


def hit(n, text, group=VictimGroup.ALL):
    return Casualty(CasualtyKind.INJURED, group, n, n, text)


def test_people_said_hit_in_a_later_happening_are_the_dead_told_earlier():
    dead_girl = Casualty(CasualtyKind.KILLED, VictimGroup.CHILDREN, 1, 1, "shot and killed a teenage girl")
    events = merge_accounts([account("a", 0, casualties=[dead_girl]),
                             account("b", 40, source="investigators", group=1, casualties=[hit(1, "she was shot")]),
                             account("c", 80, source="deputies", group=2,
                                     casualties=[hit(1, "a child was accidentally shot", VictimGroup.CHILDREN)])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 1)], "b": [], "c": []}


def test_people_said_injured_are_not_the_dead_of_another_happening():
    events = merge_accounts([account("a", 0, casualties=[killed(1, "a man was killed")]),
                             account("b", 40, group=1, casualties=[hit(1, "a woman was wounded in the leg")])])
    assert figures(events)["b"] == [(CasualtyKind.INJURED, 1)]


def test_everyone_told_dead_in_a_later_happening_as_many_as_a_group_before_is_that_group():
    boy = Casualty(CasualtyKind.KILLED, VictimGroup.CHILDREN, 1, 1, "the death of a 7-year-old boy")
    events = merge_accounts([account("a", 0, source="police", casualties=[boy]),
                             account("b", 40, group=1, casualties=[killed(1, "he died")])])
    assert figures(events) == {"a": [(CasualtyKind.KILLED, 1)], "b": []}
