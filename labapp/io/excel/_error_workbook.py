"""The error workbook handed back after a failed import: the data with each bad cell marked.

A copy of the imported sheet where every bad cell has a red fill and a comment with the reason in
the user's language, plus an "errors" sheet listing sheet, row, column, value and reason.  Written
with openpyxl: error files are small enough, and openpyxl can copy the sheet's values as they are.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from labapp.io.excel._cells import append_text_row
from labapp.io.excel._columns import Language, pick
from labapp.io.excel._print import apply_print_setup
from labapp.io.excel._problems import CellError

__all__ = ["ImportResult", "write_error_workbook"]


class ImportResult(Protocol):
    """What a reader found: the sheet it read and every bad cell."""

    @property
    def sheet(self) -> str:
        """The name of the sheet the rows came from."""

    @property
    def errors(self) -> list[CellError]:
        """Every bad cell."""


RED = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")


def _reason(error: CellError, language: Language) -> str:
    return pick(error.message_en, error.message_zh, language)


def write_error_workbook(
    source_path: str | os.PathLike[str],
    result: ImportResult,
    out_path: str | os.PathLike[str],
    language: Language,
) -> None:
    """Write a copy of the source with bad cells marked and an "errors" sheet.

    Parameters
    ----------
    source_path : path-like
        The workbook that was imported; one openpyxl cannot open (``.xls``, ``.ods``) gets the
        errors sheet alone.
    result : ImportResult
        What the reader returned (e.g. :func:`labapp.io.register.read_register`).
    out_path : path-like
        Where to write the marked copy.
    language : {"en", "zh_CN", "bilingual"}
        Language of the comments and of the errors sheet.
    """
    try:
        workbook = openpyxl.load_workbook(source_path)
    except Exception:  # .xls / .ods, or a file openpyxl cannot open: the errors sheet alone
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
    else:
        _mark_cells(workbook, result, language)
        marked = workbook[result.sheet] if result.sheet in workbook.sheetnames else workbook.active
        # the user's rows print as readably as ours, their header (wherever it is) on every page
        header = int(getattr(result, "header_row", 0) or 0)
        apply_print_setup(marked, _widths(marked), marked.title, language, header_rows=header)
    errors = _errors_sheet(workbook, result.errors, language)
    apply_print_setup(errors, _widths(errors), errors.title, language)
    workbook.save(Path(out_path))


def _widths(sheet: Any) -> list[float]:
    """The sheet's column widths in Excel characters (8.43, Excel's default, where unset)."""
    out = []
    for col in range(1, max(sheet.max_column, 1) + 1):
        dim = sheet.column_dimensions.get(get_column_letter(col))
        out.append(float(dim.width) if dim is not None and dim.customWidth else 8.43)
    return out


def _mark_cells(workbook: openpyxl.Workbook, result: ImportResult, language: Language) -> None:
    default = result.sheet if result.sheet in workbook.sheetnames else workbook.active.title
    reasons: dict[tuple[str, str], list[str]] = {}
    for error in result.errors:
        if error.column:  # on its own sheet (a ledger may keep one sheet per department)
            name = error.sheet if error.sheet in workbook.sheetnames else default
            key = (name, f"{error.column}{error.row}")
            reasons.setdefault(key, []).append(_reason(error, language))
    for (name, ref), texts in reasons.items():
        cell = workbook[name][ref]
        cell.fill = RED
        cell.comment = Comment("\n".join(texts), "LabApp", width=320, height=120)


def _errors_sheet(workbook: openpyxl.Workbook, errors: list[CellError], language: Language) -> Any:
    name = pick("errors", "错误", language).replace(" / ", " ")
    sheet = workbook.create_sheet(name[:31], 0)
    heads = [
        pick(en, zh, language)
        for en, zh in (
            ("Sheet", "工作表"),
            ("Row", "行"),
            ("Column", "列"),
            ("Header", "表头"),
            ("Value", "值"),
            ("Code", "代码"),
            ("Reason", "原因"),
        )
    ]
    append_text_row(sheet, heads)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for e in errors:
        row = [e.sheet, e.row, e.column, e.header, e.value, e.code, _reason(e, language)]
        append_text_row(sheet, row)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["D"].width = 24
    sheet.column_dimensions["G"].width = 80
    return sheet
