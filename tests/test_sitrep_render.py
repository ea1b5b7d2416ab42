"""Situation reports over the ingested seed article, through the CLI: HTML, Markdown and PDF
(pages rasterised with pdftoppm and checked for the map and the chart), --since-last and
byte-identical output for the same database and arguments."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from conflictlog.cli import main
from conflictlog.models import CasualtyKind, IncidentCasualty, IncidentStatus, VictimGroup
from conflictlog.store import Repository

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed"
MAP_SEA = (0xDB, 0xE9, 0xF4)           # the map's water colour (charts.py)
CHART_BARS = ((0x1F, 0x77, 0xB4), (0xFF, 0x7F, 0x0E))   # the first two event-type colours


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    if not SEED.exists():
        pytest.skip("shared/corpus/seed is not beside the repository")
    db = tmp_path_factory.mktemp("sitrep") / "seed.sqlite"
    assert main(["ingest", str(SEED), "--db", str(db), "--no-progress"]) == 0
    return db


def _report(db: Path, out: Path, fmt: str, *extra: str) -> str | bytes:
    assert main(["report", "--db", str(db), "--format", fmt, "-o", str(out), *extra]) == 0
    return out.read_bytes() if fmt == "pdf" else out.read_text(encoding="utf-8")


def test_seed_markdown_figures_and_contested_claim(seed_db, tmp_path):
    text = _report(seed_db, tmp_path / "seed.md", "md")
    killed = re.search(r"\*\*Killed: ([^*]+)\*\*", text).group(1)
    assert killed.startswith("8+")                      # 6 (Baku's claim) + at least 2 in Stepanakert
    assert "**Killed: children: 1**" in text and "**Injured: children: 8**" in text
    contested = text.split("## Contested and denied claims")[1].split("## What changed")[0]
    assert "Baku" in contested and "Official Stepanakert" in contested and "(disputes)" in contested
    assert len(re.findall(r"\[\d+\] \|", contested)) == 2   # both sides footnoted to the evidence
    assert (tmp_path / "seed.md.state.json").exists()


def test_seed_html_is_self_contained(seed_db, tmp_path):
    html = _report(seed_db, tmp_path / "seed.html", "html", "--country", "AZ")
    assert html.count("data:image/png;base64,") == 2
    assert "<script" not in html and "<link" not in html and "src=\"http" not in html
    assert "Artsakh’s Human Rights Defender" not in html or "&lt;" not in html   # text is escaped, not dropped
    assert "Contested and denied claims" in html and 'href="#note-' in html


def test_since_last_reports_revised_figures_and_status(seed_db, tmp_path):
    out = tmp_path / "since.md"
    first = _report(seed_db, out, "md", "--since-last")
    assert "Not asked for" not in first and "every incident is new" in first
    assert _report(seed_db, out, "md", "--since-last").count("New incident:") == 0
    revised_db = tmp_path / "revised.sqlite"
    shutil.copy(seed_db, revised_db)
    with Repository.open(str(revised_db), create=False) as repo:
        incidents = list(repo.iter_incidents())
        target = next(i for i in incidents if i.location.name == "Stepanakert")
        revised = dataclasses.replace(target, status=IncidentStatus.CORROBORATED, casualties=[
            IncidentCasualty(CasualtyKind.KILLED, VictimGroup.ALL, 2, 3, 4)])
        repo.replace_incidents([], [revised])
    second = _report(revised_db, out, "md", "--since-last")
    changes = second.split("## What changed since the last report")[1].split("### Developing")[0]
    assert "Figures revised for" in changes and "killed all 2+ → 2-4 (best 3)" in changes
    assert "single_source → corroborated" in changes


def test_same_database_and_arguments_give_identical_files(seed_db, tmp_path):
    for fmt in ("html", "pdf", "md"):
        one, two = tmp_path / f"one.{fmt}", tmp_path / f"two.{fmt}"
        assert _report(seed_db, one, fmt) == _report(seed_db, two, fmt), fmt


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (Debian poppler-utils) is not installed")
def test_pdf_pages_show_map_and_chart(seed_db, tmp_path):
    _report(seed_db, tmp_path / "seed.pdf", "pdf")
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(tmp_path / "seed.pdf"), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    first = Image.open(pages[0]).convert("RGB")
    assert _share(first, MAP_SEA) > 0.01               # the map's sea is on page one
    assert all(_share(first, colour) > 0.002 for colour in CHART_BARS)
    assert _share(first, (255, 255, 255)) < 0.95       # not a blank page


def _share(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 6) -> float:
    pixels = image.get_flattened_data()
    near = sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, colour)))
    return near / (image.width * image.height)
