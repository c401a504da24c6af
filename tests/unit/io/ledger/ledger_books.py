"""Ledger files built by the tests: workbooks (openpyxl, xlsxwriter) and text files (CSV, TSV).

Each builder writes exactly the rows it is given, so a test states its layout in full: title and
note rows, merged cells, heading spellings and orders, the encoding and separator of a text file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import xlsxwriter

Row = Sequence[object]


def openpyxl_book(
    path: Path, rows: Sequence[Row], merges: Sequence[str] = (), sheet: str = "台账"
) -> Path:
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


def xlsxwriter_book(
    path: Path,
    rows: Sequence[Row],
    merges: Sequence[tuple[str, object]] = (),
    sheet: str = "Sheet1",
    extra_sheets: Sequence[tuple[str, Sequence[Row]]] = (),
) -> Path:
    """An .xlsx written by XlsxWriter: dates as real date cells (yyyy-mm-dd), ``merges`` as
    (range, value) pairs written with ``merge_range`` after the rows."""
    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, content in ((sheet, rows), *extra_sheets):
        ws = book.add_worksheet(name)
        for r, row in enumerate(content):
            for c, value in enumerate(row):
                if isinstance(value, datetime | date):
                    ws.write_datetime(r, c, value, dates)
                elif value is not None:
                    ws.write(r, c, value)
        if name == sheet:
            for area, value in merges:
                ws.merge_range(area, value)
    book.close()
    return path


def text_file(
    path: Path,
    rows: Sequence[Row],
    *,
    encoding: str,
    delimiter: str = ",",
    bom: bool = False,
) -> Path:
    """A CSV (or tab-separated) file as Excel writes one: ``encoding`` (``"gbk"``,
    ``"utf-8"``, ``"utf-16-le"``), optionally with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[encoding] + data
    path.write_bytes(data)
    return path


def xls_book(
    path: Path, rows: Sequence[Row], merges: Sequence[tuple[int, int, int, int]] = ()
) -> Path:
    """A legacy .xls (BIFF8, Excel 97-2003) written by xlwt; dates as date cells; ``merges`` as
    (first row, last row, first column, last column), 0-based, holding the first row's value."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    dates = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    merged = {(r1, c1) for r1, _, c1, _ in merges}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in merged or value is None:
                continue
            if isinstance(value, datetime | date):
                sheet.write(r, c, value, dates)
            else:
                sheet.write(r, c, value)
    for r1, r2, c1, c2 in merges:
        sheet.write_merge(r1, r2, c1, c2, rows[r1][c1])
    book.save(str(path))
    return path
