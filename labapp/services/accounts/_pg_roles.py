"""A person as a PostgreSQL login role: create it, keep its password, connect as it.

On a shared PostgreSQL database LabApp connects as the person who logged in
(:func:`labapp.persistence.pg_roles.login_role`), so the server knows who writes and refuses what
that person may not do.  Creating a login role needs the database owner (or a role with
CREATEROLE): ``labapp-cli user add`` run by the lab's IT does it.  Every function here does
nothing on SQLite, or on a PostgreSQL database whose roles were never installed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from labapp.domain.errors import AuthenticationError, PermissionDeniedError
from labapp.persistence import pg_roles
from labapp.persistence.engine import make_engine, normalise_url
from labapp.persistence.models import PersonRoleRow, PersonRow
from labapp.services.database import Database

__all__ = ["connect_as", "create_login_role", "set_role_password", "uses_login_roles"]


def _postgres(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def uses_login_roles(db: Database) -> bool:
    """True on a PostgreSQL database whose LabApp roles are installed."""
    if not _postgres(db):
        return False
    with db.engine.connect() as conn:
        return bool(pg_roles.roles_installed(conn))


def _exec(conn: Connection, template: str, *args: str) -> None:
    """Run DDL built by the server's own ``format()`` (%I identifiers, %L literals)."""
    params = {f"a{i}": a for i, a in enumerate(args)}
    # format() is variadic over "any": psycopg's server-side parameters need a stated type
    placeholders = ", ".join(f"CAST(:a{i} AS text)" for i in range(len(args)))
    sql = conn.execute(text(f"SELECT format('{template}', {placeholders})"), params).scalar_one()
    conn.exec_driver_sql(sql.replace("%", "%%"))


def create_login_role(db: Database, login: str, password: str) -> None:
    """Create (or update) ``login``'s PostgreSQL login role in the groups of its roles."""
    if not uses_login_roles(db):
        return
    try:
        with db.engine.begin() as conn:
            role = pg_roles.login_role(conn, login)
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).first()
            verb = "ALTER" if exists else "CREATE"
            _exec(conn, f"{verb} ROLE %I LOGIN PASSWORD %L", role, password)
            for group in _groups(conn, login):
                _exec(conn, "GRANT %I TO %I", group, role)
    except DBAPIError as exc:
        raise PermissionDeniedError(
            "server", {"detail": "creating a login role needs the database owner "
                       f"(labapp-cli user add): {str(exc.orig).splitlines()[0]}"}
        ) from exc  # fmt: skip


def _groups(conn: Connection, login: str) -> list[str]:
    roles = conn.execute(
        text(
            f"SELECT r.role FROM {PersonRoleRow.__tablename__} r "
            f"JOIN {PersonRow.__tablename__} p ON p.id = r.person_id WHERE p.login = :l"
        ),
        {"l": login},
    ).scalars()
    return [pg_roles.group_name(conn, "user"), *(pg_roles.group_name(conn, r) for r in roles)]


def set_role_password(db: Database, login: str, password: str) -> None:
    """Keep the login role's password equal to the LabApp password (own role, or the owner)."""
    if not uses_login_roles(db):
        return
    try:
        with db.engine.begin() as conn:
            role = pg_roles.login_role(conn, login)
            if conn.execute(text("SELECT to_regrole(:r) IS NOT NULL"), {"r": role}).scalar_one():
                _exec(conn, "ALTER ROLE %I PASSWORD %L", role, password)
    except DBAPIError as exc:
        raise PermissionDeniedError("server", {"detail": str(exc.orig).splitlines()[0]}) from exc


def connect_as(db: Database, login: str, password: str) -> None:
    """Reconnect ``db`` as ``login``'s login role (PostgreSQL with roles installed).

    Raises
    ------
    AuthenticationError
        ``wrong_credentials`` when the server refuses the role or the password.
    """
    if not uses_login_roles(db):
        return
    with db.engine.connect() as conn:
        role = pg_roles.login_role(conn, login)
        current = conn.execute(text("SELECT current_user")).scalar_one()
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    if current == role:
        return
    url = normalise_url(db.engine.url).set(username=role, password=password)
    engine = make_engine(url, schema=None if schema == "public" else schema)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        raise AuthenticationError("wrong_credentials") from exc
    db.replace_engine(engine)
