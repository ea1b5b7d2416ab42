"""How a resolved place is named: as the report writes it, where the writing is one of its names.

GeoNames gives each place one main name and many others ("The Bronx" / "Bronx", "Saint George"
/ "St. George", "Quetzaltenango" / "Quezaltenango", "La Oroya" / "Oroya"). A report that calls a
place by one of its own names means the same place, and a reader, a search and a comparison
with other reports all look for the name the report used, so that name is kept; the place's
identity stays in its GeoNames id and point. Not kept as written:

- curated entries, whose first name is chosen on purpose (contested names: Stepanakert /
  Khankendi), and countries and regions ("U.S.", "Colo." name the United States, Colorado);
- abbreviations of three letters or fewer ("LA", "NYC", "D.C."), which name the place only by
  convention.
"""

from __future__ import annotations

from ..models import GeoPrecision
from .gazetteer import Place
from .names import name_key

_KEPT_PRECISIONS = (GeoPrecision.TOWN, GeoPrecision.DISTRICT, GeoPrecision.EXACT)
_MIN_LETTERS = 4
# Joining words of Spanish and Portuguese names stay lower case when an upper-case name is re-cased.
_LOWER_JOINERS = {"de", "del", "la", "las", "los", "da", "do", "das", "dos", "y", "e"}


def reported_name(place: Place, written: str, curated: bool) -> str:
    """The name to give ``place`` found under ``written`` (one of its names): see the module rules."""
    if curated or place.precision not in _KEPT_PRECISIONS or name_key(written) == name_key(place.name):
        return place.name
    if sum(ch.isalpha() for ch in written) < _MIN_LETTERS:
        return place.name
    return recased(written)


def recased(name: str) -> str:
    """``name`` as written, upper-case wire text re-cased ("CARTAGENA DE INDIAS" -> "Cartagena de Indias")."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.lower().split(" ")
    return " ".join(word if index and word in _LOWER_JOINERS else _capitalise(word)
                    for index, word in enumerate(words))


def _capitalise(word: str) -> str:
    # "sula" -> "Sula", "carahuaichi-jaurin" -> "Carahuaichi-Jaurin"
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
