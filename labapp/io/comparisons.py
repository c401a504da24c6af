"""Participants of a comparison read from Excel (its report: :mod:`labapp.io.comparison_report`).

Read with python-calamine, like the register import: the header row is found among the first rows
by Chinese or English names (参加实验室代码/Code, 测量结果/Value, 扩展不确定度/U, 包含因子/k,
单位/Unit, 方法/Method, 日期/Date); every bad cell becomes a :class:`CellError` with its row, column
and an English and Chinese reason, and the caller imports only when there is none (all or nothing).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from labapp.io.excel import (
    CellError,
    ImportFileError,
    lookup_key,
    open_workbook,
)
from labapp.io.register import CellProblem, as_date, as_decimal, as_text, as_unit, commensurable

__all__ = ["ImportedParticipant", "ParticipantsImport", "read_participants"]

HEADER_SEARCH_ROWS = 10

#: field -> header synonyms (folded by :func:`lookup_key`)
HEADERS: dict[str, tuple[str, ...]] = {
    "code": (
        "参加实验室代码",
        "实验室代码",
        "代码",
        "code",
        "lab code",
        "participant",
        "laboratory",
    ),
    "value": ("测量结果", "结果", "测得值", "value", "result", "measured value"),
    "expanded_uncertainty": ("扩展不确定度", "u", "expanded uncertainty", "uncertainty"),
    "coverage_factor": ("包含因子", "k", "coverage factor"),
    "unit": ("单位", "unit"),
    "method": ("方法", "测量方法", "method"),
    "measured_on": ("日期", "测量日期", "date", "measured on"),
}
_LOOKUP = {lookup_key(s): key for key, names in HEADERS.items() for s in names}
_REQUIRED = ("code", "value")
_NAMES = {
    "code": ("Code", "参加实验室代码"),
    "value": ("Value", "测量结果"),
    "expanded_uncertainty": ("U", "扩展不确定度"),
    "coverage_factor": ("k", "包含因子"),
    "unit": ("Unit", "单位"),
    "method": ("Method", "方法"),
    "measured_on": ("Date", "日期"),
}


class ParticipantsFileError(ImportFileError):
    """The workbook has no header row naming a participant code and a value."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        name = Path(path).name
        ValueError.__init__(self, f"no header row with Code and Value in the first rows of {name}")
        self.reason = "no_header"
        self.message_en = str(self)
        self.message_zh = (
            f"{name} 的前 {HEADER_SEARCH_ROWS} 行中找不到包含“代码”和“测量结果”的表头行"
        )


@dataclass(frozen=True)
class ImportedParticipant:
    """One valid row: numbers as typed (``unit`` None: the comparison's unit)."""

    row: int
    code: str
    value: Decimal
    expanded_uncertainty: Decimal | None
    coverage_factor: Decimal | None
    unit: str | None
    method: str | None
    measured_on: date | None


@dataclass
class ParticipantsImport:
    """Valid rows and every error; import only when ``errors`` is empty."""

    rows: list[ImportedParticipant] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    sheet: str = ""
    header_row: int = 0


def read_participants(
    path: str | os.PathLike[str], comparison_unit: str | None = None
) -> ParticipantsImport:
    """Read and check a participants workbook.

    Parameters
    ----------
    path : path-like
        An ``.xlsx`` / ``.xls`` / ``.ods`` workbook; the first visible sheet with a header row.
    comparison_unit : str, optional
        The comparison's unit: a unit cell that cannot be converted to it is an error.

    Raises
    ------
    ImportFileError
        Not a workbook, password-protected, empty, or no header row.
    """
    workbook = open_workbook(Path(path))
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        found = _header(rows)
        if found is not None:
            h, columns = found
            result = ParticipantsImport(sheet=name, header_row=h + 1)
            _check_rows(rows[h + 1 :], h + 2, columns, comparison_unit, result)
            return result
    raise ParticipantsFileError(path)


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    for h, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = _LOOKUP.get(lookup_key(str(cell))) if isinstance(cell, str) else None
            if key is not None and key not in columns:
                columns[key] = c
        if all(k in columns for k in _REQUIRED):
            return h, columns
    return None


def _check_rows(
    rows: Iterable[list[Any]],
    first: int,
    columns: dict[str, int],
    unit: str | None,
    result: ParticipantsImport,
) -> None:
    seen: dict[str, int] = {}
    for excel_row, cells in enumerate(rows, start=first):
        if all(c in (None, "") for c in cells):
            continue
        values, errors = _cells(cells, columns, excel_row, result.sheet)
        failed = {e.header for e in errors}
        rules = _row_rules(values, columns, excel_row, result.sheet, unit, seen)
        errors += [e for e in rules if e.header not in failed]
        result.errors.extend(errors)
        if not errors:
            result.rows.append(ImportedParticipant(excel_row, **values))


_READERS = {
    "code": as_text,
    "value": as_decimal,
    "expanded_uncertainty": as_decimal,
    "coverage_factor": as_decimal,
    "unit": lambda cell: (as_unit(cell) or (None,))[0],
    "method": as_text,
    "measured_on": as_date,
}


def _cells(
    cells: list[Any], columns: dict[str, int], row: int, sheet: str
) -> tuple[dict[str, Any], list[CellError]]:
    values: dict[str, Any] = dict.fromkeys(_READERS)
    errors: list[CellError] = []
    for key, col in columns.items():
        cell = cells[col] if col < len(cells) else None
        try:
            values[key] = _READERS[key](cell)
        except CellProblem as problem:
            errors.append(_error(sheet, row, col, key, cell, problem))
    return values, errors


def _error(sheet: str, row: int, col: int, key: str, cell: object, p: CellProblem) -> CellError:
    en, _zh = _NAMES[key]
    text = "" if cell is None else str(cell)
    return CellError(sheet, row, xl_col_to_name(col), en, text, p.code, p.message_en, p.message_zh)


def _row_rules(
    values: dict[str, Any],
    columns: dict[str, int],
    row: int,
    sheet: str,
    unit: str | None,
    seen: dict[str, int],
) -> list[CellError]:
    problems: list[tuple[str, CellProblem]] = []
    for key in _REQUIRED:
        if values[key] is None and key in columns:
            problems.append((key, CellProblem("required", "a value is required", "必须填写")))
    k, big_u = values["coverage_factor"], values["expanded_uncertainty"]
    if k is not None and k <= 0:
        problems.append(
            ("coverage_factor", CellProblem("not_positive", "k must be positive", "k 必须大于 0"))
        )
    if big_u is not None and big_u < 0:
        problems.append(
            (
                "expanded_uncertainty",
                CellProblem("negative", "U must not be negative", "U 不能为负"),
            )
        )
    if big_u is not None and k is None:
        problems.append(
            ("coverage_factor", CellProblem("required", "give the k of U", "请填写 U 的包含因子 k"))
        )
    typed = values["unit"]
    if typed and unit and not commensurable(typed, unit):
        problems.append(
            (
                "unit",
                CellProblem(
                    "incommensurable",
                    f"{typed} cannot be converted to the comparison's unit {unit}",
                    f"{typed} 无法换算为比对的单位 {unit}",
                ),
            )
        )
    code = values["code"]
    if code is not None and code in seen:
        problems.append(
            (
                "code",
                CellProblem(
                    "duplicate", f"code repeats row {seen[code]}", f"代码与第 {seen[code]} 行重复"
                ),
            )
        )
    elif code is not None:
        seen[code] = row
    errors = []
    for key, problem in problems:
        col = columns.get(key, columns["code"])
        cell = values.get(key)
        errors.append(_error(sheet, row, col, key, cell, problem))
    return errors
