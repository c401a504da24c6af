"""Engines for SQLite files and PostgreSQL, and the mapping of driver errors to LabApp errors.

SQLite gets foreign keys, WAL and a busy timeout on every connection (it enforces none of them by
default) and real transactions around DDL: the driver's own transaction handling is switched off
and LabApp emits ``BEGIN`` itself, so an Alembic upgrade is all-or-nothing.

A connection with the execution option ``labapp_write=True`` (the unit of work's) starts its
transactions with ``BEGIN IMMEDIATE``: it takes the write lock first, waiting up to the busy
timeout for another writer, instead of reading in a deferred transaction and then failing at once
with "database is locked" when it tries to write after another connection committed.  Reads stay
deferred.  A lock held longer than the timeout becomes :class:`DatabaseBusyError`.
"""

from __future__ import annotations

import contextlib
import errno
import re
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from labapp.domain.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
    NotALabAppDatabaseError,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "WRITE_OPTION",
    "make_engine",
    "map_database_error",
    "mask_url",
    "normalise_url",
    "server_url",
    "sqlite_path",
    "url_without_password",
]

CONNECT_TIMEOUT_S = 5
#: Query parameters that carry a secret (libpq takes ``?password=`` as well as ``user:pw@``).
SECRET_QUERY_KEYS = frozenset({"password", "sslpassword"})
MASK = "***"
#: For text that is no URL SQLAlchemy can parse: ``user:secret@`` and ``password=secret``.
_SECRET_USERINFO = re.compile(r"(://[^:/@?#]*):[^@/?#]*@")
_SECRET_QUERY = re.compile(r"\b((?:ssl)?password)=[^&#\s]*(&?)", re.IGNORECASE)
#: How long a SQLite writer waits for another one to commit before "the database is busy".
BUSY_TIMEOUT_S = 10.0
#: Execution option marking a connection that writes (SQLite: ``BEGIN IMMEDIATE``).
WRITE_OPTION = "labapp_write"


def normalise_url(url: str | Path | URL) -> URL:
    """Turn a plain path or a database URL into the URL LabApp connects with.

    A path becomes ``sqlite:///<absolute path>``; ``postgresql://`` and ``postgres://`` use the
    psycopg 3 driver.
    """
    if isinstance(url, URL):
        parsed = url
    else:
        text = str(url)
        if "://" not in text:
            return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
        try:
            parsed = make_url(text.replace("postgres://", "postgresql://", 1))
        except Exception as exc:  # ArgumentError, or ValueError for a bad port
            raise DatabaseUnreachableError(mask_url(text), "not a valid database URL") from exc
    if parsed.drivername in ("postgresql", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (``None`` for PostgreSQL or an in-memory database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    database = url.database
    assert database is not None
    if database.startswith("file:"):  # a URI filename: file:/path?mode=ro
        database = database[len("file:") :].split("?", 1)[0]
    return Path(database)


def _parsed(url: str | Path | URL) -> URL | None:
    if isinstance(url, URL):
        return url
    text = str(url)
    if "://" not in text:
        return None
    try:
        return make_url(text)
    except Exception:  # garbage: the callers fall back to masking the text
        return None


def _secret_keys(url: URL) -> list[str]:
    return [key for key in url.query if key.lower() in SECRET_QUERY_KEYS]


def mask_url(url: str | Path | URL) -> str:
    """The URL with every password shown as ``***`` (titles, tooltips, logs, error messages).

    Both ``user:secret@host`` and a ``?password=secret`` query parameter are masked; text that
    is no URL has any ``:secret@`` or ``password=secret`` in it masked all the same.
    """
    parsed = _parsed(url)
    if parsed is None:
        text = _SECRET_USERINFO.sub(rf"\1:{MASK}@", str(url))
        return _SECRET_QUERY.sub(rf"\1={MASK}\2", text)
    keys = _secret_keys(parsed)
    if keys:
        parsed = parsed.update_query_dict({key: MASK for key in keys})
    text = parsed.render_as_string(hide_password=True)
    return text.replace("=%2A%2A%2A", f"={MASK}")  # the query's mask, unescaped


def url_without_password(url: str | Path | URL) -> str:
    """The URL with no password at all (what the settings file may store).

    Drops ``user:secret@``'s secret and any ``?password=`` query parameter; a plain path comes
    back as it was.
    """
    parsed = _parsed(url)
    if parsed is None:
        text = str(url)
        if "://" not in text:
            return text
        return _SECRET_QUERY.sub("", _SECRET_USERINFO.sub(r"\1@", text)).rstrip("?&")
    keys = _secret_keys(parsed)
    if keys:
        parsed = parsed.difference_update_query(keys)
    # (URL.set(password=None) leaves the password: set() skips arguments that are None.)
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def server_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """A PostgreSQL (psycopg 3) URL built with SQLAlchemy's URL API (quoting included)."""
    return URL.create(
        "postgresql+psycopg",
        username=user or None,
        password=password or None,
        host=host,
        port=port,
        database=database,
    ).render_as_string(hide_password=False)


def make_engine(
    url: str | Path | URL,
    *,
    schema: str | None = None,
    connect_args: dict[str, Any] | None = None,
    connect_timeout: int = CONNECT_TIMEOUT_S,
    **kwargs: Any,
) -> Engine:
    """Create an engine for a path, a ``sqlite:///`` URL or a PostgreSQL URL.

    Parameters
    ----------
    url
        Plain path (→ SQLite file), ``sqlite:///…``, ``postgresql://…`` or
        ``postgresql+psycopg://…``.
    schema
        PostgreSQL only: the schema to work in (sets ``search_path``; used for test isolation).
    connect_args
        Extra DBAPI connect arguments.
    connect_timeout
        PostgreSQL connect timeout in seconds, so an unreachable server fails fast.
    """
    parsed = normalise_url(url)
    args = dict(connect_args or {})
    if parsed.get_backend_name() == "postgresql":
        args.setdefault("connect_timeout", connect_timeout)
        if schema:
            args["options"] = f"-csearch_path={schema}"
    elif parsed.get_backend_name() == "sqlite":
        args.setdefault("timeout", BUSY_TIMEOUT_S)
        if parsed.database and parsed.database.startswith("file:"):
            args["uri"] = True
    engine = create_engine(parsed, pool_pre_ping=True, connect_args=args, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        _install_sqlite_listeners(engine)
    return engine


def _install_sqlite_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: LabApp's own BEGIN (below) then covers DDL as well.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            # A read-only file cannot switch journal mode; it is still readable.
            with contextlib.suppress(sqlite3.OperationalError):
                cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _driver_error(exc: BaseException) -> BaseException:
    return exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc


def map_database_error(exc: BaseException, url: str | URL) -> DatabaseError | None:
    """Map a driver error to the typed LabApp error the UI can word, or ``None`` if unknown.

    Covers SQLite's "database is locked" (another writer held the lock past the busy timeout),
    "database or disk is full", "attempt to write a readonly database",
    "unable to open database file", "file is not a database", and psycopg's connection failures.
    """
    masked = mask_url(url)
    orig = _driver_error(exc)
    message = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = message.lower()
    if isinstance(orig, sqlite3.Error):
        if "database is locked" in lowered or "database is busy" in lowered:
            return DatabaseBusyError(masked, message)
        if "disk is full" in lowered:
            return DiskFullError(masked, message)
        if "readonly" in lowered or "read-only" in lowered or "unable to open database" in lowered:
            return DatabaseReadOnlyError(masked, message)
        if "not a database" in lowered:
            return NotALabAppDatabaseError(masked, f"({message})")
        if "malformed" in lowered or "corrupt" in lowered:
            return DatabaseCorruptError(masked, message)
        return None
    if isinstance(orig, OSError):
        if orig.errno == errno.ENOSPC:
            return DiskFullError(masked, message)
        if orig.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
            return DatabaseReadOnlyError(masked, message)
        return None
    module = type(orig).__module__
    if module.startswith("psycopg") and type(orig).__name__ == "OperationalError":
        return DatabaseUnreachableError(masked, message)
    return None
