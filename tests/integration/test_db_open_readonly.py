"""A refused file is never changed: looked at read-only before anything writes to it (issue 12).

Measured before: a newer or foreign file was still modified (the switch to WAL rewrote header
bytes 18-19; ``-wal``/``-shm`` files appeared), a file holding only a view got LabApp's schema
written into it, ``db current`` called a newer database "behind", and a truncated file gave raw
tracebacks.  Every case here hashes the file and lists its folder before and after, for the GUI's
``open_database`` and for ``labapp-cli db current`` / ``db upgrade``.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from labapp.cli.main import EXIT_NEWER, main
from labapp.domain.errors import (
    DatabaseCorruptError,
    NotALabAppDatabaseError,
    SchemaTooNewError,
)
from labapp.persistence import migrations
from labapp.persistence.engine import make_engine
from labapp.services.database import open_database, schema_status, upgrade_database

HEAD = migrations.head_revision()


def _state(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(
        p.name for p in path.parent.iterdir()
    )


def _labapp_file(path: Path, *, wal: bool = True) -> None:
    """A LabApp file at head, as LabApp leaves it (WAL journal), or switched back to DELETE."""
    open_database(str(path)).dispose()
    if not wal:
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()


def _newer(path: Path) -> None:
    _labapp_file(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001'")
    conn.close()


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('ACME')")
    conn.close()


def _only_a_view(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE VIEW answers AS SELECT 42 AS answer")
    conn.close()


def _text(path: Path) -> None:
    path.write_bytes(b"asset_tag,name\nE-1,DMM\n")


def _truncated(path: Path) -> None:
    _labapp_file(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _cut_in_the_header(path: Path) -> None:
    _labapp_file(path)
    path.write_bytes(path.read_bytes()[:50])


def _damaged_schema_page(path: Path) -> None:
    _labapp_file(path, wal=False)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1 after the header: sqlite_master
    path.write_bytes(bytes(data))


REFUSED: list[tuple[str, Callable[[Path], None], type[Exception]]] = [
    ("newer", _newer, SchemaTooNewError),
    ("foreign", _foreign, NotALabAppDatabaseError),
    ("only-a-view", _only_a_view, NotALabAppDatabaseError),
    ("not-sqlite", _text, NotALabAppDatabaseError),
    ("truncated", _truncated, DatabaseCorruptError),
    ("cut-in-header", _cut_in_the_header, DatabaseCorruptError),
    ("damaged", _damaged_schema_page, DatabaseCorruptError),
]
IDS = [case[0] for case in REFUSED]


@pytest.fixture(params=REFUSED, ids=IDS)
def refused(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, type[Exception]]:
    name, make, error = request.param
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "lab.sqlite3"
    make(path)
    return path, error


def test_open_database_refuses_and_leaves_the_file_and_folder_as_they_were(
    refused: tuple[Path, type[Exception]],
) -> None:
    path, error = refused
    before = _state(path)
    with pytest.raises(error):
        open_database(str(path))
    with pytest.raises(error):
        open_database(str(path), create=False, migrate_local=False)  # the dialog's "Test"
    assert _state(path) == before


def test_db_upgrade_refuses_and_leaves_the_file_as_it_was(
    refused: tuple[Path, type[Exception]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, error = refused
    before = _state(path)
    with pytest.raises(error):
        upgrade_database(str(path))
    assert main(["db", "upgrade", "--database", str(path)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err and len(err.splitlines()) == 1
    assert _state(path) == before


def test_db_current_reads_only(
    refused: tuple[Path, type[Exception]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, error = refused
    before = _state(path)
    out = io.StringIO()
    status = main(["db", "current", "--database", str(path)], out=out)
    err = capsys.readouterr().err
    if error is SchemaTooNewError:
        assert status == EXIT_NEWER == 3
        assert "created by a newer LabApp (revision 9001)" in out.getvalue()
        assert "behind" not in out.getvalue()
    else:
        assert status == 2
        assert err.startswith("error: ") and "Traceback" not in err
    assert _state(path) == before


def test_damaged_files_are_worded_in_english_and_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lab.sqlite3"
    _truncated(path)
    for lang, words in (("en", "damaged or truncated"), ("zh_CN", "已损坏或被截断")):
        for command in (["db", "current"], ["db", "upgrade"]):
            status = main([*command, "--database", str(path), "--lang", lang], out=io.StringIO())
            err = capsys.readouterr().err
            assert status == 2 and words in err and "Traceback" not in err
    newer = tmp_path / "newer.sqlite3"
    _newer(newer)
    out = io.StringIO()
    assert main(["db", "current", "--database", str(newer), "--lang", "zh_CN"], out=out) == 3
    assert "由更新版本的 LabApp 创建" in out.getvalue()


def test_db_current_never_writes_a_labapp_file_either(tmp_path: Path) -> None:
    path = tmp_path / "lab.sqlite3"
    _labapp_file(path, wal=True)
    before = _state(path)
    out = io.StringIO()
    assert main(["db", "current", "--database", str(path)], out=out) == 0
    assert "up to date" in out.getvalue()
    assert _state(path) == before


def test_only_a_labapp_file_or_an_empty_one_is_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    open_database(str(empty)).dispose()
    assert schema_status(str(empty)).revision == HEAD
    schemaless = tmp_path / "schemaless.sqlite3"  # valid SQLite, nothing in it
    with sqlite3.connect(schemaless) as conn:
        conn.execute("PRAGMA user_version = 7")
    conn.close()
    assert schemaless.stat().st_size > 0
    assert upgrade_database(str(schemaless)) == (None, HEAD)


def test_db_current_on_a_newer_database_on_both_backends(empty_url: str) -> None:
    upgrade_database(empty_url)
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    status = schema_status(empty_url)
    assert status.newer and status.revision == "9001" and not status.up_to_date
    out = io.StringIO()
    assert main(["db", "current", "--database", empty_url], out=out) == EXIT_NEWER
    assert "newer LabApp" in out.getvalue()
    with pytest.raises(SchemaTooNewError):
        upgrade_database(empty_url)


def test_db_current_on_a_behind_database_still_says_behind(
    tmp_path: Path, newer_labapp: Path
) -> None:
    path = tmp_path / "lab.sqlite3"
    engine = make_engine(path)
    migrations.upgrade(engine, HEAD)  # the shipped head; this LabApp knows 9999 after it
    engine.dispose()
    out = io.StringIO()
    assert main(["db", "current", "--database", str(path)], out=out) == 1
    assert "newer" not in out.getvalue()


def test_a_name_with_uri_characters_is_looked_at_read_only_too(tmp_path: Path) -> None:
    path = tmp_path / "we?ird #%20name.sqlite3"
    _foreign(path)
    before = _state(path)
    with pytest.raises(NotALabAppDatabaseError, match="customers"):
        open_database(str(path))
    assert _state(path) == before


def test_db_current_reads_a_database_that_a_running_labapp_holds_open(tmp_path: Path) -> None:
    """With a -wal file there (another LabApp writing), its pages are read, not ignored."""
    path = tmp_path / "lab.sqlite3"
    db = open_database(str(path))
    try:
        with db.engine.begin() as conn:  # a commit that sits in the -wal file only
            conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
        assert (tmp_path / "lab.sqlite3-wal").exists()
        assert schema_status(str(path)).newer
    finally:
        db.dispose()
