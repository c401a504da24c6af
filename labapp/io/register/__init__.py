"""TODO."""

from __future__ import annotations

from labapp.io.register._cells import (
    CellProblem,
    as_date,
    as_decimal,
    as_text,
    as_unit,
    commensurable,
    lossy_digits,
)
from labapp.io.register._columns import (
    DIGITS_SHEET_EN,
    DIGITS_SHEET_ZH,
    FIELDS_BY_KEY,
    REGISTER_FIELDS,
    RegisterRow,
    register_columns,
)
from labapp.io.register._read import RegisterImport, read_register
from labapp.io.register._template import TemplateChoices, write_register_template

__all__ = [
    "DIGITS_SHEET_EN",
    "DIGITS_SHEET_ZH",
    "FIELDS_BY_KEY",
    "REGISTER_FIELDS",
    "CellProblem",
    "RegisterImport",
    "RegisterRow",
    "TemplateChoices",
    "as_date",
    "as_decimal",
    "as_text",
    "as_unit",
    "commensurable",
    "lossy_digits",
    "read_register",
    "register_columns",
    "write_register_template",
]
