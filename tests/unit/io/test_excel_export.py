"""Excel export: every file is opened again with openpyxl and checked as an auditor would."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from labapp.domain.enums import InstrumentStatus
from labapp.domain.quantities import Measured
from labapp.io.excel import ColumnKind, ColumnSpec, CoverInfo, SheetSpec, write_workbook
from labapp.io.excel._export import decimal_number_format

COLUMNS = (
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("due_on", "Due on", "有效期至", ColumnKind.DATE, overdue_highlight=True),
    ColumnSpec("range_low", "Range low", "测量范围下限", ColumnKind.DECIMAL, unit="V"),
    ColumnSpec("accuracy", "Accuracy", "准确度", ColumnKind.QUANTITY),
    ColumnSpec("interval", "Interval (months)", "检定周期(月)", ColumnKind.INTEGER),
    ColumnSpec("status", "Status", "状态", ColumnKind.ENUM),
)
COVER = CoverInfo(
    "Instrument register",
    laboratory="SCPCL",
    exported_by="Wang Fang",
    database="lab.sqlite",
    filter_text="status = in service",
    exported_at=datetime(2024, 3, 5, 8, 30),
)


def _rows(n: int, name: str = "Multimeter") -> Iterator[Sequence[object]]:
    for i in range(n):
        yield (
            f"EL-{i:05d}",
            name,
            date(2020, 1, 1) if i % 2 else datetime(2031, 6, 30, 12, 0),
            Decimal("10.00"),
            Measured(Decimal("0.0012"), "V"),
            12,
            InstrumentStatus.IN_SERVICE,
        )


def _export(tmp_path: Path, n: int = 5, language: str = "en", **kwargs: object) -> Path:
    target = tmp_path / "register.xlsx"
    sheet = SheetSpec("Register", COLUMNS, _rows(n), filter_text="all")
    result = write_workbook(target, COVER, [sheet], language=language, **kwargs)  # type: ignore[arg-type]
    assert result.path == target and not result.cancelled
    assert result.rows_per_sheet == {"Register": n}
    return target


def test_cover_sheet_comes_first_with_the_facts(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_export(tmp_path))
    assert wb.sheetnames == ["Cover", "Register"]
    cells = [v for row in wb["Cover"].iter_rows(values_only=True) for v in row if v is not None]
    assert cells[0] == "Instrument register"
    for fact in ("SCPCL", "Wang Fang", "lab.sqlite", "status = in service", "Register", 5):
        assert fact in cells
    assert any(isinstance(v, str) and v.endswith("UTC") for v in cells)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Asset tag"), ("zh_CN", "资产编号"), ("bilingual", "资产编号 / Asset tag")],
)
def test_headers_in_the_chosen_language(tmp_path: Path, language: str, expected: str) -> None:
    wb = openpyxl.load_workbook(_export(tmp_path, language=language))
    sheet = wb["Register"]
    assert sheet["A1"].value == expected
    assert sheet["A1"].font.b
    if language == "zh_CN":
        assert wb.sheetnames[0] == "封面"
        assert sheet["H2"].value == "在用"


def test_sheet_layout_freeze_filter_units(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path))["Register"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H6"
    assert sheet["D1"].value == "Range low (V)"
    assert (sheet["E1"].value, sheet["F1"].value) == ("Accuracy", "Unit")
    assert sheet["F2"].value == "V"


def test_dates_are_real_dates(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path))["Register"]
    assert sheet["C2"].value == datetime(2031, 6, 30, 12, 0)
    assert sheet["C3"].value == datetime(2020, 1, 1)
    assert sheet["C2"].number_format == "yyyy-mm-dd"


def test_numbers_keep_reported_digits(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path))["Register"]
    assert sheet["D2"].value == 10 and sheet["D2"].number_format == "0.00"
    assert sheet["E2"].value == pytest.approx(0.0012) and sheet["E2"].number_format == "0.0000"
    assert sheet["G2"].value == 12 and sheet["G2"].number_format == "0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.00", "0.00"),
        ("0.0012", "0.0000"),
        ("10", "0"),
        ("1E+3", "0E+00"),  # one significant digit reported, not four
        ("-2.5", "0.0"),
        ("1.20E-7", "0.00E+00"),
        ("1E+10", "0E+00"),
        ("0.00000000001", "0E+00"),
        ("0", "0"),
    ],
)
def test_decimal_number_format_rule(text: str, expected: str) -> None:
    assert decimal_number_format(Decimal(text)) == expected


def test_overdue_conditional_format_uses_today(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path))["Register"]
    ranges = {str(cf.sqref): [r.formula for r in cf.rules] for cf in sheet.conditional_formatting}
    assert list(ranges) == ["C2:C6"]
    formula = ranges["C2:C6"][0][0]
    assert "TODAY()" in formula and "$C2" in formula


def test_print_setup(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path))["Register"]
    assert sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$1:$1"
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert "Register" in sheet.oddHeader.left.text
    _assert_prints_readably(sheet)


# A4 less Excel's 0.7 in margins, in pixels at 96 dpi; a column of width w is 7 w + 5 pixels.
PORTRAIT_PX, LANDSCAPE_PX = (210 / 25.4 - 1.4) * 96, (297 / 25.4 - 1.4) * 96


def _assert_prints_readably(sheet: object) -> str:
    """Portrait when it fits, fitted to width only if 11 pt stays >= 8 pt, else key column kept."""
    dims = sheet.column_dimensions  # type: ignore[attr-defined]
    spans = [(d.max - d.min + 1, d.width) for d in dims.values() if d.width]  # runs of equal width
    px = sum(n * int(7 * w + 5) for n, w in spans)
    setup, fit = sheet.page_setup, sheet.sheet_properties.pageSetUpPr  # type: ignore[attr-defined]
    fitted = bool(fit and fit.fitToPage)
    assert setup.orientation == ("portrait" if px <= PORTRAIT_PX else "landscape")
    if fitted:
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
        assert min(1.0, LANDSCAPE_PX / px) * 11 >= 8
        return "fit"
    assert LANDSCAPE_PX / px * 11 < 8  # too wide to shrink: printed at 100 % across pages
    assert sheet.print_title_cols == "$A:$A"  # type: ignore[attr-defined]
    return "across"


def test_narrow_sheet_prints_portrait_one_page_wide(tmp_path: Path) -> None:
    columns = COLUMNS[:2]
    sheet = SheetSpec("Narrow", columns, [("EL-1", "Multimeter")])
    write_workbook(tmp_path / "n.xlsx", COVER, [sheet])
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx")["Narrow"]
    assert ws.page_setup.orientation == "portrait"
    assert _assert_prints_readably(ws) == "fit"


def test_wide_sheet_is_not_shrunk_below_8_pt(tmp_path: Path) -> None:
    columns = [ColumnSpec(f"c{i}", f"Column {i}", f"列 {i}") for i in range(24)]
    rows = [[f"value {i} " * 3 for i in range(24)]] * 3
    write_workbook(tmp_path / "w.xlsx", COVER, [SheetSpec("Wide", columns, rows)])
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["Wide"]
    assert ws.page_setup.orientation == "landscape"
    assert _assert_prints_readably(ws) == "across"
    assert ws.print_title_rows == "$1:$1"


def test_long_text_wraps_in_its_column(tmp_path: Path) -> None:
    columns = [ColumnSpec("term", "Term", "术语"), ColumnSpec("definition", "Definition", "定义")]
    text = "On-time rate: items verified by their due date over items due in the period. " * 3
    write_workbook(
        tmp_path / "d.xlsx", COVER, [SheetSpec("Definitions", columns, [("rate", text)])]
    )
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["Definitions"]
    assert ws["B2"].value == text and ws["B2"].alignment.wrap_text
    assert not ws["A2"].alignment.wrap_text


def test_chinese_content_gets_wider_columns(tmp_path: Path) -> None:
    def width(name: str, folder: str) -> float:
        (tmp_path / folder).mkdir()
        target = tmp_path / folder / "w.xlsx"
        write_workbook(target, COVER, [SheetSpec("Register", COLUMNS, _rows(3, name))])
        return openpyxl.load_workbook(target)["Register"].column_dimensions["B"].width

    assert width("数字多用表数字多用表", "zh") > width("Multimeter", "en")


def test_streams_from_a_generator_and_reports_progress(tmp_path: Path) -> None:
    seen: list[int] = []
    target = _export(tmp_path, n=2500, progress=seen.append)
    assert {1000, 2000} <= set(seen) and seen[-1] == 2500 and seen == sorted(seen)
    assert openpyxl.load_workbook(target, read_only=True)["Register"].max_row == 2501


def test_cancel_removes_the_partial_file_and_keeps_an_old_one(tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"the previous export")
    calls = iter([False, False, True])
    sheet = SheetSpec("Register", COLUMNS, _rows(10_000))
    result = write_workbook(target, COVER, [sheet], cancel=lambda: next(calls))
    assert result.cancelled
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]


def test_an_exception_mid_way_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> Iterator[Sequence[object]]:
        yield from _rows(1500)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_workbook(tmp_path / "x.xlsx", COVER, [SheetSpec("Register", COLUMNS, broken())])
    assert list(tmp_path.iterdir()) == []


def test_wrong_row_length_is_an_error_not_a_shifted_sheet(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="2 values"):
        write_workbook(tmp_path / "x.xlsx", COVER, [SheetSpec("R", COLUMNS, iter([("a", "b")]))])
    assert list(tmp_path.iterdir()) == []


def test_empty_sheet_and_odd_titles(tmp_path: Path) -> None:
    sheets = [SheetSpec("Due: 2024/03", COLUMNS, iter([])), SheetSpec("Due: 2024/03", COLUMNS, [])]
    result = write_workbook(tmp_path / "e.xlsx", COVER, sheets)
    names = openpyxl.load_workbook(result.path).sheetnames
    assert names == ["Cover", "Due_ 2024_03", "Due_ 2024_03 (2)"]
