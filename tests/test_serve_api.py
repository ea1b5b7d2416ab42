"""The JSON API: every endpoint, filter, sort, page and error, over a small hand-built database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_records import build_database, sample_reports

from conflictlog.serve import ServeSettings, create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_database(str(tmp_path_factory.mktemp("serve") / "api.sqlite"), sample_reports())


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=db))) as test_client:
        yield test_client


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_incidents_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert [i["id"] for i in body["items"]] == ["inc-news-kherson.txt", "inc-news-mines.txt", "inc-news-stepanakert.txt"]
    assert (body["total"], body["offset"], body["limit"]) == (3, 0, 50)


@pytest.mark.parametrize(("query", "expected"), [
    ("date_from=2023-09-20", {"inc-news-mines.txt", "inc-news-kherson.txt"}),
    ("date_to=2023-09-26", {"inc-news-mines.txt", "inc-news-stepanakert.txt"}),
    ("date_from=2023-09-20&date_to=2023-09-30", {"inc-news-mines.txt"}),
    ("bbox=46,39,47,40", {"inc-news-mines.txt", "inc-news-stepanakert.txt"}),
    ("bbox=170,39,50,47", {"inc-news-mines.txt", "inc-news-stepanakert.txt", "inc-news-kherson.txt"}),
    ("country=ua", {"inc-news-kherson.txt"}),
    ("event_type=Battles", {"inc-news-kherson.txt"}),
    ("actor=azerbaijan", {"inc-news-stepanakert.txt"}),
    ("status=contested", {"inc-news-mines.txt"}),
    ("min_casualties=7", {"inc-news-stepanakert.txt"}),
    ("min_casualties=6", {"inc-news-stepanakert.txt", "inc-news-mines.txt"}),
    ("q=landmines", {"inc-news-mines.txt"}),
    ("q=SHELLED stepanakert", {"inc-news-stepanakert.txt"}),
    ('q=" OR "', set()),
    ("country=AZ&status=single_source", {"inc-news-stepanakert.txt"}),
])
def test_incident_filters(client: TestClient, query: str, expected: set[str]) -> None:
    response = client.get(f"/api/incidents?{query}")
    assert set(ids(response)) == expected
    assert response.json()["total"] == len(expected)


def test_sort_and_paging(client: TestClient) -> None:
    assert ids(client.get("/api/incidents?sort=-casualties")) == [
        "inc-news-mines.txt", "inc-news-stepanakert.txt", "inc-news-kherson.txt"]
    assert ids(client.get("/api/incidents?sort=date&offset=1&limit=1")) == ["inc-news-mines.txt"]
    page = client.get("/api/incidents?offset=5").json()
    assert page["items"] == [] and page["total"] == 3


def test_incident_detail_has_claims_disputes_sources_and_history(client: TestClient) -> None:
    detail = client.get("/api/incidents/inc-news-mines.txt").json()
    assert detail["incident"]["status"] == "contested"
    assert [e["id"] for e in detail["events"]] == ["ev-news-mines.txt"]
    (claim,) = detail["claims"]
    assert (claim["source"], claim["side"], claim["stance"]) == ("Baku", "AZ", "alleged")
    assert claim["evidence"] == ["six soldiers were killed by landmines"]
    assert detail["disputes"] == [{"source": "Official Stepanakert", "side": "Artsakh", "text": "denied the claims",
                                   "event_id": "ev-news-mines.txt"}]
    assert detail["sources"][0]["title"] == "Report on Askeran"
    (contested,) = detail["contested_figures"]
    assert (contested["kind"], contested["claims"][0]["min"]) == ("killed", 6)
    assert detail["history"][0]["status"] == "contested"


def test_undisputed_single_figure_is_not_contested(client: TestClient) -> None:
    assert client.get("/api/incidents/inc-news-stepanakert.txt").json()["contested_figures"] == []


def test_events_filtered(client: TestClient) -> None:
    assert ids(client.get("/api/events")) == ["ev-news-kherson.txt", "ev-news-mines.txt", "ev-news-stepanakert.txt"]
    assert ids(client.get("/api/events?incident_id=inc-news-mines.txt")) == ["ev-news-mines.txt"]
    assert ids(client.get("/api/events?document_id=news/kherson.txt")) == ["ev-news-kherson.txt"]
    assert ids(client.get("/api/events?event_type=Battles")) == ["ev-news-kherson.txt"]


def test_documents_list_and_one_with_evidence(client: TestClient) -> None:
    listing = client.get("/api/documents").json()
    assert [d["document_id"] for d in listing["items"]] == ["news/kherson.txt", "news/mines.txt", "news/stepanakert.txt"]
    assert "text" not in listing["items"][0]
    document = client.get("/api/documents/news/mines.txt").json()
    (span,) = document["evidence"]
    assert document["text"][span["start"]:span["end"]] == span["text"] == "six soldiers were killed by landmines"


@pytest.mark.parametrize("interval", ["day", "week"])
def test_timeline(client: TestClient, interval: str) -> None:
    body = client.get(f"/api/timeline?interval={interval}").json()
    periods = {(b["period"], b["event_type"]): (b["incidents"], b["killed"], b["injured"]) for b in body["buckets"]}
    if interval == "day":
        assert periods == {("2023-09-19", "Explosions/Remote violence"): (1, 2, 11),
                           ("2023-09-26", "Explosions/Remote violence"): (1, 6, 0),
                           ("2023-10-05", "Battles"): (1, 0, 0)}
    else:
        assert periods == {("2023-09-18", "Explosions/Remote violence"): (1, 2, 11),
                           ("2023-09-25", "Explosions/Remote violence"): (1, 6, 0),
                           ("2023-10-02", "Battles"): (1, 0, 0)}


def test_timeline_takes_the_incident_filters(client: TestClient) -> None:
    body = client.get("/api/timeline?country=UA").json()
    assert [b["period"] for b in body["buckets"]] == ["2023-10-05"]


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/incidents/inc-nope", 404, "not_found"),
    ("/api/documents/nope.txt", 404, "not_found"),
    ("/api/nowhere", 404, "not_found"),
    ("/incidents/inc-nope", 404, "not_found"),
    ("/api/incidents?date_from=19-09-2023", 422, "invalid_request"),
    ("/api/incidents?status=rumoured", 422, "invalid_request"),
    ("/api/incidents?bbox=1,2,3", 422, "invalid_request"),
    ("/api/incidents?bbox=0,80,10,70", 422, "invalid_request"),
    ("/api/incidents?bbox=a,b,c,d", 422, "invalid_request"),
    ("/api/incidents?limit=0", 422, "invalid_request"),
    ("/api/incidents?limit=5000", 422, "invalid_request"),
    ("/api/incidents?sort=color", 422, "invalid_request"),
    ("/api/incidents?event_type=Picnics", 422, "invalid_request"),
    ("/api/incidents?min_casualties=-1", 422, "invalid_request"),
    ("/api/timeline?interval=year", 422, "invalid_request"),
])
def test_every_error_has_the_envelope(client: TestClient, url: str, status: int, code: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"] and error["hint"]


def test_validation_error_lists_the_bad_parameter(client: TestClient) -> None:
    details = client.get("/api/incidents?limit=0").json()["error"]["details"]
    assert details[0]["location"] == ["query", "limit"]


def test_wrong_method_has_the_envelope(client: TestClient) -> None:
    response = client.delete("/api/incidents")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_unexpected_failure_is_a_500_envelope(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(ServeSettings(db=db))
    monkeypatch.setattr(app.state.query_store, "incidents", _explode)
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/api/incidents")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "boom" not in response.text


def test_storage_failure_is_a_503_envelope(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conflictlog.errors import StorageError

    app = create_app(ServeSettings(db=build_database(str(tmp_path / "x.sqlite"), [])))

    def fail(*args: object, **kwargs: object) -> None:
        raise StorageError("could not list incidents", hint="check the database")

    monkeypatch.setattr(app.state.query_store, "incidents", fail)
    with TestClient(app) as failing:
        response = failing.get("/api/incidents")
    assert response.status_code == 503
    assert response.json()["error"] == {"status": 503, "code": "unavailable", "message": "could not list incidents",
                                        "hint": "check the database", "details": []}


def test_missing_database_is_refused_at_start(tmp_path) -> None:
    from conflictlog.errors import StorageError

    with pytest.raises(StorageError, match="no database"):
        create_app(ServeSettings(db=str(tmp_path / "absent.sqlite")))


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")
