"""Property: any event the pipeline can make comes back from storage unchanged, on both backends."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlog.models import (
    Actor, ActorRole, Attribution, Casualty, CasualtyKind, DatePrecision, Dispute, DocumentResult, Event,
    GeoPrecision, Location, PerpetratorAttribution, Span, Stance, VictimGroup,
)
from conflictlog.store import Repository

# PostgreSQL text cannot hold NUL, and lone surrogates are not UTF-8: neither occurs in real text.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
maybe_texts = st.none() | texts
counts = st.none() | st.integers(min_value=0, max_value=10**6)
coordinates = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)

locations = st.builds(Location, text=maybe_texts, name=maybe_texts, admin1=maybe_texts, country_code=maybe_texts,
                      lat=coordinates, lon=coordinates, precision=st.none() | st.sampled_from(GeoPrecision),
                      geonames_id=st.none() | st.integers(min_value=1, max_value=2**40))
actors = st.builds(Actor, role=st.sampled_from(ActorRole), text=texts, name=maybe_texts, country_code=maybe_texts,
                   kind=maybe_texts, attribution=st.none() | st.sampled_from(PerpetratorAttribution))
casualties = st.builds(Casualty, kind=st.sampled_from(CasualtyKind), group=st.sampled_from(VictimGroup),
                       min=counts, max=counts, text=texts)
attributions = st.builds(Attribution, source=maybe_texts, source_role=maybe_texts, side=maybe_texts,
                         stance=st.sampled_from(Stance), via=maybe_texts, text=maybe_texts)
disputes = st.builds(Dispute, source=maybe_texts, side=maybe_texts, text=texts)
spans = st.builds(Span, text=texts, start=st.integers(0, 10**7), end=st.integers(0, 10**7))


@st.composite
def events(draw: st.DrawFn) -> Event:
    """An event of a random shape; ids are made unique by the test."""
    return Event(
        id=draw(texts), document_id="", event_type=draw(texts), sub_event_type=draw(maybe_texts),
        date=draw(maybe_texts), date_precision=draw(st.none() | st.sampled_from(DatePrecision)),
        location=draw(locations), actors=draw(st.lists(actors, max_size=3)),
        casualties=draw(st.lists(casualties, max_size=3)), attribution=draw(attributions),
        disputed_by=draw(st.lists(disputes, max_size=2)), evidence=draw(st.lists(spans, max_size=3)),
        group=draw(st.integers(min_value=0, max_value=50)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(event=events())
def test_any_event_round_trips(repo: Repository, make_result: Callable[..., DocumentResult], event: Event) -> None:
    # One database serves every example, so each example gets its own document and ids.
    document = make_result(0, events=0, text_body=f"report {uuid.uuid4()}", document_id=f"doc-{uuid.uuid4()}").document
    event.document_id = document.document_id
    event.id = f"{document.document_id}/{event.id}"
    repo.save_result(DocumentResult(document, [event]))
    assert list(repo.iter_events([document.document_id])) == [event]
