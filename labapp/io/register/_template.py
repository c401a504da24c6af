"""The register template a lab downloads, fills in and imports (written with xlsxwriter).

The first sheet has the register headers, each with a comment explaining the field, drop-down
lists (data validation) for the enumerations and for the lab's own locations, providers,
custodians, quantities and procedures, a date validation on the date column and a whole-number one
on the interval.  Long lists live on a hidden "lists" sheet and are referenced by range.  The
example row is on a separate "example" sheet so it can never be imported as data.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from labapp.domain.enums import AccuracyKind, EventResult, InstrumentStatus, Role, StandardLevel
from labapp.io.excel import (
    ColumnKind,
    Language,
    apply_print_setup,
    display_width,
    enum_label,
    pick,
    xlsx_workbook,
)
from labapp.io.register._columns import REGISTER_FIELDS, RegisterField

__all__ = ["EXAMPLE_ROW", "TemplateChoices", "write_register_template"]

VALIDATED_ROWS = 5000
LISTS_SHEET = "lists"
EXAMPLE_SHEET = "example"


@dataclass(frozen=True)
class TemplateChoices:
    """The lab's own names offered as drop-downs (what the import will accept)."""

    locations: Sequence[str] = ()
    providers: Sequence[str] = ()
    custodians: Sequence[str] = ()
    quantities: Sequence[str] = ()
    procedures: Sequence[str] = ()


EXAMPLE_ROW: dict[str, object] = {
    "asset_tag": "EL-0001",
    "name": "数字多用表",
    "manufacturer": "Keysight",
    "model": "3458A",
    "serial_no": "MY45012345",
    "category": "electrical",
    "quantity": "DC voltage",
    "range_low": 0,
    "range_high": 1000,
    "range_unit": "V",
    "accuracy_kind": AccuracyKind.MPE,
    "accuracy_value": "0.008",
    "accuracy_unit": "mV",
    "role": Role.STANDARD,
    "level": StandardLevel.WORKING,
    "mandatory_verification": False,
    "status": InstrumentStatus.IN_SERVICE,
    "interval_months": 12,
    "last_calibrated_on": date(2024, 3, 5),
    "notes": "example: delete / 示例，请删除",
}


def _enum_choices(language: Language) -> dict[str, list[str]]:
    def labels(values: Sequence[object]) -> list[str]:
        return [enum_label(v, language) for v in values]

    return {
        "role": labels(list(Role)),
        "level": labels(list(StandardLevel)),
        "status": labels(list(InstrumentStatus)),
        "accuracy_kind": labels(list(AccuracyKind)),
        "mandatory_verification": labels([True, False]),
        "last_result": labels(list(EventResult)),
    }


def write_register_template(
    path: str | os.PathLike[str], language: Language, choices: TemplateChoices
) -> None:
    """Write the register template.

    Parameters
    ----------
    path : path-like
        Target ``.xlsx``.
    language : {"en", "zh_CN", "bilingual"}
        Language of headers, comments and drop-down labels (the import accepts all of them).
    choices : TemplateChoices
        Locations, providers, custodians, quantities and procedures offered in drop-downs.
    """
    lists = _enum_choices(language) | {
        "location": list(choices.locations),
        "provider": list(choices.providers),
        "custodian": list(choices.custodians),
        "quantity": list(choices.quantities),
        "procedure": list(choices.procedures),
    }
    workbook = xlsx_workbook(path)
    try:
        formats = _formats(workbook)
        sheet = workbook.add_worksheet(pick("Register", "台账", language))
        ranges = _write_lists(workbook.add_worksheet(LISTS_SHEET), lists)
        _write_register_sheet(sheet, formats, language, ranges)
        _write_example(workbook.add_worksheet(EXAMPLE_SHEET), formats, language)
        sheet.activate()
    finally:
        workbook.close()


def _formats(workbook: Any) -> dict[str, Any]:
    return {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "required": workbook.add_format(
            {"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "grey": workbook.add_format({"font_color": "#808080", "italic": True}),
        "grey_date": workbook.add_format(
            {"font_color": "#808080", "italic": True, "num_format": "yyyy-mm-dd"}
        ),
    }


def _write_lists(sheet: Any, lists: dict[str, list[str]]) -> dict[str, str]:
    """One column per list on the hidden sheet; returns field key → absolute range reference."""
    ranges: dict[str, str] = {}
    for col, (key, values) in enumerate(lists.items()):
        sheet.write_string(0, col, key)
        for row, value in enumerate(values, start=1):
            sheet.write_string(row, col, value)
        if values:
            letter = xl_col_to_name(col)
            ranges[key] = f"={LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    sheet.hide()
    return ranges


def _header(field: RegisterField, language: Language) -> str:
    text = pick(field.header_en, field.header_zh, language)
    return f"{text} *" if field.required else text


def _width(field: RegisterField, language: Language) -> float:
    """The column's width: its header and some room, within 12 … 40 characters."""
    return float(min(max(display_width(_header(field, language)) + 2, 12), 40))


def _write_register_sheet(
    sheet: Any, formats: dict[str, Any], language: Language, ranges: dict[str, str]
) -> None:
    for col, field in enumerate(REGISTER_FIELDS):
        header = _header(field, language)
        sheet.write_string(0, col, header, formats["required" if field.required else "header"])
        sheet.write_comment(0, col, pick(field.help_en, field.help_zh, language), _COMMENT)
        sheet.set_column(
            col, col, _width(field, language), formats["date"] if field.key in _DATE_KEYS else None
        )
        _validation(sheet, col, field, ranges)
    sheet.freeze_panes(1, 0)
    widths = [_width(f, language) for f in REGISTER_FIELDS]
    title = pick("Register import template", "台账导入模板", language)
    apply_print_setup(sheet, widths, title, language)


_COMMENT = {"x_scale": 2, "y_scale": 1.2}
_DATE_KEYS = {f.key for f in REGISTER_FIELDS if f.kind is ColumnKind.DATE}


def _validation(sheet: Any, col: int, field: RegisterField, ranges: dict[str, str]) -> None:
    rule: dict[str, Any] | None = None
    if field.key in ranges:
        # A list outside it is refused for the enums; for the lab's names a warning lets a new
        # name through, the import then reports it as unknown.
        style = "stop" if field.key in _ENUM_KEYS else "warning"
        rule = {"validate": "list", "source": ranges[field.key], "error_type": style}
    elif field.key in _DATE_KEYS:
        rule = {
            "validate": "date",
            "criteria": "between",
            "minimum": date(1900, 1, 1),
            "maximum": date(2100, 12, 31),
            "input_title": "yyyy-mm-dd",
            "input_message": "yyyy-mm-dd",
        }
    # The interval column takes months or a word (随坏随换, 一次性): no number-only validation.
    if rule is not None:
        sheet.data_validation(1, col, VALIDATED_ROWS, col, rule)


_ENUM_KEYS = {
    "role", "level", "status", "accuracy_kind", "mandatory_verification", "last_result",
}  # fmt: skip


def _write_example(sheet: Any, formats: dict[str, Any], language: Language) -> None:
    for col, field in enumerate(REGISTER_FIELDS):
        sheet.write_string(0, col, _header(field, language), formats["header"])
        value = EXAMPLE_ROW.get(field.key)
        if isinstance(value, date):
            sheet.write_datetime(1, col, value, formats["grey_date"])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            sheet.write_number(1, col, value, formats["grey"])
        elif value is not None:
            sheet.write_string(1, col, enum_label(value, language), formats["grey"])
        sheet.set_column(col, col, 16)
    title = pick("Register import template: example", "台账导入模板：示例", language)
    apply_print_setup(sheet, [16.0] * len(REGISTER_FIELDS), title, language)
