"""The instrument rules' refusals (:class:`ValidationError`) as bad cells of a register file.

The rules are the instrument dialog's (``labapp.services.register._instruments``); they name a
field of :class:`~labapp.services.register.InstrumentData` and a code.  Here the field becomes the
register column it was read from and the code a reason in English and Chinese.
"""

from __future__ import annotations

from labapp.domain.errors import ValidationError
from labapp.io.excel import CellError
from labapp.io.register import FIELDS_BY_KEY, RegisterImport, RegisterRow

__all__ = ["domain_problem", "rule_words"]

# InstrumentData field → register column key.
_COLUMN = {
    "range_low_value": "range_low",
    "range_high_value": "range_high",
    "range_high_unit": "range_unit",
}

# code → (English, Chinese); {unit}, {expected}, {low}, {high} come from the error's params.
_WORDS: dict[str, tuple[str, str]] = {
    "range_order": (
        "the range must go up: {low} is not below {high}",
        "测量范围应从小到大：{low} 不小于 {high}",
    ),
    "incommensurable": (
        "{unit} is not the same kind of quantity as {expected}",
        "{unit} 与 {expected} 不是同一类量",
    ),
    "unknown_unit": ("unknown unit {unit!r}", "无法识别的单位“{unit}”"),
    "required": ("a range needs both ends", "测量范围需要上限和下限"),
    "not_positive": ("must be greater than zero", "必须大于零"),
    "out_of_range": (
        "{text} is out of range (at most 50 significant digits, exponent between -30 and 30)",
        "{text} 超出数值范围（最多 50 位有效数字，指数在 -30 到 30 之间）",
    ),
    "below_absolute_zero": (
        "{text} is below absolute zero (a temperature difference is written in Δ°C)",
        "{text} 低于绝对零度（温差请用 Δ°C 表示）",
    ),
}


def domain_problem(row: RegisterRow, error: ValidationError, read: RegisterImport) -> CellError:
    """The bad cell an instrument rule points at, with the reason in both languages."""
    key = _COLUMN.get(error.field, error.field)
    field = FIELDS_BY_KEY.get(key)
    column, header = read.columns.get(key, ("", field.header_en if field else key))
    value = getattr(row, key, None)
    en, zh = rule_words(error)
    return CellError(
        read.sheet, row.source_row, column, header, "" if value is None else str(value),
        error.code, f"{field.header_en if field else key}: {en}",
        f"{field.header_zh if field else key}：{zh}",
    )  # fmt: skip


def rule_words(error: ValidationError) -> tuple[str, str]:
    """An instrument rule's refusal in English and Chinese (its params filled in)."""
    en, zh = _WORDS.get(error.code, (error.message, error.message))
    params = {name: str(v) for name, v in error.params.items()}
    try:
        return en.format(**params), zh.format(**params)
    except (KeyError, IndexError):
        return error.message, error.message
