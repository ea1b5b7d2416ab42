"""Property: any valid event record survives JSON Lines and Parquet unchanged."""

from __future__ import annotations

import io
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlog.models import ACLED_EVENT_TYPES, DatePrecision, day_span
from conflictlog.report import export_records, read_parquet_records, validate_record

# Lone surrogates cannot be UTF-8 encoded and never come out of decoded documents.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
MAYBE_TEXT = st.none() | TEXT
COUNTRY = st.none() | st.from_regex(r"\A[A-Z]{2}\Z")
COUNT = st.none() | st.integers(0, 10**6)
TYPE_PAIRS = [(event_type, sub) for event_type, subs in ACLED_EVENT_TYPES.items() for sub in (*subs, None)]


@st.composite
def ranges(draw):
    low, high = draw(COUNT), draw(COUNT)
    return (min(low, high), max(low, high)) if low is not None and high is not None else (low, high)


@st.composite
def casualties(draw):
    low, high = draw(ranges())
    return {"kind": draw(st.sampled_from(["killed", "injured", "missing", "detained", "displaced"])),
            "group": draw(st.sampled_from(["all", "civilians", "children", "women", "combatants"])),
            "min": low, "max": high, "text": draw(TEXT)}


@st.composite
def spans(draw):
    start = draw(st.integers(0, 10**6))
    return {"text": draw(TEXT), "start": start, "end": start + draw(st.integers(0, 500))}


LOCATIONS = st.fixed_dictionaries({
    "text": MAYBE_TEXT, "name": MAYBE_TEXT, "admin1": MAYBE_TEXT, "country_code": COUNTRY,
    "lat": st.none() | st.floats(-90, 90), "lon": st.none() | st.floats(-180, 180),
    "precision": st.sampled_from([None, "exact", "town", "district", "region", "country"]),
    "geonames_id": st.none() | st.integers(1, 2**40),
})
ACTORS = st.fixed_dictionaries({
    "role": st.sampled_from(["initiator", "target"]), "text": TEXT, "name": MAYBE_TEXT, "country_code": COUNTRY,
    "kind": MAYBE_TEXT, "attribution": st.sampled_from([None, "reported", "claimed", "suspected", "accused", "possible"]),
})
ATTRIBUTIONS = st.fixed_dictionaries({
    "source": MAYBE_TEXT, "source_role": MAYBE_TEXT, "side": MAYBE_TEXT,
    "stance": st.sampled_from(["asserted", "alleged", "denied", "uncertain"]), "via": MAYBE_TEXT, "text": MAYBE_TEXT,
})
DISPUTES = st.fixed_dictionaries({"source": MAYBE_TEXT, "side": MAYBE_TEXT, "text": TEXT})


@st.composite
def events(draw):
    event_type, sub_event_type = draw(st.sampled_from(TYPE_PAIRS))
    day = draw(st.none() | st.dates(min_value=date(1900, 1, 1)).map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10))
    precision = draw(st.sampled_from([None, *DatePrecision])) if day else None
    start, end = day_span(day, precision)
    return {
        "id": draw(TEXT), "document_id": draw(TEXT), "incident_id": draw(MAYBE_TEXT),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "date": day if precision in (None, DatePrecision.DAY) else None,
        "date_precision": precision and precision.value, "date_start": start, "date_end": end,
        "location": draw(LOCATIONS), "actors": draw(st.lists(ACTORS, max_size=3)),
        "casualties": draw(st.lists(casualties(), max_size=3)), "attribution": draw(ATTRIBUTIONS),
        "disputed_by": draw(st.lists(DISPUTES, max_size=2)), "evidence": draw(st.lists(spans(), min_size=1, max_size=3)),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), max_size=4))
def test_valid_events_round_trip_through_jsonl_and_parquet(records):
    for record in records:
        validate_record(record, "events")
    jsonl, parquet = io.BytesIO(), io.BytesIO()
    export_records(records, "events", "jsonl", jsonl)
    export_records(records, "events", "parquet", parquet)
    parquet.seek(0)
    assert [json.loads(line) for line in jsonl.getvalue().decode("utf-8").splitlines()] == records
    assert list(read_parquet_records(parquet)) == records
