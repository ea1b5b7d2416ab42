"""The offline gazetteer: candidate places for a name, and the nearest place to a point.

``Gazetteer.open()`` compiles the sources once into an indexed SQLite file in a per-user
cache folder (``$XDG_CACHE_HOME/conflictlog`` or ``~/.cache/conflictlog``; a temporary folder
when that one cannot be written) and afterwards only opens that file. A Gazetteer pickles
as its file path: the connection is reopened lazily in the receiving process.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..models import GeoPrecision
from .compile import cache_file_name, compile_gazetteer
from .names import name_key

log = logging.getLogger(__name__)

_COLUMNS = ("id, geonames_id, name, admin1, country_code, lat, lon, feature_class, feature_code, "
            "population, precision, source, note")
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``place_id`` is the row in the compiled file (curated entries have no GeoNames id)."""

    place_id: int
    geonames_id: int | None
    name: str
    admin1: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    population: int
    precision: GeoPrecision
    source: str
    note: str | None = None

    @property
    def has_point(self) -> bool:
        """True when the place has coordinates."""
        return self.lat is not None and self.lon is not None


class Gazetteer:
    """Read access to a compiled gazetteer file (see ``Gazetteer.open``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._candidates = lru_cache(maxsize=20000)(self._lookup)

    @classmethod
    def open(cls, cache_dir: Path | None = None) -> "Gazetteer":
        """The gazetteer, compiled first if the cache has no file for the current sources."""
        folder = Path(cache_dir) if cache_dir else default_cache_dir()
        path = folder / cache_file_name()
        if not path.exists():
            path = _compile_somewhere(path)
        return cls(path)

    def candidates(self, name: str) -> list[Place]:
        """Every place known by ``name`` (any case, diacritics or punctuation), largest first."""
        return list(self._candidates(name_key(name)))

    def reverse(self, lat: float, lon: float, max_km: float = 50.0) -> Place | None:
        """The nearest populated place to a point within ``max_km``, or None."""
        box = max_km / _KM_PER_DEGREE
        lon_box = box / max(math.cos(math.radians(lat)), 0.01)
        rows = self._connection().execute(
            f"SELECT {_COLUMNS} FROM places WHERE feature_class = 'P' AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (lat - box, lat + box, lon - lon_box, lon + lon_box),
        ).fetchall()
        places = [_place(row) for row in rows]
        nearest = min(places, key=lambda p: distance_km(lat, lon, p.lat, p.lon), default=None)
        if nearest is None or distance_km(lat, lon, nearest.lat, nearest.lon) > max_km:
            return None
        return nearest

    def country(self, country_code: str) -> Place | None:
        """The country-level place of an ISO 3166-1 alpha-2 code."""
        row = self._connection().execute(
            f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND feature_code = 'PCLI'", (country_code.upper(),)
        ).fetchone()
        return _place(row) if row else None

    def _lookup(self, key: str) -> tuple[Place, ...]:
        if not key:
            return ()
        rows = self._connection().execute(
            f"SELECT {_COLUMNS} FROM places WHERE id IN (SELECT place FROM names WHERE key = ?) "
            "ORDER BY population DESC, id",
            (key,),
        ).fetchall()
        return tuple(_place(row) for row in rows)

    def _connection(self) -> sqlite3.Connection:
        # One read-only connection per thread: sqlite3 connections must not cross threads.
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection

    def __getstate__(self) -> dict:
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/conflictlog``, else ``~/.cache/conflictlog``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflictlog"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _compile_somewhere(path: Path) -> Path:
    try:
        return compile_gazetteer(path)
    except OSError as exc:
        fallback = Path(tempfile.gettempdir()) / f"conflictlog-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        log.warning("cannot write the gazetteer cache in %s (%s); using %s", path.parent, exc, fallback)
        target = fallback / path.name
        return target if target.exists() else compile_gazetteer(target)


def _place(row: tuple) -> Place:
    return Place(
        place_id=row[0], geonames_id=row[1], name=row[2], admin1=row[3], country_code=row[4], lat=row[5],
        lon=row[6], feature_class=row[7], feature_code=row[8], population=row[9],
        precision=GeoPrecision(row[10]), source=row[11], note=row[12],
    )
