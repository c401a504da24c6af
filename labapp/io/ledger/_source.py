"""Opening a ledger file as sheets of cells: a workbook through python-calamine, or a CSV file.

Workbooks (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``) open through
:func:`labapp.io.excel.open_workbook`, so the hostile-file checks of
:mod:`labapp.io.excel._limits` and :mod:`labapp.io.excel._xls_limits` run before calamine parses
anything.  A sheet is read from A1 (calamine's ``iter_rows`` starts at the first used column,
which would shift column letters) with its merged areas.

A text file is decoded by trying, in order: a byte-order mark (UTF-8, as Excel's "CSV UTF-8"
writes it; UTF-16, as its "Unicode text" does), strict UTF-8, then GB18030 (a superset of GBK and
GB2312: Excel's plain "CSV" on Chinese Windows).  Strict UTF-8 first is safe: GBK text is almost
never valid UTF-8 (its lead bytes 0x81–0xFE would need UTF-8 continuation bytes after them in
exactly the right pattern), while every ASCII or UTF-8 file would also decode, wrongly, as
GB18030.  The separator (``,``, tab or ``;``; or Excel's ``sep=`` first line) is the one that
splits the first lines into the most rows of the same width.  The file is refused beyond
:data:`MAX_TEXT_BYTES`, and its rows, columns and cells are held to the workbook limits.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import python_calamine

from labapp.io.excel import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    WorkbookLimitError,
    lookup_key,
    open_workbook,
)
from labapp.io.ledger._errors import LedgerFileError
from labapp.io.ledger._headings import match_heading
from labapp.io.register import DIGITS_SHEET_EN, DIGITS_SHEET_ZH, CellProblem, as_decimal, as_text

__all__ = ["MAX_TEXT_BYTES", "LedgerSheet", "LedgerSource", "open_ledger"]

MAX_TEXT_BYTES = 128 * 2**20
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIGITS_SHEETS = {
    lookup_key(n)
    for n in (DIGITS_SHEET_EN, DIGITS_SHEET_ZH, f"{DIGITS_SHEET_ZH} {DIGITS_SHEET_EN}")
}
# LabApp's own template and export sheets that are not the ledger (cover, lists, examples).
_SKIPPED = {lookup_key(n) for n in ("lists", "example", "示例", "说明", "errors", "错误", "Cover",
                                    "封面", "封面 Cover")} | _DIGITS_SHEETS  # fmt: skip
_SEPARATORS = (",", "\t", ";")
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_ROWS = 50


@dataclass(frozen=True)
class LedgerSheet:
    """One sheet: its rows of cells from A1 (as the reader typed them) and its merged areas
    ``(first row, first column, last row, last column)``, 0-based and inclusive."""

    name: str
    rows: list[list[Any]]
    merged: tuple[tuple[int, int, int, int], ...] = ()


@dataclass
class LedgerSource:
    """An opened ledger: its format, the sheets that may hold the ledger, how a text file was
    read, and the digits LabApp's own export reports for numbers (asset tag, field) → decimal."""

    path: Path
    format: str
    sheet_names: tuple[str, ...]
    loader: Callable[[str], LedgerSheet]
    encoding: str | None = None
    delimiter: str | None = None
    digits: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    _loaded: dict[str, LedgerSheet] = field(default_factory=dict)

    def sheet(self, name: str) -> LedgerSheet:
        """The sheet ``name`` (read once), or LedgerFileError ``no_sheet``; a text file's one
        sheet whatever the name (it is the file's, and a mapping outlives a renamed file)."""
        if self.format == "csv":
            name = self.sheet_names[0]
        if name not in self.sheet_names:
            raise LedgerFileError("no_sheet", self.path, sheet=name)
        if name not in self._loaded:
            self._loaded[name] = self.loader(name)
        return self._loaded[name]


def open_ledger(path: str | os.PathLike[str]) -> LedgerSource:
    """Open a workbook or a CSV ledger (see the module docstring).

    Raises
    ------
    LedgerFileError
        ``empty``, ``not_a_ledger``, ``encoding``, ``too_big``.
    ImportFileError
        A workbook that is not one, or is password-protected; its subclass WorkbookLimitError for
        a file beyond the limits (before anything is parsed).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise LedgerFileError("not_a_ledger", path, detail=str(exc)) from exc
    if not magic:
        raise LedgerFileError("empty", path)
    if magic[:2] == b"PK" or magic == _OLE2:
        suffix = path.suffix.lower().lstrip(".")
        zipped = suffix if suffix in ("xlsx", "xlsm", "ods") else "xlsx"
        return _workbook(path, zipped if magic[:2] == b"PK" else "xls")
    return _text(path)


# --- workbooks -------------------------------------------------------------------------------


def _workbook(path: Path, kind: str) -> LedgerSource:
    book = open_workbook(path)
    names: list[str] = []
    digit_sheets: list[str] = []
    for meta in book.sheets_metadata:
        if meta.visible != python_calamine.SheetVisibleEnum.Visible:
            continue
        if lookup_key(meta.name) in _DIGITS_SHEETS:
            digit_sheets.append(meta.name)
        elif lookup_key(meta.name) not in _SKIPPED:
            names.append(meta.name)

    def load(name: str) -> LedgerSheet:
        return _calamine_sheet(book, name)

    source = LedgerSource(path, kind, tuple(names), load)
    for name in digit_sheets:
        source.digits |= _reported_digits(_calamine_sheet(book, name).rows)
    return source


def _calamine_sheet(book: Any, name: str) -> LedgerSheet:
    try:
        sheet = book.get_sheet_by_name(name)
        rows = [list(row) for row in sheet.to_python(skip_empty_area=False)]
        merged = tuple(
            (top, left, bottom, right)
            for (top, left), (bottom, right) in (sheet.merged_cell_ranges or ())
        )
    except Exception:  # a chart sheet, or one calamine cannot read: no cells
        return LedgerSheet(name, [])
    return LedgerSheet(name, rows, merged)


def _reported_digits(rows: list[list[Any]]) -> dict[tuple[str, str], Decimal]:
    """(folded asset tag, field key) → the decimal as LabApp's export reported it."""
    digits: dict[tuple[str, str], Decimal] = {}
    for row in rows[1:]:
        if len(row) < 3 or not isinstance(row[1], str):
            continue
        tag, found = as_text(row[0]), match_heading(row[1])
        try:
            value = as_decimal(row[2])
        except CellProblem:
            continue
        if tag and found and value is not None:
            digits[(lookup_key(tag), found.field)] = value
    return digits


# --- text files ------------------------------------------------------------------------------


def _text(path: Path) -> LedgerSource:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise LedgerFileError("too_big", path, limit=MAX_TEXT_BYTES // 2**20)
    text, encoding = _decode(path.read_bytes(), path)
    if not text.strip():
        raise LedgerFileError("empty", path)
    if _binary(text[:_SAMPLE_CHARS]):
        raise LedgerFileError("not_a_ledger", path)
    text, delimiter = _separator(text)
    rows = _csv_rows(text, delimiter, path)
    sheet = LedgerSheet(path.stem, rows)
    return LedgerSource(path, "csv", (sheet.name,), lambda _name: sheet, encoding, delimiter)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:_SAMPLE_CHARS]:
        raise LedgerFileError("not_a_ledger", path)  # binary, or UTF-16 without its mark
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise LedgerFileError("encoding", path)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LedgerFileError("encoding", path) from exc


def _binary(sample: str) -> bool:
    """More than 1 % control characters (other than tab and line ends): not a text ledger."""
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\r\n")
    return controls > len(sample) / 100


def _separator(text: str) -> tuple[str, str]:
    """The text without Excel's ``sep=`` line, and the separator (see the module docstring)."""
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        return rest, first.strip()[4]
    sample = text[:_SAMPLE_CHARS].rsplit("\n", 1)[0] if len(text) > _SAMPLE_CHARS else text

    def consistency(separator: str) -> tuple[int, int]:
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=separator))[:_SAMPLE_ROWS]
        except csv.Error:
            return (0, 0)
        widths = Counter(len(r) for r in rows if any(c.strip() for c in r))
        width, count = max(widths.items(), key=lambda wc: (wc[1], wc[0]), default=(0, 0))
        return (count if width > 1 else 0, width)

    return text, max(_SEPARATORS, key=consistency)


def _csv_rows(text: str, delimiter: str, path: Path) -> list[list[Any]]:
    rows: list[list[Any]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if number > MAX_ROWS:
                raise WorkbookLimitError("too_many_rows", path, part="CSV", found=number,
                                         limit=MAX_ROWS)  # fmt: skip
            if len(row) > MAX_COLUMNS:
                raise WorkbookLimitError("too_many_columns", path, part="CSV", found=len(row),
                                         limit=MAX_COLUMNS)  # fmt: skip
            if any(len(cell) > MAX_CELL_CHARS for cell in row):
                raise WorkbookLimitError("cell_too_long", path, part="CSV", limit=MAX_CELL_CHARS)
            rows.append(list(row))
    except csv.Error as exc:  # a field beyond csv's own limit (128 K), a NUL
        if "field larger" in str(exc):
            raise WorkbookLimitError(
                "cell_too_long", path, part="CSV", limit=MAX_CELL_CHARS
            ) from exc
        raise LedgerFileError("not_a_ledger", path, detail=str(exc)) from exc
    return rows
