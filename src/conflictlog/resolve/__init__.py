"""Resolve stage: places (offline gazetteer, chosen by document context), dates (anchored to
publication) and actor countries. ``Resolver.resolve(document, mentions) -> list[Event]``."""

from .context import DocContext
from .dates import DateFlag, ResolvedDate, resolve_date
from .gazetteer import Gazetteer, Place, default_cache_dir, distance_km
from .geo import resolve_location
from .resolver import Resolver

__all__ = [
    "DateFlag", "DocContext", "Gazetteer", "Place", "ResolvedDate", "Resolver",
    "default_cache_dir", "distance_km", "resolve_date", "resolve_location",
]
