"""The dashboard figures workbook on SQLite and PostgreSQL, read back as an auditor would.

Every number in the file is compared with what the dashboard services compute for the same day:
the counts and the rows of the sheet behind each, the on-time rate's numerator, denominator and
percentage (with its one reported decimal), the chart image, the definitions, both languages.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from labapp.services.dashboard import _figures as dashboard
from labapp.services.dashboard import lab_overview
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_dashboard
from labapp.services.exports._dashboard import rate_percent
from labapp.services.planning import _due as planning

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=200, seed=1, today=TODAY))
    return db


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_figures_and_the_items_behind_them(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    result = export_dashboard(demo, path, today=TODAY, exported_by="qm")
    book = openpyxl.load_workbook(path)
    counts = dashboard.dashboard_counts(demo, TODAY, 30)
    overview = lab_overview(demo, TODAY, 30)
    certificates = planning.expiring_certificates(demo, TODAY)
    figures = {r[0]: (r[1], r[2]) for r in rows(book["Figures"])}
    expected = {
        "Instruments and standards": overview.instruments, "Overdue": counts.overdue,
        "Due within 30 days": counts.due_soon, "Failed last calibration": counts.failed,
        "Out of service": counts.out_of_service, "Broken traceability chains": counts.broken_chains,
        "Lab certificates expiring": len(certificates),
    }  # fmt: skip
    assert {k: figures[k][0] for k in expected} == expected
    for name, (count, sheet) in figures.items():
        if sheet:  # the sheet listing the items behind the count has as many rows
            assert len(rows(book[sheet])) == count == result.rows_per_sheet[sheet], name
    assert counts.overdue and counts.broken_chains  # the demo lab has some of each
    overdue = book["Overdue"]
    assert [r[0] for r in rows(overdue)] == [
        i.asset_tag for i in dashboard.drill_down(demo, "overdue", TODAY)
    ]
    due = overdue["C2"]
    assert isinstance(due.value, datetime) and due.number_format == "yyyy-mm-dd"
    rules = [r for cf in overdue.conditional_formatting for r in cf.rules]
    assert any("TODAY()" in r.formula[0] for r in rules)
    assert overdue.freeze_panes == "A2" and overdue.auto_filter.ref
    assert overdue.page_setup.paperSize == 9 and overdue.print_title_rows == "$1:$1"
    links = rows(book["Broken links"])
    assert {r[0] for r in links} == {r[0] for r in rows(book["Broken traceability chains"])}
    cover = {r[0]: r[1] for r in book["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Exported by"] == "qm" and cover["Overdue"] == counts.overdue


def test_on_time_rate_with_numerator_denominator_chart_and_definition(
    demo: Database, tmp_path: Path
) -> None:
    path = tmp_path / "rate.xlsx"
    export_dashboard(demo, path, today=TODAY, year=2026)
    book = openpyxl.load_workbook(path)
    rate = dashboard.on_time_rate(demo, 2026, TODAY)
    monthly = book["On-time rate 2026 by month"]
    assert len(monthly._images) == 1  # the trend chart, a PNG beside the table
    assert monthly._images[0].format.lower() == "png"
    months = rows(monthly)
    assert [(m[0], m[2], m[3]) for m in months] == [
        (p.label, p.on_time, p.due) for p in rate.months
    ]
    for cell_row, period in zip(monthly.iter_rows(min_row=2), rate.months, strict=True):
        percent = cell_row[4]
        if period.due:
            exact = Decimal(100 * period.on_time) / Decimal(period.due)
            assert percent.value == pytest.approx(float(exact), abs=0.05)
            assert percent.number_format == "0.0"
        else:
            assert percent.value is None
    quarterly = rows(book["On-time rate 2026 by quarter"])
    assert [(q[2], q[3]) for q in quarterly] == [
        (p.on_time, p.due) for p in (*rate.quarters, rate.total)
    ]
    (year,) = rows(book["On-time rate 2026"])
    assert year[1:4] == (rate.total.on_time, rate.total.due, float(rate_percent(rate.total)))
    assert year[4] == 96  # the default target, a lab setting
    assert year[5] == ("Yes" if rate_percent(rate.total) >= 96 else "No")
    assert year[7] == dashboard.ON_TIME_RATE_DEFINITION
    assert next(book["On-time rate 2026"].iter_rows(values_only=True))[1:3] == (
        "Done on time (numerator)",
        "Due occurrences (denominator)",
    )


def test_in_chinese(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "zh.xlsx"
    export_dashboard(demo, path, today=TODAY, year=2026, language="zh_CN")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["封面", "指标", "2026 年受检率", "已超期"]
    assert next(book["指标"].iter_rows(values_only=True))[:2] == ("指标", "数量")
    (year,) = rows(book["2026 年受检率"])
    assert year[7].startswith("受检率 = 按期完成的应检次数 ÷ 统计期间内的应检次数")
    assert next(book["已超期"].iter_rows(values_only=True)) == (
        "资产编号",
        "名称",
        "到期日",
        "状态",
    )
    assert rows(book["停用"])[0][3] in {"停用", "暂停使用"}
    assert len(book["2026 年受检率（月）"]._images) == 1


def test_cancelled_before_writing(demo: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = export_dashboard(demo, folder / "x.xlsx", today=TODAY, cancel=lambda: True)
    assert result.cancelled and list(folder.iterdir()) == []
