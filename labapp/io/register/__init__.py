"""The register ledger (仪器设备台账) as LabApp's own file: its columns and header synonyms, the
template a lab fills in, and reading it back with every cell typed and checked.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

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
from labapp.io.register._rows import QUANTITY_UNITS
from labapp.io.register._template import TemplateChoices, write_register_template

__all__ = [
    "DIGITS_SHEET_EN",
    "DIGITS_SHEET_ZH",
    "FIELDS_BY_KEY",
    "QUANTITY_UNITS",
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
