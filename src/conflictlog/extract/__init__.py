"""Extraction: spaCy pipeline loading and Document -> list[Mention]."""

from .nlp import load_pipeline, pick_model
from .pipeline import Extractor

__all__ = ["Extractor", "load_pipeline", "pick_model"]
