"""``labapp-cli plan generate|approve`` and the plan workbook's cover, on SQLite and PostgreSQL.

The line counts are worked out from the seeded rows in SQL here; the cover must say whether the
plan is approved, by whom, when and why, in the export's language.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from labapp.cli.main import main
from labapp.services.accounts import create_login_role
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo

TODAY = date(2026, 12, 1)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def lab(db: Database, empty_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LABAPP_USER", "wangjg")  # the quality manager (an approver)
    monkeypatch.setenv("LABAPP_PASSWORD", "demo")  # every demo password
    seed_demo(db, DemoOptions(instruments=60, years=3, seed=11, today=TODAY))
    create_login_role(db, "wangjg", "demo")  # PostgreSQL: the CLI connects as the person
    return empty_url


def _carried(db: Database) -> int:
    sql = ("SELECT count(*) FROM instruments WHERE status IN ('in_service', 'suspended') "
           "AND due_on < :first")  # fmt: skip
    with db.engine.connect() as conn:
        return int(conn.execute(text(sql), {"first": date(2027, 1, 1)}).scalar_one())


def _cover(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    return {r[0]: r[1] for r in book.worksheets[0].iter_rows(values_only=True) if r[0]}


def test_generate_approve_and_export(
    lab: str, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = run("plan", "generate", "--year", "2027", "--today", TODAY.isoformat(),
                     "--database", lab, "--user", "wangjg")  # fmt: skip
    assert code == 0
    carried = _carried(db)
    with db.engine.connect() as conn:
        lines = conn.execute(text("SELECT count(*) FROM plan_items")).scalar_one()
        created_by = conn.execute(text("SELECT created_by FROM plans")).scalar_one()
    assert f"{lines} lines, {carried} carried over" in said and carried >= 5
    assert f"{lines - carried} due in 2027" in said and created_by == "wangjg"

    draft = tmp_path / "draft.xlsx"
    assert run("export", "plan", str(draft), "--year", "2027", "--database", lab,
               "--lang", "zh_CN")[0] == 0  # fmt: skip
    cover = _cover(draft)
    assert openpyxl.load_workbook(draft).worksheets[0]["A1"].value == "2027 年周检计划"
    assert cover["计划状态"] == "草稿（未批准）" and cover["批准人"] == "—"
    assert cover["实验室"]  # the cover names the laboratory

    code, _ = run("plan", "approve", "--year", "2027", "--reason", "  ", "--database", lab,
                  "--lang", "zh_CN")  # fmt: skip
    assert code == 2 and "必须填写理由" in capsys.readouterr().err
    code, said = run("plan", "approve", "--year", "2027", "--reason", "管理评审通过",
                     "--database", lab, "--user", "wangjg")  # fmt: skip
    assert code == 0 and "Approved plan 2027" in said and "wangjg" in said

    approved = tmp_path / "approved.xlsx"
    assert run("export", "plan", str(approved), "--year", "2027", "--database", lab,
               "--lang", "zh_CN")[0] == 0  # fmt: skip
    cover = _cover(approved)
    assert cover["计划状态"] == "已批准" and cover["批准人"] == "wangjg"
    assert cover["批准理由"] == "管理评审通过" and cover["版本"] == "1"
    assert cover["批准日期"] == date.today().isoformat()
    rows = list(openpyxl.load_workbook(approved).worksheets[1].iter_rows(values_only=True))
    assert len(rows) - 1 == lines
    for header in ("型号规格", "出厂编号", "测量量", "部门", "存放地点", "检定/校准周期（月）",
                   "上次检定/校准日期", "到期日", "检定/校准机构", "结转（年前到期）"):  # fmt: skip
        assert header in rows[0], header
    quantity = rows[0].index("测量量")
    assert not {"length", "temperature", "mass"} & {r[quantity] for r in rows[1:]}
    carried_col = rows[0].index("结转（年前到期）")
    assert sum(1 for r in rows[1:] if r[carried_col] == "✓") == carried

    code, _ = run("plan", "approve", "--year", "2027", "--reason", "again", "--database", lab)
    assert code == 2 and "no draft plan for year 2027 (1 approved)" in capsys.readouterr().err


def test_english_export_title_and_bad_year(
    lab: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("plan", "generate", "--year", "2026", "--today", TODAY.isoformat(),
               "--database", lab)[0] == 0  # fmt: skip
    path = tmp_path / "en.xlsx"
    assert run("export", "plan", str(path), "--year", "2026", "--database", lab)[0] == 0
    book = openpyxl.load_workbook(path)
    assert book.worksheets[0]["A1"].value == "Re-verification plan 2026"
    assert _cover(path)["Plan status"] == "Draft (not approved)"
    assert run("plan", "generate", "--year", "20260", "--database", lab, "--lang", "zh_CN")[0] == 2
    assert "20260 不是有效的计划年度" in capsys.readouterr().err


def test_lab_settings_command(lab: str, db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = run("lab", "settings", "--database", lab)
    assert code == 0 and "On-time rate target: 96 %" in said
    code, said = run("lab", "settings", "--on-time-target", "97.5", "--control-min-baseline",
                     "25", "--database", lab, "--lang", "zh_CN", "--user", "wangjg")  # fmt: skip
    assert code == 0 and "受检率目标值：97.5 %" in said and "至少 25 个基线点" in said
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT on_time_target_percent FROM laboratories")).scalar()
    assert str(stored) == "97.5"
    code, _ = run("lab", "settings", "--on-time-target", "120", "--database", lab)
    assert code == 2 and "120 % is not above 0 and at most 100 %" in capsys.readouterr().err
