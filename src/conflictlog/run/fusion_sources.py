"""Where the tasks of a partitioned re-fuse get their documents and events.

A task carries a *chunk*: either the documents and events themselves (``GivenChunk``, for a
corpus held in memory), or only document ids and the database, which the worker reads
itself (``StoredChunk``). Reading in the workers keeps the client from reading, holding and
sending the whole corpus: it only ever holds what the workers report back.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..models import Document, Event
from ..store import Repository

Loaded = tuple[list[Document], dict[str, list[Event]]]


class Chunk(Protocol):
    """A task's share of the corpus."""

    def load(self) -> Loaded:
        """The chunk's documents and their events, by document id."""
        ...


class Corpus(Protocol):
    """A corpus to re-fuse, handed out in chunks."""

    def document_ids(self) -> list[str]:
        """Every document id, sorted."""
        ...

    def chunk(self, document_ids: Sequence[str], *, text: bool = True) -> Chunk:
        """The chunk of ``document_ids`` (``text=False``: the task does not read the texts)."""
        ...


@dataclass(frozen=True, slots=True)
class GivenChunk:
    """Documents and their events, sent with the task."""

    documents: list[Document]
    events_of: dict[str, list[Event]]

    def load(self) -> Loaded:
        """The documents and events as sent."""
        return self.documents, self.events_of


@dataclass(frozen=True, slots=True)
class StoredChunk:
    """Document ids that the worker reads, with their events, from the database at ``db``."""

    db: str
    document_ids: list[str]

    def load(self) -> Loaded:
        """The documents and events, read in this process (one connection per process and database)."""
        repo = _worker_repository(self.db)
        events_of: dict[str, list[Event]] = defaultdict(list)
        for event in repo.iter_events(self.document_ids):
            events_of[event.document_id].append(event)
        return repo.documents_by_ids(self.document_ids), dict(events_of)


_repositories: dict[str, Repository] = {}


def _worker_repository(db: str) -> Repository:
    repo = _repositories.get(db)
    if repo is None:
        repo = _repositories[db] = Repository.open(db, create=False)
    return repo


class MemoryCorpus:
    """A corpus held by the client; chunks carry their documents (without text when it is not needed)."""

    def __init__(self, documents: Sequence[Document], events_of: Mapping[str, list[Event]]) -> None:
        self._by_id = {d.document_id: d for d in documents}
        self._events_of = events_of

    def document_ids(self) -> list[str]:
        """Every document id, sorted, once."""
        return sorted(self._by_id)

    def chunk(self, document_ids: Sequence[str], *, text: bool = True) -> GivenChunk:
        """The documents of ``document_ids`` and their events."""
        ids = [d for d in document_ids if d in self._by_id]
        documents = [self._by_id[d] if text else dataclasses.replace(self._by_id[d], text="") for d in ids]
        return GivenChunk(documents, {d: self._events_of[d] for d in ids if d in self._events_of})


@dataclass(frozen=True, slots=True)
class StoredCorpus:
    """A corpus in a database that the workers read themselves."""

    db: str
    ids: list[str]

    def document_ids(self) -> list[str]:
        """Every stored document id, sorted."""
        return self.ids

    def chunk(self, document_ids: Sequence[str], *, text: bool = True) -> StoredChunk:
        """The ids; the worker reads the rest."""
        return StoredChunk(self.db, list(document_ids))
