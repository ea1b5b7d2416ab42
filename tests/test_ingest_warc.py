"""Ingest: WARC archives, whole, cut short and corrupt, built here with warcio."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conflictlog.config import Settings
from conflictlog.ingest import discover, iter_documents
from conflictlog.models import Document, InputFormat, Rejected, RejectReason

SETTINGS = Settings()
PAGE = """<html><head><title>Report {n}</title>{meta}</head><body><nav>Home | World</nav><article>
<h1>Report {n}</h1>
<p>Artillery fire hit residential buildings in district {n} overnight, damaging homes and a school, officials said.</p>
<p>Rescue teams searched the rubble for survivors through the morning, the emergency service said in a statement.</p>
</article></body></html>"""
DATED = '<meta property="article:published_time" content="2024-03-02T09:00:00Z">'


def page(n: int, meta: str = "") -> bytes:
    return PAGE.format(n=n, meta=meta).encode()


def write_warc(path: Path, pages: list[bytes], gzip: bool) -> list[int]:
    """Write response records (plus an image and a request record) and return each page's offset."""
    offsets = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for n, body in enumerate(pages):
            offsets.append(handle.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"}))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG..."), http_headers=image))
        writer.write_record(writer.create_warc_record("https://example.org/0", "request", payload=io.BytesIO(b"GET /")))
    return offsets


def ingest(path: Path) -> list[Document | Rejected]:
    return list(iter_documents(discover([str(path)]), SETTINGS))


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = write_warc(path, [page(0, DATED), page(1)], gzip)
    assert discover([str(path)])[0].format is InputFormat.WARC
    first, second = ingest(path)
    assert (first.document_id, first.url, first.locator) == ("https://example.org/0", "https://example.org/0", f"byte {offsets[0]}")
    assert first.published == "2024-03-02"  # from the page
    assert second.published == "2024-03-05"  # from WARC-Date
    assert "Artillery fire hit residential buildings in district 1" in second.text
    assert second.input_format is InputFormat.WARC and second.title == "Report 1"


def test_gzipped_warc_with_another_name_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, [page(0)], gzip=True)
    assert discover([str(path)])[0].format is InputFormat.WARC


@pytest.mark.parametrize("gzip", [True, False])
def test_cut_off_archive_keeps_what_came_before(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole, [page(0), page(1), page(2)], gzip)
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole.read_bytes()[: offsets[2] + 300])
    items = ingest(cut)
    assert [item.document_id for item in items if isinstance(item, Document)] == [
        "https://example.org/0", "https://example.org/1"]
    [damage] = [item for item in items if isinstance(item, Rejected)]
    assert damage.reason is RejectReason.TRUNCATED_WARC
    assert damage.locator == f"byte {offsets[2]}" and str(cut) in damage.detail


def test_corrupt_gzip_member_is_a_bad_warc(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole, [page(0), page(1)], gzip=True)
    data = bytearray(whole.read_bytes())
    data[offsets[1] + 40: offsets[1] + 80] = b"\x00" * 40  # inside the compressed body of record 2
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = ingest(bad)
    assert isinstance(items[0], Document) and items[0].document_id == "https://example.org/0"
    assert isinstance(items[-1], Rejected)
    assert items[-1].reason in (RejectReason.BAD_WARC, RejectReason.TRUNCATED_WARC)
    assert items[-1].locator == f"byte {offsets[1]}"


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 5)
    [bad] = ingest(path)
    assert bad.reason is RejectReason.BAD_WARC and bad.locator == "byte 0"
