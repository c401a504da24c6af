"""Participants workbooks in and comparison reports out (no database, no Qt)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from matplotlib.figure import Figure

from labapp.io.comparison_report import INPUT_COLUMNS, SCORE_COLUMNS, write_comparison_report
from labapp.io.comparisons import read_participants
from labapp.io.excel import CoverInfo, ImportFileError


def _book(path, header, *rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["能力验证 DC 10 V"])
    ws.append(header)
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def test_chinese_headers_are_read_with_their_digits(tmp_path):
    path = _book(
        tmp_path / "p.xlsx",
        ["参加实验室代码", "测量结果", "扩展不确定度", "包含因子", "单位", "方法", "日期"],
        ["Lab 01", "3.10", "0.80", 2, "µV", "DVM", date(2026, 3, 5)],
        ["Lab 02", 0.0034, "0.0010", "2.5", "mV", None, "2026/3/6"],
    )
    result = read_participants(path, "µV")
    assert result.errors == []
    first, second = result.rows
    assert (first.code, first.value, first.coverage_factor) == ("Lab 01", Decimal("3.10"), 2)
    assert first.measured_on == date(2026, 3, 5) and first.row == 3
    assert (second.unit, second.coverage_factor) == ("mV", Decimal("2.5"))


def test_english_headers_and_every_bad_cell_reported(tmp_path):
    path = _book(
        tmp_path / "p.xlsx",
        ["Code", "Value", "U", "k", "Unit"],
        ["A", "abc", "0.5", 2, None],
        ["B", "1.0", "0.5", 0, None],
        ["C", "1.0", "0.5", 2, "kg"],
        ["A", "1.0", None, None, None],
        [None, "1.0", "0.5", None, None],
    )
    result = read_participants(path, "V")
    where = {(e.row, e.column, e.code) for e in result.errors}
    assert where == {
        (3, "B", "not_a_number"),
        (4, "D", "not_positive"),
        (5, "E", "incommensurable"),
        (6, "A", "duplicate"),
        (7, "A", "required"),
        (7, "D", "required"),
    }
    assert all(e.message_zh for e in result.errors)


def test_a_workbook_without_the_headers_is_refused(tmp_path):
    path = _book(tmp_path / "p.xlsx", ["Name", "Other"], ["x", 1])
    with pytest.raises(ImportFileError) as info:
        read_participants(path)
    assert "代码" in info.value.message_zh
    (tmp_path / "t.xlsx").write_text("not a workbook")
    with pytest.raises(ImportFileError):
        read_participants(tmp_path / "t.xlsx")


def test_report_has_cover_inputs_scores_and_an_image(tmp_path):
    figure = Figure(figsize=(4, 3))
    figure.add_subplot().plot([1, 2], [3, 4])
    inputs = [
        ["Lab 01", "✓", Decimal("3.10"), Decimal("0.80"), Decimal(2), "DVM", date(2026, 1, 2)]
    ]
    scores = [["Lab 01", Decimal("3.10"), Decimal("0.80"), -0.12, "satisfactory", -0.2,
               "satisfactory", 2.5, "questionable", 2.4, "questionable"]]  # fmt: skip
    assert len(inputs[0]) == len(INPUT_COLUMNS) and len(scores[0]) == len(SCORE_COLUMNS)
    path = write_comparison_report(
        tmp_path / "r.xlsx",
        CoverInfo("比对报告", laboratory="Lab", exported_by="li.wei"),
        [("Assigned value", "指定值", 3.2), ("Method", "方法", "Algorithm A")],
        inputs,
        scores,
        [("Chart", figure)],
        language="zh_CN",
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["封面", "参加结果", "评价结果", "Chart"]
    cover = wb["封面"]
    assert cover["A1"].value == "比对报告"
    assert any(row[1] == 3.2 for row in cover.iter_rows(values_only=True))
    assert wb["评价结果"]["E2"].value == "满意" and wb["评价结果"]["I2"].value == "有问题"
    assert len(wb["Chart"]._images) == 1
