"""Which incidents a report covers: a country, a named region or a bounding box, and a period."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ...errors import ConfigError
from ...models import Incident


@dataclass(frozen=True, slots=True)
class Scope:
    """The place and period of a report; every part is optional."""

    country: str | None = None
    region: str | None = None
    bbox: tuple[float, float, float, float] | None = None   # west, south, east, north
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def parse(cls, country: str | None = None, region: str | None = None, bbox: str | None = None,
              date_from: str | None = None, date_to: str | None = None) -> Scope:
        """Check and normalise command-line values; a bad one raises ConfigError saying how to write it."""
        if sum(value is not None for value in (country, region, bbox)) > 1:
            raise ConfigError("choose one of --country, --region and --bbox")
        scope = cls(_country(country), region.strip() if region else None, _bbox(bbox) if bbox else None,
                    _day(date_from, "--from"), _day(date_to, "--to"))
        if scope.date_from and scope.date_to and scope.date_from > scope.date_to:
            raise ConfigError(f"--from {scope.date_from} is after --to {scope.date_to}")
        return scope

    def place(self) -> str:
        """The place part, as a person reads it."""
        if self.country:
            return f"country {self.country}"
        if self.region:
            return f"region {self.region}"
        if self.bbox:
            return "box W {:g}, S {:g}, E {:g}, N {:g}".format(*self.bbox)
        return "all places"

    def period(self) -> str:
        """The period part, as a person reads it."""
        if self.date_from or self.date_to:
            return f"{self.date_from or 'the start'} to {self.date_to or 'today'}"
        return "all dates"

    def key(self) -> str:
        """A stable text that tells two scopes apart (kept with a report's saved state)."""
        return f"{self.place()}; {self.period()}"

    def covers(self, incident: Incident) -> bool:
        """True if the incident lies in this place and period."""
        return self._covers_place(incident) and self._covers_period(incident)

    def _covers_place(self, incident: Incident) -> bool:
        location = incident.location
        if self.country:
            return location.country_code == self.country
        if self.region:
            wanted = self.region.casefold()
            return any(name and name.casefold() == wanted for name in (location.admin1, location.name))
        if self.bbox:
            west, south, east, north = self.bbox
            return (location.lat is not None and location.lon is not None
                    and south <= location.lat <= north and west <= location.lon <= east)
        return True

    def _covers_period(self, incident: Incident) -> bool:
        if not (self.date_from or self.date_to):
            return True
        start = incident.date_start
        if start is None:
            return False
        end = incident.date_end or start
        return (self.date_from is None or end >= self.date_from) and (self.date_to is None or start <= self.date_to)


def select_incidents(incidents: Iterable[Incident], scope: Scope) -> list[Incident]:
    """The incidents in ``scope``, by first date (undated last), place and id."""
    chosen = [incident for incident in incidents if scope.covers(incident)]
    return sorted(chosen, key=incident_order)


def incident_order(incident: Incident) -> tuple[str, str, str]:
    """The order of incidents in every part of a report."""
    place = incident.location.name or incident.location.text or ""
    return (incident.date_start or "9999", place, incident.id)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ConfigError(f"--country wants a two-letter ISO code such as UA, not {value!r}")
    return code


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise ConfigError(f"--bbox wants W,S,E,N in degrees, e.g. 44.5,38.5,47.5,41, not {value!r}") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ConfigError(f"--bbox {value!r}: want -180 <= W < E <= 180 and -90 <= S < N <= 90")
    return west, south, east, north


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"{option} wants a date as YYYY-MM-DD, not {value!r}") from None
