"""Format v1 JSON Schemas and validate_record: good records pass, each kind of bad record is named."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from conflictlog.errors import ExportError, SchemaError
from conflictlog.models import ACLED_EVENT_TYPES
from conflictlog.report import schema, validate_record


from export_samples import SAMPLES


@pytest.mark.parametrize("level, records", [("events", SAMPLES.events()), ("incidents", SAMPLES.incidents())])
def test_hand_built_records_are_valid(level, records):
    for record in records:
        validate_record(record, level)


def _event(**changes):
    record = SAMPLES.events()[0]
    for dotted, value in changes.items():
        *parents, leaf = dotted.split("__")
        target = record
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is _DELETE:
            del target[leaf]
        else:
            target[leaf] = value
    return record


_DELETE = object()

BAD_EVENTS = {
    "unknown event type": (dict(event_type="Skirmish"), "$.event_type"),
    "sub-event type of another event type": (dict(sub_event_type="Armed clash"), "$.sub_event_type"),
    "sub-event type with wrong case": (dict(sub_event_type="shelling/artillery/missile attack"), "$.sub_event_type"),
    "missing field": (dict(incident_id=_DELETE), "incident_id"),
    "extra field": (dict(group=0), "group"),
    "extra nested field": (dict(location__population=5), "$.location"),
    "three-letter country code": (dict(location__country_code="UKR"), "$.location.country_code"),
    "lower-case actor country": (dict(actors__0__country_code="ru"), "$.actors[0].country_code"),
    "latitude out of range": (dict(location__lat=91.0), "$.location.lat"),
    "wrong stance": (dict(attribution__stance="claimed"), "$.attribution.stance"),
    "wrong casualty kind": (dict(casualties__0__kind="dead"), "$.casualties[0].kind"),
    "negative count": (dict(casualties__0__min=-1), "$.casualties[0].min"),
    "min greater than max": (dict(casualties__0__min=5, casualties__0__max=3), "$.casualties[0]"),
    "no evidence": (dict(evidence=[]), "$.evidence"),
    "span ends before it starts": (dict(evidence__0__start=70), "$.evidence[0]"),
    "date not a day": (dict(date="03/05/2023"), "$.date"),
    "impossible date": (dict(date="2023-02-30"), "$.date"),
    "wrong date precision": (dict(date_precision="hour"), "$.date_precision"),
}


@pytest.mark.parametrize("name", list(BAD_EVENTS))
def test_bad_event_is_rejected_with_its_path(name):
    changes, path = BAD_EVENTS[name]
    with pytest.raises(SchemaError) as raised:
        validate_record(_event(**changes), "events")
    assert path in str(raised.value)
    assert "'ev-0001'" in str(raised.value)


def test_sub_event_type_may_be_null_for_every_event_type():
    for event_type in ACLED_EVENT_TYPES:
        validate_record(_event(event_type=event_type, sub_event_type=None), "events")


def test_open_ended_and_unknown_figures_are_valid():
    validate_record(_event(casualties__0__min=3, casualties__0__max=None), "events")
    validate_record(_event(casualties__0__min=None, casualties__0__max=None), "events")


def _incident_with(**top_level):
    return {**SAMPLES.incidents()[0], **top_level}


@pytest.mark.parametrize("record, path", [
    (_incident_with(status="confirmed"), "$.status"),
    (_incident_with(date_start="2023-05-05"), "date_start 2023-05-05 is greater than date_end"),
    (_incident_with(casualties=[{"kind": "killed", "group": "all", "min": 2, "best": 9, "max": 4}]),
     "$.casualties[0]: best 9 is greater than max 4"),
    (_incident_with(event_ids=[1]), "$.event_ids[0]"),
    (_incident_with(sources=[{"source": "TASS", "side": "RU"}]), "$.sources[0]"),
])
def test_bad_incident_is_rejected_with_its_path(record, path):
    with pytest.raises(SchemaError, match=path.replace("[", r"\[").replace("$", r"\$")):
        validate_record(record, "incidents")


def test_bad_history_figure_is_rejected():
    record = copy.deepcopy(SAMPLES.incidents()[0])
    record["history"][0]["casualties"][0]["min"] = 7
    with pytest.raises(SchemaError, match=r"history\[0\]\.casualties\[0\]: min 7 is greater than best 2"):
        validate_record(record, "incidents")


def test_a_non_object_is_rejected():
    with pytest.raises(SchemaError, match="not an object"):
        validate_record(["ev-0001"], "events")


def test_unknown_level_lists_the_choices():
    with pytest.raises(ExportError, match="events, incidents"):
        validate_record(SAMPLES.events()[0], "mentions")


@pytest.mark.parametrize("level", ["events", "incidents"])
def test_schema_pairs_match_the_acled_vocabulary(level):
    document = schema(level)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["properties"]["event_type"]["enum"] == list(ACLED_EVENT_TYPES)
    pairs = {rule["if"]["properties"]["event_type"]["const"]: rule["then"]["properties"]["sub_event_type"]["enum"]
             for rule in document["allOf"]}
    assert pairs == {event_type: [*subs, None] for event_type, subs in ACLED_EVENT_TYPES.items()}


def test_schema_returns_a_copy_callers_cannot_corrupt():
    schema("events")["properties"].clear()
    validate_record(SAMPLES.events()[0], "events")
    assert "evidence" in schema("events")["properties"]
