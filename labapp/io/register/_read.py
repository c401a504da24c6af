"""Import of a register ledger (仪器设备台账) from Excel, read with python-calamine.

The header row is found among the first :data:`HEADER_SEARCH_ROWS` rows (the one naming the most
register fields, in Chinese or English, case- and space-insensitive); every row is validated and
every bad cell reported as a :class:`CellError` with an English and a Chinese reason.  Bad content
never raises; a file that is not a readable workbook raises :class:`ImportFileError`.

Digits: a text cell keeps its digits ("10.00"); a number cell comes back as a float and becomes
its shortest repr (a whole number without decimals), so trailing zeros shown only by the number
format ("0.00") are not in the cell (calamine does not report formats).  A register exported by
LabApp lists such values on its "Reported digits" sheet (asset tag, column, text); they are taken
from there when the cell still holds the same number.

Merged header cells: calamine gives a merged area's value in its first cell and blanks after it.
A blank header under a vertical merge takes the value above it; a sub-header under a horizontal
merge is also tried with the merged title in front ("测量范围" over "下限" → "测量范围下限").
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any

import python_calamine
from xlsxwriter.utility import xl_col_to_name

from labapp.io.excel import CellError, ImportFileError, lookup_key, open_workbook
from labapp.io.register._cells import CellProblem, as_decimal, as_text
from labapp.io.register._columns import (
    DIGITS_SHEET_EN,
    DIGITS_SHEET_ZH,
    FIELDS_BY_KEY,
    IMPLIED_KIND,
    RegisterRow,
    header_lookup,
)
from labapp.io.register._rows import RowChecker

__all__ = ["CellError", "ImportFileError", "RegisterImport", "RegisterRow", "read_register"]

HEADER_SEARCH_ROWS = 10
_DIGITS_SHEETS = {
    lookup_key(name)
    for name in (DIGITS_SHEET_EN, DIGITS_SHEET_ZH, f"{DIGITS_SHEET_ZH} {DIGITS_SHEET_EN}")
}
_SKIPPED_SHEETS = {"lists", "example", "示例", "说明", "errors", "错误"} | _DIGITS_SHEETS
_HEADERS = header_lookup()


@dataclass
class RegisterImport:
    """Valid rows, every error found, warnings (unknown columns), and the 1-based header row."""

    rows: list[RegisterRow] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    header_row: int = 0
    sheet: str = ""
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Field key → (the column letter it was read from, its header as written)."""


def read_register(
    path: str | os.PathLike[str],
    *,
    known_locations: Collection[str] | None = None,
    known_providers: Collection[str] | None = None,
    known_custodians: Collection[str] | None = None,
    known_procedures: Collection[str] | None = None,
    existing_asset_tags: Collection[str] = (),
) -> RegisterImport:
    """Read and validate a register ledger.

    Parameters
    ----------
    path : path-like
        An ``.xlsx`` / ``.xlsm`` / ``.xls`` / ``.ods`` workbook.
    known_locations, known_providers, known_custodians, known_procedures : collection of str
        optional
        Names LabApp knows (matched case-insensitively; the known spelling is returned).
        ``None`` skips the check.
    existing_asset_tags : collection of str
        Tags already in the register: importing them again is an error.

    Returns
    -------
    RegisterImport
        ``rows`` holds only rows without errors; import only when ``errors`` is empty.

    Raises
    ------
    ImportFileError
        ``not_excel``, ``password_protected``, ``empty`` or ``no_header``; its subclass
        :class:`labapp.io.excel._limits.WorkbookLimitError` for a file beyond the limits.
    """
    workbook = open_workbook(Path(path))
    sheet_name, head, rows, header_index = _register_sheet(workbook, path)
    if header_index is None:
        raise ImportFileError("no_header", path)
    result = RegisterImport(header_row=header_index + 1, sheet=sheet_name)
    columns = _map_columns(head, header_index, result.warnings)
    result.columns = {key: (xl_col_to_name(c), label) for c, (key, label, _) in columns.items()}
    if not {"asset_tag", "name"} <= {key for key, _, _ in columns.values()}:
        raise ImportFileError("no_header", path)
    checker = RowChecker(
        {
            "location": known_locations,
            "provider": known_providers,
            "custodian": known_custodians,
            "procedure": known_procedures,
        },
        existing_asset_tags,
        implied_kind=next((k for _, _, k in columns.values() if k is not None), None),
    )
    data = chain(head[header_index + 1 :], rows)
    digits = _reported_digits(workbook)
    _validate(data, header_index + 2, columns, checker, result, digits)
    return result


def _reported_digits(workbook: Any) -> dict[tuple[str, str], Decimal]:
    """(folded asset tag, field key) → the decimal as reported, from a "Reported digits" sheet."""
    digits: dict[tuple[str, str], Decimal] = {}
    for meta in workbook.sheets_metadata:
        if lookup_key(meta.name) not in _DIGITS_SHEETS:
            continue
        for row in list(workbook.get_sheet_by_name(meta.name).iter_rows())[1:]:
            tag, key = as_text(row[0]) if row else None, _match(row[1]) if len(row) > 2 else None
            try:
                value = as_decimal(row[2]) if tag and key else None
            except CellProblem:
                continue
            if tag and key and value is not None:
                digits[(lookup_key(tag), key)] = value
    return digits


def _register_sheet(
    workbook: Any, path: str | os.PathLike[str]
) -> tuple[str, list[list[Any]], Iterator[list[Any]], int | None]:
    """The visible sheet whose header row names the most register fields (the first on a tie);
    returns its name, its first rows, the iterator over the rest and the header row index."""
    best: tuple[int, str, list[list[Any]], Iterator[list[Any]], int | None] | None = None
    for meta in workbook.sheets_metadata:
        hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
        if hidden or lookup_key(meta.name) in _SKIPPED_SHEETS:
            continue
        try:
            rows = iter(workbook.get_sheet_by_name(meta.name).iter_rows())
        except Exception:  # a chart sheet or a sheet calamine cannot read
            continue
        head = [list(r) for r in _take(rows, HEADER_SEARCH_ROWS)]
        index, score = _best_header_row(head)
        if best is None or score > best[0]:
            best = (score, meta.name, head, rows, index)
    if best is None or not any(c not in ("", None) for r in best[2] for c in r):
        raise ImportFileError("empty", path)
    return best[1], best[2], best[3], best[4]


def _take(rows: Iterator[list[Any]], n: int) -> list[list[Any]]:
    return [row for _, row in zip(range(n), rows, strict=False)]


def _match(text: object) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    folded = lookup_key(text).rstrip("*")
    if folded in _HEADERS:
        return _HEADERS[folded]
    parts = [p for p in folded.split("/") if p in _HEADERS]  # "资产编号 / Asset tag"
    return _HEADERS[parts[0]] if parts else None


def _best_header_row(head: list[list[Any]]) -> tuple[int | None, int]:
    """Index of the row naming the most register fields (at least two), and that number."""
    if not head:
        return None, 0
    scores = [len({_match(label) for label in _labels(head, i)} - {None}) for i in range(len(head))]
    best = max(range(len(head)), key=lambda i: (scores[i], -i))
    return (best if scores[best] >= 2 else None), scores[best]


def _labels(head: list[list[Any]], h: int) -> list[str]:
    """Header text per column, resolving merged cells (see the module docstring)."""
    row = head[h]
    above = head[h - 1] if h > 0 else []
    labels, parent = [], ""
    for c, cell in enumerate(row):
        over = above[c] if c < len(above) else ""
        parent = str(over).strip() if over not in ("", None) else parent
        text = str(cell).strip() if cell not in ("", None) else ""
        if not text:
            labels.append(str(over).strip() if over not in ("", None) else "")
        elif _match(text) is None and parent and _match(parent + text) is not None:
            labels.append(parent + text)
        else:
            labels.append(text)
    return labels


def _map_columns(
    head: list[list[Any]], h: int, warnings: list[str]
) -> dict[int, tuple[str, str, Any]]:
    """Column index → (field key, header as written, implied accuracy kind)."""
    columns: dict[int, tuple[str, str, Any]] = {}
    taken: dict[str, str] = {}
    for c, label in enumerate(_labels(head, h)):
        key = _match(label)
        letter = xl_col_to_name(c)
        if key is None:
            if label:
                warnings.append(f"column {letter} {label!r} is not a register field; ignored")
            continue
        if key in taken:
            warnings.append(f"column {letter} {label!r} repeats {taken[key]}; ignored")
            continue
        taken[key] = f"{letter} {label!r}"
        implied = IMPLIED_KIND.get(lookup_key(label)) if key == "accuracy_value" else None
        columns[c] = (key, label, implied)
    return columns


def _validate(
    rows: Iterable[list[Any]],
    first_row: int,
    columns: dict[int, tuple[str, str, Any]],
    checker: RowChecker,
    result: RegisterImport,
    digits: dict[tuple[str, str], Decimal],
) -> None:
    wanted = [(c, key) for c, (key, _, _) in columns.items()]
    where = {key: (xl_col_to_name(c), label) for c, (key, label, _) in columns.items()}
    for excel_row, row in enumerate(rows, start=first_row):
        width = len(row)
        cells = {key: row[c] if c < width else None for c, key in wanted}
        if _blank(cells.get("asset_tag")) and all(_blank(v) for v in cells.values()):
            continue  # the tag first: on a real line the one test needed
        if digits:
            _restore_digits(cells, digits)
        values, problems = checker.check(cells, excel_row)
        if not problems:
            result.rows.append(RegisterRow(source_row=excel_row, **_defaults(values)))
            continue
        for p in problems:
            letter, header = where.get(p.key, ("", FIELDS_BY_KEY[p.key].header_en))
            value = cells.get(p.key)
            shown = "" if value is None else str(value)
            result.errors.append(
                CellError(result.sheet, excel_row, letter, header, shown, p.code, p.message_en,
                          p.message_zh)
            )  # fmt: skip


def _restore_digits(cells: dict[str, Any], digits: dict[tuple[str, str], Decimal]) -> None:
    """Put back the reported digits of number cells that still hold the reported value."""
    tag = as_text(cells.get("asset_tag"))
    if tag is None:
        return
    folded = lookup_key(tag)
    for key, cell in cells.items():
        reported = digits.get((folded, key))
        number = isinstance(cell, float | int) and not isinstance(cell, bool)
        if reported is not None and number and Decimal(repr(cell)) == reported:
            cells[key] = str(reported)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Blank role / status / mandatory cells take the register's defaults."""
    for key in _HAS_DEFAULT:
        if key in values and values[key] is None:
            del values[key]
    return values


_HAS_DEFAULT = {"role", "status", "mandatory_verification"}
