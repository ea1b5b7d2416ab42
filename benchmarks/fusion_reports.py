"""Generated reports (documents with resolved events) for fusion benchmarks and tests (FICTIONAL).

``generate_reports(n)`` writes ``n`` documents about roughly ``n / 2.2`` happenings in
``n / 250`` towns of 40 countries over three years, so that the reports per town and week,
and with them the work per part, stay about the same at every size. Each happening gets 1 to
4 reports from different outlets on the following days, with rising figures, a share of
three invented names, noisy dates and jittered coordinates; one report in ten is a wire copy
of the report before it (same text, another outlet, a line added), and one in ten also covers
a second happening nearby (a round-up), which ties parts together as real round-ups do.
Texts are filler sentences of invented words around the facts, so unrelated reports are not
near-duplicates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from conflictlog.models import (
    Attribution, Casualty, CasualtyKind, Document, Event, GeoPrecision, Location, Span, VictimGroup, content_hash,
)

REPORTS_PER_TOWN = 250
DAYS = 3 * 365
START = date(2021, 1, 1)
_SYLLABLES = ["ka", "lo", "mi", "ren", "dar", "vu", "sel", "tor", "bri", "nav", "os", "ul", "zem", "pa", "gri",
              "hol", "tes", "vin", "mar", "dro"]
_TYPES = ["Violence against civilians", "Explosions/Remote violence", "Battles"]
_CLAUSES = ["witnesses described", "residents said", "the ministry stated", "local media reported",
            "a spokesman added", "officials confirmed", "footage appeared to show", "neighbours recalled"]


@dataclass(slots=True)
class Happening:
    """One generated incident: where, when, what and who."""

    town: str
    country: str
    lat: float
    lon: float
    day: date
    event_type: str
    killed: int
    names: list[str] = field(default_factory=list)


@dataclass(slots=True)
class GeneratedCorpus:
    """Documents, their events, and the happening each event reports (the truth)."""

    documents: list[Document] = field(default_factory=list)
    events_of: dict[str, list[Event]] = field(default_factory=dict)
    truth: dict[str, int] = field(default_factory=dict)      # event id -> happening number


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def generate_reports(size: int, seed: int = 11) -> GeneratedCorpus:
    """``size`` generated documents (rules in the module docstring)."""
    rng = random.Random(seed)
    towns = [(_word(rng, 3), f"C{i % 40}", rng.uniform(-60, 60), rng.uniform(-180, 180))
             for i in range(max(4, size // REPORTS_PER_TOWN))]
    corpus = GeneratedCorpus()
    happenings: list[Happening] = []
    while len(corpus.documents) < size:
        happenings.append(_happening(rng, towns))
        for n in range(min(size - len(corpus.documents), rng.choice([1, 1, 2, 2, 3, 4]))):
            _add_report(rng, corpus, happenings, n)
    return corpus


def _happening(rng: random.Random, towns: list[tuple[str, str, float, float]]) -> Happening:
    town, country, lat, lon = rng.choice(towns)
    return Happening(town, country, lat, lon, START + timedelta(days=rng.randrange(DAYS)), rng.choice(_TYPES),
                     rng.randint(0, 6), [_word(rng, 3) for _ in range(3)])


def _add_report(rng: random.Random, corpus: GeneratedCorpus, happenings: list[Happening], n: int) -> None:
    number = len(happenings) - 1
    happening = happenings[number]
    document_id = f"r{len(corpus.documents):07d}"
    published = str(happening.day + timedelta(days=n))
    covered = [(number, happening)]
    if len(happenings) > 1 and rng.random() < 0.1:
        covered.append((number - 1, happenings[number - 1]))
    previous = corpus.documents[-1] if corpus.documents and n > 0 else None
    if previous is not None and rng.random() < 0.1:
        text = previous.text + f" Distributed by outlet{rng.randrange(50)}."
    else:
        text = " ".join(_paragraph(rng, h, n) for _, h in covered)
    url = f"https://outlet{rng.randrange(50)}.example/{document_id}"
    corpus.documents.append(Document(document_id=document_id, text=text, content_hash=content_hash(text),
                                     published=published, url=url, source="generated"))
    corpus.events_of[document_id] = [_event(rng, document_id, group, h, n) for group, (_, h) in enumerate(covered)]
    for event, (happening_number, _) in zip(corpus.events_of[document_id], covered):
        corpus.truth[event.id] = happening_number


def _paragraph(rng: random.Random, happening: Happening, n: int) -> str:
    names = rng.sample(happening.names, rng.randint(1, 3))
    facts = (f"{' and '.join(names)} were among {happening.killed + n} people killed in {happening.town} "
             f"on {happening.day.isoformat()}, {rng.choice(_CLAUSES)}.")
    filler = " ".join(f"{rng.choice(_CLAUSES).capitalize()} that {_word(rng, 2).lower()} {_word(rng, 2).lower()} "
                      f"{_word(rng, 3).lower()} near {_word(rng, 2).lower()}." for _ in range(rng.randint(4, 8)))
    return f"{facts} {filler}"


def _event(rng: random.Random, document_id: str, group: int, happening: Happening, n: int) -> Event:
    killed = happening.killed + n
    day = happening.day + timedelta(days=rng.choice([0, 0, 0, 1, 2]))
    location = Location(text=happening.town, name=happening.town, country_code=happening.country,
                        lat=happening.lat + rng.uniform(-0.01, 0.01), lon=happening.lon + rng.uniform(-0.01, 0.01),
                        precision=GeoPrecision.TOWN)
    casualties = [Casualty(CasualtyKind.KILLED, VictimGroup.ALL, killed, killed)] if killed else []
    return Event(id=f"{document_id}-e{group}", document_id=document_id, event_type=happening.event_type,
                 sub_event_type=None, date=day.isoformat(), date_precision=None, location=location, actors=[],
                 casualties=casualties, attribution=Attribution(source=None), disputed_by=[],
                 evidence=[Span(happening.town, 0, len(happening.town))], group=group)
