"""Turning cells as a reader types them into register values, or into a reason why not.

python-calamine already types cells (str, float, int, bool, date, datetime); this module only
normalises what people type as text: numbers (LabApp's one rule,
:func:`labapp.metrology.units.parse_decimal`: a decimal comma is accepted, "10,5" is 10.5, but
"1,234" is refused as ambiguous, since a file may use the comma to group thousands), dates as text
("2024/3/5", "2024年3月5日"), yes/no in Chinese or English.  A problem is a
:class:`CellProblem` carrying a code and an English and Chinese message, never an exception
escaping the import.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.metrology.errors import NumberError
from labapp.metrology.units import (
    UnitError,
    check_commensurable,
    check_decimal_bounds,
    parse_decimal,
    parse_unit,
)

__all__ = [
    "CellProblem",
    "as_date",
    "as_decimal",
    "as_integer",
    "as_text",
    "as_unit",
    "commensurable",
    "dimensionless",
    "lossy_digits",
]


class CellProblem(Exception):
    """Why a cell cannot be read: a stable code plus the message in English and Chinese."""

    def __init__(self, code: str, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_en = message_en
        self.message_zh = message_zh


_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def as_text(cell: object) -> str | None:
    """Cell as text; a whole float (an asset tag typed as a number) loses its ``.0``."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, str):
        return cell.strip() or None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date):
        return cell.isoformat()[:10]
    return str(cell)


def as_decimal(cell: object) -> Decimal | None:
    """A number keeping its digits: text as typed (a decimal comma allowed), floats via repr."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise CellProblem("not_a_number", "yes/no is not a number", "是/否 不是数值")
    if isinstance(cell, int | float):
        return _bounded(_number_cell(cell))
    if isinstance(cell, str):
        return _decimal_text(cell)
    raise CellProblem("not_a_number", f"{cell!s} is not a number", f"{cell!s} 不是数值")


def _number_cell(cell: int | float) -> Decimal:
    if isinstance(cell, int):
        return Decimal(cell)
    if not math.isfinite(cell):
        return Decimal("NaN")  # refused by _bounded
    # A whole number shows no decimals ("100", not "100.0"); else the shortest repr.
    return Decimal(int(cell)) if cell.is_integer() else Decimal(repr(cell))


def _bounded(value: Decimal) -> Decimal:
    """A number cell held to the bounds of typed numbers (1e-40 in a cell is refused as well)."""
    try:
        return check_decimal_bounds(value)
    except NumberError as exc:
        text = str(value)[:40]
        en, zh = _NUMBER_WORDS[exc.reason]
        raise CellProblem(exc.reason, en.format(text=text), zh.format(text=text)) from exc


# Reasons of labapp.metrology.units.parse_decimal, in the words of a cell report.
_NUMBER_WORDS = {
    "ambiguous_separator": (
        "{text!r} is ambiguous: a thousands separator or a decimal comma? Write 1234 or 1.234",
        "“{text}”有歧义：是千位分隔符还是小数逗号？请写 1234 或 1.234",
    ),
    "not_a_number": (
        "{text!r} is not a number (write 10.5 or 10,5, without thousands separators or units)",
        "“{text}”不是数值（请写 10.5 或 10,5，不要千位分隔符和单位）",
    ),
    "out_of_range": (
        "{text!r} is out of range (at most 50 significant digits, exponent between -30 and 30)",
        "“{text}”超出数值范围（最多 50 位有效数字，指数在 -30 到 30 之间）",
    ),
}


@lru_cache(maxsize=4096)
def _decimal_text(text: str) -> Decimal | None:
    """A number typed as text, by LabApp's one number rule with "1,234" refused (see
    :func:`labapp.metrology.units.parse_decimal`)."""
    if not text.strip():
        return None
    try:
        return parse_decimal(text, refuse_grouping_lookalike=True)
    except NumberError as exc:
        en, zh = _NUMBER_WORDS[exc.reason]
        raise CellProblem(exc.reason, en.format(text=text), zh.format(text=text)) from exc


def lossy_digits(value: Decimal) -> bool:
    """Whether a decimal written as an Excel number reads back with other digits.

    A reader gets a float and :func:`as_decimal` turns it back: ``Decimal("10.00")`` comes back
    as ``10`` and ``Decimal("1000.0")`` as ``1000`` (lossy); ``0.0035`` and ``100`` are kept.
    """
    return value.is_finite() and str(as_decimal(float(value))) != str(value)


def as_integer(cell: object) -> int | None:
    """A whole non-negative number (months)."""
    value = as_decimal(cell)
    if value is None:
        return None
    if value != value.to_integral_value() or value < 0:
        raise CellProblem(
            "not_whole", f"{value} is not a whole number of months", f"{value} 不是整月数"
        )
    return int(value)


def as_date(cell: object) -> date | None:
    """A real Excel date, or text such as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, str):
        match = _DATE_TEXT.fullmatch(unicodedata.normalize("NFKC", cell).strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError as exc:
                raise CellProblem(
                    "impossible_date", f"{cell!r} is not a real date", f"“{cell}”不是有效日期"
                ) from exc
    raise CellProblem(
        "not_a_date",
        f"{cell!r} is not a date (use a date cell or yyyy-mm-dd)",
        f"“{cell}”不是日期（请用日期单元格或 年-月-日）",
    )


def as_unit(cell: object) -> tuple[str, Any] | None:
    """A whitelisted unit: the text (stripped) and the pint unit."""
    text = as_text(cell)
    if text is None:
        return None
    return text, _unit(text)


@lru_cache(maxsize=512)
def _unit(text: str) -> Any:
    try:
        return parse_unit(text)
    except UnitError as exc:
        raise CellProblem(
            "bad_unit", f"unknown unit {text!r} ({exc})", f"无法识别的单位“{text}”"
        ) from exc


@lru_cache(maxsize=1024)
def commensurable(a: str, b: str) -> bool:
    """Whether two (whitelisted) unit texts measure the same kind of quantity; cached by text,
    since a register repeats a handful of units over thousands of rows."""
    try:
        check_commensurable(_unit(a), _unit(b))
    except UnitError:
        return False
    return True


@lru_cache(maxsize=512)
def dimensionless(text: str) -> bool:
    """Whether a unit text is a ratio (%, ppm, µV/V): a relative accuracy."""
    return bool(_unit(text).dimensionless)
