"""The PDF report's own text layout (pdf_layout.Layout): wrapping within the width, rows taller
than a page continued under a repeated heading, and every incident and note of a long report
present in the PDF's text (pdftotext from Debian's poppler-utils)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conflictlog.report.sitrep import Scope, build_sitrep, render
from conflictlog.report.sitrep.pdf import _document, FONT
from conflictlog.report.sitrep.pdf_layout import Layout

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_report.py"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (Debian poppler-utils) is not installed")


def _layout(size: float = 8) -> Layout:
    layout = Layout(_document("layout test"), FONT)
    layout.pdf.set_font(FONT, "", size)
    return layout


def _text(pdf_bytes: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf_bytes)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8").split("\f")


def test_wrapped_lines_fit_and_keep_every_word():
    layout = _layout()
    text = "Shelling of the eastern district continued overnight, officials said; " * 6
    lines = layout.wrap(text.strip(), 40)
    assert len(lines) > 3
    assert all(layout.pdf.get_string_width(line) <= 40 for line in lines)
    assert " ".join(lines) == text.strip()


def test_newlines_break_and_overlong_words_are_cut():
    layout = _layout()
    assert layout.wrap("first\nsecond", 100) == ["first", "second"]
    word = "Nagorno-Karabakh" * 4
    pieces = layout.wrap(word, 15)
    assert len(pieces) > 1 and "".join(pieces) == word
    assert all(layout.pdf.get_string_width(piece) <= 15 for piece in pieces)
    assert layout.wrap("Explosions/Remote violence", 22)[0] == "Explosions/"    # cut after the slash
    assert layout.wrap("Nagorno-Karabakh, AZ", 20)[0] == "Nagorno-"


@needs_pdftotext
def test_row_taller_than_a_page_continues_under_the_heading(tmp_path):
    layout = _layout(7)
    tall = "\n".join(f"statement {n}" for n in range(160))
    layout.table((1, 3), [("side", "what was said"), ("Ostria", tall), ("Veldmark", "short")], size=7,
                 line_height=3.4)
    pages = [page for page in _text(bytes(layout.pdf.output()), tmp_path) if page.strip()]
    assert len(pages) >= 2
    assert all("what was said" in page for page in pages)       # heading repeated on each page
    said = [int(n) for n in re.findall(r"statement (\d+)", "".join(pages))]
    assert said == list(range(160))                            # nothing lost or repeated at the break
    assert "Veldmark" in pages[-1]


def _synthetic(count: int):
    spec = importlib.util.spec_from_file_location("bench_report", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic(count)


@needs_pdftotext
def test_long_report_lists_every_incident_and_note(tmp_path):
    report, _ = build_sitrep(_synthetic(150), Scope(), charts=False)
    text = "\n".join(_text(render(report, "pdf"), tmp_path))
    table = text.split("Contested and denied claims")[0]
    rows = {int(m) for m in re.findall(r"^\s*(\d+)\s+2030-", table, flags=re.MULTILINE)}
    assert rows == set(range(1, 151))
    evidence = text.split("Sources and evidence")[1]
    assert {int(n) for n in re.findall(r"\[(\d+)\] #", evidence)} == {n.number for n in report.notes}
    contested = text.split("Contested and denied claims")[1].split("What changed since")[0]
    headed = {int(n) for n in re.findall(r"^#(\d+) .*\(contested\)$", contested, flags=re.MULTILINE)}
    assert headed == {c.row for c in report.contests} and len(headed) == 30
    assert contested.count("Other side (disputes): denied it") == 30
