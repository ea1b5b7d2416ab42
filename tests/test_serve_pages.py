"""Dashboard pages, escaping of untrusted article text, the token-gated ingest and the OpenAPI schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_records import Report, build_database, result_of, sample_reports

from conflictlog.models import IncidentStatus
from conflictlog.serve import ServeSettings, create_app
from conflictlog.serve.detail import article_segments

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> said "</mark><b>'


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    hostile = Report("news/hostile.txt", f"Gunmen attacked Hostileville. {HOSTILE}", HOSTILE, "2023-09-20",
                     "<b>Hostileville</b>", "AZ", 40.0, 47.0, "Violence against civilians", "Attack",
                     IncidentStatus.SINGLE_SOURCE, "<i>gunmen</i>", "<script>src</script>", "x", killed=1)
    return build_database(str(tmp_path_factory.mktemp("pages") / "pages.sqlite"), [*sample_reports(), hostile])


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=db, ingest_token="s3cret"))) as test_client:
        yield test_client


def test_dashboard_uses_only_local_scripts(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "/static/dashboard.js" in page.text and "http" not in page.text.split("<main>")[0].lower()
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_incident_page_shows_claims_sources_and_highlighted_evidence(client: TestClient) -> None:
    page = client.get("/incidents/inc-news-mines.txt").text
    assert "Baku" in page and "alleged" in page and "Official Stepanakert" in page and "disputes" in page
    assert '<mark id="ev-ev-news-mines.txt" data-event="ev-news-mines.txt">six soldiers were killed by landmines</mark>' in page


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    page = client.get("/incidents/inc-news-hostile.txt").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>Hostileville" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert page.count("</mark>") == 1


def test_article_segments_cover_the_text_once() -> None:
    text = "abcdefghij"
    segments = article_segments(text, [(2, 5, "e1"), (4, 7, "e2"), (8, 20, "e1")])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.claim, s.anchor) for s in segments] == [
        ("ab", None, False), ("cde", "e1", True), ("fg", "e2", True), ("h", None, False), ("ij", "e1", False)]


def test_api_docs_page_is_served_locally(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    schema = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/events", "/api/documents",
            "/api/documents/{document_id}", "/api/timeline"} <= set(schema["paths"])
    assert "ErrorEnvelope" in schema["components"]["schemas"]


def test_ingest_is_off_without_a_token(db: str) -> None:
    with TestClient(create_app(ServeSettings(db=db))) as closed:
        response = closed.post("/api/documents", json={"documents": [{"id": "a", "text": "b"}]})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret", "s3cret"])
def test_ingest_refuses_a_missing_or_wrong_token(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/documents", json={"documents": [{"id": "a", "text": "b"}]}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


def test_ingest_validates_the_body(client: TestClient) -> None:
    response = client.post("/api/documents", json={"documents": []}, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["location"][:2] == ["body", "documents"]


class RecordingPipeline:
    """Stands in for the spaCy pipeline: returns the hand-built result of each posted report."""

    def __init__(self, reports: dict[str, Report]) -> None:
        self.reports = reports
        self.seen: list[str] = []

    def process(self, documents):
        self.seen.extend(d.document_id for d in documents)
        return [result_of(self.reports[d.document_id]) for d in documents]


def test_ingest_stores_posted_reports_and_skips_known_text(tmp_path) -> None:
    report = sample_reports()[0]
    app = create_app(ServeSettings(db=build_database(str(tmp_path / "i.sqlite"), []), ingest_token="s3cret"))
    app.state.pipeline = RecordingPipeline({report.document_id: report})
    posted = {"documents": [{"id": report.document_id, "text": report.text, "published": report.date}]}
    with TestClient(app) as api:
        first = api.post("/api/documents", json=posted, headers={"Authorization": "Bearer s3cret"}).json()
        again = api.post("/api/documents", json=posted, headers={"Authorization": "Bearer s3cret"}).json()
        listed = api.get("/api/incidents").json()
    assert (first["added"], first["events"], first["incidents"]) == (1, 1, 1)
    assert (again["added"], again["duplicates"]) == (0, 1)
    assert app.state.pipeline.seen == [report.document_id]
    assert listed["total"] == 1
