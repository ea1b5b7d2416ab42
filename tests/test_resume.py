"""A run killed midway is finished by running it again: no loss, no duplicates."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

PLACES = ["Stepanakert", "Mosul", "Aleppo", "Kharkiv", "Donetsk", "Gaza", "Kabul", "Mogadishu"]
ACTS = ["Shelling killed {n} civilians in {p} on Monday, officials said.",
        "Gunmen abducted {n} villagers near {p}, police said on Tuesday.",
        "An airstrike on {p} injured {n} people, including two children, the ministry said.",
        "Clashes between the army and rebels near {p} left {n} soldiers dead."]


def write_corpus(path, count):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            text = ACTS[i % len(ACTS)].format(n=i % 9 + 2, p=PLACES[i % len(PLACES)])
            fh.write(json.dumps({"id": f"doc-{i}", "published": "2024-03-0%d" % (i % 9 + 1),
                                 "text": f"{text} Report number {i}."}) + "\n")


def ingest_cmd(corpus, db):
    return [sys.executable, "-m", "conflictlog.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"]


def stored(db):
    with sqlite3.connect(db) as con:
        docs = sorted(r[0] for r in con.execute("SELECT document_id FROM documents"))
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        incidents = con.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return docs, events, incidents


def count_documents(db):
    try:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 120)
    killed_db, clean_db = tmp_path / "killed.sqlite", tmp_path / "clean.sqlite"
    proc = subprocess.Popen(ingest_cmd(corpus, killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count_documents(killed_db) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = count_documents(killed_db)
    assert 0 < partial < 120, "the run must have been cut off midway"
    subprocess.run(ingest_cmd(corpus, killed_db), check=True, capture_output=True)
    subprocess.run(ingest_cmd(corpus, clean_db), check=True, capture_output=True)
    docs, events, incidents = stored(killed_db)
    assert len(docs) == len(set(docs)) == 120
    assert (docs, events, incidents) == stored(clean_db)
