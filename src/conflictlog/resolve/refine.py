"""A coarse place made specific by the town the report's own wording names inside it.

A mention often names only a county or a state ("Tangipahoa Parish", "JEFFERSON PARISH, La.
--"), or a local report only its city's dateline ("BOSTON (CBS) --"), while a cue phrase of
the story or its headline names the town or suburb where it happened ("Three dead in
Independence murder-suicide", "Boston Police Officer Shot In Leg In Dorchester"). The scene
is the most specific place the report gives, so such a town replaces
- a district when it lies in the district's state, and within ``_DISTRICT_RADIUS_KM`` of the
  district's point when the district has one (a state is too large to say which of its
  towns' namesakes a cue phrase means: "New York" is no reason for "South Ozone Park");
- a dateline city when it is another town within ``_SUBURB_RADIUS_KM`` of it (a suburb or a
  part of the city the gazetteer knows as a town; the resolver offers only the headline's town
  for this).
"""

from __future__ import annotations

import dataclasses

from ..models import GeoPrecision, Location
from .gazetteer import distance_km

_DISTRICT_RADIUS_KM = 60.0
_SUBURB_RADIUS_KM = 30.0


def refined(place: Location, town: Location | None) -> Location:
    """``place``, or ``town`` (keeping ``place``'s text) when it lies inside ``place`` (module rules)."""
    if town is None or town.precision != GeoPrecision.TOWN or not _inside(town, place):
        return place
    return dataclasses.replace(town, text=place.text)


def _inside(town: Location, place: Location) -> bool:
    if town.country_code != place.country_code or (town.name, town.admin1) == (place.name, place.admin1):
        return False
    if place.precision == GeoPrecision.TOWN:
        return _within(town, place, _SUBURB_RADIUS_KM)
    if place.precision != GeoPrecision.DISTRICT or town.admin1 != place.admin1:
        return False
    return place.lat is None or _within(town, place, _DISTRICT_RADIUS_KM)


def _within(town: Location, place: Location, radius_km: float) -> bool:
    if None in (town.lat, town.lon, place.lat, place.lon):
        return False
    return distance_km(town.lat, town.lon, place.lat, place.lon) <= radius_km
