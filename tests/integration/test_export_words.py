"""Exports say labels, never keys; sheet names fit without cutting a word; covers name the lab;
``--quantity`` matches a label; a filter that matches nothing says so (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from labapp.cli.main import main
from labapp.io.excel import CoverInfo, sheet_title
from labapp.io.excel._cells import fitting_title
from labapp.services.common import with_laboratory
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_dashboard, export_traceability
from labapp.services.traceability import TraceFilter

TODAY = date(2026, 12, 1)
KEYS = {"length", "temperature", "mass", "pressure", "resistance"}


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=2, seed=3, today=TODAY))
    return db


def test_fitting_titles_never_cut_a_word() -> None:
    assert fitting_title("指标 / Figures") == "指标 Figures"
    assert fitting_title("溯源链断裂 / Broken traceability chains") == "溯源链断裂"  # 32 chars
    assert fitting_title("Failed last calibration of the reference standards") == (
        "Failed last calibration of the"
    )
    taken: set[str] = set()
    assert sheet_title("A / B", taken) == "A B" and sheet_title("A / B", taken) == "A B (2)"


def test_bilingual_dashboard_sheet_names(lab: Database, tmp_path: Path) -> None:
    path = tmp_path / "bi.xlsx"
    export_dashboard(lab, path, today=TODAY, year=2026, language="bilingual")
    names = openpyxl.load_workbook(path).sheetnames
    assert names == [
        "封面 Cover", "指标 Figures", "2026 年受检率 On-time rate 2026", "已超期 Overdue",
        "30 天内到期 Due in 30 d", "最近一次不合格 Failed", "停用 Out of service",
        "溯源链断裂 Broken chains", "计量标准超差未调查 Standards failed", "断裂环节 Broken links",
        "实验室证书即将到期 Certificates", "2026 年受检率（月） 2026 by month",
        "2026 年受检率（季、年） 2026 by quarter",
    ]  # fmt: skip
    assert all(len(n) <= 31 for n in names)


@pytest.mark.parametrize("language", ["zh_CN", "bilingual"])
def test_quantities_by_label_in_the_traceability_table(
    lab: Database, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "t.xlsx"
    export_traceability(lab, path, TraceFilter(TODAY), language=language)  # type: ignore[arg-type]
    rows = list(openpyxl.load_workbook(path).worksheets[1].iter_rows(values_only=True))
    col = 2
    assert rows[0][col] in ("测量量", "测量量 / Quantity")
    shown = {r[col] for r in rows[1:]}
    assert not shown & KEYS, shown
    assert ("长度" if language == "zh_CN" else "长度 / Length") in shown


def test_gui_covers_name_the_laboratory(lab: Database) -> None:
    with lab.engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM laboratories ORDER BY id")).scalars().first()
    assert name and with_laboratory(lab, CoverInfo("t")).laboratory == name
    assert with_laboratory(lab, CoverInfo("t", laboratory="X")).laboratory == "X"


def test_quantity_filter_by_label_and_empty_result(
    lab: Database, empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.xlsx"
    base = ("export", "traceability", str(out), "--database", empty_url, "--today", "2026-12-01")
    counts = {}
    for given in ("temperature", "温度", "Temperature", " 温 度 "):
        code, said = run(*base, "--quantity", given, "--lang", "zh_CN")
        assert code == 0
        counts[given] = len(list(openpyxl.load_workbook(out).worksheets[1].iter_rows())) - 1
    with lab.engine.connect() as conn:
        items = conn.execute(text(
            "SELECT count(*) FROM instruments WHERE quantity = 'temperature' "
            "AND status NOT IN ('retired', 'scrapped')")).scalar_one()  # fmt: skip
    assert items > 0 and len(set(counts.values())) == 1 and counts["温度"] >= items
    code, said = run(*base, "--quantity", "湿度")  # a known quantity no item has
    assert code == 0 and "nothing matched the filter" in said
    code, _ = run(*base, "--quantity", "流量", "--lang", "zh_CN")
    err = capsys.readouterr().err
    assert code == 2 and "台账中没有测量量 '流量'" in err and "温度 / Temperature" in err


def test_register_shows_quantity_labels(lab: Database, tmp_path: Path) -> None:
    from labapp.services.exports import export_register

    path = tmp_path / "r.xlsx"
    export_register(lab, path, language="zh_CN", today=TODAY)
    rows = list(openpyxl.load_workbook(path).worksheets[1].iter_rows(values_only=True))
    col = rows[0].index("测量量")
    shown = {r[col] for r in rows[1:]}
    assert not shown & KEYS and {"长度", "温度"} <= shown
