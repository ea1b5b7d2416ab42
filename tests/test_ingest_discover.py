"""Ingest: finding inputs (files, directories, globs, stdin), telling formats, and a JSONL property."""

from __future__ import annotations

import io
import json
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from conflictlog.config import Settings
from conflictlog.errors import InputError
from conflictlog.ingest import InputFile, discover, iter_documents, read_file
from conflictlog.models import Document, InputFormat, Rejected, RejectReason

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = Settings()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name, content in {
        "a.jsonl": '{"text": "x"}\n', "b/z.txt": "z", "b/deep/y.csv": "text\ny\n", "c.html": "<html></html>",
        ".secret.txt": "hidden", ".hidden/inside.txt": "hidden", "notes": "plain words",
    }.items():
        (tmp_path / name).write_text(content)
    return tmp_path


def relative(files: list[InputFile], root: Path) -> list[str]:
    return [os.path.relpath(file.path, root) for file in files]


def test_directory_is_walked_sorted_without_hidden(tree: Path) -> None:
    assert relative(discover([str(tree)]), tree) == ["a.jsonl", "b/deep/y.csv", "b/z.txt", "c.html", "notes"]


def test_globs_and_recursive_globs(tree: Path) -> None:
    assert relative(discover([str(tree / "*.jsonl")]), tree) == ["a.jsonl"]
    assert relative(discover([str(tree / "**" / "*.txt")]), tree) == ["b/z.txt"]


def test_each_file_is_listed_once(tree: Path) -> None:
    files = discover([str(tree / "a.jsonl"), str(tree), str(tree / "*.jsonl")])
    assert relative(files, tree).count("a.jsonl") == 1


def test_a_hidden_file_named_explicitly_is_kept(tree: Path) -> None:
    assert relative(discover([str(tree / ".secret.txt")]), tree) == [".secret.txt"]


@pytest.mark.parametrize("missing", ["no/such/file.jsonl", "no/such/*.jsonl"])
def test_a_path_matching_nothing_raises(tmp_path: Path, missing: str) -> None:
    with pytest.raises(InputError) as raised:
        discover([str(tmp_path / missing)])
    assert missing in str(raised.value) and raised.value.hint


def test_formats_by_name_and_content(tree: Path, tmp_path: Path) -> None:
    formats = {os.path.relpath(f.path, tree): f.format for f in discover([str(tree)])}
    assert formats == {"a.jsonl": InputFormat.JSONL, "b/deep/y.csv": InputFormat.CSV, "b/z.txt": InputFormat.TEXT,
                       "c.html": InputFormat.HTML, "notes": InputFormat.TEXT}
    samples = {
        "lines.json": '{"text": "a"}\n{"text": "b"}\n', "page.xml": "<!DOCTYPE html><html><body>x</body></html>",
        "feed.xml": "<?xml version='1.0'?><rss><channel></channel></rss>", "unknown.dat": '{"text": "a"}\n',
        "atom.data": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
        "seed.article": " date 2023-09-19 Title here\n\nBody.", "archive.bin": "WARC/1.0\r\n",
    }
    for name, content in samples.items():
        (tmp_path / name).write_text(content)
    found = {Path(f.path).name: f.format for f in discover([str(tmp_path / name) for name in samples])}
    assert found == {"lines.json": InputFormat.JSONL, "page.xml": InputFormat.HTML, "feed.xml": InputFormat.FEED,
                     "unknown.dat": InputFormat.JSONL, "atom.data": InputFormat.FEED, "seed.article": InputFormat.SEED,
                     "archive.bin": InputFormat.WARC}


def test_stdin_is_listed_as_dash() -> None:
    assert discover(["-"]) == [InputFile("-", InputFormat.STDIN)]


def test_stdin_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "First."}\n{"text": "Second."}\nnot json\n')
    items = list(iter_documents(discover(["-"]), SETTINGS, stdin=stream))
    assert [item.document_id for item in items] == ["s1", "-:2", "-:3"]
    assert isinstance(items[2], Rejected) and items[2].reason is RejectReason.MALFORMED_JSON
    assert "standard input, line 3" in items[2].detail
    assert all(item.origin == "-" for item in items)


def test_stdin_seed_article() -> None:
    stream = io.BytesIO(b" date 2023-09-19 A headline\n\nThe body of the article.\n")
    [doc] = list(read_file(InputFile("-", InputFormat.STDIN), SETTINGS, stdin=stream))
    assert (doc.document_id, doc.title, doc.published, doc.text) == (
        "stdin", "A headline", "2023-09-19", "The body of the article.")


def test_stdin_plain_text() -> None:
    stream = io.BytesIO(b"Officials reported clashes in the capital.\n")
    [doc] = list(read_file(InputFile("-", InputFormat.STDIN), SETTINGS, stdin=stream))
    assert (doc.document_id, doc.input_format, doc.origin) == ("stdin", InputFormat.TEXT, "-")


def test_stdin_larger_than_the_sniffing_head() -> None:
    lines = [json.dumps({"id": str(n), "text": f"Report number {n}."}) for n in range(5000)]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    docs = list(iter_documents(discover(["-"]), SETTINGS, stdin=stream))
    assert [doc.document_id for doc in docs] == [str(n) for n in range(5000)]


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda text: text.strip() != "")
records = st.fixed_dictionaries({"text": texts}, optional={
    "id": st.one_of(st.text(), st.integers()), "title": st.one_of(st.none(), st.text()),
    "other": st.one_of(st.none(), st.integers(), st.lists(st.text(max_size=3), max_size=3)),
})


@hypothesis_settings(max_examples=150, deadline=None)
@given(record=records, ensure_ascii=st.booleans())
def test_any_jsonl_object_with_text_becomes_that_document(record: dict, ensure_ascii: bool) -> None:
    stream = io.BytesIO(json.dumps(record, ensure_ascii=ensure_ascii).encode() + b"\n")
    [doc] = list(read_file(InputFile("-", InputFormat.STDIN), SETTINGS, stdin=stream))
    assert isinstance(doc, Document)
    assert doc.text == record["text"].strip()
    assert doc.document_id == (str(record["id"]).strip() or "-:1" if "id" in record else "-:1")


def test_inputs_and_results_survive_pickling() -> None:
    # A distributed runner ships InputFiles to workers and results back.
    [file] = discover([str(DATA / "records.jsonl")])
    assert pickle.loads(pickle.dumps(file)) == file
    items = list(read_file(pickle.loads(pickle.dumps(file)), pickle.loads(pickle.dumps(SETTINGS))))
    assert pickle.loads(pickle.dumps(items)) == items
