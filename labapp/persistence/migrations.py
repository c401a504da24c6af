"""Alembic run from code: no ``alembic.ini``, the script directory from :mod:`labapp.paths`.

The caller's connection is handed to ``db/env.py`` in ``cfg.attributes["connection"]``, so an
upgrade runs in the caller's single transaction.  On SQLite the upgrade runs with foreign keys
off (batch mode recreates tables, and dropping a parent table with ``foreign_keys=ON`` would
cascade) and checks ``PRAGMA foreign_key_check`` before committing.

The head and the known revisions are read from the scripts' own ``revision`` and
``down_revision`` assignments (parsed with :mod:`ast`, never run), so ``labapp-cli db current``
needs neither Alembic nor SQLAlchemy; a script those assignments do not describe plainly falls
back to Alembic's script directory, and a test checks the chain equals Alembic's.
"""

from __future__ import annotations

import ast
import functools
import re
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from labapp import paths

if TYPE_CHECKING:  # Alembic and SQLAlchemy load when a database is opened, not for ``db current``
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

__all__ = [
    "alembic_config",
    "backup_sqlite",
    "current_revision",
    "downgrade",
    "drift",
    "head_revision",
    "is_labapp_database",
    "known_revisions",
    "revision_chain",
    "stamp",
    "upgrade",
]


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` without an ini file, scripts from :func:`paths.migrations_dir`."""
    from alembic.config import Config

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
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", location)
    return ScriptDirectory.from_config(cfg)


def head_revision() -> str:
    """The newest revision this LabApp knows."""
    chain = revision_chain()
    heads = set(chain) - {down for downs in chain.values() for down in downs}
    if len(heads) == 1:
        return heads.pop()
    head = _scripts().get_current_head()  # none or several: Alembic says what is wrong
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise RuntimeError(f"no migrations found in {paths.migrations_dir()}")
    return head


def known_revisions() -> set[str]:
    """Every revision id this LabApp knows."""
    return set(revision_chain())


def revision_chain() -> dict[str, tuple[str, ...]]:
    """Each revision of the migration scripts -> the revisions it follows (``()``: the first)."""
    location = paths.migrations_dir()
    versions = location / "versions"
    return dict(_chain(str(location), versions.stat().st_mtime_ns))


#: The script files Alembic loads from ``versions`` (its own rule: no ``.#`` or ``__init__``).
_SCRIPT_FILE = re.compile(r"(?!\.\#|__init__)(.*\.py)$")
#: Where a script's header ends: its first top-level function, class or decorator.
_BODY = re.compile(r"^(?:def|async|class|@)\b", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _chain(location: str, _versions_changed: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    chain: list[tuple[str, tuple[str, ...]]] = []
    for script in sorted((Path(location) / "versions").iterdir()):
        if not (script.is_file() and _SCRIPT_FILE.match(script.name)):
            continue
        found = _assignments(script)
        if found is None:  # not plain literals: ask Alembic, which runs the scripts
            walk = _scripts().walk_revisions()
            return tuple((s.revision, _as_tuple(s.down_revision)) for s in walk)
        chain.append(found)
    return tuple(chain)


def _assignments(script: Path) -> tuple[str, tuple[str, ...]] | None:
    """``revision`` and ``down_revision`` of a script when both are literals, else ``None``.

    The header (docstring, imports, identifiers) is parsed alone first: parsing every whole
    script was most of ``db current``'s own time.  A header that does not parse or lacks an
    identifier is read again whole.
    """
    text = script.read_text(encoding="utf-8")
    body = _BODY.search(text)
    if body is not None:
        try:
            found = _literal_assignments(ast.parse(text[: body.start()], str(script)))
        except SyntaxError:
            found = None
        if found is not None:
            return found
    return _literal_assignments(ast.parse(text, str(script)))


def _literal_assignments(module: ast.Module) -> tuple[str, tuple[str, ...]] | None:
    values: dict[str, Any] = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            try:
                values[target.id] = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError):
                return None
    revision, down = values.get("revision"), values.get("down_revision", ...)
    if not isinstance(revision, str) or down is ...:
        return None
    downs = _as_tuple(down)
    if not all(isinstance(d, str) for d in downs):
        return None
    return revision, downs


def _as_tuple(down: Any) -> tuple[str, ...]:
    if down is None:
        return ()
    return tuple(down) if isinstance(down, (tuple, list)) else (down,)


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at (``None`` for an empty or never-migrated database)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def is_labapp_database(conn: Connection) -> bool:
    """True when ``labapp_meta`` says ``application = "labapp"``."""
    from sqlalchemy import inspect, select

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
    from alembic import command  # here: ``db current`` needs no Alembic

    from labapp.persistence import integrity_ddl, search_index

    with _migration_connection(engine) as conn:
        integrity_ddl.remove(conn)
        command.upgrade(alembic_config(conn), revision)
        integrity_ddl.install(conn)
        search_index.install(conn)  # batch mode drops a rebuilt table's triggers


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade to ``revision`` (``"base"`` empties the schema) in one transaction."""
    from alembic import command

    from labapp.persistence import integrity_ddl, search_index

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
    from alembic.runtime.migration import MigrationContext

    from labapp.persistence import search_index
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
    from sqlalchemy import Column

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
