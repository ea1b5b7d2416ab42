"""One event per account: what one speaker says about one happening in one report.

A report often tells one happening in several sentences ("a man was shot on Main Street",
"he died at the hospital", "police said the victim was 24"). The extractor yields a mention per
sentence and groups the mentions of one happening (``Event.group``). Here the mentions of one
group that share a speaker and a stance become ONE event with every sentence as evidence, so a
death told three times is counted once, while different accounts stay apart: a claim and its
denial, or two sides' figures, are never joined (who said what is kept).

The reporter's own unattributed narrative of a happening ("a man was shot Tuesday", then
"police said the victim was found in a car") is read as the account of the happening's ONE
named speaker of the same stance: news style names its source once. It joins only when that
speaker is the only one telling the happening with that stance (or, for a narrative that gives
figures, the only one giving figures) and no figure of the two disagrees; its sentences stay in the evidence, so what was said unattributed stays visible.

Figures of an account follow the rules of ``fuse.local`` (largest lower bound; people only
said to be hit are its dead first). The dead another account of the same happening tells are
among the hit too: "police found him with gunshot wounds" and "his family mourns his death"
count one dead, not one dead and one injured.

A figure is told once per happening: when several accounts give the same figure (kind, victim
group, range), the first named speaker keeps it and the others corroborate it without it (their
records stay, as sources); otherwise one death told by three speakers reads as three. Different
figures stay with each account, and a denial keeps what it denies. Across the happenings of one
report, a killed or injured figure that repeats an earlier happening's figure with no other
particular words ("Galan was killed" ... "Galan's murder"; "a man was shot" ... "he died"), or that says people
were hit as many as an earlier happening's dead ("shot and killed a girl" ... "she was shot"), is
the same dead told again and is dropped from the later happening; the same figure about other
named victims ("senator Ruiz" ... "judge Ortega") is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..extract.casualty_lexicon import HARMED, default_lexicon
from ..models import Attribution, Casualty, CasualtyKind, Dispute, Event, IncidentCasualty, Span, Stance, VictimGroup
from .local import best_location, combine_casualties, lead_event, merge_actors

AccountKey = tuple[int, str | None, str]
FigureKey = tuple[CasualtyKind, VictimGroup, int | None, int | None]


def merge_accounts(events: list[Event]) -> list[Event]:
    """The events of one document with each account's mentions joined, in first-mention order."""
    accounts: dict[AccountKey, list[Event]] = {}
    for event in events:
        accounts.setdefault(account_key(event), []).append(event)
    _join_narratives(accounts)
    order = {id(event): index for index, event in enumerate(events)}
    joined = sorted((sorted(members, key=lambda e: order[id(e)]) for members in accounts.values()),
                    key=lambda members: order[id(members[0])])
    dead = _dead_per_happening(events)
    merged = [merge_account(members, dead.get(members[0].group, [])) if len(members) > 1
              else _single_account(members[0], dead.get(members[0].group, [])) for members in joined]
    return _repeats_of_other_happenings(_hits_among_more(_figures_told_once(merged)))


def _figures_told_once(accounts: list[Event]) -> list[Event]:
    """Each figure of a happening in one account only: the first named speaker who gives it keeps
    it, and a later account (or the reporter's unattributed narrative) that repeats it the same
    corroborates it without counting the same dead twice. Denials keep what they deny. A figure
    of everyone that repeats one told of a victim group ("his son, 16, was shot dead" ... "he died")
    is the same people too."""
    told: set[tuple[int, FigureKey]] = set()
    kept: dict[int, list[Casualty]] = {}
    for account in sorted(accounts, key=_teller_rank):
        if account.attribution.stance == Stance.DENIED:
            continue
        figures = [(account.group, _figure_key(c)) for c in account.casualties]
        kept[id(account)] = [c for c, key in zip(account.casualties, figures)
                             if key not in told and not _told_of_a_group(c, account.group, told)]
        told.update(figures)
    return [_keeping(a, kept.get(id(a), a.casualties)) for a in accounts]


def _told_of_a_group(casualty: Casualty, group: int, told: set[tuple[int, FigureKey]]) -> bool:
    if casualty.group != VictimGroup.ALL:
        return False
    return any((group, (casualty.kind, victims, casualty.min, casualty.max)) in told for victims in VictimGroup)


def _hits_among_more(accounts: list[Event]) -> list[Event]:
    """People an account only says were hit ("the woman was shot") are among the more injured
    another account of the happening counts ("two people were wounded"): not a figure of their own.
    A child's figure is kept: it tells who was hurt."""
    injured: dict[int, list[tuple[int, Casualty]]] = {}
    for account in accounts:
        if account.attribution.stance != Stance.DENIED:
            injured.setdefault(account.group, []).extend(
                (id(account), c) for c in account.casualties if c.kind == CasualtyKind.INJURED and c.min)
    return [_keeping(a, [c for c in a.casualties if not _among_more(c, id(a), injured.get(a.group, []))])
            if a.attribution.stance != Stance.DENIED else a for a in accounts]


def _among_more(casualty: Casualty, teller: int, injured: list[tuple[int, Casualty]]) -> bool:
    if casualty.kind != CasualtyKind.INJURED or not casualty.min or casualty.group == VictimGroup.CHILDREN:
        return False
    if not default_lexicon().is_hit_only(casualty.text):
        return False
    return any(other != teller and (figure.min or 0) > casualty.min and figure.group in (casualty.group, VictimGroup.ALL)
               for other, figure in injured)


def _repeats_of_other_happenings(accounts: list[Event]) -> list[Event]:
    """A killed or injured figure that repeats one an earlier happening of the report gave, with
    none but the same particular words ("Galan was killed" ... "Galan's murder", "a man was shot"
    ... "he died"), counts the same dead again: the later happening does not count them."""
    told: dict[FigureKey, list[tuple[int, frozenset[str]]]] = {}
    changed = []
    for account in accounts:
        if account.attribution.stance == Stance.DENIED:
            changed.append(account)
            continue
        kept = [c for c in account.casualties if not _is_repeat(c, account.group, told)]
        changed.append(_keeping(account, kept))
    return changed


def _keeping(account: Event, kept: list[Casualty]) -> Event:
    """``account`` with only the ``kept`` of its casualties (itself when none was dropped)."""
    return replace(account, casualties=kept) if len(kept) < len(account.casualties) else account


def _figure_key(casualty: Casualty) -> FigureKey:
    return casualty.kind, casualty.group, casualty.min, casualty.max


def _is_repeat(casualty: Casualty, group: int, told: dict[FigureKey, list[tuple[int, frozenset[str]]]]) -> bool:
    if casualty.kind not in HARMED or not casualty.min:
        return False
    words = default_lexicon().specific_words(casualty.text)
    earlier = [seen for key in _same_people(casualty) for seen in told.get(key, [])]
    if any(other != group and (not words or not seen or words & seen) for other, seen in earlier):
        return True
    told.setdefault(_figure_key(casualty), []).append((group, words))
    return False


def _same_people(casualty: Casualty) -> list[FigureKey]:
    """The figures an earlier happening may have told the same people by: the same figure, and for
    people only said to be hit ("she was shot" after "shot and killed a teenage girl") the dead."""
    keys = [_figure_key(casualty)]
    if casualty.group == VictimGroup.ALL:  # "a 7-year-old boy was shot dead" ... "he died"
        keys += [(casualty.kind, victims, casualty.min, casualty.max) for victims in VictimGroup]
    if casualty.kind == CasualtyKind.INJURED and default_lexicon().is_hit_only(casualty.text):
        groups = list(VictimGroup) if casualty.group == VictimGroup.ALL else [casualty.group]
        keys += [(CasualtyKind.KILLED, victims, casualty.min, casualty.max) for victims in groups]
    return keys


def _teller_rank(account: Event) -> bool:
    """Named speakers first (sorted() keeps text order among equals)."""
    return not (account.attribution.source or account.attribution.via)


def _single_account(event: Event, dead_elsewhere: list[IncidentCasualty]) -> Event:
    """A one-mention account, its people only said to be hit read against the happening's dead,
    and the others "also" killed added to its first count."""
    lexicon = default_lexicon()
    hit = any(c.kind == CasualtyKind.INJURED and lexicon.is_hit_only(c.text) for c in event.casualties)
    more = any(_MORE_VICTIMS.search(c.text) for c in event.casualties)
    return replace(event, casualties=_casualties([event], dead_elsewhere)) if (hit and dead_elsewhere) or more else event


def _dead_per_happening(events: list[Event]) -> dict[int, list[IncidentCasualty]]:
    """The killed figures each happening's accounts give, denials aside."""
    happenings: dict[int, list[Event]] = {}
    for event in events:
        happenings.setdefault(event.group, []).append(event)
    return {group: [f for f in combine_casualties(members) if f.kind == CasualtyKind.KILLED]
            for group, members in happenings.items()}


def account_key(event: Event) -> AccountKey:
    """Which account a mention belongs to: its happening, its speaker (or relaying outlet), its stance."""
    speaker = event.attribution.source or event.attribution.via
    # "Gegham Stepanyan" and later "Stepanyan" are one speaker: people and bodies are named in full
    # once, then by their last word ("the defense ministry" ... "the ministry").
    return event.group, speaker.split()[-1].casefold() if speaker else None, event.attribution.stance


def _join_narratives(accounts: dict[AccountKey, list[Event]]) -> None:
    """Move each unattributed account into its happening's single named account (module docstring)."""
    for key in [k for k in accounts if k[1] is None]:
        group, _, stance = key
        named = [k for k in accounts if k[0] == group and k[1] is not None and k[2] == stance]
        if _has_figures(accounts[key]) and len(named) > 1:
            # Figures join the one speaker who gives figures ("the coroner said he died"), not
            # one who only adds a detail ("investigators found no gun, Francisco said").
            named = [k for k in named if _has_figures(accounts[k])]
        if len(named) == 1 and _figures_agree(accounts[key], accounts[named[0]]):
            accounts[named[0]].extend(accounts.pop(key))


def _has_figures(members: list[Event]) -> bool:
    return any(e.casualties for e in members)


def _figures_agree(some: list[Event], others: list[Event]) -> bool:
    """True when no (kind, victim group) has different lower bounds in the two accounts."""
    lows = {(f.kind, f.group): f.min for f in combine_casualties(_first_counts(some), skip_denied=False)}
    return all(lows.get((f.kind, f.group), f.min) == f.min
               for f in combine_casualties(_first_counts(others), skip_denied=False))


def _first_counts(members: list[Event]) -> list[Event]:
    """The mentions without their figures of more victims: "ten other people were also injured"
    adds to "eight tourists were injured", it does not disagree with it."""
    return [replace(e, casualties=[c for c in e.casualties if not _MORE_VICTIMS.search(c.text)]) for e in members]


def merge_account(members: list[Event], dead_elsewhere: Iterable[IncidentCasualty] = ()) -> Event:
    """One event from the mentions of one account; it keeps the first mention's id.

    ``dead_elsewhere``: the happening's killed figures from all its accounts (module docstring).
    """
    first, lead = members[0], lead_event(members)
    dated = next((e for e in members if e.date), first)
    return Event(
        id=first.id, document_id=first.document_id, event_type=lead.event_type,
        sub_event_type=lead.sub_event_type, date=dated.date, date_precision=dated.date_precision,
        location=best_location(e.location for e in members), actors=merge_actors(members),
        casualties=_casualties(members, list(dead_elsewhere)), attribution=_speaker(members),
        disputed_by=_disputes(members), evidence=_evidence(members),
        incident_id=first.incident_id, group=first.group,
    )


def _speaker(members: list[Event]) -> Attribution:
    """The attribution of the first mention that names its speaker (a joined narrative names none)."""
    named = (e.attribution for e in members if e.attribution.source or e.attribution.via)
    return next(named, members[0].attribution)


def _casualties(members: list[Event], dead_elsewhere: list[IncidentCasualty]) -> list[Casualty]:
    stated = [c for e in members for c in e.casualties]
    figures = combine_casualties(members, skip_denied=False, dead_elsewhere=dead_elsewhere)
    for kind in (CasualtyKind.KILLED, CasualtyKind.INJURED):
        _add_the_others(figures, kind, [c for e in members for c in e.casualties if not _contrasted(c, e)])
    return [Casualty(kind=f.kind, group=f.group, min=f.min, max=f.max, text=_words_for(f, stated)) for f in figures]


# "two members of his escort were also killed", "two other persons were wounded", "wounding 12
# others": more victims of the same happening. "Other" counts more only at the head of its phrase:
# "a man and two others were killed" already holds its first victim, "the other man" is one of a
# pair already counted ("another man" often starts another happening).
_MORE_VICTIMS = re.compile(r"\balso\b|^\W*(?:(?!and\b|the\b)\w+\W+){0,2}others?\b", re.IGNORECASE)


def _contrasted(casualty: Casualty, mention: Event) -> bool:
    """ "one extremist was killed and five others were wounded": others told beside people of
    another hurt are the rest of those, not more victims of the account's first count."""
    return bool(_MORE_VICTIMS.search(casualty.text)) and any(
        c.kind in HARMED and c.kind != casualty.kind for c in mention.casualties)


def _add_the_others(figures: list[IncidentCasualty], kind: CasualtyKind, stated: list[Casualty]) -> None:
    """ "The minister was killed" + "two of his bodyguards were also killed": the account's
    figure of all victims is the first count plus the others (each wording counted once)."""
    counted: dict[str, int] = {}
    for casualty in stated:
        if casualty.kind == kind and casualty.min:
            counted[casualty.text] = max(casualty.min, counted.get(casualty.text, 0))
    others = {text: n for text, n in counted.items() if _MORE_VICTIMS.search(text)}
    # "86 others injured, including 6 seriously": a part of the others is not the first count
    first = [n for text, n in counted.items() if text not in others and not any(text in o for o in others)]
    if not others or not first:
        return
    total = max(first) + sum(others.values())
    everyone = next((f for f in figures if f.kind == kind and f.group == VictimGroup.ALL), None)
    if everyone is None:
        figures.append(IncidentCasualty(kind=kind, group=VictimGroup.ALL, min=total, best=total, max=None))
    elif (everyone.min or 0) < total:
        everyone.min, everyone.best = total, max(total, everyone.best or 0)
        everyone.max = max(everyone.max, total) if everyone.max is not None else None


def _words_for(figure: IncidentCasualty, stated: list[Casualty]) -> str:
    """The words a combined figure was read from: those of the mention that gave its lower bound."""
    same = [c for c in stated if c.kind == figure.kind and c.group == figure.group]
    exact = [c for c in same if c.min == figure.min]
    return (exact or same)[0].text if (exact or same) else ""


def _disputes(members: Iterable[Event]) -> list[Dispute]:
    seen: dict[tuple[str | None, str], Dispute] = {}
    for event in members:
        for dispute in event.disputed_by:
            seen.setdefault((dispute.source, dispute.text), dispute)
    return list(seen.values())


def _evidence(members: Iterable[Event]) -> list[Span]:
    spans = {(s.start, s.end): s for e in members for s in e.evidence}
    return [spans[key] for key in sorted(spans)]
