"""Print set-up of an exported sheet: readable on A4 (text ≥ 8 pt), header rows on every page.

Excel's "fit to one page wide" shrinks a wide register until its text prints at about 4 pt; an
auditor cannot read that.  The rule here: a sheet is printed portrait when its columns fit the
width of a portrait A4 page at 100 %, landscape otherwise; it is fitted to the page width only
when the shrink keeps 11 pt text at :data:`MIN_PRINT_PT` or more.  A wider sheet prints at 100 %
across several pages, its first (key) column and its header rows repeated on every page, pages
numbered across then down.  Every sheet carries its title and "page x of y".

The rule is the same for sheets written with xlsxwriter and with openpyxl (the error workbook
is a marked copy of the user's file, so openpyxl writes it): :func:`apply_print_setup` takes
either kind of sheet.

Widths are Excel column widths (characters of the default 11 pt font); a column of width ``w``
is ``trunc(7 w + 5)`` pixels at 96 dpi, Excel's own conversion for Calibri 11.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from labapp.io.excel._columns import Language, pick

__all__ = ["MIN_PRINT_PT", "PrintLayout", "apply_print_setup", "print_layout"]

MIN_PRINT_PT = 8.0
BODY_PT = 11.0  # xlsxwriter's default font size
_MARGIN_IN = 0.7  # xlsxwriter's default left/right margin
_A4_IN = (210 / 25.4, 297 / 25.4)
PORTRAIT_PX = int((_A4_IN[0] - 2 * _MARGIN_IN) * 96)
LANDSCAPE_PX = int((_A4_IN[1] - 2 * _MARGIN_IN) * 96)


@dataclass(frozen=True)
class PrintLayout:
    """How a sheet prints: orientation and whether it is shrunk to one page wide."""

    landscape: bool
    fit_width: bool
    width_px: int


def column_pixels(width: float) -> int:
    """Pixels of an Excel column ``width`` characters wide (Calibri 11, 96 dpi)."""
    return int(width * 7 + 5)


def print_layout(widths: Sequence[float]) -> PrintLayout:
    """The layout of a sheet whose columns have ``widths`` (Excel characters)."""
    px = sum(column_pixels(w) for w in widths)
    if px <= PORTRAIT_PX:
        return PrintLayout(False, True, px)
    smallest = LANDSCAPE_PX / px * BODY_PT  # the text size once fitted to the landscape width
    return PrintLayout(True, smallest >= MIN_PRINT_PT, px)


def apply_print_setup(
    sheet: Any,
    widths: Sequence[float],
    title: str,
    language: Language,
    *,
    header_rows: int = 1,
    key_columns: int = 1,
) -> PrintLayout:
    """Set A4, orientation, fitting, repeated rows/columns, header and footer on ``sheet``
    (an xlsxwriter or an openpyxl worksheet)."""
    layout = print_layout(widths)
    if hasattr(sheet, "page_setup"):  # openpyxl
        _openpyxl_setup(sheet, layout, title, language, header_rows, key_columns)
        return layout
    sheet.set_paper(9)  # A4
    if layout.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    if layout.fit_width:
        sheet.fit_to_pages(1, 0)
    else:  # several pages wide at 100 %: keep the key column and read across, then down
        sheet.repeat_columns(0, max(key_columns, 1) - 1)
        sheet.print_across()
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
    text = title.replace("&", "&&")[:100]
    page = pick("Page &P of &N", "第 &P 页，共 &N 页", language)
    sheet.set_header(f"&L&B{text}&R&D")
    sheet.set_footer(f"&L{text}&C{page}")
    return layout


def _openpyxl_setup(
    sheet: Any,
    layout: PrintLayout,
    title: str,
    language: Language,
    header_rows: int,
    key_columns: int,
) -> None:
    setup = sheet.page_setup
    setup.paperSize = 9  # A4
    setup.orientation = "landscape" if layout.landscape else "portrait"
    if layout.fit_width:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
    else:  # several pages wide at 100 %: keep the key column and read across, then down
        last = max(key_columns, 1)
        sheet.print_title_cols = f"A:{_letter(last)}"
        setup.pageOrder = "overThenDown"
    if header_rows:
        sheet.print_title_rows = f"1:{header_rows}"
    text = title.replace("&", "&&")[:100]
    page = pick("Page &P of &N", "第 &P 页，共 &N 页", language)
    sheet.oddHeader.left.text, sheet.oddHeader.right.text = f"&B{text}", "&D"
    sheet.oddFooter.left.text, sheet.oddFooter.center.text = text, page


def _letter(column: int) -> str:
    """The letters of the 1-based ``column`` (1 -> A, 27 -> AA)."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out
