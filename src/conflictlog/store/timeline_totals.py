"""Per day and event type totals of incidents, kept current by database triggers (migration 5).

An unfiltered timeline over 100k incidents would otherwise aggregate every incident on every
request; ``incident_days`` holds one row per day and type (about 10k over five years), so the
timeline reads those instead whenever its filters are only dates and an event type. Triggers,
not Python code, keep it current: every writer of ``incidents`` (ingest, fusion, re-fuse,
deletes) updates it in the same transaction, whatever module it is.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Integer, PrimaryKeyConstraint, String, Table, text

from .schema import metadata

incident_days = Table(
    "incident_days", metadata,
    Column("day", String, nullable=False),
    Column("event_type", String, nullable=False),
    Column("incidents", Integer, nullable=False),
    Column("killed", Integer, nullable=False),
    Column("injured", Integer, nullable=False),
    PrimaryKeyConstraint("day", "event_type"),
    # Rows stored in key order: a timeline reads them in one sequential pass.
    sqlite_with_rowid=False,
)

# Adds one incident's figures (NEW) or takes them away (OLD, with a minus sign).
_ADD = ("INSERT INTO incident_days (day, event_type, incidents, killed, injured) "
        "VALUES (NEW.date_start, NEW.event_type, 1, COALESCE(NEW.killed_best, 0), COALESCE(NEW.injured_best, 0)) "
        "ON CONFLICT (day, event_type) DO UPDATE SET incidents = incident_days.incidents + 1, "
        "killed = incident_days.killed + excluded.killed, injured = incident_days.injured + excluded.injured")
_REMOVE = ("UPDATE incident_days SET incidents = incidents - 1, killed = killed - COALESCE(OLD.killed_best, 0), "
           "injured = injured - COALESCE(OLD.injured_best, 0) WHERE day = OLD.date_start AND event_type = OLD.event_type")
_WATCHED = "date_start, event_type, killed_best, injured_best"

_SQLITE_TRIGGERS = (
    f"CREATE TRIGGER incident_days_insert AFTER INSERT ON incidents WHEN NEW.date_start IS NOT NULL "
    f"BEGIN {_ADD}; END",
    f"CREATE TRIGGER incident_days_delete AFTER DELETE ON incidents WHEN OLD.date_start IS NOT NULL "
    f"BEGIN {_REMOVE}; END",
    # Two triggers for an update: either side may lack a day.
    f"CREATE TRIGGER incident_days_update_old AFTER UPDATE OF {_WATCHED} ON incidents "
    f"WHEN OLD.date_start IS NOT NULL BEGIN {_REMOVE}; END",
    f"CREATE TRIGGER incident_days_update_new AFTER UPDATE OF {_WATCHED} ON incidents "
    f"WHEN NEW.date_start IS NOT NULL BEGIN {_ADD}; END",
)

_POSTGRES_TRIGGERS = (
    f"""CREATE FUNCTION incident_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.date_start IS NOT NULL THEN {_REMOVE}; END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.date_start IS NOT NULL THEN {_ADD}; END IF;
          RETURN NULL;
        END $$""",
    f"CREATE TRIGGER incident_days_change AFTER INSERT OR DELETE OR UPDATE OF {_WATCHED} ON incidents "
    "FOR EACH ROW EXECUTE FUNCTION incident_days_apply()",
)

_BACKFILL = ("INSERT INTO incident_days (day, event_type, incidents, killed, injured) "
             "SELECT date_start, event_type, COUNT(*), COALESCE(SUM(killed_best), 0), COALESCE(SUM(injured_best), 0) "
             "FROM incidents WHERE date_start IS NOT NULL GROUP BY date_start, event_type")


def add_timeline_totals(conn: Connection) -> None:
    """Migration 5: the ``incident_days`` table, filled from the stored incidents, and its triggers."""
    incident_days.create(conn)
    conn.execute(text(_BACKFILL))
    triggers = _SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else _POSTGRES_TRIGGERS
    for statement in triggers:
        conn.execute(text(statement))
