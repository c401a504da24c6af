"""Alembic run from code: no ``alembic.ini``, the script directory from :mod:`labapp.paths`.

The caller's connection is handed to ``db/env.py`` in ``cfg.attributes["connection"]``, so an
upgrade runs in the caller's single transaction.  On SQLite the upgrade runs with foreign keys
off (batch mode recreates tables, and dropping a parent table with ``foreign_keys=ON`` would
cascade) and checks ``PRAGMA foreign_key_check`` before committing.
"""

from __future__ import annotations

import functools
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, Engine, inspect, select

from labapp import paths
from labapp.persistence import integrity_ddl, search_index

__all__ = [
    "alembic_config",
    "backup_sqlite",
    "current_revision",
    "downgrade",
    "drift",
    "head_revision",
    "is_labapp_database",
    "known_revisions",
    "stamp",
    "upgrade",
]


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` without an ini file, scripts from :func:`paths.migrations_dir`."""
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def _scripts() -> ScriptDirectory:
    location = paths.migrations_dir()
    return _script_directory(str(location), (location / "versions").stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _script_directory(location: str, _versions_changed: int) -> ScriptDirectory:
    """One script directory per folder and state: loading it compiles every migration script,
    and ``db current`` asks for the head and for every known revision."""
    cfg = Config()
    cfg.set_main_option("script_location", location)
    return ScriptDirectory.from_config(cfg)


def head_revision() -> str:
    """The newest revision this LabApp knows."""
    head = _scripts().get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError(f"no migrations found in {paths.migrations_dir()}")
    return head


def known_revisions() -> set[str]:
    """Every revision id this LabApp knows."""
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at (``None`` for an empty or never-migrated database)."""
    return MigrationContext.configure(conn).get_current_revision()


def is_labapp_database(conn: Connection) -> bool:
    """True when ``labapp_meta`` says ``application = "labapp"``."""
    from labapp.persistence.models import APPLICATION_ID, MetaRow  # the ORM only when needed

    if not inspect(conn).has_table(MetaRow.__tablename__):
        return False
    stmt = select(MetaRow.value).where(MetaRow.key == "application")
    return conn.execute(stmt).scalar_one_or_none() == APPLICATION_ID


@contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    with warnings.catch_warnings(), engine.connect() as conn:
        # batch mode reflects tables; SQLite cannot reflect 0008's expression index (kept as is)
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # must happen outside a transaction, so on the driver connection
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    _check_foreign_keys(conn)
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.IntegrityError(f"foreign keys broken by the migration: {broken[:5]}")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade to ``revision`` in one transaction (all or nothing)."""
    from alembic import command  # here: ``db current`` needs only the script directory

    with _migration_connection(engine) as conn:
        integrity_ddl.remove(conn)
        command.upgrade(alembic_config(conn), revision)
        integrity_ddl.install(conn)
        search_index.install(conn)  # batch mode drops a rebuilt table's triggers


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade to ``revision`` (``"base"`` empties the schema) in one transaction."""
    from alembic import command

    with _migration_connection(engine) as conn:
        integrity_ddl.remove(conn)
        command.downgrade(alembic_config(conn), revision)
        integrity_ddl.install(conn)
        search_index.install(conn)


def stamp(engine: Engine, revision: str) -> None:
    """Record ``revision`` in ``alembic_version`` without running migrations."""
    from alembic import command

    with engine.begin() as conn:
        command.stamp(alembic_config(conn), revision)


def drift(engine: Engine) -> list[Any]:
    """Differences between the models and the database schema (empty: no drift).

    SQLite's reflection skips expression indexes (with a warning); those are compared by name
    only, on both databases.
    """
    from alembic.autogenerate import compare_metadata

    from labapp.persistence.rows import models

    expression = _expression_indexes()

    def include(obj: Any, name: str | None, type_: str, _reflected: bool, _compare: Any) -> bool:
        # the search index is DDL of its own (labapp.persistence.search_index), not a model
        return not (type_ == "index" and name in expression) and not search_index.is_search_object(
            name
        )

    with engine.connect() as conn:
        opts = {"compare_type": True, "include_object": include}
        context = MigrationContext.configure(conn, opts=opts)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
            warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
            diffs: list[Any] = list(compare_metadata(context, models.Base.metadata))
        present = _index_names(conn)
    diffs += [("missing_index", name) for name in sorted(expression - present)]
    return diffs


def _expression_indexes() -> set[str]:
    from labapp.persistence.rows import models

    return {
        str(index.name)
        for table in models.Base.metadata.tables.values()
        for index in table.indexes
        if any(not isinstance(e, Column) for e in index.expressions)
    }


def _index_names(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
    else:
        rows = conn.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        )
    return {str(name) for (name,) in rows}


def backup_sqlite(path: Path, backup_dir: Path | None = None) -> Path:
    """Copy a SQLite database with the online backup API; return the backup's path.

    The copy goes to ``<data dir>/backups/<name>-<UTC timestamp>.sqlite3`` and is consistent even
    while another connection writes (WAL included).
    """
    target_dir = backup_dir or paths.data_dir() / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp_text = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"{path.stem}-{stamp_text}.sqlite3"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target
