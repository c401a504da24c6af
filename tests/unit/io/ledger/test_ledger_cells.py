"""Bad and doubtful cells in a ledger: each bad cell an error naming its row, column and heading,
in English and Chinese; a line with an error gives no record; what is kept with a caveat is a
warning; lines that are not items are skipped with a warning, never silently."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from ledger_books import openpyxl_book

from labapp.domain.enums import CalibrationMethod, EventKind, EventResult, InstrumentStatus, Role
from labapp.domain.quantities import Measured
from labapp.io.ledger import LedgerImport, read_ledger

HEADINGS = ["管理编号", "计量器具名称", "测量范围", "准确度", "检定周期", "检定日期", "有效期至",
            "设备状态", "检定结果", "检定方式", "检定机构", "用途", "型号"]  # fmt: skip
GOOD = ["G-1", "压力表", "0~1.6MPa", "1.6级", "12个月", "2025-06-01", "2026-05-31", "在用",
        "合格", "外检", "市计量所", "计量标准", "Y-100"]  # fmt: skip


def read(tmp_path: Path, *lines: list[object], existing: set[str] | None = None) -> LedgerImport:
    path = openpyxl_book(tmp_path / "cells.xlsx", [HEADINGS, GOOD, *lines])
    return read_ledger(path, existing_asset_tags=existing or set())


def errors(result: LedgerImport) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.code) for e in result.errors}


def line(**cells: object) -> list[object]:
    values = dict(zip(HEADINGS, GOOD, strict=True))
    values.update(cells)
    return [values[h] for h in HEADINGS]


def test_each_bad_cell_is_named_in_both_languages(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        line(管理编号="B-1", 检定日期="2025-02-30"),
        line(管理编号="B-2", 检定周期="每周"),
        line(管理编号="B-3", 设备状态="借出"),
        line(管理编号="B-4", 测量范围="1.6~0MPa"),
        line(管理编号="B-5", 准确度="±0.5℃"),
        line(管理编号="B-6", 有效期至="2025-01-01"),
        line(管理编号="B-7", 计量器具名称=None),
        line(管理编号="G-1"),
        line(管理编号="B-9", 计量器具名称="表" * 201),
        line(管理编号="OLD-1"),
        line(管理编号="B-11", 检定方式="邮寄", 检定结果="良好"),
        existing={"old-1"},
    )
    assert errors(result) == {
        (3, "F", "impossible_date"),
        (4, "E", "bad_period"),
        (5, "H", "bad_status"),
        (6, "C", "range_order"),
        (7, "D", "incommensurable"),
        (8, "G", "valid_before_performed"),
        (9, "B", "required"),
        (10, "A", "duplicate_in_file"),
        (11, "B", "too_long"),
        (12, "A", "duplicate_existing"),
        (13, "J", "bad_method"),
        (13, "I", "bad_result"),
    }
    for error in result.errors:
        assert error.message_en and any("\u4e00" <= c <= "\u9fff" for c in error.message_zh)
        assert error.sheet == "台账" and error.header == HEADINGS[ord(error.column) - ord("A")]
    dup = next(e for e in result.errors if e.code == "duplicate_in_file")
    assert "row 2" in dup.message_en and "第 2 行" in dup.message_zh
    mpe = next(e for e in result.errors if e.code == "incommensurable")
    assert mpe.value == "±0.5℃" and "°C" in mpe.message_en and "MPa" in mpe.message_en
    assert [r.asset_tag for r in result.records] == ["G-1"]  # only the line without errors


def test_caveats_are_warnings_and_keep_everything(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        line(管理编号="W-1", 用途="生产检测", 准确度="±(0.02%+2字)", 测量范围="0~70HRC"),
        line(管理编号="W-2", 设备状态="不合格", 检定结果="合格"),
        line(管理编号="W-3", 检定机构=None),
        line(管理编号="W-4", 设备状态="待检", 检定周期="2", 准确度="U=0.005MPa"),
    )
    assert result.errors == []
    warnings = {(w.row, w.column, w.code) for w in result.warnings}
    assert warnings == {
        (3, "L", "role_to_notes"),
        (3, "D", "mpe_compound"),
        (3, "C", "range_unknown_unit"),
        (4, "I", "status_result_differ"),
        (5, "J", "external_without_provider"),
        (6, "H", "status_approximated"),
        (6, "E", "period_unit_assumed"),
        (6, "D", "uncertainty_without_k"),
    }
    for warning in result.warnings:
        assert warning.message_en and any("\u4e00" <= c <= "\u9fff" for c in warning.message_zh)
    w1, w2, _, w4 = result.records[1:]
    assert (w1.role, w1.notes) == (None, "用途: 生产检测")
    assert (w1.accuracy_text, w1.range_text, w1.range_low) == ("±(0.02%+2字)", "0~70HRC", None)
    assert (w2.status, w2.last_result) == (InstrumentStatus.OUT_OF_SERVICE, EventResult.PASS)
    assert (w4.interval_months, w4.coverage_factor) == (2, None)
    assert w4.accuracy == Measured(Decimal("0.005"), "MPa")
    assert result.records[0].role is Role.STANDARD


def test_lines_that_are_not_items(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["设备台账"],
        HEADINGS,
        ["Asset tag", "Name", "Range", "Accuracy", "Interval"],
        list(range(1, len(HEADINGS) + 1)),
        ["一、压力仪表"],
        GOOD,
        [None] * 5,
        ["以下空白"],
        ["注：有效期至以证书为准"],
        [None, "审核：王五"],
        ["合计", None, None, None, None, None, None, None, None, None, None, None, "3台"],
    ]
    result = read_ledger(openpyxl_book(tmp_path / "notes.xlsx", rows))
    assert result.errors == [] and [r.source_row for r in result.records] == [6]
    assert {(w.row, w.code) for w in result.warnings} == {
        (3, "row_skipped_heading"),
        (4, "row_skipped_numbering"),
        (5, "row_skipped_note"),
        (8, "row_skipped_note"),
        (9, "row_skipped_note"),
        (10, "row_skipped_note"),
        (11, "row_skipped_note"),
    }
    note = next(w for w in result.warnings if w.row == 9)
    assert note.value == "注：有效期至以证书为准" and "第 9 行" in note.message_zh


def test_merged_cells_in_the_data_name_every_row_they_cover(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["管理编号", "计量器具名称", "使用部门", "检定日期"],
        ["M-1", "压力表", "动力车间", "2025-06-01"],
        ["M-2", "压力表", None, "2025-06-02"],
        ["M-3", "温度计", None, "2025-06-03"],
        ["二、电学", None, None, None],
        ["M-4", "万用表", "电气室", "2025-06-04"],
    ]
    path = openpyxl_book(tmp_path / "merged.xlsx", rows, merges=["C2:C4", "A5:D5"])
    result = read_ledger(path)
    assert result.errors == []
    assert [(r.asset_tag, r.department) for r in result.records] == [
        ("M-1", "动力车间"), ("M-2", "动力车间"), ("M-3", "动力车间"), ("M-4", "电气室"),
    ]  # fmt: skip
    assert [(w.row, w.code) for w in result.warnings] == [(5, "row_skipped_note")]
    assert [r.last_calibrated_on for r in result.records][-1] == date(2025, 6, 4)


def test_labapps_split_columns_need_their_unit_and_kind(tmp_path: Path) -> None:
    rows = [
        ["资产编号", "名称", "测量范围下限", "测量范围上限", "测量范围单位", "准确度数值",
         "准确度单位"],
        ["S-1", "电压表", 0, 10, None, "0.01", "V"],
        ["S-2", "电压表", 0, 10, "V", "0.01", "V"],
        ["S-3", "电压表", 0, None, "V", None, None],
        ["S-4", "电压表", "10.00", "10.0", "V", None, None],
    ]  # fmt: skip
    result = read_ledger(openpyxl_book(tmp_path / "split.xlsx", rows))
    assert errors(result) == {
        (2, "E", "missing_unit"),
        (2, "F", "missing_accuracy_kind"),
        (3, "F", "missing_accuracy_kind"),
        (4, "D", "required"),
        (5, "D", "range_order"),
    }
    both_ends = next(e for e in result.errors if e.code == "required")
    assert both_ends.message_zh.endswith("测量范围需要上限和下限")
    order = next(e for e in result.errors if e.code == "range_order")
    assert "10.00 V" in order.message_en and "10.0 V" in order.message_en  # this line's digits


def test_cells_without_a_heading_go_to_the_notes(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["管理编号", None, "计量器具名称"],
        ["H-1", "旧编号 77", "压力表", None, "右侧手写：已送检"],
    ]
    (record,) = read_ledger(openpyxl_book(tmp_path / "headless.xlsx", rows)).records
    assert record.notes == "B: 旧编号 77\nE: 右侧手写：已送检"


def test_the_lab_itself_named_as_provider_and_none_written_as_a_word(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["统一编号", "设备名称", "出厂编号", "检定单位", "检定方式"],
        ["Z-1", "热电阻", "无", "自校", None],
        ["Z-2", "压力表", "/", "本公司", "内检"],
        ["Z-3", "天平", "暂无", "省计量院", None],
    ]
    first, second, third = read_ledger(openpyxl_book(tmp_path / "self.xlsx", rows)).records
    assert (first.serial_no, first.provider) == (None, None)
    assert (first.calibration_method, first.last_event_kind) == (
        CalibrationMethod.IN_HOUSE, EventKind.CALIBRATION,
    )  # fmt: skip
    assert (second.provider, second.calibration_method) == (None, CalibrationMethod.IN_HOUSE)
    assert (third.serial_no, third.provider, third.calibration_method) == (None, "省计量院", None)
