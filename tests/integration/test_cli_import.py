"""``labapp-cli import register`` as a real subprocess: exit codes 0 / 1 / 2, EN and ZH messages.

A register exported from one demo lab is imported into a database holding the same reference data
(the demo with another seed gives other asset tags): a dry run writes nothing, the import adds
every row once; a ledger with a bad cell exits 1 with an error workbook and imports nothing; a file
that is not Excel exits 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from labapp.services.database import Database, open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_register


def cli(
    *argv: str, lang: str = "en", login: str | None = "liuyang", password: str = "demo"
) -> subprocess.CompletedProcess[str]:
    """Run the CLI as the demo's metrologist (every demo account's password is ``demo``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LABAPP_USER", "LABAPP_PASSWORD")}
    if login is not None:
        env |= {"LABAPP_USER": login, "LABAPP_PASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "labapp.cli.main", *argv, "--lang", lang],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip


def count(db: Database, table: str) -> int:
    """Rows of ``table``; of the audit log, those of the data (a login may rehash a password:
    the tests' demo hashes are cheap, the CLI's own cost is the real one)."""
    where = " WHERE entity <> 'accounts'" if table == "audit_log" else ""
    with db.read() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}{where}")).scalar_one())


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register exported from a 30-item demo lab, with its tags renamed to new ones."""
    folder = tmp_path_factory.mktemp("ledger")
    db = open_database(str(folder / "source.sqlite3"))
    try:
        seed_demo(db, DemoOptions(instruments=30, years=1, seed=3))
        exported = export_register(db, folder / "register.xlsx", language="zh_CN")
    finally:
        db.dispose()
    wb = openpyxl.load_workbook(exported.path)
    for sheet in (wb["台账"], wb["报告位数"]):
        for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
            cell.value = f"NEW-{cell.value}"
    wb.save(exported.path)
    return exported.path


@pytest.fixture
def target(tmp_path: Path) -> Iterator[tuple[str, Database]]:
    path = tmp_path / "target.sqlite3"
    db = open_database(str(path))
    seed_demo(db, DemoOptions(instruments=30, years=1, seed=3))
    yield str(path), db
    db.dispose()


def test_dry_run_then_import(ledger: Path, target: tuple[str, Database]) -> None:
    url, db = target
    before, audit = count(db, "instruments"), count(db, "audit_log")
    with db.read() as session:
        last = session.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    dry = cli("import", "register", str(ledger), "--database", url, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "30 items" in dry.stdout and "dry run" in dry.stdout
    assert (count(db, "instruments"), count(db, "audit_log")) == (before, audit)
    done = cli("import", "register", str(ledger), "--database", url, "--user", "zhangwei")
    assert done.returncode == 0, done.stderr
    assert "Imported 30 items" in done.stdout
    assert count(db, "instruments") == before + 30
    with db.read() as session:
        reasons = session.execute(
            text(
                "SELECT DISTINCT user_name, reason FROM audit_log WHERE id > :n "
                "AND entity <> 'accounts'"
            ),
            {"n": last},
        ).all()
    assert reasons == [("zhangwei", "imported from register.xlsx")]
    again = cli("import", "register", str(ledger), "--database", url, lang="zh_CN")
    assert again.returncode == 1 and "已存在" in again.stderr  # every tag is now taken


def test_bad_cell_exits_1_with_an_error_workbook(
    ledger: Path, target: tuple[str, Database], tmp_path: Path
) -> None:
    url, db = target
    wb = openpyxl.load_workbook(ledger)
    wb["台账"]["J3"] = "furlongs"  # the range unit of the second item
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = count(db, "instruments")
    errors = tmp_path / "out" / "errors.xlsx"
    errors.parent.mkdir()
    done = cli("import", "register", str(bad), "--database", url, "--errors", str(errors),
               lang="zh_CN")  # fmt: skip
    assert done.returncode == 1
    assert "台账!J3" in done.stderr and "无法识别的单位" in done.stderr
    assert "未导入任何记录" in done.stdout and str(errors) in done.stdout
    listed = list(openpyxl.load_workbook(errors)["错误"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[2], row[5]) for row in listed] == [(3, "J", "bad_unit")]
    assert count(db, "instruments") == before


def test_not_excel_exits_2(target: tuple[str, Database], tmp_path: Path) -> None:
    url, db = target
    fake = tmp_path / "ledger.xlsx"  # a text file named .xlsx is read as the CSV it is
    fake.write_bytes(b"PK\x03\x04 not a workbook")
    before = count(db, "instruments"), count(db, "audit_log")
    done = cli("import", "register", str(fake), "--database", url)
    assert done.returncode == 2 and "is damaged" in done.stderr
    zh = cli("import", "register", str(fake), "--database", url, lang="zh_CN")
    assert zh.returncode == 2 and "已损坏" in zh.stderr
    assert (count(db, "instruments"), count(db, "audit_log")) == before


def test_import_needs_a_login_and_the_right_password(
    ledger: Path, target: tuple[str, Database]
) -> None:
    url, db = target
    before = count(db, "instruments"), count(db, "audit_log")
    nobody = cli("import", "register", str(ledger), "--database", url, login=None)
    assert nobody.returncode == 2 and "--user" in nobody.stderr
    wrong = cli("import", "register", str(ledger), "--database", url, password="not-demo")
    assert wrong.returncode == 2 and "wrong login or password" in wrong.stderr
    zh = cli("import", "register", str(ledger), "--database", url, password="x", lang="zh_CN")
    assert zh.returncode == 2 and "登录名或密码错误" in zh.stderr
    assert "Traceback" not in nobody.stderr + wrong.stderr + zh.stderr
    assert (count(db, "instruments"), count(db, "audit_log")) == before
