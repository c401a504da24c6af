"""Workbook machinery every Excel reader and writer shares (no feature of its own).

Writing: the auditor's workbook (:func:`write_workbook`: a cover sheet, then streamed data sheets
with frozen headers, filters, real dates, reported digits as number formats, print set-up) and
the cell rules behind it.  Reading: :func:`open_workbook` holds a user's file to the limits
(:func:`check_workbook_limits`, :func:`check_xls_limits`) before python-calamine parses it; a
reader reports :class:`ImportFileError` for a file it cannot read and a :class:`CellError` per bad
cell, which :func:`write_error_workbook` marks in a copy handed back.  Words for enum values in
files (EN/ZH labels and the synonyms an import accepts) live here too.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.  The
names of the modules that load xlsxwriter, openpyxl or python-calamine are imported on first use
(:func:`labapp.lazy.lazy_attributes`): the errors, labels and limits load nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.io.excel._columns import ColumnKind, ColumnSpec, Language, SheetSpec, pick
from labapp.io.excel._labels import (
    enum_label,
    lookup_key,
    quantity_key,
    quantity_label,
    synonyms_for,
    yes_no_synonyms,
)
from labapp.io.excel._limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    WorkbookLimitError,
)
from labapp.io.excel._print import MIN_PRINT_PT, PrintLayout, apply_print_setup, print_layout
from labapp.io.excel._problems import CellError, ImportFileError
from labapp.lazy import lazy_attributes

if TYPE_CHECKING:
    from labapp.io.excel._cells import (
        append_text_row,
        decimal_number_format,
        display_width,
        sheet_title,
        xlsx_workbook,
    )
    from labapp.io.excel._error_workbook import write_error_workbook
    from labapp.io.excel._export import CoverInfo, ExportResult, write_workbook
    from labapp.io.excel._open import open_workbook
    from labapp.io.excel._sheet import SheetWriter, excel_formats

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(
            (
                "append_text_row",
                "decimal_number_format",
                "display_width",
                "sheet_title",
                "xlsx_workbook",
            ),
            "_cells",
        ),
        "write_error_workbook": "_error_workbook",
        **dict.fromkeys(("CoverInfo", "ExportResult", "write_workbook"), "_export"),
        "open_workbook": "_open",
        **dict.fromkeys(("SheetWriter", "excel_formats"), "_sheet"),
    },
)

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MIN_PRINT_PT",
    "CellError",
    "ColumnKind",
    "ColumnSpec",
    "CoverInfo",
    "ExportResult",
    "ImportFileError",
    "Language",
    "PrintLayout",
    "SheetSpec",
    "SheetWriter",
    "WorkbookLimitError",
    "append_text_row",
    "apply_print_setup",
    "decimal_number_format",
    "display_width",
    "enum_label",
    "excel_formats",
    "lookup_key",
    "open_workbook",
    "pick",
    "print_layout",
    "quantity_key",
    "quantity_label",
    "sheet_title",
    "synonyms_for",
    "write_error_workbook",
    "write_workbook",
    "xlsx_workbook",
    "yes_no_synonyms",
]
