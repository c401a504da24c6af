"""Ledgers of different layouts built by the integration tests (the files the lab brings).

Each builder writes exactly the rows it is given: title and note rows, merged cells, heading
spellings, the encoding of a text file.  The rows themselves are in the tests.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl

Row = Sequence[object]


def xlsx(path: Path, rows: Sequence[Row], merges: Sequence[str] = (), sheet: str = "台账") -> Path:
    """An .xlsx written by openpyxl; ``merges`` are ranges such as ``"A1:P1"``."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for area in merges:
        ws.merge_cells(area)
    book.save(path)
    return path


def text(path: Path, rows: Sequence[Row], *, encoding: str, bom: bool = False) -> Path:
    """A CSV as Excel saves one: GBK ("CSV (逗号分隔)") or UTF-8 with a BOM ("CSV UTF-8")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def xls(path: Path, rows: Sequence[Row], title_columns: int) -> Path:
    """A legacy .xls (Excel 97-2003, xlwt): the first row merged across ``title_columns``."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    dates = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r == 0 and c == 0) or value is None:
                continue
            if isinstance(value, datetime | date):
                sheet.write(r, c, value, dates)
            else:
                sheet.write(r, c, value)
    sheet.write_merge(0, 0, 0, title_columns - 1, rows[0][0])
    book.save(str(path))
    return path
