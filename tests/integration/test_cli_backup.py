"""``labapp-cli db backup`` / ``db restore``: SQLite's online backup, verified; PostgreSQL: pg_dump.

The round trip is backup → change → restore → the data equals the backup's, seen even by a
LabApp that kept the database open (the restore writes through SQLite's lock, in place).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from labapp.cli.main import main
from labapp.persistence import migrations
from labapp.services.database import open_database, upgrade_database
from labapp.services.register import InstrumentData
from labapp.services.register import _instruments as svc

HEAD = migrations.head_revision()


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(list(argv), out=out)
    return status, out.getvalue(), err.getvalue()


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:  # read-write: sees the -wal, and tidies it when last
        rows = conn.execute(
            "SELECT asset_tag, name, interval_months, version FROM instruments ORDER BY asset_tag"
        ).fetchall()
    conn.close()
    return rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    path = tmp_path / "lab.sqlite3"
    db = open_database(str(path))
    try:
        svc.create_instrument(db, "ann", InstrumentData(asset_tag="K-1", name="DMM"))
        svc.create_instrument(db, "ann", InstrumentData(asset_tag="K-2", name="Calibrator"))
    finally:
        db.dispose()
    return path


def test_backup_change_restore_gives_back_the_backup(lab: Path, tmp_path: Path) -> None:
    out = tmp_path / "backups" / "lab-backup.sqlite3"
    status, text, _ = _cli("db", "backup", str(out), "--database", str(lab))
    assert status == 0 and "integrity check ok" in text and str(out) in text
    saved = _rows(out)
    assert saved == [("K-1", "DMM", None, 1), ("K-2", "Calibrator", None, 1)]
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    conn.close()

    db = open_database(str(lab))  # stays open across the restore, as a running LabApp would
    try:
        k1 = svc.list_instruments(db)[0]
        svc.update_instrument(db, "bob", k1.id, k1.version, {"interval_months": 6})
        svc.create_instrument(db, "bob", InstrumentData(asset_tag="K-3", name="Scope"))
        assert _rows(lab) != saved

        status, text, err = _cli("db", "restore", str(out), "--database", str(lab))
        assert status == 2 and "--force" in err  # holds data: not without --force
        status, text, _ = _cli("db", "restore", str(out), "--database", str(lab), "--force")
        assert status == 0 and "integrity check ok" in text
        assert _rows(lab) == saved
        assert [i.asset_tag for i in svc.list_instruments(db)] == ["K-1", "K-2"]
    finally:
        db.dispose()
    [kept] = lab.parent.glob("lab.before-restore-*.sqlite3")
    assert [r[0] for r in _rows(kept)] == ["K-1", "K-2", "K-3"]  # the changed data, kept
    assert f"{kept}" in text
    reopened = open_database(str(lab))
    reopened.dispose()


def test_restore_into_a_new_file_needs_no_force(lab: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    assert _cli("db", "backup", str(out), "--database", str(lab))[0] == 0
    target = tmp_path / "elsewhere" / "new.sqlite3"
    assert _cli("db", "restore", str(out), "--database", str(target))[0] == 0
    assert _rows(target) == _rows(lab)


def test_backup_refuses_to_overwrite_without_force(lab: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    out.write_bytes(b"an earlier backup")
    status, _, err = _cli("db", "backup", str(out), "--database", str(lab))
    assert status == 2 and "--force" in err
    assert out.read_bytes() == b"an earlier backup"
    assert _cli("db", "backup", str(out), "--database", str(lab), "--force")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite3", "lab.sqlite3"]  # no .part
    assert _rows(out) == _rows(lab)


def _newer(path: Path) -> None:
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001'")
    conn.close()


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()


def _truncated(path: Path) -> None:
    open_database(str(path)).dispose()
    path.write_bytes(path.read_bytes()[:20_000])


@pytest.mark.parametrize("make", [_newer, _foreign, _truncated], ids=["newer", "foreign", "cut"])
def test_backup_and_restore_refuse_what_is_not_a_sound_labapp_file(
    make, lab: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite3"
    make(bad)
    before, lab_before = _digest(bad), _digest(lab)
    status, _, err = _cli("db", "backup", str(tmp_path / "copy.sqlite3"), "--database", str(bad))
    assert status == 2 and err.startswith("error: ") and "Traceback" not in err
    assert not (tmp_path / "copy.sqlite3").exists()
    status, _, err = _cli("db", "restore", str(bad), "--database", str(lab), "--force")
    assert status == 2 and err.startswith("error: ") and "Traceback" not in err
    assert _digest(bad) == before and _digest(lab) == lab_before
    assert not list(tmp_path.glob("*.before-restore-*"))  # refused before touching the target


def test_messages_in_chinese(lab: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    status, text, _ = _cli("db", "backup", str(out), "--database", str(lab), "--lang", "zh_CN")
    assert status == 0 and "完整性检查通过" in text
    status, _, err = _cli("db", "backup", str(out), "--database", str(lab), "--lang", "zh_CN")
    assert status == 2 and "已存在" in err
    status, text, _ = _cli(
        "db", "restore", str(out), "--database", str(lab), "--force", "--lang", "zh_CN"
    )
    assert status == 0 and "原数据库已保留在" in text and "已将" in text


def test_on_each_backend(empty_url: str, backend: str, tmp_path: Path) -> None:
    """SQLite is copied; PostgreSQL gets the pg_dump -Fc command for its database, no password."""
    upgrade_database(empty_url)
    out = tmp_path / "lab.backup"
    url = make_url(empty_url)
    if backend == "postgresql":
        url = url.update_query_dict({"password": "s3cr3t-Pw"})  # trust auth ignores it
    text_url = url.render_as_string(hide_password=False)
    status, _, err = _cli("db", "backup", str(out), "--database", text_url)
    if backend == "sqlite":
        assert status == 0 and _rows(out) == []
        return
    assert status == 2 and not out.exists()
    assert "pg_dump -Fc -f" in err and str(out) in err and "s3cr3t-Pw" not in err
    assert f"@{url.host}" in err and f"/{url.database}" in err
    status, _, err = _cli("db", "restore", str(out), "--database", text_url)
    assert status == 2 and "pg_restore" in err and "s3cr3t-Pw" not in err


def test_a_restore_while_another_program_writes_waits_then_says_busy(
    lab: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labapp.services.database import _backup as db_backup

    out = tmp_path / "b.sqlite3"
    assert _cli("db", "backup", str(out), "--database", str(lab))[0] == 0
    monkeypatch.setattr(db_backup, "BUSY_TIMEOUT_S", 0.2)
    writer = sqlite3.connect(lab, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # holds the write lock
        status, _, err = _cli("db", "restore", str(out), "--database", str(lab), "--force")
        assert status == 2 and "busy" in err and "Traceback" not in err
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert [r[0] for r in _rows(lab)] == ["K-1", "K-2"]
