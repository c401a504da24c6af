"""The error workbook of a ledger import: the ledger with each bad cell marked, errors first.

A workbook ledger is copied with its bad cells marked
(:func:`labapp.io.excel.write_error_workbook`); a CSV's rows are first copied into a sheet of a
new workbook, so its bad cells are marked too; an ``.xls`` or ``.ods`` ledger (which openpyxl
cannot open) gets the errors sheet alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from labapp.io.excel import CellError, Language, append_text_row, sheet_title
from labapp.io.excel import write_error_workbook as _write_marked
from labapp.io.ledger import ledger_rows
from labapp.services.imports._ledger import LedgerCheck

__all__ = ["write_ledger_errors"]


def write_ledger_errors(
    check: LedgerCheck, out_path: str | os.PathLike[str], language: Language
) -> Path:
    """Write the error workbook (``.xlsx``): the ledger with each bad cell marked and an errors
    sheet first.  A CSV's rows are copied into a sheet first, so its bad cells are marked too;
    an ``.xls`` or ``.ods`` ledger gets the errors sheet alone."""
    source: Path = check.path
    sheet = check.sheet
    if check.format == "csv":
        sheet = sheet_title(check.sheet, {"errors", "错误"})
        source = _copy_as_workbook(check.path, sheet, Path(out_path))
    _write_marked(source, _Marked(sheet, list(check.errors)), out_path, language)
    return Path(out_path)


def _copy_as_workbook(path: Path, sheet: str, out_path: Path) -> Path:
    """The rows of a CSV ledger as one sheet of a workbook at ``out_path`` (text kept as text)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in ledger_rows(path):
        append_text_row(ws, row)
    book.save(out_path)
    return out_path


@dataclass(frozen=True)
class _Marked:
    """The sheet and bad cells the error workbook marks."""

    sheet: str
    errors: list[CellError]
