"""The bridge to the actor dictionary: event actors and the side a speaker speaks for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..models import Actor, Attribution
from .actor_dictionary import default_dictionary
from .actors import find_actors


def actors_of(sent: Span, trigger: Token | None) -> list[Actor]:
    """Initiators and targets of the event whose trigger is ``trigger``."""
    return find_actors(sent, trigger)


def side_of(attribution: Attribution) -> str | None:
    """The side of whoever the attribution names (its full phrase, else its source)."""
    phrase = attribution.text or attribution.source
    return default_dictionary().speaker_side(phrase) if phrase else None
