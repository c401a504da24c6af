"""Which database to open, and the desktop policy for opening and migrating it.

Policy (see ``shared/ECOSYSTEM.md``, "Migrations, desktop style"):

* a new or empty local SQLite file gets the schema (upgrade to head, which writes ``labapp_meta``);
* a local LabApp SQLite file that is behind is backed up, then upgraded in one transaction; if that
  fails, :class:`MigrationFailedError` names the backup and the file is as it was;
* a shared PostgreSQL database that is empty or behind is never migrated from a workstation:
  :class:`SchemaBehindError` (an administrator runs ``labapp-cli db upgrade``);
* a revision this LabApp does not know: :class:`SchemaTooNewError`;
* anything that is not a LabApp database is refused and left untouched.

Long module on purpose: the policy above is one decision over the same few facts (file or
server, empty, behind, newer, foreign); split, a case would be decided in two places.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from labapp.domain.errors import (
    AuthenticationError,
    DatabaseError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
    MigrationFailedError,
    NotALabAppDatabaseError,
    SchemaBehindError,
    SchemaTooNewError,
)
from labapp.persistence import migrations, pg_roles
from labapp.persistence.engine import (
    WRITE_OPTION,
    make_engine,
    map_database_error,
    mask_url,
    normalise_url,
    server_url,
    sqlite_path,
    url_without_password,
)
from labapp.services.database._dto import DatabaseInfo
from labapp.services.database._status import (
    ENV_VAR,
    Probe,
    SchemaStatus,
    check_labapp,
    probe_file,
    probe_sqlite,
    resolve_database_url,
    schema_status,
)

if TYPE_CHECKING:  # the ORM loads when a database opens, not for ``db current``
    from sqlalchemy.orm import Session

    from labapp.persistence.audit import Signer
    from labapp.persistence.uow import SqlAlchemyUnitOfWork

__all__ = [
    "ENV_VAR",
    "Database",
    "SchemaStatus",
    "current_database_revision",
    "mask_url",
    "open_database",
    "read_probe",
    "resolve_database_url",
    "schema_status",
    "server_url",
    "upgrade_database",
    "url_without_password",
]

T = TypeVar("T")


def head_revision() -> str:
    """The schema revision this LabApp creates and expects (``labapp-cli db current`` shows it)."""
    return migrations.head_revision()


class Database:
    """An open LabApp database: the engine, a session factory and what the UI shows about it."""

    def __init__(self, engine: Engine, info: DatabaseInfo) -> None:
        import labapp.persistence.rows  # noqa: F401  (every row mapped before a session exists)

        self.engine = engine
        self.info = info
        self._make_factories(engine)
        #: Logged-in people's unlocked signing keys, by login (see ``services.accounts``).
        self.signers: dict[str, Signer] = {}
        #: The GUI and the CLI set this after a login: then only a logged-in user may write.
        self.require_login = False

    def sign_in(self, signer: Signer) -> None:
        """Let ``signer.login`` write, sealing each change with that person's key."""
        self.signers[signer.login] = signer

    def sign_out(self, login: str) -> None:
        """Forget a person's unlocked key (logout, idle lock)."""
        self.signers.pop(login, None)

    def unit_of_work(
        self,
        user: str,
        reason: str | None = None,
        *,
        signer: Signer | None = None,
        anonymous: bool = False,
    ) -> SqlAlchemyUnitOfWork:
        """A unit of work for a change made by ``user`` (use it in a ``with`` block).

        The change is sealed with ``user``'s key when that person is signed in (or ``signer`` is
        given, as when an account is created).  With :attr:`require_login`, a user who is not
        signed in is refused (:class:`AuthenticationError` ``not_logged_in``), except for the
        login itself and the first account (``anonymous``).
        """
        signer = signer or self.signers.get(user)
        if signer is None and self.require_login and not anonymous:
            raise AuthenticationError("not_logged_in", {"login": user})
        from labapp.persistence.uow import SqlAlchemyUnitOfWork

        return SqlAlchemyUnitOfWork(
            self.write_factory, user, reason, signer, read_factory=self.session_factory
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; anything it changed is rolled back."""
        with self.session_factory() as session:
            try:
                yield session
            finally:
                session.rollback()

    def replace_engine(self, engine: Engine) -> None:
        """Work through ``engine`` from now on (PostgreSQL: connected as the logged-in person)."""
        old, self.engine = self.engine, engine
        self._make_factories(engine)
        old.dispose()

    def _make_factories(self, engine: Engine) -> None:
        from sqlalchemy.orm import sessionmaker

        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        # Units of work write: on SQLite their transactions begin IMMEDIATE (see engine.py).
        writer = engine.execution_options(**{WRITE_OPTION: True})
        self.write_factory = sessionmaker(writer, expire_on_commit=False)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str, *, create: bool = True, migrate_local: bool = True) -> Database:
    """Open ``url`` under the desktop policy (module docstring) and return a :class:`Database`.

    Parameters
    ----------
    url
        A path or a database URL (see :func:`labapp.persistence.engine.make_engine`).
    create
        Create a missing SQLite file (otherwise :class:`DatabaseUnreachableError`).
    migrate_local
        Upgrade a local SQLite file that is behind (after a backup); otherwise raise
        :class:`SchemaBehindError` as for a shared database.

    Raises
    ------
    NotALabAppDatabaseError, SchemaTooNewError, SchemaBehindError, MigrationFailedError,
    DatabaseUnreachableError, DatabaseReadOnlyError, DiskFullError
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _open_sqlite(parsed, create=create, migrate_local=migrate_local)
    return _open_server(parsed)


# --- SQLite ----------------------------------------------------------------------------------


def _open_sqlite(url: URL, *, create: bool, migrate_local: bool) -> Database:
    masked = mask_url(url)
    path = sqlite_path(url)
    if path is None:  # in-memory: always new
        return _guarded(url, lambda engine: _create_schema(engine, url))
    read_only = url.query.get("mode") == "ro"
    _check_sqlite_file(path, masked, create=create, read_only=read_only)
    probe = probe_sqlite(path, masked)  # read-only: nothing is written before this passes
    if not probe.tables:
        if read_only:
            raise DatabaseReadOnlyError(masked, "opened read-only, cannot create the schema")
        return _guarded(url, lambda engine: _create_schema(engine, url))
    _check_revision(probe, masked)
    if probe.revision != migrations.head_revision():
        if not migrate_local or read_only:
            raise SchemaBehindError(masked, probe.revision, migrations.head_revision())
        _backup_and_upgrade(url, path)
    return _guarded(url, lambda engine: _ready(engine, url))


def _check_sqlite_file(path: Path, masked: str, *, create: bool, read_only: bool) -> None:
    if path.is_dir():
        raise NotALabAppDatabaseError(masked, "(it is a directory)")
    if path.exists():
        if not read_only and not os.access(path, os.W_OK):
            raise DatabaseReadOnlyError(masked, "the file is read-only")
        if not read_only and not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnlyError(masked, f"the folder {path.parent} is read-only")
        return
    if not create:
        raise DatabaseUnreachableError(masked, "no such file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnlyError(masked, f"cannot create {path.parent}: {exc}") from exc
    if not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnlyError(masked, f"the folder {path.parent} is read-only")


def _backup_and_upgrade(url: URL, path: Path) -> None:
    masked = mask_url(url)
    try:
        backup = migrations.backup_sqlite(path)
    except (OSError, sqlite3.Error) as exc:
        raise (map_database_error(exc, masked) or DatabaseReadOnlyError(masked, str(exc))) from exc
    engine = make_engine(url)
    try:
        migrations.upgrade(engine)
    except Exception as exc:
        mapped = map_database_error(exc, masked)
        if isinstance(mapped, DatabaseReadOnlyError | DiskFullError):
            raise mapped from exc
        raise MigrationFailedError(masked, str(backup), str(exc).splitlines()[0]) from exc
    finally:
        engine.dispose()


def _create_schema(engine: Engine, url: URL) -> Database:
    migrations.upgrade(engine)
    return _ready(engine, url)


# --- PostgreSQL ------------------------------------------------------------------------------


def _open_server(url: URL) -> Database:
    masked = mask_url(url)

    def check(engine: Engine) -> Database:
        with engine.connect() as conn:
            tables = frozenset(inspect(conn).get_table_names())
            probe = Probe(
                tables, migrations.is_labapp_database(conn), migrations.current_revision(conn)
            )
        if not probe.tables - {"alembic_version"}:
            raise SchemaBehindError(masked, None, migrations.head_revision())
        _check_revision(probe, masked)
        if probe.revision != migrations.head_revision():
            raise SchemaBehindError(masked, probe.revision, migrations.head_revision())
        return _ready(engine, url)

    return _guarded(url, check)


# --- shared ----------------------------------------------------------------------------------


def _check_revision(probe: Probe, masked: str) -> None:
    check_labapp(probe, masked)
    if probe.revision not in migrations.known_revisions():
        raise SchemaTooNewError(masked, str(probe.revision))


def _ready(engine: Engine, url: URL) -> Database:
    """Check the database can be written, then describe it."""
    with engine.begin() as conn:
        # A no-op write: fails at once on a read-only file or a read-only server login.
        conn.exec_driver_sql("UPDATE labapp_meta SET value = value WHERE key = 'application'")
        revision = migrations.current_revision(conn)
    return Database(engine, _info(url, revision))


def _info(url: URL, revision: str | None) -> DatabaseInfo:
    path = sqlite_path(url)
    if path is not None:
        return DatabaseInfo(mask_url(url), path.name, "sqlite", revision, path)
    if url.get_backend_name() == "sqlite":
        return DatabaseInfo(mask_url(url), ":memory:", "sqlite", revision, None)
    display = f"{url.database} @ {url.host or 'localhost'}"
    return DatabaseInfo(mask_url(url), display, "postgresql", revision, None)


def _guarded(url: URL, action: Callable[[Engine], T]) -> T:
    """Run ``action(engine)``; on failure dispose the engine and raise a typed error.

    The engine is kept (not disposed) on success: the returned :class:`Database` owns it.
    """
    return _with_engine(url, action, keep=True)


def _with_engine(url: URL, action: Callable[[Engine], T], *, keep: bool = False) -> T:
    masked = mask_url(url)
    engine = make_engine(url)
    ok = False
    try:
        result = action(engine)
        ok = True
        return result
    except DatabaseError:
        raise
    except (SQLAlchemyError, OSError, sqlite3.Error) as exc:
        mapped = map_database_error(exc, masked)
        if mapped is None:
            raise
        raise mapped from exc
    finally:
        if not (ok and keep):
            engine.dispose()


# --- CLI -------------------------------------------------------------------------------------


def current_database_revision(url: str) -> str | None:
    """The schema revision of the database at ``url`` (``None``: empty), for ``labapp-cli``."""
    return schema_status(url, must_exist=False).revision


def read_probe(url: str, *, create: bool) -> tuple[str, Probe]:
    """The masked URL and what the database holds, read without writing (``db current``)."""
    parsed = normalise_url(url)
    return mask_url(parsed), _read_probe(parsed, create=create)


def _read_probe(parsed: URL, *, create: bool) -> Probe:
    """What the database holds, read without writing (an SQLite file: read-only, no engine)."""
    path = sqlite_path(parsed)
    if path is not None:
        return probe_file(path, mask_url(parsed), create=create)
    if parsed.get_backend_name() == "sqlite":  # in memory: always empty
        return Probe(frozenset(), False, None)

    def read(engine: Engine) -> Probe:
        with engine.connect() as conn:
            tables = frozenset(inspect(conn).get_table_names())
            return Probe(
                tables, migrations.is_labapp_database(conn), migrations.current_revision(conn)
            )

    return _with_engine(parsed, read)


def upgrade_database(url: str) -> tuple[str | None, str]:
    """Upgrade any LabApp database (PostgreSQL included) to head; return (before, after).

    The database is looked at before anything writes to it (an SQLite file read-only): one that
    is not LabApp's (other tables or views, no ``labapp_meta``), newer than this LabApp,
    truncated or damaged is refused and left as it was.  An SQLite file that is behind is
    backed up first; a new or empty one gets the schema.
    """
    parsed = normalise_url(url)
    masked = mask_url(parsed)
    probe = _read_probe(parsed, create=True)
    if probe.tables - {"alembic_version"}:
        _check_revision(probe, masked)
    path = sqlite_path(parsed)
    if path is not None:
        _check_sqlite_file(path, masked, create=True, read_only=False)

    def run(engine: Engine) -> tuple[str | None, str]:
        backup = None
        if path is not None and probe.tables and probe.revision != migrations.head_revision():
            backup = migrations.backup_sqlite(path)
        try:
            migrations.upgrade(engine)
        except (SQLAlchemyError, OSError, sqlite3.Error):
            raise
        except Exception as exc:  # a revision refusing the data (e.g. 0008's duplicates)
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise MigrationFailedError(masked, str(backup) if backup else None, reason) from exc
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                pg_roles.install(conn)
        with engine.connect() as conn:
            after = migrations.current_revision(conn)
        assert after is not None
        return probe.revision, after

    return _with_engine(parsed, run)
