"""open_database: the desktop policy for new, behind, newer, foreign and unreachable databases."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import OperationalError

from labapp import paths
from labapp.domain.errors import (
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
    MigrationFailedError,
    NotALabAppDatabaseError,
    SchemaBehindError,
    SchemaTooNewError,
)
from labapp.persistence import migrations
from labapp.persistence.engine import make_engine, map_database_error, normalise_url
from labapp.services.database import open_database, upgrade_database
from labapp.services.database._open import current_database_revision
from labapp.services.register import InstrumentData, create_instrument, list_instruments

#: The shipped head; the fixtures add a test-only revision 9999 after it.
REAL_HEAD = migrations.head_revision()


def _sqlite_file(tmp_path: Path) -> Path:
    return tmp_path / "lab.sqlite3"


def _labapp_file_at(path: Path, revision: str) -> None:
    engine = make_engine(path)
    migrations.upgrade(engine, revision)
    engine.dispose()


# --- local SQLite ----------------------------------------------------------------------------


def test_new_file_gets_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite3"
    db = open_database(str(path))
    try:
        assert db.info.dialect == "sqlite"
        assert db.info.revision == migrations.head_revision()
        assert db.info.path == path
        with db.engine.connect() as conn:
            assert migrations.is_labapp_database(conn)
    finally:
        db.dispose()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnreachableError):
        open_database(str(tmp_path / "none.sqlite3"), create=False)
    assert not (tmp_path / "none.sqlite3").exists()


def test_behind_local_file_is_backed_up_then_upgraded(tmp_path: Path, newer_labapp: Path) -> None:
    path = _sqlite_file(tmp_path)
    _labapp_file_at(path, REAL_HEAD)
    backups = paths.data_dir() / "backups"
    before = set(backups.glob("lab-*.sqlite3")) if backups.exists() else set()
    db = open_database(str(path))
    try:
        assert db.info.revision == "9999"
        with db.engine.connect() as conn:
            assert inspect(conn).has_table("test_extra")
            assert "extra" in {c["name"] for c in inspect(conn).get_columns("instruments")}
    finally:
        db.dispose()
    [backup] = set(backups.glob("lab-*.sqlite3")) - before
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (REAL_HEAD,)


def test_batch_upgrade_keeps_rows_that_reference_the_rebuilt_table(
    tmp_path: Path, newer_labapp: Path
) -> None:
    path = _sqlite_file(tmp_path)
    _labapp_file_at(path, REAL_HEAD)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        stamp = "'2026-01-01 00:00:00', 'u', '2026-01-01 00:00:00', 'u'"
        conn.execute(
            "INSERT INTO instruments (id, asset_tag, name, role, mandatory_verification, status,"
            f" version, created_at, created_by, updated_at, updated_by) VALUES (1, 'K-1', 'DMM',"
            f" 'working', 0, 'in_service', 1, {stamp})"
        )
        conn.execute(
            "INSERT INTO events (id, instrument_id, kind, status, revision, performed_on,"
            " result, adjusted, version, created_at, created_by, updated_at, updated_by)"
            f" VALUES (1, 1, 'calibration', 'approved', 1, '2026-01-02', 'pass', 0, 1, {stamp})"
        )
    db = open_database(str(path))
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_failed_upgrade_names_the_backup_and_leaves_the_file(
    tmp_path: Path, newer_labapp_failing: Path
) -> None:
    path = _sqlite_file(tmp_path)
    _labapp_file_at(path, REAL_HEAD)
    with pytest.raises(MigrationFailedError) as caught:
        open_database(str(path))
    assert caught.value.backup is not None and Path(caught.value.backup).is_file()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (REAL_HEAD,)
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(instruments)")}
    assert "test_extra" not in tables
    assert "extra" not in columns


def test_behind_local_file_without_migrate_local(tmp_path: Path, newer_labapp: Path) -> None:
    path = _sqlite_file(tmp_path)
    _labapp_file_at(path, REAL_HEAD)
    with pytest.raises(SchemaBehindError) as caught:
        open_database(str(path), migrate_local=False)
    assert (caught.value.current, caught.value.head) == (REAL_HEAD, "9999")


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = _sqlite_file(tmp_path)
    path.write_bytes(b"asset_tag,name\nE-1,DMM\n")
    with pytest.raises(NotALabAppDatabaseError):
        open_database(str(path))
    assert path.read_bytes() == b"asset_tag,name\nE-1,DMM\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lab.sqlite3"]


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = _sqlite_file(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('ACME')")
    conn.close()
    content = path.read_bytes()
    with pytest.raises(NotALabAppDatabaseError, match="customers"):
        open_database(str(path))
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lab.sqlite3"]


def test_newer_revision_is_refused(db_url_at_head: str) -> None:
    engine = make_engine(db_url_at_head)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    with pytest.raises(SchemaTooNewError) as caught:
        open_database(db_url_at_head)
    assert caught.value.revision == "9001"


@pytest.fixture
def db_url_at_head(empty_url: str) -> str:
    """A database at head on either backend."""
    upgrade_database(empty_url)
    return empty_url


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    """Works as root too: the URI opens the file read-only whatever the permissions."""
    path = _sqlite_file(tmp_path)
    open_database(str(path)).dispose()
    with pytest.raises(DatabaseReadOnlyError):
        open_database(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_read_only_directory_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: chmod does not make a directory read-only")
        with pytest.raises(DatabaseReadOnlyError):
            open_database(str(locked / "lab.sqlite3"))
    finally:
        locked.chmod(0o755)


def test_driver_errors_map_to_typed_errors() -> None:
    url = "sqlite:///x.sqlite3"
    full = map_database_error(sqlite3.OperationalError("database or disk is full"), url)
    assert isinstance(full, DiskFullError)
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    assert isinstance(map_database_error(readonly, url), DatabaseReadOnlyError)
    enospc = OSError(errno.ENOSPC, "No space left on device")
    assert isinstance(map_database_error(enospc, url), DiskFullError)
    erofs = OSError(errno.EROFS, "Read-only file system")
    assert isinstance(map_database_error(erofs, url), DatabaseReadOnlyError)
    assert map_database_error(sqlite3.OperationalError("no such table: x"), url) is None


def test_a_real_full_database_maps_to_disk_full(tmp_path: Path) -> None:
    """SQLite reports SQLITE_FULL when max_page_count is reached: the same error as a full disk."""
    db = open_database(str(_sqlite_file(tmp_path)))
    try:
        with db.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            with pytest.raises(OperationalError) as caught:
                conn.exec_driver_sql("INSERT INTO labapp_meta VALUES ('blob', ?)", ("x" * 100_000,))
            conn.rollback()
        assert isinstance(map_database_error(caught.value, db.info.url), DiskFullError)
    finally:
        db.dispose()


def test_current_revision_and_upgrade_for_the_cli(empty_url: str) -> None:
    assert current_database_revision(empty_url) is None
    assert upgrade_database(empty_url) == (None, migrations.head_revision())
    assert current_database_revision(empty_url) == migrations.head_revision()
    assert upgrade_database(empty_url) == (REAL_HEAD, REAL_HEAD)


def test_upgrade_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = _sqlite_file(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(NotALabAppDatabaseError):
        upgrade_database(str(path))


# --- PostgreSQL ------------------------------------------------------------------------------


@pytest.mark.postgres
def test_empty_postgresql_is_behind_not_created(pg_schema_url: str) -> None:
    with pytest.raises(SchemaBehindError) as caught:
        open_database(pg_schema_url)
    assert caught.value.current is None
    engine = make_engine(pg_schema_url)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


@pytest.mark.postgres
def test_behind_postgresql_is_not_migrated_from_a_workstation(
    pg_schema_url: str, newer_labapp: Path
) -> None:
    engine = make_engine(pg_schema_url)
    migrations.upgrade(engine, REAL_HEAD)
    engine.dispose()
    with pytest.raises(SchemaBehindError) as caught:
        open_database(pg_schema_url)
    assert (caught.value.current, caught.value.head) == (REAL_HEAD, "9999")
    assert upgrade_database(pg_schema_url) == (REAL_HEAD, "9999")  # the administrator's way
    db = open_database(pg_schema_url)
    assert db.info.dialect == "postgresql"
    assert db.info.revision == "9999"
    db.dispose()


@pytest.mark.postgres
def test_foreign_postgresql_database_is_refused(pg_schema_url: str) -> None:
    engine = create_engine(normalise_url(pg_schema_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id integer primary key)"))
    engine.dispose()
    with pytest.raises(NotALabAppDatabaseError, match="customers"):
        open_database(pg_schema_url)


def test_unreachable_server_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseUnreachableError) as caught:
        open_database("postgresql://labapp:secret@127.0.0.1:1/lab")
    assert time.monotonic() - started < 10
    assert "secret" not in str(caught.value)


def test_database_is_usable_after_open(tmp_path: Path) -> None:
    db = open_database(str(_sqlite_file(tmp_path)))
    try:
        create_instrument(db, "alice", InstrumentData(asset_tag="O-1", name="DMM"))
        assert [s.asset_tag for s in list_instruments(db)] == ["O-1"]
    finally:
        db.dispose()
