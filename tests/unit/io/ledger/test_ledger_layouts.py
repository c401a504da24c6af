"""Ledgers of different layouts, built here, read into typed records checked field by field.

Each ledger is written the way a lab's file is: a merged title and a note row above the headings,
the lab's own heading spellings in its own order, two heading rows under a merged parent, English
and full-width headings, GBK / UTF-8-BOM CSV, tab-separated UTF-16, and LabApp's own register
export.  Every field of every record is compared (a field a test does not name must be empty).
"""

from __future__ import annotations

import codecs
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from ledger_books import openpyxl_book, text_file, xlsxwriter_book

from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
    Reverification,
    Role,
    StandardLevel,
)
from labapp.domain.quantities import Measured
from labapp.io.excel import ColumnSpec, CoverInfo, SheetSpec, write_workbook
from labapp.io.ledger import LedgerImport, LedgerRecord, read_ledger
from labapp.io.register import RegisterRow, register_columns

D = Decimal
M = Measured
EPOCH = date(1899, 12, 30)  # Excel's day 0 (serial 61 onward, as every serial here)
PERIODIC = Reverification.PERIODIC
DEFAULTS = {f: LedgerRecord._field_defaults.get(f) for f in LedgerRecord._fields}


def assert_record(record: LedgerRecord, **expected: Any) -> None:
    """Every field as expected; a field not named must hold its default (empty).  Where the line
    is (its sheet) is checked by the tests of several sheets."""
    for name in LedgerRecord._fields:
        if name == "source_sheet" and name not in expected:
            continue
        want = expected.get(name, DEFAULTS[name])
        got = getattr(record, name)
        assert got == want, f"row {record.source_row} {name}: {got!r} != {want!r}"
        if isinstance(want, Decimal | Measured):  # the digits as written, not only the value
            assert str(got) == str(want), f"row {record.source_row} {name}: digits"


def by_row(result: LedgerImport) -> dict[int, LedgerRecord]:
    return {r.source_row: r for r in result.records}


def warnings_of(result: LedgerImport) -> set[tuple[int, str, str]]:
    return {(w.row, w.column, w.code) for w in result.warnings}


# --- 1. a typical Chinese ledger ------------------------------------------------------------

CHINESE_HEADINGS = [
    "序号", "计量器具名称", "型号/规格", "出厂编号", "管理编号", "测量范围", "准确度等级",
    "检定周期", "检定(校准)日期", "有效期至", "使用部门", "存放地点", "保管人", "检定方式",
    "检定机构", "证书编号", "设备状态", "原值/元", "颜色", "备注",
]  # fmt: skip


def chinese_ledger(path: Path) -> Path:
    rows = [
        ["XX市计量检测中心 计量器具台账"],
        ["编制：张三", None, None, None, None, "更新日期：2026-01-05"],
        CHINESE_HEADINGS,
        [1, "压力表", "Y-100", "1903-A", "YB-001", "0~1.6MPa", "1.6级", "12个月", "2025/6/1",
         "2026-05-31", "动力车间", "泵房", "王芳", "外检", "市计量所", "JD2025-001", "合格", "350",
         "黑", None],
        [2, "工业铂热电阻", "WZP-231", "A7", "WD-002", "(-200~850)℃", "A级", "1年",
         datetime(2025, 7, 1), "2026年6月30日", "质检部", "理化室", "李伟", "内检", None, "N-2",
         "在用", "1,200.50", None, "备用件"],
        [3, "游标卡尺", "0-150mm", 12345.0, "GL-003", "0～150mm", "±0.02mm", "半年",
         "2025.08.01", 46083, "质检部", "计量室", "李伟", "内检", None, None, "限用", 320,
         None, None],
        [4, "温湿度计", "WS-1", "S9", "TH-004", "(10~90)%RH", "U=2%RH(k=2)", "24个月",
         "2024-03-15", "2026-03-14", "质检部", "理化室", "李伟", "外检", "省计量院", "C-4",
         "待检", "1.2万元", None, None],
        [5, "电子秤", "ACS-30", "E1", "CZ-005", "0~30kg", "Ⅲ级", "随坏随换", None, None, "仓库",
         "库房", "赵六", None, None, None, "在用", None, None, None],
        [6, "数字万用表", "17B+", "MY9", "WY-006", "0~1000V", "±(0.5%+3字)", "一次性",
         "2025-01-10", None, "设备科", "库房", "赵六", "外检", "省计量院", "C-6", "报废", None,
         None, None],
        ["制表人：李四"],
    ]  # fmt: skip
    return openpyxl_book(path, rows, merges=["A1:T1", "A10:T10"], sheet="计量器具台账")


def test_a_typical_chinese_ledger(tmp_path: Path) -> None:
    result = read_ledger(chinese_ledger(tmp_path / "台账.xlsx"))
    assert result.errors == [] and result.format == "xlsx"
    mapping = result.mapping
    assert (mapping.sheet, mapping.header_row, mapping.heading_rows) == ("计量器具台账", 3, 1)
    assert {f: c.column for f, c in mapping.fields.items()} == {
        "name": "B", "model": "C", "serial_no": "D", "asset_tag": "E", "range": "F",
        "accuracy": "G", "interval_months": "H", "last_calibrated_on": "I", "valid_until": "J",
        "department": "K", "location": "L", "custodian": "M", "calibration_method": "N",
        "provider": "O", "certificate_no": "P", "status": "Q", "purchase_value": "R",
        "notes": "T",
    }  # fmt: skip
    assert [c.heading for c in mapping.unmapped] == ["颜色"]
    assert mapping.fields["accuracy"].kind is AccuracyKind.CLASS
    assert mapping.fields["purchase_value"].unit == "元"
    rows = by_row(result)
    assert sorted(rows) == [4, 5, 6, 7, 8, 9]
    assert_record(
        rows[4], source_row=4, asset_tag="YB-001", name="压力表", model="Y-100",
        serial_no="1903-A", range_low=M(D("0"), "MPa"), range_high=M(D("1.6"), "MPa"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="1.6", interval_months=12,
        reverification=PERIODIC, last_calibrated_on=date(2025, 6, 1),
        valid_until=date(2026, 5, 31), department="动力车间", location="泵房", custodian="王芳",
        calibration_method=CalibrationMethod.EXTERNAL, provider="市计量所",
        certificate_no="JD2025-001", status=InstrumentStatus.IN_SERVICE,
        last_result=EventResult.PASS, purchase_value=D("350"), notes="颜色: 黑",
    )  # fmt: skip
    assert_record(
        rows[5], source_row=5, asset_tag="WD-002", name="工业铂热电阻", model="WZP-231",
        serial_no="A7", range_low=M(D("-200"), "°C"), range_high=M(D("850"), "°C"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="A", interval_months=1 * 12,
        reverification=PERIODIC, last_calibrated_on=date(2025, 7, 1),
        valid_until=date(2026, 6, 30), department="质检部", location="理化室", custodian="李伟",
        calibration_method=CalibrationMethod.IN_HOUSE, certificate_no="N-2",
        status=InstrumentStatus.IN_SERVICE, purchase_value=D("1200.50"), notes="备用件",
    )  # fmt: skip
    assert_record(
        rows[6], source_row=6, asset_tag="GL-003", name="游标卡尺", model="0-150mm",
        serial_no="12345", range_low=M(D("0"), "mm"), range_high=M(D("150"), "mm"),
        accuracy_kind=AccuracyKind.MPE, accuracy=M(D("0.02"), "mm"), interval_months=12 // 2,
        reverification=PERIODIC, last_calibrated_on=date(2025, 8, 1),
        valid_until=EPOCH + timedelta(days=46083), department="质检部", location="计量室",
        custodian="李伟", calibration_method=CalibrationMethod.IN_HOUSE,
        status=InstrumentStatus.IN_SERVICE, last_result=EventResult.LIMITED,
        purchase_value=D("320"),
    )  # fmt: skip
    assert_record(
        rows[7], source_row=7, asset_tag="TH-004", name="温湿度计", model="WS-1", serial_no="S9",
        range_low=M(D("10"), "%RH"), range_high=M(D("90"), "%RH"),
        accuracy_kind=AccuracyKind.UNCERTAINTY, accuracy=M(D("2"), "%RH"),
        coverage_factor=D("2"), interval_months=24, reverification=PERIODIC,
        last_calibrated_on=date(2024, 3, 15), valid_until=date(2026, 3, 14),
        department="质检部", location="理化室", custodian="李伟",
        calibration_method=CalibrationMethod.EXTERNAL, provider="省计量院",
        certificate_no="C-4", status=InstrumentStatus.OUT_OF_SERVICE,
        purchase_value=D("1.2") * 10000,
    )  # fmt: skip
    assert_record(
        rows[8], source_row=8, asset_tag="CZ-005", name="电子秤", model="ACS-30", serial_no="E1",
        range_low=M(D("0"), "kg"), range_high=M(D("30"), "kg"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="III",
        reverification=Reverification.ON_FAILURE, department="仓库", location="库房",
        custodian="赵六", status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    assert_record(
        rows[9], source_row=9, asset_tag="WY-006", name="数字万用表", model="17B+",
        serial_no="MY9", range_low=M(D("0"), "V"), range_high=M(D("1000"), "V"),
        accuracy_kind=AccuracyKind.MPE, accuracy_text="±(0.5%+3字)",
        reverification=Reverification.ONE_TIME, last_calibrated_on=date(2025, 1, 10),
        department="设备科", location="库房", custodian="赵六",
        calibration_method=CalibrationMethod.EXTERNAL, provider="省计量院",
        certificate_no="C-6", status=InstrumentStatus.SCRAPPED,
    )  # fmt: skip
    assert warnings_of(result) == {
        (7, "Q", "status_approximated"),
        (9, "G", "mpe_compound"),
        (10, "A", "row_skipped_note"),
    }
    assert result.references() == {
        "department": ("动力车间", "质检部", "仓库", "设备科"),
        "location": ("泵房", "理化室", "计量室", "库房"),
        "provider": ("市计量所", "省计量院"),
        "custodian": ("王芳", "李伟", "赵六"),
        "procedure": (),
    }


# --- 2. two heading rows under a merged parent (XlsxWriter) ---------------------------------

LENGTH_SERIAL = 45901
LEFT_HEADINGS = ["设备编号", "仪器名称", "规格型号", "量程(mm)", "最大允许误差(mm)"]


def two_row_ledger(path: Path) -> Path:
    rows: list[list[object]] = [
        [],
        [None] * 12,
        [None, None, None, None, None, "日期", "有效期至", "证书编号"],
        ["L-01", "外径千分尺", "0-25mm", "0~25", "0.004", date(2025, 9, 1), date(2026, 8, 31),
         "JZ-1", 1, "张三", None, "在用"],
        ["L-02", "量块", "83块", "0.5~100", "0.00080", LENGTH_SERIAL, "2026/8/31", "JZ-2", 2,
         "张三", None, "封存"],
        [],
        ["T-01", "玻璃液体温度计", "A-50", "(0~50)℃", "±0.2℃", "2025-10-08", "2026-10-07", "JZ-3",
         "一次性", "李四", "温度室", "在用"],
    ]  # fmt: skip
    merges: list[tuple[str, object]] = [
        ("A1:L1", "2026 年度计量器具台账"),
        *[(f"{c}2:{c}3", h) for c, h in zip("ABCDE", LEFT_HEADINGS, strict=True)],
        ("F2:H2", "检定/校准"),
        *[(f"{c}2:{c}3", h) for c, h in zip("IJKL", ["周期(年)", "保管人", "存放地点", "状态"],
                                            strict=True)],
        ("K4:K5", "长度室"),
        ("A6:L6", "二、温度计量器具"),
    ]  # fmt: skip
    return xlsxwriter_book(path, rows, merges, sheet="长度")


def test_two_heading_rows_under_a_merged_parent(tmp_path: Path) -> None:
    result = read_ledger(two_row_ledger(tmp_path / "two_rows.xlsx"))
    assert result.errors == []
    mapping = result.mapping
    assert (mapping.header_row, mapping.heading_rows) == (3, 2)
    assert {f: (c.column, c.heading) for f, c in mapping.fields.items()} == {
        "asset_tag": ("A", "设备编号"), "name": ("B", "仪器名称"), "model": ("C", "规格型号"),
        "range": ("D", "量程(mm)"), "accuracy": ("E", "最大允许误差(mm)"),
        "last_calibrated_on": ("F", "检定/校准 日期"), "valid_until": ("G", "检定/校准 有效期至"),
        "certificate_no": ("H", "检定/校准 证书编号"), "interval_months": ("I", "周期(年)"),
        "custodian": ("J", "保管人"), "location": ("K", "存放地点"), "status": ("L", "状态"),
    }  # fmt: skip
    assert (mapping.fields["range"].unit, mapping.fields["interval_months"].unit) == ("mm", "年")
    assert mapping.fields["accuracy"].kind is AccuracyKind.MPE
    rows = by_row(result)
    assert_record(
        rows[4], source_row=4, asset_tag="L-01", name="外径千分尺", model="0-25mm",
        range_low=M(D("0"), "mm"), range_high=M(D("25"), "mm"), accuracy_kind=AccuracyKind.MPE,
        accuracy=M(D("0.004"), "mm"), interval_months=1 * 12, reverification=PERIODIC,
        last_calibrated_on=date(2025, 9, 1), valid_until=date(2026, 8, 31),
        certificate_no="JZ-1", custodian="张三", location="长度室",
        status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    assert_record(
        rows[5], source_row=5, asset_tag="L-02", name="量块", model="83块",
        range_low=M(D("0.5"), "mm"), range_high=M(D("100"), "mm"),
        accuracy_kind=AccuracyKind.MPE, accuracy=M(D("0.00080"), "mm"), interval_months=2 * 12,
        reverification=PERIODIC, last_calibrated_on=EPOCH + timedelta(days=LENGTH_SERIAL),
        valid_until=date(2026, 8, 31), certificate_no="JZ-2", custodian="张三",
        location="长度室", status=InstrumentStatus.SEALED,
    )  # fmt: skip
    assert_record(
        rows[7], source_row=7, asset_tag="T-01", name="玻璃液体温度计", model="A-50",
        range_low=M(D("0"), "°C"), range_high=M(D("50"), "°C"), accuracy_kind=AccuracyKind.MPE,
        accuracy=M(D("0.2"), "°C"), reverification=Reverification.ONE_TIME,
        last_calibrated_on=date(2025, 10, 8), valid_until=date(2026, 10, 7),
        certificate_no="JZ-3", custodian="李四", location="温度室",
        status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    assert warnings_of(result) == {(6, "A", "row_skipped_note")}


# --- 3. English and full-width headings, another order --------------------------------------

ENGLISH_HEADINGS = [
    "Description", "Equipment ID", "Ｍａｎｕｆａｃｔｕｒｅｒ", "Model/Type", "S/N",
    "Measuring range", "Accuracy", "Calibration interval", "ＣＡＬＩＢＲＡＴＩＯＮ　ＤＡＴＥ",
    "Due date", "Dept.", "Location", "Custodian", "Status", "Result", "Cert. No.", "Remarks",
    "Purchase date", "Price (CNY)", "Method",
]  # fmt: skip


def test_english_and_full_width_headings(tmp_path: Path) -> None:
    rows = [
        ["ＥＱＵＩＰＭＥＮＴ　ＲＥＧＩＳＴＥＲ"],
        [],
        ENGLISH_HEADINGS,
        ["Digital multimeter", "EL-0001", "Fluke", "8846A", "SN-1", "0~1000V", "±0.0035%",
         "12 months", "2025-11-20", "2025-11-19", "Electrical", "Room 101", "Wang Fang",
         "In service", "Pass", "NIM-25-001", "spare battery in drawer", datetime(2019, 5, 6),
         "85000.00", "calibration"],
        ["Pressure gauge", "PR-0002", "Yokogawa", "MT220", "SN-2", "0-1.6MPa", "Class 1.6",
         "1 year", 45800.0, "2026-05-24", "Utilities", "Pump room", "Li Wei", "Out of service",
         "Fail", "P-2", None, None, None, "external"],
    ]  # fmt: skip
    result = read_ledger(openpyxl_book(tmp_path / "english.xlsx", rows, sheet="Register"))
    assert {(e.row, e.column, e.code) for e in result.errors} == {
        (4, "J", "valid_before_performed")
    }
    assert "2025-11-19" in result.errors[0].message_en and "早于" in result.errors[0].message_zh
    assert result.mapping.fields["last_calibrated_on"].column == "I"
    assert result.mapping.fields["manufacturer"].column == "C"
    (gauge,) = result.records
    assert_record(
        gauge, source_row=5, asset_tag="PR-0002", name="Pressure gauge", manufacturer="Yokogawa",
        model="MT220", serial_no="SN-2", range_low=M(D("0"), "MPa"),
        range_high=M(D("1.6"), "MPa"), accuracy_kind=AccuracyKind.CLASS, accuracy_class="1.6",
        interval_months=12, reverification=PERIODIC,
        last_calibrated_on=EPOCH + timedelta(days=45800), valid_until=date(2026, 5, 24),
        department="Utilities", location="Pump room", custodian="Li Wei",
        status=InstrumentStatus.OUT_OF_SERVICE, last_result=EventResult.FAIL,
        certificate_no="P-2", calibration_method=CalibrationMethod.EXTERNAL,
    )  # fmt: skip


def test_english_row_passes_once_its_dates_are_right(tmp_path: Path) -> None:
    rows = [
        ENGLISH_HEADINGS,
        ["Digital multimeter", "EL-0001", "Fluke", "8846A", "SN-1", "0~1000V", "±0.0035%",
         "12 months", "2025-11-20", "2026-11-19", "Electrical", "Room 101", "Wang Fang",
         "In service", "Pass", "NIM-25-001", "spare battery in drawer", datetime(2019, 5, 6),
         "85000.00", "calibration"],
    ]  # fmt: skip
    result = read_ledger(openpyxl_book(tmp_path / "english.xlsx", rows))
    assert result.errors == [] and result.mapping.header_row == 1
    assert_record(
        result.records[0], source_row=2, asset_tag="EL-0001", name="Digital multimeter",
        manufacturer="Fluke", model="8846A", serial_no="SN-1", range_low=M(D("0"), "V"),
        range_high=M(D("1000"), "V"), accuracy_kind=AccuracyKind.MPE,
        accuracy=M(D("0.0035"), "%"), interval_months=12, reverification=PERIODIC,
        last_calibrated_on=date(2025, 11, 20), valid_until=date(2026, 11, 19),
        department="Electrical", location="Room 101", custodian="Wang Fang",
        status=InstrumentStatus.IN_SERVICE, last_result=EventResult.PASS,
        certificate_no="NIM-25-001", notes="spare battery in drawer",
        purchased_on=date(2019, 5, 6), purchase_value=D("85000.00"),
        last_event_kind=EventKind.CALIBRATION,
    )  # fmt: skip


# --- 4-6. text files: GBK CSV, UTF-8 with BOM and ';', tab-separated ------------------------

TEXT_ROWS: list[list[object]] = [
    ["计量器具台账（2026）", "", "", "", "", "", "", "", "", "", ""],
    [],
    ["器具名称", "设备编号", "规格型号", "测量范围", "准确度", "周期", "上次检定日期",
     "下次检定日期", "使用单位", "检定单位", "状态"],
    ["压力表", "YB-01", "Y-60", "0~2.5MPa", "2.5级", "半年", "2025/12/1", "2026/5/31", "锅炉房",
     "市计量所", "在用"],
    ["热电偶", "RD-02", "K型", "0~1300℃", "±0,5%", "12个月", "2025年3月1日", "2026年2月28日",
     "热处理", "省计量院", "停用"],
    ["多量程电压表", "DY-03", "C31", "0~10V,0~100V", "0.5级", "1年", "2025-06-01",
     "2026-05-31", "电气室", "", "在用"],
]  # fmt: skip


def check_text_ledger(result: LedgerImport) -> None:
    assert result.errors == [] and result.format == "csv"
    assert result.mapping.header_row == 3
    rows = by_row(result)
    assert_record(
        rows[4], source_row=4, asset_tag="YB-01", name="压力表", model="Y-60",
        range_low=M(D("0"), "MPa"), range_high=M(D("2.5"), "MPa"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="2.5", interval_months=6,
        reverification=PERIODIC, last_calibrated_on=date(2025, 12, 1),
        valid_until=date(2026, 5, 31), department="锅炉房", provider="市计量所",
        status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    assert_record(
        rows[5], source_row=5, asset_tag="RD-02", name="热电偶", model="K型",
        range_low=M(D("0"), "°C"), range_high=M(D("1300"), "°C"),
        accuracy_kind=AccuracyKind.MPE, accuracy=M(D("0.5"), "%"), interval_months=12,
        reverification=PERIODIC, last_calibrated_on=date(2025, 3, 1),
        valid_until=date(2026, 2, 28), department="热处理", provider="省计量院",
        status=InstrumentStatus.OUT_OF_SERVICE,
    )  # fmt: skip
    assert_record(
        rows[6], source_row=6, asset_tag="DY-03", name="多量程电压表", model="C31",
        range_text="0~10V,0~100V", accuracy_kind=AccuracyKind.CLASS, accuracy_class="0.5",
        interval_months=12, reverification=PERIODIC, last_calibrated_on=date(2025, 6, 1),
        valid_until=date(2026, 5, 31), department="电气室", status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    assert warnings_of(result) == {(6, "D", "range_several")}


def test_gbk_csv_as_chinese_excel_writes_it(tmp_path: Path) -> None:
    path = text_file(tmp_path / "台账.csv", TEXT_ROWS, encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the file really is not UTF-8
    result = read_ledger(path)
    assert (result.encoding, result.delimiter) == ("gb18030", ",")
    check_text_ledger(result)


def test_utf8_csv_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = text_file(tmp_path / "ledger.csv", TEXT_ROWS, encoding="utf-8", delimiter=";", bom=True)
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    result = read_ledger(path)
    assert (result.encoding, result.delimiter) == ("utf-8-sig", ";")
    check_text_ledger(result)


@pytest.mark.parametrize(
    ("encoding", "bom", "read_as"), [("utf-8", False, "utf-8"), ("utf-16-le", True, "utf-16")]
)
def test_tab_separated(tmp_path: Path, encoding: str, bom: bool, read_as: str) -> None:
    path = text_file(tmp_path / "ledger.txt", TEXT_ROWS, encoding=encoding, delimiter="\t", bom=bom)
    result = read_ledger(path)
    assert (result.encoding, result.delimiter) == (read_as, "\t")
    check_text_ledger(result)


# --- 7. one sheet per department, same headings ---------------------------------------------


def test_every_sheet_with_the_same_headings_is_read(tmp_path: Path) -> None:
    headings = ["序号", "计量器具名称", "管理编号", "检定日期"]
    electrical = [["电学室计量器具台账"], headings, [1, "万用表", "E-1", "2025-01-02"],
                  [2, "电桥", "E-2", "2025-01-03"]]  # fmt: skip
    thermal = [["热工室计量器具台账"], headings, [1, "温度计", "T-1", "2025-02-02"],
               [2, "热电偶", "E-2", "2025-02-03"]]  # fmt: skip
    summary = [["名称", "数量", "管理编号", "使用部门"], ["万用表", 1, "E-1", "电学室"]]
    path = xlsxwriter_book(
        tmp_path / "by_department.xlsx", electrical, sheet="电学室",
        extra_sheets=[("热工室", thermal), ("汇总", summary)],
    )  # fmt: skip
    result = read_ledger(path)
    assert result.mapping.sheets == ("电学室", "热工室")
    assert [(r.asset_tag, r.name) for r in result.records] == [
        ("E-1", "万用表"), ("E-2", "电桥"), ("T-1", "温度计"),
    ]  # fmt: skip
    assert [r.source_sheet for r in result.records] == ["电学室", "电学室", "热工室"]
    (dup,) = result.errors
    assert (dup.sheet, dup.row, dup.column, dup.code) == ("热工室", 4, "C", "duplicate_in_file")
    assert "row 4 of sheet 电学室" in dup.message_en and "“电学室”工作表第 4 行" in dup.message_zh
    (other,) = result.warnings
    assert (other.sheet, other.code) == ("汇总", "sheet_not_read")
    assert "汇总" in other.message_en and "未读取" in other.message_zh


# --- 8. LabApp's own register export --------------------------------------------------------


def register_rows() -> list[RegisterRow]:
    return [
        RegisterRow(
            source_row=0, asset_tag=f"EL-{i}", name="数字多用表", manufacturer="Fluke",
            model="8508A", serial_no=f"S{i}", category="电学", quantity="DC voltage",
            range_low=D("0"), range_high=D("10.00") if i % 2 else D("1000"), range_unit="V",
            range_low_unit="mV" if i == 3 else None, accuracy_kind=AccuracyKind.MPE,
            accuracy_value=D("0.0080"), accuracy_unit="mV", role=Role.STANDARD,
            level=StandardLevel.REFERENCE, mandatory_verification=bool(i % 2),
            status=InstrumentStatus.SEALED, custodian="王芳", location="电学室",
            interval_months=12, last_calibrated_on=date(2025, 1, i + 1), provider="NIM",
            procedure="JJG 315-1983", notes="=1+1",
        )
        for i in range(6)
    ] + [
        RegisterRow(source_row=0, asset_tag="P-1", name="压力表", accuracy_kind=AccuracyKind.CLASS,
                    accuracy_class="1.6"),
    ]  # fmt: skip


def register_workbook(path: Path, rows: list[RegisterRow], language: Any) -> Path:
    """The register as LabApp's export writes it: cover, data, reported digits."""
    columns = register_columns()
    headers = {c.key: (c.header_en, c.header_zh) for c in columns}
    digits = [
        (r.asset_tag, headers[key][0 if language == "en" else 1], str(getattr(r, key)))
        for r in rows
        for key in ("range_high", "accuracy_value")
        if getattr(r, key) is not None and str(float(getattr(r, key))) != str(getattr(r, key))
    ]
    title = {"en": "Reported digits", "zh_CN": "报告位数", "bilingual": "报告位数 Reported digits"}
    digit_columns = (ColumnSpec("t", "Asset tag", "资产编号"), ColumnSpec("c", "Column", "列"),
                     ColumnSpec("d", "Value as reported", "报告值"))  # fmt: skip
    sheets = [SheetSpec("Register", columns, (r.values() for r in rows)),
              SheetSpec(title[language], digit_columns, digits)]  # fmt: skip
    write_workbook(path, CoverInfo("Register"), sheets, language=language)
    return path


@pytest.mark.parametrize("language", ["en", "zh_CN", "bilingual"])
def test_labapps_own_register_reads_back_field_by_field(tmp_path: Path, language: str) -> None:
    rows = register_rows()
    result = read_ledger(register_workbook(tmp_path / "register.xlsx", rows, language))
    assert result.errors == [] and result.mapping.sheet == "Register"
    assert [w.code for w in result.warnings] == []
    assert len(result.records) == len(rows)
    for record, row in zip(result.records, rows, strict=True):
        low_unit = row.range_low_unit or row.range_unit
        assert_record(
            record, source_row=record.source_row, asset_tag=row.asset_tag, name=row.name,
            manufacturer=row.manufacturer, model=row.model, serial_no=row.serial_no,
            category=row.category, quantity=row.quantity,
            range_low=M(row.range_low, low_unit) if row.range_low is not None else None,
            range_high=M(row.range_high, row.range_unit) if row.range_high is not None else None,
            accuracy_kind=row.accuracy_kind,
            accuracy=M(row.accuracy_value, row.accuracy_unit) if row.accuracy_value else None,
            accuracy_class=row.accuracy_class, role=row.role, level=row.level,
            mandatory_verification=row.mandatory_verification, status=row.status,
            custodian=row.custodian, location=row.location,
            interval_months=row.interval_months,
            reverification=PERIODIC if row.interval_months else None,
            last_calibrated_on=row.last_calibrated_on, provider=row.provider,
            procedure=row.procedure, notes=row.notes,
        )  # fmt: skip


# --- 9. a legacy .xls (Excel 2003) ----------------------------------------------------------


def test_a_legacy_xls_ledger(tmp_path: Path) -> None:
    from ledger_books import xls_book

    rows: list[list[object]] = [
        ["计量器具台账（2003 格式）", None, None, None, None, None],
        ["序号", "器具名称", "管理编号", "测量范围", "检定日期", "有效期至"],
        [1, "压力表", "X-1", "0~1.6MPa", date(2025, 4, 1), "2026.03.31"],
        [2, "温度计", "X-2", "(0~100)℃", date(2025, 5, 6), date(2026, 5, 5)],
    ]
    result = read_ledger(xls_book(tmp_path / "old.xls", rows, merges=[(0, 0, 0, 5)]))
    assert result.errors == [] and result.format == "xls" and result.mapping.header_row == 2
    first, second = result.records
    assert_record(
        first, source_row=3, asset_tag="X-1", name="压力表", range_low=M(D("0"), "MPa"),
        range_high=M(D("1.6"), "MPa"), last_calibrated_on=date(2025, 4, 1),
        valid_until=date(2026, 3, 31),
    )  # fmt: skip
    assert_record(
        second, source_row=4, asset_tag="X-2", name="温度计", range_low=M(D("0"), "°C"),
        range_high=M(D("100"), "°C"), last_calibrated_on=date(2025, 5, 6),
        valid_until=date(2026, 5, 5),
    )  # fmt: skip
