"""Byte-range shards read exactly what reading the whole file reads: same items, ids, locators."""

from __future__ import annotations

import json
from itertools import chain
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from conflictlog.config import Settings
from conflictlog.ingest import discover, read_file
from conflictlog.ingest.shards import Shard, plan_shards, read_shard
from conflictlog.models import Rejected, RejectReason

SETTINGS = Settings()


def _jsonl(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def _sharded(path: Path, shard_bytes: int) -> tuple[list, list[Shard]]:
    shards = plan_shards(discover([str(path)]), shard_bytes)
    return list(chain.from_iterable(read_shard(s, SETTINGS) for s in shards)), shards


def _whole(path: Path) -> list:
    return list(chain.from_iterable(read_file(f, SETTINGS) for f in discover([str(path)])))


def _record(number: int) -> bytes:
    return json.dumps({"text": f"Report {number}: guerrillas attacked a post near the town."}).encode() + b"\n"


def test_jsonl_split_reads_the_same_items_with_their_line_numbers(tmp_path: Path) -> None:
    lines = [_record(n) for n in range(40)]
    lines[7] = b"{not json\n"
    lines[12] = b"\n"
    lines[20] = b"\xff\xfe broken \xff\n"
    path = _jsonl(tmp_path, lines)
    items, shards = _sharded(path, 200)
    assert len(shards) > 5
    assert items == _whole(path)
    assert items[30].document_id == f"{path}:32"  # a later shard still numbers lines from the file's start


def test_small_files_and_other_formats_stay_whole(tmp_path: Path) -> None:
    small = _jsonl(tmp_path, [_record(1)])
    text = tmp_path / "note.txt"
    text.write_text("Soldiers were killed in an ambush. " * 400)
    shards = plan_shards(discover([str(small), str(text)]), 100)
    assert [s.whole for s in shards] == [True, True]


CSV_ROWS = [
    b"id,title,text\n",
    b"a1,One,\"A bomb exploded in the market.\"\n",
    b"a2,Two,\"The report said:\n\"\"ten were wounded\"\"\nin the north.\"\n",
    b"\n",
    b"a3,Three,too,many,cells\n",
    b",Four,\"Rebels shelled the village, killing two.\"\n",
    b"a5,Five,\"Police arrested six men.\"\n",
] * 6


def test_csv_split_keeps_quoted_newlines_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"".join(CSV_ROWS[:1] + [r for r in CSV_ROWS if not r.startswith(b"id,")]))
    items, shards = _sharded(path, 120)
    assert len(shards) > 3
    whole = _whole(path)
    assert items == whole
    assert any(isinstance(i, Rejected) and i.reason is RejectReason.MALFORMED_CSV for i in items)


def test_csv_without_text_column_is_rejected_once(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_bytes(b"id,body\n" + b"".join(b"x%d,some words here\n" % n for n in range(50)))
    items, shards = _sharded(path, 100)
    assert len(shards) > 1
    assert [i.reason for i in items] == [RejectReason.MISSING_FIELD]


def test_a_vanished_file_becomes_a_rejection_not_an_error(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [_record(n) for n in range(30)])
    shards = plan_shards(discover([str(path)]), 200)
    path.unlink()
    items = list(read_shard(shards[2], SETTINGS))
    assert [i.reason for i in items] == [RejectReason.UNREADABLE]


@hsettings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([b"", b"{}", b"[1]", b"{\"text\": \"x y\"}", b"\x80\x81", b"{\"text\": \"\"}"]),
                min_size=1, max_size=30),
       st.integers(min_value=1, max_value=80))
def test_any_split_of_any_jsonl_matches_reading_it_whole(tmp_path_factory: pytest.TempPathFactory,
                                                         lines: list[bytes], shard_bytes: int) -> None:
    path = _jsonl(tmp_path_factory.mktemp("p"), [line + b"\n" for line in lines])
    items, _ = _sharded(path, shard_bytes)
    assert items == _whole(path)
