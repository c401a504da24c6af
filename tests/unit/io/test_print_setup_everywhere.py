"""Sheets written outside the shared sheet writer print by the same readable rule: A4, portrait
when the columns fit, fitted to the width only when 11 pt text stays >= 8 pt, else 100 % across
pages with the key column repeated; title in the header, "page x of y" in the footer.

The expected layout is worked out here from the widths read back from each file.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from matplotlib.figure import Figure
from openpyxl.utils import get_column_letter

from labapp.io.comparison_report import write_comparison_report
from labapp.io.excel import CoverInfo, write_error_workbook
from labapp.io.register import TemplateChoices, read_register, write_register_template

A4_PORTRAIT_PX = int((210 / 25.4 - 1.4) * 96)  # A4 less xlsxwriter's 0.7 in margins, at 96 dpi
A4_LANDSCAPE_PX = int((297 / 25.4 - 1.4) * 96)


def _column_px(sheet, columns: int) -> int:
    total = 0
    for col in range(1, columns + 1):
        dim = sheet.column_dimensions.get(get_column_letter(col))
        width = dim.width if dim is not None and dim.customWidth else 8.43
        total += int(7 * width + 5)
    return total


def _check(sheet, px: int, header_rows: int = 1) -> str:
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9
    assert setup.orientation == ("portrait" if px <= A4_PORTRAIT_PX else "landscape")
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert sheet.oddHeader.left.text
    if header_rows:
        assert sheet.print_title_rows == f"$1:${header_rows}"
    fit = sheet.sheet_properties.pageSetUpPr
    if fit is not None and fit.fitToPage:
        assert min(1.0, A4_LANDSCAPE_PX / px) * 11 >= 8  # still >= 8 pt once shrunk
        assert setup.fitToHeight == 0
        return "fit"
    assert A4_LANDSCAPE_PX / px * 11 < 8  # too wide to shrink: 100 % across pages
    assert sheet.print_title_cols == "$A:$A"
    return "across"


def test_comparison_chart_sheets_print_readably(tmp_path: Path) -> None:
    small, medium, wide = Figure(figsize=(4, 3)), Figure(figsize=(12, 4)), Figure(figsize=(16, 4))
    for figure in (small, medium, wide):
        figure.add_subplot().plot([1, 2], [3, 4])
    charts = [("Small", small), ("Medium", medium), ("Wide", wide)]
    path = write_comparison_report(
        tmp_path / "c.xlsx", CoverInfo("Comparison"), [], [], [], charts, language="en"
    )
    book = openpyxl.load_workbook(path)
    # the chart's pixels at the report's 110 dpi, as one column 7 w + 5 px wide
    assert _check(book["Small"], 4 * 110, header_rows=0) == "fit"
    assert book["Small"].page_setup.orientation == "portrait"
    assert _check(book["Medium"], 12 * 110, header_rows=0) == "fit"  # landscape, shrunk a little
    assert book["Medium"].page_setup.orientation == "landscape"
    assert _check(book["Wide"], 16 * 110, header_rows=0) == "across"  # shrinking: under 8 pt


def test_register_template_sheets_print_readably(tmp_path: Path) -> None:
    for language in ("en", "zh_CN"):
        path = tmp_path / f"t-{language}.xlsx"
        write_register_template(path, language, TemplateChoices())  # type: ignore[arg-type]
        book = openpyxl.load_workbook(path)
        for sheet in (book.worksheets[0], book["example"]):
            _check(sheet, _column_px(sheet, sheet.max_column))


def test_error_workbook_prints_readably(tmp_path: Path) -> None:
    source = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Register import"])  # a title row: the header is in row 2
    book.active.append(["Asset tag", "Name", "Range high", "Range unit"])
    book.active.append(["A1", "DMM", 10, "Vx"])
    book.save(source)
    result = read_register(source)
    assert result.errors and result.header_row == 2
    out = tmp_path / "errors.xlsx"
    write_error_workbook(source, result, out, "zh_CN")
    marked = openpyxl.load_workbook(out)
    errors, data = marked.worksheets[0], marked[result.sheet]
    _check(errors, _column_px(errors, errors.max_column))
    _check(data, _column_px(data, data.max_column), header_rows=2)
