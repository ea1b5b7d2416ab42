"""Ingest: every readable format becomes Documents with the right fields, ids and hashes."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path

from conflictlog.config import FieldMap, Settings
from conflictlog.ingest import InputFile, discover, iter_documents, read_file
from conflictlog.models import Document, InputFormat, Rejected, content_hash

DATA = Path(__file__).parent / "data" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"
SETTINGS = Settings()


def read(name: str, settings: Settings = SETTINGS) -> list[Document | Rejected]:
    [file] = discover([str(DATA / name)])
    return list(read_file(file, settings))


def documents(name: str, settings: Settings = SETTINGS) -> list[Document]:
    return [item for item in read(name, settings) if isinstance(item, Document)]


def test_seed_article_gives_its_title_and_date() -> None:
    [file] = discover([str(next(SEED.glob("*.txt")))])
    [doc] = list(read_file(file, SETTINGS))
    assert file.format is InputFormat.SEED
    assert doc.published == "2023-09-19"
    assert doc.title.startswith("THIS IS GENOCIDE: Artsakh Says")
    assert doc.text.startswith("Azerbaijani armed forces on Tuesday began bombarding")
    assert not doc.text.startswith(" date")
    assert doc.content_hash == content_hash(doc.text)
    assert doc.origin == str(file.path) == doc.document_id


def test_seed_header_without_leading_space() -> None:
    [doc] = read("wire.txt")
    assert (doc.input_format, doc.published, doc.title) == (InputFormat.SEED, "2024-02-03", "Clashes reported near border crossing")
    assert doc.text.startswith("Two soldiers were killed")


def test_plain_text_keeps_the_whole_file_and_a_plain_headline() -> None:
    [doc] = read("headline.txt")
    assert doc.input_format is InputFormat.TEXT
    assert doc.title == "Rocket strike hits market in northern town"
    assert doc.text.startswith("Rocket strike hits market") and doc.text.endswith("without warning.")
    assert doc.published is None


def test_plain_text_without_a_headline_has_no_title() -> None:
    [doc] = read("no_headline.txt")
    assert doc.title is None and doc.published is None


def test_jsonl_fields_ids_and_locators() -> None:
    docs = {doc.document_id: doc for doc in documents("records.jsonl")}
    first = docs["r-1"]
    assert (first.title, first.published, first.url, first.source) == (
        "Shelling in the east", "2024-03-04", "https://example.org/r-1", "Example Wire")
    assert first.locator == "line 1" and first.input_format is InputFormat.JSONL
    origin = str(DATA / "records.jsonl")
    assert docs[f"{origin}:2"].text == "A convoy was ambushed near the river crossing."
    assert docs["42"].locator == "line 4"
    assert set(docs) == {"r-1", f"{origin}:2", "42"}


def test_field_mapping_reads_other_column_names() -> None:
    mapped = replace(SETTINGS, fields=FieldMap.parse(
        ["id=doc", "title=headline", "text=body", "published=date", "url=link", "source=outlet"]))
    [doc] = documents("mapped.jsonl", mapped)
    assert (doc.document_id, doc.title, doc.published, doc.url, doc.source) == (
        "m-1", "Mapped headline", "2024-05-06", "https://example.org/m-1", "Mapped News")
    assert doc.text.startswith("Gunmen attacked")


def test_csv_rows_with_quotes_and_line_breaks() -> None:
    docs = documents("records.csv")
    assert [doc.document_id for doc in docs] == ["c-1", f"{DATA / 'records.csv'}:3"]
    assert docs[0].source == "Example Wire" and docs[0].locator == "row 2"
    assert docs[1].text == 'A second report, with "quotes" and\na line break inside the field.'
    assert docs[1].url is None


def test_csv_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "mapped.csv"
    path.write_text("key,body\nk-1,Troops withdrew from the town.\n")
    settings = replace(SETTINGS, fields=FieldMap.parse(["id=key", "text=body"]))
    [doc] = list(iter_documents(discover([str(path)]), settings))
    assert (doc.document_id, doc.text) == ("k-1", "Troops withdrew from the town.")


def test_csv_fields_longer_than_the_csv_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_text = "word " * 60_000  # 300,000 characters, over csv's default 131,072
    path.write_text(f"id,text\nlong,{long_text}\n")
    [doc] = list(iter_documents(discover([str(path)]), SETTINGS))
    assert len(doc.text) == len(long_text.strip())


def test_html_page_main_text_title_and_date() -> None:
    [doc] = read("page.html")
    assert doc.input_format is InputFormat.HTML
    assert doc.document_id == str(DATA / "page.html")
    assert doc.title == "Drone strike hits fuel depot"
    assert doc.published == "2024-06-14"
    assert "Two workers were injured" in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart
    assert "Copyright" not in doc.text and "Sport" not in doc.text


def test_html_without_a_date_gets_none_not_the_copyright_year(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    page = (DATA / "page.html").read_text()
    path.write_text(page.replace('<meta property="article:published_time" content="2024-06-14T08:30:00Z">', ""))
    [doc] = list(iter_documents(discover([str(path)]), SETTINGS))
    assert doc.published is None and "Copyright 2024" in page


def test_rss_entries() -> None:
    items = read("feed.rss")
    first, second = (item for item in items if isinstance(item, Document))
    assert first.document_id == "urn:example:airstrike"
    assert first.text == "An airstrike hit the village on Tuesday.\n\nFive people were killed, medics said."
    assert first.published == "2023-09-19T10:00:00+00:00"
    assert (first.url, first.source, first.locator) == ("https://example.org/news/airstrike", "Example Wire", "entry 1")
    assert second.document_id == "https://example.org/news/second"  # no guid: the link


def test_atom_entry_content_is_stripped_of_html() -> None:
    [doc] = read("feed.atom")
    assert doc.document_id == "urn:example:atom:1"
    assert doc.text == "Shelling resumed overnight despite the ceasefire.\n\nOne killed\n\nThree injured"
    assert (doc.source, doc.published) == ("Atom Monitor", "2024-07-01T12:00:00+00:00")


def test_feed_entry_without_id_or_link_is_numbered(tmp_path: Path) -> None:
    path = tmp_path / "bare.rss"
    path.write_text('<rss version="2.0"><channel><title>T</title><item><description>Only text.</description>'
                    "</item></channel></rss>")
    [doc] = list(iter_documents(discover([str(path)]), SETTINGS))
    assert doc.document_id == f"{path}#1"


def test_exact_copies_share_a_content_hash(tmp_path: Path) -> None:
    text = "Militants attacked a police post, killing two officers."
    (tmp_path / "a.txt").write_text(text + "\n")
    (tmp_path / "b.jsonl").write_text('{"id": "b", "text": "  Militants attacked a police post,\\nkilling two officers."}\n')
    docs = list(iter_documents(discover([str(tmp_path)]), SETTINGS))
    assert len(docs) == 2
    assert docs[0].content_hash == docs[1].content_hash == content_hash(text)
    assert docs[0].document_id != docs[1].document_id


def test_non_utf8_text_is_decoded_by_detection() -> None:
    [doc] = read("cp1252.txt")
    assert doc.text.startswith("Café owners") and "façade" in doc.text


def test_cp1252_jsonl_is_decoded_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    lines = ['{"id": "a", "text": "Caf\u00e9 destroyed in the raid."}', '{"id": "b", "text": "Fa\u00e7ade of the mosque hit."}']
    path.write_bytes("\n".join(lines).encode("cp1252") + b"\n")
    docs = list(iter_documents(discover([str(path)]), SETTINGS))
    assert [doc.text for doc in docs] == ["Caf\u00e9 destroyed in the raid.", "Fa\u00e7ade of the mosque hit."]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Ceasefire talks collapsed in Geneva.".encode("utf-16"))
    [doc] = list(iter_documents(discover([str(path)]), SETTINGS))
    assert doc.text == "Ceasefire talks collapsed in Geneva."


def test_utf8_bom_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "Border post shelled."}\n')
    [doc] = list(iter_documents(discover([str(path)]), SETTINGS))
    assert (doc.document_id, doc.text) == ("x", "Border post shelled.")


def test_read_file_takes_an_input_file_built_by_hand() -> None:
    file = InputFile(str(DATA / "wire.txt"), InputFormat.TEXT)
    [doc] = list(read_file(file, SETTINGS))
    assert doc.input_format is InputFormat.TEXT and doc.text.startswith("date 2024-02-03")


def test_large_jsonl_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "large.jsonl"
    line = '{"text": "%s"}\n' % ("Shelling was reported in the district. " * 10)
    path.write_text(line * 25_000)  # about 10 MB
    tracemalloc.start()
    count = sum(1 for _ in iter_documents(discover([str(path)]), SETTINGS))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 25_000
    assert peak < 2_000_000
