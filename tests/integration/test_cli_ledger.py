"""``labapp-cli import mapping`` / ``import register`` on a lab's own ledger, in-process, on SQLite
and PostgreSQL: the mapping printed as JSON, edited and passed back; ``--create-missing`` listed
and done in the import's transaction; exit 0 imported, 1 bad cells (nothing imported, an error
workbook), 2 an unreadable file or mapping; the messages in English and Chinese."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from ledger_files import text, xlsx
from sqlalchemy import func, select

from labapp.cli.main import main
from labapp.domain.enums import PersonRole
from labapp.persistence.models import InstrumentRow, LaboratoryRow, PersonRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.accounts import NewAccount, create_account, create_login_role
from labapp.services.database import Database

PASSWORD = "admin-secret-1"

LEDGER = [
    ["质检部 计量器具台账"],
    ["编制：张三", None, None, "更新日期：2026-01-05"],
    ["序号", "管理编号", "计量器具名称", "测量范围", "最大允许误差", "检定周期", "有效期至",
     "使用部门", "保管人", "颜色"],
    [1, "GL-1", "游标卡尺", "0～150mm", "±0.02mm", "半年", "2026-02-28", "质检部", "李伟", "黑"],
    [2, "GL-2", "外径千分尺", "(0~25)mm", "±0.004mm", "1年", "2026-08-31", "质检部", "李伟",
     None],
]  # fmt: skip


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def url(db: Database, empty_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """``db`` with a laboratory and the administrator ``admin`` (password in the environment)."""
    actor = create_account(db, None, NewAccount("admin", "管理员", (PersonRole.ADMIN,), PASSWORD))
    create_login_role(db, "admin", PASSWORD)
    with db.unit_of_work("admin", signer=actor) as uow:
        uow.session.add(LaboratoryRow(name="Lab", code="LAB"))
        uow.commit()
    monkeypatch.setenv("LABAPP_PASSWORD", PASSWORD)
    monkeypatch.delenv("LABAPP_USER", raising=False)
    return empty_url


def count(db: Database, table: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_missing_master_data_refused_then_created(
    url: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = xlsx(tmp_path / "台账.xlsx", LEDGER, merges=["A1:J1"])
    base = ("import", "register", str(ledger), "--database", url, "--user", "admin")
    code, out = run(*base)
    assert code == 1 and "2 bad cells" not in out  # 4 cells: 质检部 and 李伟 on two lines
    assert "4 bad cells" in out
    assert "there is no department '质检部'" in capsys.readouterr().err
    errors = openpyxl.load_workbook(tmp_path / "台账.errors.xlsx")["台账"]
    assert errors["H4"].comment is not None and errors["I5"].comment is not None
    assert count(db, InstrumentRow) == 0 and count(db, DepartmentRow) == 0

    code, out = run(*base, "--create-missing", "--dry-run", "--lang", "zh_CN")
    assert code == 0 and "将创建部门：质检部" in out and "将创建人员：李伟" in out
    assert count(db, InstrumentRow) == 0 and count(db, DepartmentRow) == 0

    people = count(db, PersonRow)
    code, out = run(*base, "--create-missing")
    assert code == 0 and "Imported 2 items" in out and "created department: 1" in out
    assert count(db, InstrumentRow) == 2 and count(db, PersonRow) == people + 1
    with db.read() as session:
        notes = dict(session.execute(select(InstrumentRow.asset_tag, InstrumentRow.notes)).all())
    assert notes == {"GL-1": "颜色: 黑", "GL-2": None}


def test_the_mapping_printed_edited_and_passed_back(url: str, db: Database, tmp_path: Path) -> None:
    ledger = text(tmp_path / "台账.csv", LEDGER[2:], encoding="gbk")
    code, out = run("import", "mapping", str(ledger))
    assert code == 0
    mapping = json.loads(out)
    by_heading = {c["heading"]: c for c in mapping["columns"]}
    assert by_heading["管理编号"]["field"] == "asset_tag"
    assert by_heading["颜色"]["field"] is None  # to the notes
    by_heading["颜色"]["field"] = "ignore"  # the user leaves the colour out
    edited = tmp_path / "mapping.json"
    edited.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    code, out = run("import", "register", str(ledger), "--database", url, "--user", "admin",
                    "--mapping", str(edited), "--create-missing")  # fmt: skip
    assert code == 0, out
    with db.read() as session:
        notes = dict(session.execute(select(InstrumentRow.asset_tag, InstrumentRow.notes)).all())
    assert notes == {"GL-1": None, "GL-2": None}


def test_unreadable_file_or_mapping_exits_2(
    url: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    code, _ = run("import", "register", str(junk), "--database", url, "--user", "admin")
    assert code == 2
    ledger = xlsx(tmp_path / "台账.xlsx", LEDGER)
    bad = tmp_path / "mapping.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code, _ = run("import", "register", str(ledger), "--database", url, "--user", "admin",
                  "--mapping", str(bad), "--lang", "zh_CN")  # fmt: skip
    assert code == 2 and "不是 LabApp 台账列映射" in capsys.readouterr().err
    other = xlsx(tmp_path / "other.xlsx", [["名称", "出厂编号", "管理编号"], ["表", "1", "T-1"]])
    run_code, printed = run("import", "mapping", str(other))
    (tmp_path / "other.json").write_text(printed, encoding="utf-8")
    code, _ = run("import", "register", str(ledger), "--database", url, "--user", "admin",
                  "--mapping", str(tmp_path / "other.json"))  # fmt: skip
    assert run_code == 0 and code == 2  # a mapping made for another layout
    assert count(db, InstrumentRow) == 0


def test_a_ledger_without_tags_is_numbered_by_the_pattern(
    url: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    untagged = [[c for i, c in enumerate(row) if i != 1] for row in LEDGER[2:]]  # no 管理编号
    ledger = xlsx(tmp_path / "无编号.xlsx", untagged)
    base = ("import", "register", str(ledger), "--database", url, "--user", "admin",
            "--create-missing")  # fmt: skip
    code, _ = run(*base)
    assert code == 2 and "LAB-{seq:05}" in capsys.readouterr().err  # says how to number them
    code, out = run(*base, "--tag-pattern", "QJ-{seq:03}")
    assert code == 0, out
    with db.read() as session:
        names = dict(session.execute(select(InstrumentRow.asset_tag, InstrumentRow.name)).all())
    assert names == {"QJ-001": "游标卡尺", "QJ-002": "外径千分尺"}
