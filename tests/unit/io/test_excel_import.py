"""Register import: template round trip, header synonyms, every kind of bad cell, bad files."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from labapp.domain.enums import AccuracyKind, InstrumentStatus, Role, StandardLevel
from labapp.io.excel import (
    CoverInfo,
    ImportFileError,
    SheetSpec,
    write_error_workbook,
    write_workbook,
)
from labapp.io.register import (
    RegisterImport,
    RegisterRow,
    TemplateChoices,
    read_register,
    register_columns,
    write_register_template,
)

KNOWN = {
    "known_locations": ["Lab 101", "电学室"],
    "known_providers": ["NIM", "广东省计量院"],
    "known_custodians": ["Wang Fang"],
}
EN = ["Asset tag", "Name", "Range low", "Range high", "Range unit", "Accuracy kind",
      "Accuracy value", "Accuracy unit", "Location", "Last calibrated on"]  # fmt: skip


def _book(tmp_path: Path, rows: list[list[object]], name: str = "in.xlsx") -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    for row in rows:
        sheet.append(row)
    target = tmp_path / name
    wb.save(target)
    return target


def _read(path: Path, **kwargs: object) -> RegisterImport:
    return read_register(path, **{**KNOWN, **kwargs})  # type: ignore[arg-type]


def _codes(result: RegisterImport) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.code) for e in result.errors}


def test_template_round_trip(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    choices = TemplateChoices(["电学室"], ["NIM"], ["Wang Fang"], ["DC voltage"])
    write_register_template(template, "zh_CN", choices)
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["台账", "lists", "example"]
    assert wb["lists"].sheet_state == "hidden"
    sheet = wb["台账"]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["资产编号 *", "名称 *"] and "检定周期(月)" in headers
    assert "必填" in sheet["A1"].comment.text
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert {"list", "date"} <= kinds and "whole" not in kinds  # the interval takes 随坏随换 too
    assert any("lists!" in (dv.formula1 or "") for dv in sheet.data_validations.dataValidation)
    values = {"资产编号 *": "EL-1", "名称 *": "数字多用表", "测量量": "DC voltage",
              "测量范围下限": 0, "测量范围上限": "1000", "测量范围单位": "V",
              "准确度类型": "最大允许误差", "准确度数值": "0.0080", "准确度单位": "mV",
              "用途": "计量标准", "标准等级": "工作计量标准", "强检": "是", "状态": "在用",
              "保管人": "Wang Fang", "存放地点": "电学室", "检定周期(月)": 12,
              "上次检定日期": datetime(2024, 3, 5), "检定/校准机构": "NIM"}  # fmt: skip
    sheet.append([values.get(h) for h in headers])
    wb.save(template)
    result = _read(template)
    assert result.errors == [] and result.header_row == 1
    (row,) = result.rows
    assert row == RegisterRow(
        source_row=2, asset_tag="EL-1", name="数字多用表", quantity="DC voltage",
        range_low=Decimal(0), range_high=Decimal(1000), range_unit="V",
        accuracy_kind=AccuracyKind.MPE, accuracy_value=Decimal("0.0080"), accuracy_unit="mV",
        role=Role.STANDARD, level=StandardLevel.WORKING, mandatory_verification=True,
        status=InstrumentStatus.IN_SERVICE, custodian="Wang Fang", location="电学室",
        interval_months=12, last_calibrated_on=date(2024, 3, 5), provider="NIM",
    )  # fmt: skip
    assert str(row.accuracy_value) == "0.0080"


def test_chinese_synonyms_header_not_in_row_one(tmp_path: Path) -> None:
    path = _book(tmp_path, [
        ["计量器具台账 2024"],
        [],
        ["设备编号", "器具名称", "最大允许误差", "检定周期（月）", "保管人", "位置", "强检",
         "上次校准日期", "颜色"],
        ["T-1", "温度计", "0,5", 12, "wang fang", "lab 101", "否", "2024年3月5日", "red"],
        ["T-2", "压力表", "1.0", "6", None, None, "yes", "2024/3/5", None],
    ])  # fmt: skip
    result = _read(path)
    assert result.errors == []
    assert result.header_row == 3
    assert any("颜色" in w for w in result.warnings)
    first, second = result.rows
    assert first.source_row == 4
    assert first.accuracy_value == Decimal("0.5") and first.accuracy_kind is AccuracyKind.MPE
    assert (first.custodian, first.location) == ("Wang Fang", "Lab 101")
    assert first.last_calibrated_on == second.last_calibrated_on == date(2024, 3, 5)
    assert second.mandatory_verification and second.interval_months == 6
    assert str(second.accuracy_value) == "1.0"


def test_english_headers_case_and_space_insensitive(tmp_path: Path) -> None:
    path = _book(tmp_path, [["ASSET  NO.", " name ", "Calibration Interval"], ["A1", "DMM", 12.0]])
    (row,) = _read(path).rows
    assert (row.asset_tag, row.name, row.interval_months) == ("A1", "DMM", 12)


def test_bad_cells_reported_each_with_a_reason(tmp_path: Path) -> None:
    path = _book(tmp_path, [
        EN,
        ["A1", "DMM", 0, 10, "Vx", "MPE", "0.1", "V", "Lab 101", "2024-02-30"],
        ["A2", "DMM", 0, 10, "V", "MPE", "0.1", "°C", "Lab 999", "2024-02-03"],
        ["A1", "DMM", 0, 10, "V", "mpe", "1,2,3", "V", "Lab 101", "soon"],
        ["OLD-1", None, 5, 1, "V", "MPE", 0.1, "V", None, None],
    ])  # fmt: skip
    result = _read(path, existing_asset_tags={"old-1"})
    assert result.rows == []
    assert _codes(result) == {
        (2, "E", "bad_unit"),
        (2, "J", "impossible_date"),
        (3, "H", "incommensurable"),
        (3, "I", "unknown_location"),
        (4, "A", "duplicate_in_file"),
        (4, "G", "not_a_number"),
        (4, "J", "not_a_date"),
        (5, "A", "duplicate_existing"),
        (5, "B", "required"),
        (5, "D", "range_reversed"),
    }
    mpe = next(e for e in result.errors if e.code == "incommensurable")
    assert mpe.header == "Accuracy unit" and mpe.value == "°C"
    assert "°C" in mpe.message_en and "V" in mpe.message_en and "同一类量" in mpe.message_zh
    dup = next(e for e in result.errors if e.code == "duplicate_in_file")
    assert "row 2" in dup.message_en


def test_range_unit_checked_against_the_quantity(tmp_path: Path) -> None:
    path = _book(tmp_path, [["资产编号", "名称", "被测量", "测量范围上限", "测量范围单位"],
                            ["A1", "DMM", "DC voltage", 10, "kPa"],
                            ["A2", "DMM", "直流电压", 10, "mV"]])  # fmt: skip
    result = _read(path)
    assert _codes(result) == {(2, "E", "unit_quantity_mismatch")}
    assert [r.asset_tag for r in result.rows] == ["A2"]


def test_missing_required_column_is_a_file_error(tmp_path: Path) -> None:
    path = _book(tmp_path, [["资产编号", "型号", "备注"], ["A1", "x", "y"]])
    with pytest.raises(ImportFileError) as info:
        read_register(path)
    assert info.value.reason == "no_header" and "名称" in info.value.message_zh


def test_text_file_named_xlsx_is_not_excel(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_text("asset tag,name\nA1,DMM\n")
    with pytest.raises(ImportFileError) as info:
        read_register(path)
    assert info.value.reason == "not_excel"


def test_a_zip_that_is_not_a_workbook_is_not_excel(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportFileError) as info:
        read_register(path)
    assert info.value.reason == "not_excel"


def test_encrypted_ooxml_is_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    )
    with pytest.raises(ImportFileError) as info:
        read_register(path)
    assert info.value.reason == "password_protected" and "密码" in info.value.message_zh


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as info:
        read_register(path)
    assert info.value.reason == "empty"


def test_merged_header_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["仪器设备台账"])
    sheet.merge_cells("A1:F1")
    sheet.append(["资产编号", "名称", "测量范围", None, None, "备注"])
    sheet.append([None, None, "下限", "上限", "单位", None])
    for ref in ("A2:A3", "B2:B3", "C2:E2", "F2:F3"):
        sheet.merge_cells(ref)
    sheet.append(["A1", "DMM", 0, "10.00", "V", "ok"])
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    result = read_register(path)
    assert result.errors == [] and result.header_row == 3
    (row,) = result.rows
    assert (row.asset_tag, row.name, row.notes) == ("A1", "DMM", "ok")
    assert (row.range_low, str(row.range_high), row.range_unit) == (Decimal(0), "10.00", "V")


def test_error_workbook_marks_bad_cells(tmp_path: Path) -> None:
    path = _book(tmp_path, [EN, ["A1", "DMM", 0, 10, "V", "MPE", "0.1", "°C", "Lab 101", None]])
    result = _read(path)
    out = tmp_path / "errors.xlsx"
    write_error_workbook(path, result, out, "zh_CN")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "错误"
    cell = wb["Sheet"]["H2"]
    assert cell.fill.fgColor.rgb == "FFFFC7CE"
    assert "同一类量" in cell.comment.text
    listed = list(wb["错误"].iter_rows(min_row=2, values_only=True))
    assert listed == [("Sheet", 2, "H", "Accuracy unit", "°C", "incommensurable",
                       result.errors[0].message_zh)]  # fmt: skip


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    rows = [
        RegisterRow(source_row=0, asset_tag=f"EL-{i}", name="数字多用表", manufacturer="Fluke",
                    quantity="DC voltage", range_low=Decimal("0"), range_high=Decimal("1000"),
                    range_unit="V", accuracy_kind=AccuracyKind.MPE,
                    accuracy_value=Decimal("0.0035"), accuracy_unit="mV", role=Role.STANDARD,
                    level=StandardLevel.REFERENCE, mandatory_verification=bool(i % 2),
                    status=InstrumentStatus.SEALED, location="电学室", interval_months=12,
                    last_calibrated_on=date(2024, 1, i + 1), provider="NIM", notes="=1+1")
        for i in range(20)
    ]  # fmt: skip
    target = tmp_path / "register.xlsx"
    sheet = SheetSpec("Register", register_columns(), (r.values() for r in rows))
    write_workbook(target, CoverInfo("Register"), [sheet], language="bilingual")
    result = _read(target)
    assert result.errors == [] and result.sheet == "Register"
    assert [r.values() for r in result.rows] == [r.values() for r in rows]
    assert [str(r.accuracy_value) for r in result.rows] == ["0.0035"] * 20
