"""Reading each mapped cell of a ledger line by its field's kind (the first pass over a line).

Every parser turns one cell into a typed value, raises :class:`~labapp.io.register.CellProblem`
for a bad cell, or returns a value carrying a :class:`~labapp.io.ledger._errors.CellNote`.  The
parsers are memoised (a ledger repeats its units, words and dates down a column).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.io.excel import lookup_key
from labapp.io.ledger._accuracy import parse_accuracy
from labapp.io.ledger._fields import FieldKind
from labapp.io.ledger._headings import measurement_unit
from labapp.io.ledger._mapping import ColumnAssignment
from labapp.io.ledger._quantities import parse_range
from labapp.io.ledger._values import parse_coverage, parse_ledger_date, parse_money, parse_period
from labapp.io.ledger._words import (
    cell_text,
    is_blank_mark,
    parse_accuracy_kind,
    parse_level,
    parse_method,
    parse_result,
    parse_status,
    parse_yes_no,
)
from labapp.io.register import CellProblem, as_decimal

__all__ = ["MAX_LENGTHS", "PARSERS", "parse_unit_cell", "text_cell"]

#: The register's column widths: longer text is refused per cell, not by the database at commit.
MAX_LENGTHS = {
    "asset_tag": 64, "name": 200, "manufacturer": 200, "model": 100, "serial_no": 100,
    "category": 100, "quantity": 64, "certificate_no": 64, "department": 200, "location": 200,
    "provider": 200, "custodian": 100, "procedure": 64,
}  # fmt: skip


def text_cell(cell: object, field: str) -> str | None:
    """Free text as written (stripped; a blank mark such as "/" is blank), held to the column
    width of ``field``."""
    text = cell_text(cell)
    if text is None or (field != "notes" and is_blank_mark(text)):
        return None
    limit = MAX_LENGTHS.get(field)
    if limit is not None and len(text) > limit:
        raise CellProblem(
            "too_long",
            f"{len(text)} characters: at most {limit} fit this column",
            f"共 {len(text)} 个字符，此列最多 {limit} 个",
        )
    return text


def parse_unit_cell(cell: object) -> str | None:
    """A unit cell (V, mA, ℃ → °C, kPa) LabApp knows (CellProblem ``bad_unit``)."""
    text = cell_text(cell)
    if text is None or is_blank_mark(text):
        return None
    known = measurement_unit(text)
    if known is None:
        raise CellProblem("bad_unit", f"unknown unit {text!r}", f"无法识别的单位“{text}”")
    return known


def _decimal(cell: object, _c: ColumnAssignment) -> Decimal | None:
    return _number(_hashable(cell))


@lru_cache(maxsize=4096, typed=True)
def _number(cell: Any) -> Decimal | None:
    """A number cell by LabApp's number rule; a blank mark ("/") is no number."""
    text = cell_text(cell) if isinstance(cell, str) else None
    if text is not None and is_blank_mark(text):
        return None
    return as_decimal(cell)


def _hashable(cell: object) -> Any:
    """Cells are str, float, int, bool, date, datetime, time or None: all hashable (the
    memoised parsers rely on it); anything else goes in as its text."""
    try:
        hash(cell)
    except TypeError:
        return str(cell)
    return cell


Parser = Callable[[object, ColumnAssignment], Any]
PARSERS: dict[FieldKind, Parser] = {
    FieldKind.RANGE: lambda cell, c: parse_range(_hashable(cell), c.unit),
    FieldKind.DECIMAL: _decimal,
    FieldKind.UNIT: lambda cell, _c: parse_unit_cell(cell),
    FieldKind.ACCURACY: lambda cell, c: parse_accuracy(
        _hashable(cell), c.kind, c.unit, c.coverage_factor
    ),
    FieldKind.ACCURACY_KIND: lambda cell, _c: parse_accuracy_kind(cell),
    FieldKind.COVERAGE: lambda cell, _c: parse_coverage(_hashable(cell)),
    FieldKind.LEVEL: lambda cell, _c: parse_level(cell),
    FieldKind.YES_NO: lambda cell, _c: parse_yes_no(cell),
    FieldKind.STATUS: lambda cell, _c: parse_status(_hashable(cell)),
    FieldKind.RESULT: lambda cell, _c: parse_result(_hashable(cell)),
    FieldKind.METHOD: lambda cell, _c: parse_method(_hashable(cell)),
    FieldKind.PERIOD: lambda cell, c: parse_period(_hashable(cell), c.unit),
    FieldKind.DATE: lambda cell, _c: parse_ledger_date(_hashable(cell)),
    FieldKind.MONEY: lambda cell, c: parse_money(_hashable(cell), c.unit),
}


def folded_tag(tag: str) -> str:
    """An asset tag as the register compares it (case, width and spaces folded)."""
    return lookup_key(tag)
