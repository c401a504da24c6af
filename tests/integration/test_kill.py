"""``kill -9`` of ``labapp-cli demo`` and of ``labapp-cli import register`` while they write.

The CLI runs as a real subprocess; once it holds the database's write transaction (SQLite: the
write lock, held over several polls; PostgreSQL: a lock on ``instruments`` held by its backend)
it gets SIGKILL.  Then the database is checked: the import added all its rows or none (and the
audit trail matches), the demo is either complete or seen as needing a seeding, and seeding it
again gives a complete demo.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from labapp.services.accounts import create_login_role
from labapp.services.database import Database, open_database
from labapp.services.demo import _seed as demo
from labapp.services.exports import export_register

pytestmark = pytest.mark.timeout(120)

START_TIMEOUT_S = 60.0
POLL_S = 0.02


def _spawn(*argv: str, home: Path) -> subprocess.Popen[str]:
    # writing commands log in: the demo's metrologist, whose password (as every demo one) is demo
    env = {**os.environ, "LABAPP_HOME": str(home), "LABAPP_USER": "liuyang",
           "LABAPP_PASSWORD": "demo"}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "labapp.cli.main", *argv, "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _sqlite_writing(path: Path) -> Callable[[], bool]:
    """True while another connection holds the file's write lock (this one cannot BEGIN)."""

    def probe() -> bool:
        if not path.exists():
            return False
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()

    return probe


def _pg_writing(db: Database) -> Callable[[], bool]:
    """True while another backend holds a write lock on this schema's ``instruments``."""
    stmt = text(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE c.relname = 'instruments' AND c.relnamespace = current_schema()::regnamespace "
        "AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()"
    )

    def probe() -> bool:
        with db.engine.connect() as conn:
            return bool(conn.execute(stmt).scalar_one())

    return probe


def _kill_while_writing(process: subprocess.Popen[str], writing: Callable[[], bool]) -> bool:
    """SIGKILL ``process`` once ``writing()`` held for 3 polls in a row; False if it ended first."""
    deadline = time.monotonic() + START_TIMEOUT_S
    held = 0
    while process.poll() is None and time.monotonic() < deadline:
        held = held + 1 if writing() else 0
        if held >= 3:
            process.send_signal(signal.SIGKILL)
            process.wait(30)
            return True
        # Wait on the child itself between polls (it may end meanwhile).
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(POLL_S)
    process.wait(30)
    return False


def _writing_probe(db: Database) -> Callable[[], bool]:
    if db.info.path is not None:
        return _sqlite_writing(db.info.path)
    return _pg_writing(db)


def _count(db: Database, sql: str) -> int:
    with db.read() as session:
        return int(session.execute(text(sql)).scalar_one())


# --- demo ---------------------------------------------------------------------------------------


def test_kill_9_of_demo_seeding_leaves_nothing_or_a_complete_lab(
    empty_url: str, db: Database, tmp_path: Path
) -> None:
    url = make_url(empty_url).render_as_string(hide_password=False)
    process = _spawn("demo", "--database", url, "--instruments", "300", "--years", "3",
                     home=tmp_path)  # fmt: skip
    killed = _kill_while_writing(process, _writing_probe(db))
    assert killed, f"the demo ended before it could be killed: {process.stderr.read()}"
    assert process.returncode == -signal.SIGKILL
    after = open_database(url)
    try:
        assert demo.needs_seeding(after)  # nothing committed: the seeding never completed
        assert _count(after, "SELECT count(*) FROM instruments") == 0
        assert _count(after, "SELECT count(*) FROM events") == 0
        again = _spawn("demo", "--database", url, "--instruments", "30", "--years", "1",
                       home=tmp_path)  # fmt: skip
        _out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert not demo.needs_seeding(after)
        assert _count(after, "SELECT count(*) FROM instruments") == 30
        assert _count(after, "SELECT count(*) FROM audit_log WHERE entity = 'database'") == 1
    finally:
        after.dispose()


# --- import -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 300 items exported from a demo lab, its tags renamed to new ones."""
    folder = tmp_path_factory.mktemp("ledger")
    source = open_database(str(folder / "source.sqlite3"))
    try:
        demo.seed_demo(source, demo.DemoOptions(instruments=300, years=1, seed=3))
        exported = export_register(source, folder / "register.xlsx", language="en")
    finally:
        source.dispose()
    wb = openpyxl.load_workbook(exported.path)
    for sheet in wb.worksheets[:2]:
        for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
            if cell.value:
                cell.value = f"NEW-{cell.value}"
    wb.save(exported.path)
    return exported.path


@pytest.fixture
def target(db: Database) -> Iterator[Database]:
    demo.seed_demo(db, demo.DemoOptions(instruments=30, years=1, seed=3))
    create_login_role(db, "liuyang", "demo")  # PostgreSQL: the CLI connects as the person
    yield db


def test_kill_9_of_an_import_is_all_or_nothing(
    big_ledger: Path, target: Database, empty_url: str, tmp_path: Path
) -> None:
    url = make_url(empty_url).render_as_string(hide_password=False)
    before = _count(target, "SELECT count(*) FROM instruments")
    logged = _count(target, "SELECT count(*) FROM audit_log WHERE entity = 'instruments'")
    process = _spawn("import", "register", str(big_ledger), "--database", url,
                     home=tmp_path)  # fmt: skip
    killed = _kill_while_writing(process, _writing_probe(target))
    assert killed, f"the import ended before it could be killed: {process.stderr.read()}"
    now = _count(target, "SELECT count(*) FROM instruments")
    assert now in (before, before + 300)
    assert process.returncode == -signal.SIGKILL
    created = _count(target, "SELECT count(*) FROM audit_log WHERE entity = 'instruments'")
    assert created - logged == now - before  # one CREATE entry per instrument kept, no more
    retry = _spawn("import", "register", str(big_ledger), "--database", url, home=tmp_path)
    _out, err = retry.communicate(timeout=120)
    if now == before:  # nothing was kept: the import can simply run again
        assert retry.returncode == 0, err
        assert _count(target, "SELECT count(*) FROM instruments") == before + 300
