"""Ingest: bad input never raises and is never dropped; each bad item is a Rejected that says where and why."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from conflictlog.config import Settings
from conflictlog.ingest import InputFile, discover, iter_documents, read_file
from conflictlog.models import Document, InputFormat, Rejected, RejectReason

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = Settings()


def ingest(path: Path, settings: Settings = SETTINGS) -> list[Document | Rejected]:
    return list(iter_documents(discover([str(path)]), settings))


def rejected(items: list[Document | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


def by_locator(items: list[Document | Rejected]) -> dict[str | None, Rejected]:
    return {item.locator: item for item in rejected(items)}


def test_jsonl_bad_lines_each_become_a_rejected() -> None:
    items = ingest(DATA / "records.jsonl")
    bad = by_locator(items)
    assert bad["line 5"].reason is RejectReason.MALFORMED_JSON
    assert "records.jsonl, line 5" in bad["line 5"].detail and "not valid JSON" in bad["line 5"].detail
    assert bad["line 6"].reason is RejectReason.MALFORMED_JSON and "list" in bad["line 6"].detail
    assert bad["line 7"].reason is RejectReason.MISSING_FIELD and bad["line 7"].document_id == "r-notext"
    assert bad["line 8"].reason is RejectReason.EMPTY
    assert bad["line 9"].reason is RejectReason.MISSING_FIELD
    # 9 lines, one blank: 3 documents and 5 rejected, nothing lost
    assert len(items) == 8


def test_csv_wrong_column_counts_and_empty_text() -> None:
    bad = by_locator(ingest(DATA / "records.csv"))
    assert bad["row 4"].reason is RejectReason.MALFORMED_CSV and "7 columns" in bad["row 4"].detail
    assert bad["row 5"].reason is RejectReason.MALFORMED_CSV and "2 columns" in bad["row 5"].detail
    assert bad["row 6"].reason is RejectReason.EMPTY and bad["row 6"].document_id == "c-5"


def test_csv_without_the_text_column() -> None:
    [bad] = ingest(DATA / "no_text_column.csv")
    assert bad.reason is RejectReason.MISSING_FIELD
    assert "'text'" in bad.detail and "id, title, body" in bad.detail


def test_invalid_utf8_text_file(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\xff\xfe\x00garbage\x00\x01\x02\x03" * 20)
    [bad] = ingest(path)
    assert bad.reason is RejectReason.UNDECODABLE
    assert str(path) in bad.detail and "NUL" in bad.detail


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 9)) * 30 + b"some words")
    [bad] = ingest(path)
    assert bad.reason is RejectReason.UNDECODABLE and "control characters" in bad.detail


def test_undecodable_jsonl_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"id": "ok", "text": "Caf\u00e9 shelled."}\n'.encode() + b'{"id": "bad", "text": "caf\xff\xfe"}\n'
                     b'{"id": "ok2", "text": "Another fine line."}\n')
    items = ingest(path)
    assert [type(item).__name__ for item in items] == ["Document", "Rejected", "Document"]
    assert items[1].reason is RejectReason.UNDECODABLE and items[1].locator == "line 2"


def test_undecodable_csv_row_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("id,text\na,Caf\u00e9 row one.\n".encode() + b"b,bad \xff\xfe\xfd bytes\nc,Fine row three.\n")
    items = ingest(path)
    assert [item.document_id for item in items if isinstance(item, Document)] == ["a", "c"]
    [bad] = rejected(items)
    assert bad.reason is RejectReason.UNDECODABLE and bad.locator == "row 3"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [bad] = ingest(path)
    assert bad.reason is RejectReason.EMPTY and str(path) in bad.detail


def test_empty_csv(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    [bad] = ingest(path)
    assert bad.reason is RejectReason.EMPTY


def test_oversized_documents(tmp_path: Path) -> None:
    small = replace(SETTINGS, max_chars=40)
    path = tmp_path / "long.jsonl"
    path.write_text('{"id": "long", "text": "%s"}\n{"id": "short", "text": "Short enough."}\n' % ("x" * 41))
    long, short = ingest(path, small)
    assert long.reason is RejectReason.OVERSIZED and "41 characters" in long.detail and "40" in long.detail
    assert isinstance(short, Document)


def test_oversized_text_file_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("y" * 1000)
    [bad] = ingest(path, replace(SETTINGS, max_chars=100))
    assert bad.reason is RejectReason.OVERSIZED and "bytes" in bad.detail


def test_broken_html() -> None:
    [bad] = ingest(DATA / "broken.html")
    assert bad.reason is RejectReason.BAD_HTML and "broken.html" in bad.detail


def test_broken_feed() -> None:
    [bad] = ingest(DATA / "bad_feed.xml")
    assert bad.reason is RejectReason.BAD_FEED and "bad_feed.xml" in bad.detail


def test_feed_entry_without_text_is_empty() -> None:
    [bad] = rejected(ingest(DATA / "feed.rss"))
    assert bad.reason is RejectReason.EMPTY and bad.locator == "entry 3"


def test_binary_file_is_unsupported() -> None:
    [file] = discover([str(DATA / "pixel.png")])
    assert file.format is None
    [bad] = list(read_file(file, SETTINGS))
    assert bad.reason is RejectReason.UNSUPPORTED and "pixel.png" in bad.detail


def test_pretty_printed_json_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "pretty.json"
    path.write_text('{\n  "text": "a"\n}\n')
    [bad] = ingest(path)
    assert bad.reason is RejectReason.UNSUPPORTED


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read files without read permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.jsonl"
    path.write_text('{"text": "x"}\n')
    path.chmod(0)
    [bad] = ingest(path)
    assert bad.reason is RejectReason.UNREADABLE and "secret.jsonl" in bad.detail


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads files whatever their mode, so the refusal is staged where the reader opens the file.
    path = tmp_path / "locked.jsonl"
    path.write_text('{"text": "x"}\n')

    def refuse(name: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr("builtins.open", refuse)
    [bad] = list(read_file(InputFile(str(path), InputFormat.JSONL), SETTINGS))
    assert bad.reason is RejectReason.UNREADABLE
    assert "locked.jsonl" in bad.detail and "Permission denied" in bad.detail


def test_file_gone_between_discovery_and_reading(tmp_path: Path) -> None:
    [bad] = list(read_file(InputFile(str(tmp_path / "vanished.txt"), InputFormat.TEXT), SETTINGS))
    assert bad.reason is RejectReason.UNREADABLE and "vanished.txt" in bad.detail


def test_a_directory_given_as_a_file_is_unreadable(tmp_path: Path) -> None:
    [bad] = list(read_file(InputFile(str(tmp_path), InputFormat.JSONL), SETTINGS))
    assert bad.reason is RejectReason.UNREADABLE
