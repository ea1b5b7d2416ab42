"""Scores of exported records against gold documents, metric by metric (docs/evaluation.md).

F1 metrics are micro-averaged over the gold documents: P = tp_pred / (tp_pred + fp) counts
predictions, R = tp_gold / (tp_gold + fn) counts gold units. Shared rules: a gold incident
marked ``optional`` may be found (a true positive) but is no error when missed; each gold
incident whose value for a metric is unknown (null) absorbs one unmatched prediction of its
document (``ignored``, neither tp nor fp). Accuracy metrics count correct / n.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .matching import ActorUnit, Incident, Record, casualty_count, initiator_units, place_units, record_day

COUNT_FIELDS = ("killed", "injured", "children_killed", "children_injured")
F1_METRICS = ("relevance", *COUNT_FIELDS, "date", "place", "place_specific", "perpetrator")
ACCURACY_METRICS = ("event_type", "sub_event_type", "perp_certainty")
METRICS = F1_METRICS + ACCURACY_METRICS


@dataclass(slots=True)
class F1Tally:
    """Counts of one F1 metric: tp_pred/fp on the predicted side, tp_gold/fn on the gold side."""

    tp_pred: int = 0
    fp: int = 0
    tp_gold: int = 0
    fn: int = 0
    ignored: int = 0

    @property
    def precision(self) -> float:
        """tp_pred / (tp_pred + fp), 0 without predictions."""
        return _ratio(self.tp_pred, self.tp_pred + self.fp)

    @property
    def recall(self) -> float:
        """tp_gold / (tp_gold + fn), 0 without gold units."""
        return _ratio(self.tp_gold, self.tp_gold + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value(self) -> float:
        """The headline number of the metric: F1."""
        return self.f1

    def as_dict(self) -> dict[str, Any]:
        """Counts and scores, for JSON."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, **asdict(self)}

    def predicted(self, matched: bool, unknown_left: int) -> int:
        """Count one prediction; returns how many unknown gold values are left to absorb misses."""
        if matched:
            self.tp_pred += 1
        elif unknown_left > 0:
            self.ignored += 1
            return unknown_left - 1
        else:
            self.fp += 1
        return unknown_left

    def gold(self, found: bool) -> None:
        """Count one required gold unit as found or missed."""
        self.tp_gold += found
        self.fn += not found


@dataclass(slots=True)
class AccuracyTally:
    """Counts of one accuracy metric."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float:
        """correct / n, 0 when nothing was scored."""
        return _ratio(self.correct, self.n)

    @property
    def value(self) -> float:
        """The headline number of the metric: accuracy."""
        return self.accuracy

    def add(self, correct: bool) -> None:
        """Count one scored item."""
        self.correct += correct
        self.n += 1

    def as_dict(self) -> dict[str, Any]:
        """Counts and accuracy, for JSON."""
        return {"accuracy": self.accuracy, "correct": self.correct, "n": self.n}


Tally = F1Tally | AccuracyTally


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# -- matching primitives ----------------------------------------------------------------------


def match_values(tally: F1Tally, required: Iterable[Hashable], optional: Iterable[Hashable], unknown: int,
                 predicted: Iterable[Hashable]) -> None:
    """One-to-one exact matching of predicted values to gold values (required ones first)."""
    required_left, optional_left = Counter(required), Counter(optional)
    for value in predicted:
        if required_left[value] > 0:
            required_left[value] -= 1
            tally.gold(True)
            matched = True
        else:
            matched = optional_left[value] > 0
            optional_left[value] -= matched
        unknown = tally.predicted(matched, unknown)
    tally.fn += sum(required_left.values())


def match_units(tally: F1Tally, golds: Sequence[Incident], unknown: int, predicted: Iterable[Any],
                matches: Callable[[Any, Incident], bool]) -> None:
    """Many-to-many matching: a prediction is right when it matches any gold unit of the document."""
    hit: set[int] = set()
    for unit in predicted:
        found = {k for k, gold in enumerate(golds) if matches(unit, gold)}
        hit |= found
        unknown = tally.predicted(bool(found), unknown)
    for k, gold in enumerate(golds):
        if not gold.get("optional"):
            tally.gold(k in hit)


# -- one metric of one document -----------------------------------------------------------------


def score_relevance(tally: F1Tally, relevant: bool | None, incidents: Sequence[Incident],
                    records: Sequence[Record]) -> None:
    """A document is predicted relevant when it has a record; only-optional incidents are never missed."""
    if relevant is None:
        return
    missable = not (incidents and all(i.get("optional") for i in incidents))
    if records:
        tally.predicted(relevant, 0)
        if relevant and missable:
            tally.gold(True)
    elif relevant and missable:
        tally.gold(False)


def score_count(tally: F1Tally, gold_field: str, incidents: Sequence[Incident], records: Sequence[Record]) -> None:
    """Multiset of gold counts > 0 against the multiset of record counts > 0."""
    known = [i for i in incidents if (i.get(gold_field) or 0) > 0]
    predicted = [v for v in (casualty_count(r, gold_field) for r in records) if v and v > 0]
    match_values(tally, [i[gold_field] for i in known if not i.get("optional")],
                 [i[gold_field] for i in known if i.get("optional")],
                 sum(i.get(gold_field) is None for i in incidents), predicted)


def score_date(tally: F1Tally, incidents: Sequence[Incident], records: Sequence[Record]) -> None:
    """Set of gold incident days against the set of record days."""
    required = {i["date"] for i in incidents if i.get("date") and not i.get("optional")}
    optional = {i["date"] for i in incidents if i.get("date")} - required
    predicted = {day for day in map(record_day, records) if day}
    match_values(tally, required, optional, sum(not i.get("date") for i in incidents), predicted)


def located_incidents(incidents: Sequence[Incident]) -> list[Incident]:
    """Gold incidents with place names or coordinates."""
    return [i for i in incidents if i.get("places") or (i.get("lat") is not None and i.get("lon") is not None)]


def score_place(tally: F1Tally, incidents: Sequence[Incident], records: Sequence[Record], *,
                most_specific_only: bool) -> None:
    """Distinct record locations against the located gold incidents."""
    located = located_incidents(incidents)
    match_units(tally, located, len(incidents) - len(located), place_units(records),
                lambda unit, incident: unit.matches(incident, most_specific_only=most_specific_only))


def score_perpetrator(tally: F1Tally, incidents: Sequence[Incident], actors: Sequence[ActorUnit]) -> None:
    """Distinct initiators against the gold incidents that name perpetrators."""
    named = [i for i in incidents if i.get("perpetrators")]
    match_units(tally, named, len(incidents) - len(named), actors, lambda unit, incident: unit.matches(incident))


def score_perp_certainty(tally: AccuracyTally, incidents: Sequence[Incident], actors: Sequence[ActorUnit]) -> None:
    """For gold incidents with a certainty that some initiator matched: does one matching actor carry it?"""
    for incident in incidents:
        if not incident.get("perpetrators") or not incident.get("perpetrator_certainty"):
            continue
        said = set().union(*(a.certainties for a in actors if a.matches(incident)))
        if said:
            tally.add(incident["perpetrator_certainty"] in said)


def main_record(records: Sequence[Record]) -> Record | None:
    """The record with the most casualties (killed + injured minimums); the first on ties."""
    def weight(record: Record) -> int:
        return (casualty_count(record, "killed") or 0) + (casualty_count(record, "injured") or 0)
    return max(records, key=weight, default=None)


def score_types(tallies: Mapping[str, AccuracyTally], incidents: Sequence[Incident],
                records: Sequence[Record]) -> None:
    """Single-label documents (one required incident): the main record's type against the gold type."""
    if len(incidents) != 1 or incidents[0].get("optional"):
        return
    predicted = main_record(records)
    for type_field in ("event_type", "sub_event_type"):
        if incidents[0].get(type_field):
            tallies[type_field].add(predicted is not None and predicted.get(type_field) == incidents[0][type_field])
