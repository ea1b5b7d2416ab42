"""Near-duplicate documents: wire copies and syndicated reprints.

A document's text becomes a set of word shingles, summarised by a MinHash signature
(``datasketch``). The signature is cut into bands; two documents that share a band key are
candidates, and a candidate whose estimated Jaccard similarity is at least
``COPY_SIMILARITY`` is a copy. Band keys are plain strings, so the store can index them and
a new document finds its candidates with one query instead of a scan.

Rule for the original: within a set of copies, the original is the document published
first (unknown dates count as latest), ties broken by the smaller document id. A copy
never counts as an independent source (see ``conflictlog.fuse.sources``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 16                     # 16 bands of 8 rows: candidates from about 0.7 similarity
COPY_SIMILARITY = 0.8
_SEED = 20240501               # any constant: signatures stored by one run must match the next
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TextSignature:
    """The MinHash signature of one document's text."""

    hashvalues: tuple[int, ...]

    def similarity(self, other: TextSignature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        mine, theirs = np.array(self.hashvalues), np.array(other.hashvalues)
        return float(np.mean(mine == theirs))

    def band_keys(self) -> list[str]:
        """One key per band; equal keys mean equal bands."""
        rows = len(self.hashvalues) // BANDS
        keys = []
        for band in range(BANDS):
            chunk = ",".join(map(str, self.hashvalues[band * rows:(band + 1) * rows]))
            keys.append(f"{band}:{hashlib.sha1(chunk.encode()).hexdigest()[:16]}")
        return keys

    def to_bytes(self) -> bytes:
        """Compact form for storage."""
        return np.array(self.hashvalues, dtype=np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> TextSignature:
        """Inverse of ``to_bytes``."""
        return cls(tuple(int(v) for v in np.frombuffer(data, dtype=np.uint64)))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-grams of the case-folded text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature_of(text: str) -> TextSignature:
    """The MinHash signature of ``text``."""
    from datasketch import LeanMinHash, MinHash   # imports scipy: only when a signature is needed

    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return TextSignature(tuple(int(v) for v in LeanMinHash(minhash).hashvalues))


@cache
def _template() -> MinHash:
    """A MinHash of the fixed seed: its permutations are drawn once, not per document (a third of the time)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


@dataclass(frozen=True, slots=True)
class DocumentKey:
    """What decides which copy is the original."""

    document_id: str
    published: str | None

    def order(self) -> tuple[int, str, str]:
        """Earlier publication first, unknown last, then by id."""
        return (self.published is None, self.published or "", self.document_id)


def original_of(copies: Iterable[DocumentKey]) -> DocumentKey:
    """The original among a set of copies (rule in the module docstring)."""
    return min(copies, key=DocumentKey.order)


class CopyFinder:
    """In-memory band index for a whole corpus (full re-fuse, benchmarks).

    ``signature_of_id`` gives a document's signature; it is asked only for documents that
    share a band with another, so a corpus can keep its signatures compactly until then.
    """

    def __init__(self, signature_of_id: Callable[[str], TextSignature]) -> None:
        self._buckets: dict[str, list[str]] = {}
        self._signature = signature_of_id

    def add(self, document_id: str, band_keys: Iterable[str]) -> list[tuple[str, float]]:
        """Index a document by its band keys; return the earlier documents it copies or is copied by, with
        similarity."""
        seen: set[str] = set()
        for key in band_keys:
            bucket = self._buckets.setdefault(key, [])
            seen.update(bucket)
            bucket.append(document_id)
        if not seen:
            return []
        return copies_among(self._signature(document_id), {d: self._signature(d) for d in sorted(seen)})


def copies_among(signature: TextSignature, candidates: dict[str, TextSignature]) -> list[tuple[str, float]]:
    """Those ``candidates`` similar enough to ``signature`` to be copies, with their similarity."""
    found = []
    for document_id, other in candidates.items():
        similarity = signature.similarity(other)
        if similarity >= COPY_SIMILARITY:
            found.append((document_id, similarity))
    return found
