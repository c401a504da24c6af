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
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from labapp.domain.errors import (
    DatabaseBusyError,
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
    "sqlite_path",
]

CONNECT_TIMEOUT_S = 5
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
        parsed = make_url(text.replace("postgres://", "postgresql://", 1))
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


def mask_url(url: str | URL) -> str:
    """The URL with any password replaced by ``***`` (for titles, logs and error messages)."""
    try:
        parsed = url if isinstance(url, URL) else make_url(str(url))
    except Exception:  # a plain path or garbage: nothing to hide that we can find
        return str(url)
    return parsed.render_as_string(hide_password=True)


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
