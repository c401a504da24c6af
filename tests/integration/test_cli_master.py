"""``labapp-cli`` master-data commands: once in a real subprocess (no Qt), the rest in-process,
on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from labapp.cli.main import main
from labapp.domain.enums import EventKind, PersonRole
from labapp.persistence.models import EventRow, InstrumentRow, LaboratoryRow
from labapp.services import master_data as md
from labapp.services.accounts import NewAccount, create_account, create_login_role
from labapp.services.database import Database


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (exit status, stdout)."""
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def _table(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


PASSWORD = "admin-secret-1"


@pytest.fixture
def url(db: Database, empty_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The database of ``db`` (schema at head) with a laboratory and the administrator account
    ``admin`` (its password in ``LABAPP_PASSWORD``), as a URL for ``--database``."""
    actor = create_account(db, None, NewAccount("admin", "管理员", (PersonRole.ADMIN,), PASSWORD))
    create_login_role(db, "admin", PASSWORD)  # PostgreSQL: the server knows who writes
    with db.unit_of_work("admin", signer=actor) as uow:
        uow.session.add(LaboratoryRow(name="Lab", code="LAB"))
        uow.commit()
    monkeypatch.setenv("LABAPP_PASSWORD", PASSWORD)
    monkeypatch.delenv("LABAPP_USER", raising=False)
    return empty_url


def test_person_add_and_list_in_a_subprocess_without_qt(tmp_path: Path) -> None:
    path = tmp_path / "lab.sqlite3"
    code = (
        "import sys, labapp.cli.main as m; rc = m.main(sys.argv[1:]); "
        "assert not any(n.startswith('PySide6') for n in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    base = [sys.executable, "-c", code]
    env = {**os.environ, "LABAPP_PASSWORD": PASSWORD}
    assert subprocess.run([*base, "init", "--database", str(path)], check=False).returncode == 0
    first = [*base, "user", "add", "admin", "--name", "管理员", "--role", "admin",
             "--password-stdin", "--database", str(path)]  # fmt: skip
    made = subprocess.run(first, input=PASSWORD + "\n", text=True, check=False, env=env)
    assert made.returncode == 0
    add = [
        *base,
        "person",
        "add",
        "li.wei",
        "--name",
        "李伟",
        "--role",
        "metrologist",
        "--qualification",
        "检定员证:JD-2024-001:DC voltage:2029-06-30",
        "--user",
        "admin",
        "--database",
        str(path),
    ]
    done = subprocess.run(add, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [*base, "person", "list", "--database", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = _table(listed.stdout)
    assert rows[1][:3] == ["li.wei", "李伟", "metrologist"]
    assert rows[1][4] == "检定员证 JD-2024-001 DC voltage 2029-06-30"


def test_master_data_commands(url: str, db: Database) -> None:
    common = ("--database", url, "--user", "admin")
    assert run("department", "add", "电学室", "--code", "E", *common)[0] == 0
    assert run("location", "add", "Room 101", "--department", "e", "--room", "101", *common)[0] == 0
    assert run("customer", "add", "华电公司", "--email", "a@b.cn", *common)[0] == 0
    status, _ = run(
        "provider",
        "add",
        "省计量院",
        "--kind",
        "accredited_lab",
        "--accreditation-body",
        "CNAS",
        "--accreditation-no",
        "L0001",
        "--accreditation-valid-until",
        "2028-03-01",
        "--scope",
        "DC voltage:0–1000 V:k=2: 2 µV/V",
        "--scope",
        "mass",
        *common,
    )
    assert status == 0
    assert (
        run(
            "procedure",
            "add",
            "JJG 315-1983",
            "--title",
            "直流数字电压表",
            "--kind",
            "verification",
            "--quantity",
            "DC voltage",
            *common,
        )[0]
        == 0
    )
    assert run("procedure", "withdraw", "jjg 315-1983", "--on", "2026-05-01", *common)[0] == 0
    assert run("procedure", "list", "--in-force", "--database", url)[1].count("\n") == 1
    provider = md.list_providers(db)[0]
    assert [(s.quantity, s.range_text, s.cmc) for s in provider.scopes] == [
        ("DC voltage", "0–1000 V", "k=2: 2 µV/V"),
        ("mass", None, None),
    ]
    locations = _table(run("location", "list", "--database", url)[1])
    assert locations[1] == ["Room 101", "", "101", "电学室"]
    assert md.list_customers(db)[0].email == "a@b.cn"
    proc = md.list_procedures(db)[0]
    assert not proc.in_force and str(proc.withdrawn_on) == "2026-05-01"
    assert run("department", "list", "--database", url)[1].splitlines()[1] == "电学室\tE\t1\t0"


def test_person_update_disable_and_refusals(
    url: str, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ("--database", url, "--user", "admin")
    assert (
        run(
            "person",
            "add",
            "liuyang",
            "--name",
            "刘洋",
            "--role",
            "metrologist",
            "--qualification",
            "检定员证:N-1:DC voltage:2027-01-01",
            *common,
        )[0]
        == 0
    )
    assert (
        run(
            "person",
            "update",
            "liuyang",
            "--role",
            "checker",
            "--role",
            "metrologist",
            "--qualification",
            "检定员证:N-1:DC voltage:2030-01-01",
            "--qualification",
            "注册计量师:R-9",
            *common,
        )[0]
        == 0
    )
    person = md.list_people(db)[0]
    assert person.roles == (PersonRole.CHECKER, PersonRole.METROLOGIST)
    assert [(q.number, str(q.valid_until)) for q in person.qualifications] == [
        ("N-1", "2030-01-01"),
        ("R-9", "None"),
    ]
    with db.unit_of_work("admin") as uow:  # liuyang performs an event: he has signed
        item = InstrumentRow(asset_tag="DMM-1", name="DMM")
        uow.session.add(item)
        uow.flush()
        uow.session.add(
            EventRow(
                instrument_id=item.id,
                kind=EventKind.CALIBRATION,
                performed_on=date(2026, 3, 2),
                performer_id=person.id,
            )
        )
        uow.commit()
    capsys.readouterr()
    assert run("person", "delete", "liuyang", *common)[0] == 2
    assert capsys.readouterr().err.strip() == (
        "error: liuyang has signed records: disable the person instead of deleting"
    )
    assert run("--lang", "zh_CN", "person", "delete", "liuyang", *common)[0] == 2
    assert capsys.readouterr().err.strip() == "错误：liuyang 已签署过记录：只能停用，不能删除"
    assert run("person", "disable", "liuyang", *common)[0] == 0
    active = [r[0] for r in _table(run("person", "list", "--database", url)[1])[1:]]
    assert active == ["admin"]
    listed = _table(run("person", "list", "--all", "--database", url)[1])
    assert listed[1][-1] == "disabled"
    assert run("person", "add", "Bad Login", "--name", "x", *common)[0] == 2
    assert "is not a login" in capsys.readouterr().err
    assert run("person", "update", "nobody", "--name", "x", *common)[0] == 2
    assert capsys.readouterr().err.strip() == "error: login: no such record: nobody"


def test_a_writing_command_without_password_is_refused(
    url: str, db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LABAPP_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: no prompt either
    assert run("department", "add", "电学室", "--database", url, "--user", "admin")[0] == 2
    assert capsys.readouterr().err.startswith("error: ")
    monkeypatch.setenv("LABAPP_PASSWORD", "wrong-password")
    assert run("department", "add", "电学室", "--database", url, "--user", "admin")[0] == 2
    assert md.list_departments(db) == []


def test_customer_owns_instruments_all_or_none(url: str, db: Database) -> None:
    with db.unit_of_work("admin") as uow:
        uow.session.add_all([InstrumentRow(asset_tag=t, name="DMM") for t in ("C-1", "C-2")])
        uow.commit()
    common = ("--database", url, "--user", "admin")
    assert run("customer", "add", "华电公司", "--code", "HD", *common)[0] == 0
    assert run("customer", "owns", "hd", "C-1", "NO-SUCH", *common)[0] == 2  # nothing changed
    owners = "SELECT asset_tag, customer_id FROM instruments ORDER BY asset_tag"
    with db.read() as session:
        assert list(session.execute(text(owners))) == [("C-1", None), ("C-2", None)]
    assert run("customer", "owns", "华电公司", "C-1", "C-2", *common)[0] == 0
    customer = md.list_customers(db)[0].id
    assert run("customer", "owns", "-", "C-2", *common)[0] == 0
    with db.read() as session:
        assert list(session.execute(text(owners))) == [("C-1", customer), ("C-2", None)]
