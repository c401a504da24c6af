"""PostgreSQL roles: one group per LabApp role, a login role per person, and the grants.

``labapp-cli db upgrade``, run as the database owner, calls :func:`install`: it creates the group
roles ``<prefix>_user`` (every LabApp person) and ``<prefix>_<role>`` for each
:class:`~labapp.domain.enums.PersonRole`, grants the groups what daily work needs and no more,
and replaces ``labapp_may(role)`` (read by the integrity triggers) with one that asks the server
whether the connected role is in that group.  The prefix names the database (and the schema when
it is not ``public``), because PostgreSQL roles belong to the whole server.

What the server then refuses whoever connects as a person: UPDATE or DELETE of the audit log,
signatures and keys (no grant, and a trigger); DELETE of events (no grant); any change of an
approved event, its points and standards except its supersession (triggers); setting an event
approved unless the role is an approver (trigger); changing another person's account (row-level
security: only one's own row, or an admin's).  Audit rows take the server's time and
``current_user`` (trigger).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from labapp.domain.enums import PersonRole

__all__ = ["group_name", "install", "login_role", "prefix", "roles_installed"]

_APPEND_ONLY = ("audit_log", "signatures", "person_keys")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def prefix(conn: Connection) -> str:
    """The role prefix of this database: ``labapp_<database>[_<schema>]``, lowercase."""
    database, schema = conn.execute(text("SELECT current_database(), current_schema()")).one()
    raw = f"labapp_{database}" + ("" if schema == "public" else f"_{schema}")
    return re.sub(r"[^a-z0-9_]", "_", raw.lower())[:40]


def group_name(conn: Connection, role: PersonRole | str) -> str:
    """The group role of a LabApp role (``user`` for everyone)."""
    value = role.value if isinstance(role, PersonRole) else role
    return f"{prefix(conn)}_{value}"


def login_role(conn: Connection, login: str) -> str:
    """The PostgreSQL login role LabApp connects as for the person ``login``."""
    return f"{prefix(conn)}_u_{login}"[:63]


def roles_installed(conn: Connection) -> bool:
    """True when this database's group roles exist (``db upgrade`` ran as the owner)."""
    name = group_name(conn, "user")
    return conn.execute(text("SELECT to_regrole(:n) IS NOT NULL"), {"n": name}).scalar_one()


def _run(conn: Connection, sql: str) -> Any:
    return conn.exec_driver_sql(sql.replace("%", "%%"))


def _create_group(conn: Connection, name: str) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists is None:
        _run(conn, f"CREATE ROLE {_ident(name)} NOLOGIN")


def install(conn: Connection) -> None:
    """Create the groups, the grants, ``labapp_may`` and the accounts' row policies."""
    everyone = group_name(conn, "user")
    _create_group(conn, everyone)
    for role in PersonRole:
        _create_group(conn, group_name(conn, role))
        _run(conn, f"GRANT {_ident(everyone)} TO {_ident(group_name(conn, role))}")
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    who, s = _ident(everyone), _ident(schema)
    _run(conn, f"GRANT USAGE ON SCHEMA {s} TO {who}")
    _run(conn, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {who}")
    _run(conn, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {who}")
    for table in _APPEND_ONLY:
        _run(conn, f"REVOKE UPDATE, DELETE ON {table} FROM {who}")
    _run(conn, f"REVOKE DELETE ON events FROM {who}")
    _run(conn, f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {who}")
    _run(conn, f"REVOKE INSERT, DELETE ON labapp_meta FROM {who}")
    _may(conn)
    _account_policies(conn, who)


def _may(conn: Connection) -> None:
    group_prefix = prefix(conn) + "_"
    _run(
        conn,
        f"""
CREATE OR REPLACE FUNCTION labapp_may(role_name text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper)
        OR current_user = (SELECT tableowner FROM pg_tables
                           WHERE schemaname = current_schema() AND tablename = 'events')
        OR (to_regrole('{group_prefix}' || role_name) IS NOT NULL
            AND pg_has_role(current_user, '{group_prefix}' || role_name, 'MEMBER'))
$$;
""",
    )


def _account_policies(conn: Connection, who: str) -> None:
    me = f"{prefix(conn)}_u_"
    _run(conn, "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY")
    for name in ("labapp_accounts_read", "labapp_accounts_own", "labapp_accounts_admin"):
        _run(conn, f"DROP POLICY IF EXISTS {name} ON accounts")
    _run(conn, f"CREATE POLICY labapp_accounts_read ON accounts FOR SELECT TO {who} USING (true)")
    own = f"person_id = (SELECT id FROM persons WHERE '{me}' || login = current_user)"
    _run(
        conn,
        f"CREATE POLICY labapp_accounts_own ON accounts FOR UPDATE TO {who} "
        f"USING ({own}) WITH CHECK ({own})",
    )
    _run(
        conn,
        f"CREATE POLICY labapp_accounts_admin ON accounts FOR ALL TO {who} "
        "USING (labapp_may('admin')) WITH CHECK (labapp_may('admin'))",
    )
