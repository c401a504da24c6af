"""The register search's index: SQLite FTS5 (trigram) and PostgreSQL pg_trgm, kept by the database.

The register's one search rule (:mod:`labapp.services.register._search`) matches typed text
anywhere in six instrument columns and in the location's and the custodian's name.  A substring
match cannot use a B-tree, so a plain ``LIKE '%x%'`` reads every row.  This module gives each
database a trigram index the rule can use, and keeps it in step without anyone remembering:

* **SQLite**: the FTS5 table :data:`SEARCH_TABLE` (``tokenize='trigram'``, one column per
  searched instrument column, ``rowid`` = ``instruments.id``), filled from ``instruments`` when
  built and kept in step by triggers on every INSERT, UPDATE of a searched column, and DELETE of
  an instrument: every write, every import and the demo seeder stay in step because the database
  does it.  SQLite drops a table's triggers when Alembic's batch mode rebuilds the table, so
  :func:`install` runs after every upgrade (as :mod:`labapp.persistence.integrity_ddl` does).
  Locations and persons are small tables: their names are scanned.
* **PostgreSQL**: the ``pg_trgm`` extension (trusted since PostgreSQL 13, so the database owner
  may create it) and GIN trigram indexes on the six columns and on ``locations.name`` and
  ``persons.name``; ``ILIKE`` uses them directly.  Where the extension cannot be created (not
  installed on the server, or no right to create it) the upgrade goes on without the indexes,
  warns in English and Chinese, and the search stays correct (a scan); once an administrator has
  created the extension, the next ``labapp-cli db upgrade`` builds the indexes.

The index holds no data of its own (it is derived from ``instruments``), so it needs no audit and
no role grants beyond those of ``instruments``: on PostgreSQL there is no new table at all, and on
SQLite (no roles) the triggers write it with the instrument's own statement.

The marker ``labapp_meta['search_index']`` (written by migration 0014, removed by its downgrade)
says the schema has the index, so :func:`install` builds nothing on an older schema.
"""

from __future__ import annotations

import logging

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text, inspect, text
from sqlalchemy.exc import DBAPIError

__all__ = [
    "MARKER_KEY",
    "SEARCH_COLUMNS",
    "SEARCH_TABLE",
    "TRIGGERS",
    "fts_table",
    "has_marker",
    "install",
    "is_search_object",
    "pg_index_names",
    "remove",
]

log = logging.getLogger(__name__)

SEARCH_TABLE = "instrument_search"
#: The instrument columns the search rule covers, in the FTS table's column order.
SEARCH_COLUMNS = ("asset_tag", "name", "model", "serial_no", "manufacturer", "quantity")
MARKER_KEY = "search_index"
TRIGGERS = ("labapp_search_ins", "labapp_search_upd", "labapp_search_del")
#: (index, table, column) of the PostgreSQL trigram indexes.
_PG_INDEXES = (
    *((f"ix_search_instruments_{c}", "instruments", c) for c in SEARCH_COLUMNS),
    ("ix_search_locations_name", "locations", "name"),
    ("ix_search_persons_name", "persons", "name"),
)
#: Worded for the person running ``db upgrade`` (English, then Chinese).
NO_TRIGRAM = (
    "The search index could not be built: the PostgreSQL extension pg_trgm is not available or "
    "this login may not create it (%s). Search still works, without the index (slower on a large "
    "register). Ask the server's administrator to run CREATE EXTENSION pg_trgm in this database, "
    "then run labapp-cli db upgrade again. / 无法建立搜索索引：PostgreSQL 扩展 pg_trgm "
    "不可用或当前登录无权创建（%s）。搜索仍可使用，但没有索引（大型台账会较慢）。"
    "请服务器管理员在本数据库中执行 CREATE EXTENSION pg_trgm，然后再次运行 labapp-cli db upgrade。"
)

#: The FTS5 table as SQLAlchemy sees it (its own MetaData: never created, compared or audited
#: as a model; the DDL below makes it).
fts_table = Table(
    SEARCH_TABLE,
    MetaData(),
    Column("rowid", Integer, primary_key=True),
    *(Column(name, Text) for name in SEARCH_COLUMNS),
)


def is_search_object(name: str | None) -> bool:
    """True for the index's own tables (FTS5 shadow tables too) and indexes (schema drift)."""
    return bool(name) and (str(name).startswith(SEARCH_TABLE) or str(name).startswith("ix_search_"))


def pg_index_names() -> tuple[str, ...]:
    """The PostgreSQL trigram indexes' names."""
    return tuple(name for name, _table, _column in _PG_INDEXES)


def has_marker(conn: Connection) -> bool:
    """True when the schema has the search index (migration 0014 or later)."""
    if not inspect(conn).has_table("labapp_meta"):
        return False
    found = conn.execute(
        text("SELECT 1 FROM labapp_meta WHERE key = :k"), {"k": MARKER_KEY}
    ).first()
    return found is not None


def install(conn: Connection) -> None:
    """Build what is missing and (re)create the triggers; nothing on a schema without the marker."""
    if not has_marker(conn):
        return
    if conn.dialect.name == "postgresql":
        _install_postgresql(conn)
    else:
        _install_sqlite(conn)


def remove(conn: Connection) -> None:
    """Drop the index, its triggers (SQLite) and its indexes (PostgreSQL); not the extension."""
    if conn.dialect.name == "postgresql":
        for name in pg_index_names():
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        return
    for trigger in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


# --- SQLite ------------------------------------------------------------------------------------


def _install_sqlite(conn: Connection) -> None:
    columns = ", ".join(SEARCH_COLUMNS)
    new = ", ".join(f"new.{c}" for c in SEARCH_COLUMNS)
    run = conn.exec_driver_sql
    if not inspect(conn).has_table(SEARCH_TABLE):
        run(f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5({columns}, tokenize='trigram')")
        run(f"INSERT INTO {SEARCH_TABLE} (rowid, {columns}) SELECT id, {columns} FROM instruments")
    for trigger in TRIGGERS:
        run(f"DROP TRIGGER IF EXISTS {trigger}")
    insert = f"INSERT INTO {SEARCH_TABLE} (rowid, {columns}) VALUES (new.id, {new});"
    delete = f"DELETE FROM {SEARCH_TABLE} WHERE rowid = old.id;"
    run(f"CREATE TRIGGER labapp_search_ins AFTER INSERT ON instruments BEGIN {insert} END")
    run(f"CREATE TRIGGER labapp_search_del AFTER DELETE ON instruments BEGIN {delete} END")
    run(
        f"CREATE TRIGGER labapp_search_upd AFTER UPDATE OF id, {columns} ON instruments "
        f"BEGIN {delete} {insert} END"
    )


# --- PostgreSQL --------------------------------------------------------------------------------


def _install_postgresql(conn: Connection) -> None:
    schema = _trigram_schema(conn)
    if schema is None:
        return
    for name, table, column in _PG_INDEXES:
        opclass = f'"{schema}".gin_trgm_ops'
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} {opclass}) "
            f"WITH (fastupdate = {'on' if _FASTUPDATE else 'off'})"
        )


#: GIN's fast update queues new entries in a pending list that every search reads linearly
#: until a VACUUM merges it: after the 100 000-item demo was seeded, a rare match took 96 ms
#: instead of 0.5 ms.  A register is searched far more often than it is written, so each write
#: updates the index at once (fastupdate off).
_FASTUPDATE = False


def _trigram_schema(conn: Connection) -> str | None:
    """The schema holding pg_trgm, creating the extension if it is missing (None: impossible).

    It goes to ``public`` when that schema exists (one extension serves every schema of the
    database; a schema dropped with CASCADE must not take it with it), else to the current one.
    """
    found = _extension_schema(conn)
    if found is not None:
        return found
    error = "pg_trgm"
    for target in ("public", None):
        try:
            with conn.begin_nested():
                where = f" WITH SCHEMA {target}" if target else ""
                conn.exec_driver_sql(f"CREATE EXTENSION IF NOT EXISTS pg_trgm{where}")
        except DBAPIError as exc:  # no right, or not installed: try the next place, then warn
            error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            continue
        found = _extension_schema(conn)
        if found is not None:
            return found
    log.warning(NO_TRIGRAM, error, error)
    return None


def _extension_schema(conn: Connection) -> str | None:
    row = conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    ).first()
    return None if row is None else str(row[0])
