"""Triggers that seal approved records and keep the audit log append-only, on both databases.

The first line of defence (the seals and the hash chain are the second: they catch what is done
outside LabApp with the triggers dropped):

* ``audit_log``, ``signatures``, ``person_keys``: no UPDATE, no DELETE.
* ``events``: an approved or superseded event is never deleted and never changed, except that an
  approved event may become superseded (its approved correction replaces it) and its version and
  ``updated_*`` stamp may move (a correction locks the original by bumping its version).
* ``measurement_points``, ``event_standards``: no UPDATE or DELETE under an approved or superseded
  event.
* PostgreSQL also: audit rows take the server's ``now()`` and ``current_user`` whatever the client
  sends, and an event becomes approved only when the connected role is an approver
  (:mod:`labapp.persistence.pg_roles`; the database owner and superusers seed and upgrade).

:func:`install` runs after every upgrade and :func:`remove` before it: SQLite drops a table's
triggers when Alembic's batch mode rebuilds it, and a trigger must list the columns of today.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, inspect

__all__ = ["SEALED_MESSAGE", "install", "remove"]

#: Every trigger's refusal starts with this, so the error mapping can recognise it.
SEALED_MESSAGE = "labapp: sealed"

_APPEND_ONLY = ("audit_log", "signatures", "person_keys")
_CHILDREN = ("measurement_points", "event_standards")
_SEALED = "('approved', 'superseded')"
#: Event columns that may change on a sealed event (with status approved -> superseded).
_MAY_CHANGE = ("status", "version", "updated_at", "updated_by")


def _names() -> list[tuple[str, str]]:
    """(trigger, table) of every LabApp integrity trigger."""
    names = [(f"labapp_{t}_{op}", t) for t in _APPEND_ONLY for op in ("upd", "del")]
    names += [(f"labapp_{t}_{op}", t) for t in _CHILDREN for op in ("upd", "del")]
    names += [("labapp_events_upd", "events"), ("labapp_events_del", "events")]
    names += [("labapp_audit_log_ins", "audit_log"), ("labapp_events_ins", "events")]
    return names


def remove(conn: Connection) -> None:
    """Drop the integrity triggers (before a migration rebuilds tables)."""
    tables = set(inspect(conn).get_table_names())
    postgres = conn.dialect.name == "postgresql"
    for trigger, table in _names():
        if table not in tables:
            continue
        on = f" ON {table}" if postgres else ""
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}{on}")


def install(conn: Connection) -> None:
    """(Re)create the integrity triggers for the schema as it is now."""
    tables = set(inspect(conn).get_table_names())
    if not {"events", "audit_log", "signatures"} <= tables:
        return  # an older schema (a downgrade test): nothing to seal yet
    remove(conn)
    columns = [c["name"] for c in inspect(conn).get_columns("events")]
    sealed = [c for c in columns if c not in _MAY_CHANGE]
    if conn.dialect.name == "postgresql":
        _install_postgresql(conn)
    else:
        _install_sqlite(conn, sealed)


# --- SQLite ------------------------------------------------------------------------------------


def _raise(what: str) -> str:
    return f"SELECT RAISE(ABORT, '{SEALED_MESSAGE}: {what}');"


def _install_sqlite(conn: Connection, sealed: list[str]) -> None:
    run = conn.exec_driver_sql
    for table in _APPEND_ONLY:
        for op, verb in (("upd", "UPDATE"), ("del", "DELETE")):
            run(
                f"CREATE TRIGGER labapp_{table}_{op} BEFORE {verb} ON {table} "
                f"BEGIN {_raise(f'{table} is append-only')} END"
            )
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in sealed)
    allowed = "(NEW.status = OLD.status OR (OLD.status = 'approved' AND NEW.status = 'superseded'))"
    run(
        f"CREATE TRIGGER labapp_events_upd BEFORE UPDATE ON events "
        f"WHEN OLD.status IN {_SEALED} AND NOT ({unchanged} AND {allowed}) "
        f"BEGIN {_raise('an approved event cannot be changed: correct it')} END"
    )
    run(
        f"CREATE TRIGGER labapp_events_del BEFORE DELETE ON events "
        f"WHEN OLD.status IN {_SEALED} "
        f"BEGIN {_raise('an approved event cannot be deleted')} END"
    )
    for table in _CHILDREN:
        for op, verb in (("upd", "UPDATE"), ("del", "DELETE")):
            run(
                f"CREATE TRIGGER labapp_{table}_{op} BEFORE {verb} ON {table} "
                f"WHEN (SELECT status FROM events WHERE id = OLD.event_id) IN {_SEALED} "
                f"BEGIN {_raise(f'{table} of an approved event cannot be changed')} END"
            )


# --- PostgreSQL --------------------------------------------------------------------------------

_PG_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION labapp_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{SEALED_MESSAGE}: % is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION labapp_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at := now();
    NEW.db_user := current_user;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION labapp_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM events WHERE id = OLD.event_id) IN {_SEALED} THEN
        RAISE EXCEPTION '{SEALED_MESSAGE}: % of an approved event cannot be changed',
            TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION labapp_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keep text[] := ARRAY[{", ".join(f"'{c}'" for c in _MAY_CHANGE)}];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status IN {_SEALED} THEN
            RAISE EXCEPTION '{SEALED_MESSAGE}: an approved event cannot be deleted'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status IN {_SEALED} AND (
        (to_jsonb(NEW) - keep) IS DISTINCT FROM (to_jsonb(OLD) - keep)
        OR NOT (NEW.status = OLD.status OR (OLD.status = 'approved' AND NEW.status = 'superseded'))
    ) THEN
        RAISE EXCEPTION '{SEALED_MESSAGE}: an approved event cannot be changed: correct it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status <> 'approved')
            AND NOT labapp_may('approver') THEN
        RAISE EXCEPTION '{SEALED_MESSAGE}: % is not an approver', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
"""

#: Before roles are set up (``labapp-cli db upgrade`` replaces it): only the owner works here.
_PG_MAY_DEFAULT = """
CREATE OR REPLACE FUNCTION labapp_may(role_name text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT true
$$;
"""


def _install_postgresql(conn: Connection) -> None:
    def run(sql: str) -> Any:
        return conn.exec_driver_sql(sql.replace("%", "%%"))  # no parameters: % is PL/pgSQL's

    exists = run(
        "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE p.proname = 'labapp_may' AND n.nspname = current_schema()"
    ).first()
    if exists is None:
        run(_PG_MAY_DEFAULT)
    run(_PG_FUNCTIONS)
    for table in _APPEND_ONLY:
        for op, verb in (("upd", "UPDATE"), ("del", "DELETE")):
            run(
                f"CREATE TRIGGER labapp_{table}_{op} BEFORE {verb} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION labapp_refuse()"
            )
    run(
        "CREATE TRIGGER labapp_audit_log_ins BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION labapp_audit_stamp()"
    )
    for op, verb in (("ins", "INSERT"), ("upd", "UPDATE"), ("del", "DELETE")):
        run(
            f"CREATE TRIGGER labapp_events_{op} BEFORE {verb} ON events "
            "FOR EACH ROW EXECUTE FUNCTION labapp_event_guard()"
        )
    for table in _CHILDREN:
        for op, verb in (("upd", "UPDATE"), ("del", "DELETE")):
            run(
                f"CREATE TRIGGER labapp_{table}_{op} BEFORE {verb} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION labapp_child_guard()"
            )
