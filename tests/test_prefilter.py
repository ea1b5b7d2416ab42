"""The lexical pre-filter: what it spares spaCy, and that extraction does not notice."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from conflictlog.extract import Extractor, load_pipeline
from conflictlog.extract.prefilter import Prefilter, inflections, sentence_spans, words_of
from conflictlog.models import Document, Mention, content_hash

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"

ECONOMY = ("The central bank raised its interest rate by half a point on Tuesday. "
           "Markets rose and the currency gained against the dollar.")
MIXED = ("News from Narino province.\n\nThe weather was mild this week. "
         "Gunmen killed three villagers in Tumaco on Monday, police said. "
         "The harvest festival opened on Sunday with music and dancing.")


class SpyPipeline:
    """A spaCy pipeline that records every text it is asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, texts, **options):
        """Record the texts, then parse them with the real pipeline."""
        def recorded():
            for item in texts:
                self.parsed.append(item[0] if isinstance(item, tuple) else item)
                yield item
        return self.nlp.pipe(recorded(), **options)


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline()


def _document(text: str, name: str = "doc") -> Document:
    return Document(document_id=name, text=text, content_hash=content_hash(text), published="2024-05-14")


def _fingerprint(mention: Mention) -> tuple:
    return (mention.event_type, mention.sub_event_type, tuple((e.start, e.end) for e in mention.evidence),
            tuple((c.kind, c.group, c.min, c.max) for c in mention.casualties),
            tuple((a.role, a.name or a.text) for a in mention.actors), mention.attribution.source,
            tuple(p.text for p in mention.place_spans), tuple(d.text for d in mention.date_spans), mention.group)


def test_document_without_trigger_yields_nothing_and_is_never_parsed(pipeline) -> None:
    spy = SpyPipeline(pipeline)
    results = list(Extractor(spy).extract_many([_document(ECONOMY, "economy"), _document(MIXED, "mixed")]))
    assert [document.document_id for document, _ in results] == ["economy", "mixed"]   # input order kept
    assert results[0][1] == []
    assert results[1][1]
    assert len(spy.parsed) == 1 and "Gunmen killed" in spy.parsed[0]


def test_blanked_text_keeps_offsets_newlines_and_quotes() -> None:
    text = MIXED + '\n"The rains came early," a farmer said. "They shot at us," a villager said.'
    screened = Prefilter.load().screen(text)
    assert screened.relevant and screened.kept < screened.sentences
    assert len(screened.text) == len(text)
    quoted_shots = [text.index('"They'), text.index('," a villager')]
    assert [i for i, c in enumerate(screened.text) if c == '"'] == [quoted_shots[0], quoted_shots[1] + 1]
    newlines = {i for i, c in enumerate(screened.text) if c == "\n"}
    assert {i for i, c in enumerate(text) if c == "\n"} <= newlines     # a blanked sentence may end in one more
    assert all(text[i].isspace() for i in newlines)
    start = text.index("Gunmen")
    end = text.index("said.") + len("said.")
    assert screened.text[start:end] == text[start:end]
    assert "harvest" not in screened.text and "weather" not in screened.text


def test_relevant_sentence_between_irrelevant_ones_is_extracted_with_original_evidence(pipeline) -> None:
    document = _document(MIXED)
    mentions = Extractor(pipeline).extract(document)
    assert len(mentions) == 1
    evidence = mentions[0].evidence[0]
    assert document.text[evidence.start:evidence.end] == evidence.text
    assert evidence.text == "Gunmen killed three villagers in Tumaco on Monday, police said."
    assert [(c.kind, c.min) for c in mentions[0].casualties] == [("killed", 3)]


def test_screened_and_full_parses_give_the_same_mentions_on_a_short_report(pipeline) -> None:
    document = _document(MIXED + " Officials denied the claims.")
    screened = Extractor(pipeline).extract(document)
    full = Extractor(pipeline, screen=False).extract(document)
    assert [_fingerprint(m) for m in screened] == [_fingerprint(m) for m in full]


def test_seed_article_is_unaffected(pipeline) -> None:
    files = sorted(SEED_DIR.glob("*.txt"))
    if not files:
        pytest.skip("the shared seed corpus is not next to this checkout")
    document = Document(document_id="seed", text=files[0].read_text(encoding="utf-8"),
                        content_hash="seed", published="2023-09-19")
    screened = Extractor(pipeline).extract(document)
    full = Extractor(pipeline, screen=False).extract(document)
    assert screened and [_fingerprint(m) for m in screened] == [_fingerprint(m) for m in full]
    assert sum(len(m.disputed_by) for m in screened) == sum(len(m.disputed_by) for m in full) > 0


def test_every_trigger_phrase_of_the_event_lexicon_passes() -> None:
    events = json.loads(resources.files("conflictlog.extract").joinpath("lexicons/events.json").read_text())
    prefilter = Prefilter.load()
    missed = [phrase for entry in events["triggers"] for phrase in entry["words"]
              if not prefilter.triggers.found_in(words_of(f"They said that {phrase} happened."))]
    assert missed == []


def test_irregular_forms_of_trigger_words_known_to_the_lemmatizer_pass(pipeline) -> None:
    """Every form the lemmatizer maps to a trigger word must keep its sentence."""
    events = json.loads(resources.files("conflictlog.extract").joinpath("lexicons/events.json").read_text())
    first_words = {words_of(phrase.split()[0]).pop() for entry in events["triggers"] for phrase in entry["words"]
                   if " " not in phrase and "-" not in phrase}
    exceptions = pipeline.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    prefilter = Prefilter.load()
    forms = {form for pos in ("verb", "noun") for form, lemmas in exceptions.get(pos, {}).items()
             if first_words & set(lemmas)}
    assert forms, "the lemmatizer names no irregular form of a trigger word: the test checks nothing"
    assert sorted(f for f in forms if not prefilter.triggers.found_in({f})) == []


def test_sentences_split_at_full_stops_but_not_after_abbreviations() -> None:
    text = "AURORA, Colo. (CBS4) - Col. Ochoa said U.S. troops came at 1:30 a.m. on Monday. Two died.\n\nNext"
    pieces = [text[start:end].strip() for start, end in sentence_spans(text, Prefilter.load().abbreviations)]
    assert pieces == ["AURORA, Colo. (CBS4) - Col. Ochoa said U.S. troops came at 1:30 a.m. on Monday.",
                      "Two died.", "Next"]


def test_speaker_after_a_quote_and_a_denial_are_kept() -> None:
    filler = "The town has a small clinic that serves the farms of the whole valley. " * 3
    text = ("Village report.\n\nThe square was busy.\n\n"
            "\u201cThey shelled the village at dawn. The school is gone. Nobody came to help,\u201d "
            "the mayor told reporters on Monday. " + filler + "The road was repaired last year. The army denied the report.")
    screened = Prefilter.load().screen(text)
    assert "the mayor told reporters" in screened.text
    assert "The army denied the report." in screened.text
    assert "The road was repaired" not in screened.text and "square" not in screened.text


def test_inflections_cover_regular_forms() -> None:
    assert {"kills", "killed", "killing"} <= inflections("kill")
    assert {"dies", "died", "dying"} <= inflections("die")
    assert {"bodies", "stabbed", "stabbing"} <= inflections("body") | inflections("stab")
