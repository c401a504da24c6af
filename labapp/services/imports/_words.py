"""The instrument rules' refusals (:class:`ValidationError`) in words, for bad cells of a ledger.

The rules are the instrument dialog's (``labapp.services.register._instruments``); they name a
field of :class:`~labapp.services.register.InstrumentData` and a code; here the code becomes a
reason in English and Chinese (:mod:`._cells` puts it on the cell the field was read from).
"""

from __future__ import annotations

from labapp.domain.errors import ValidationError

__all__ = ["rule_words"]

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


def rule_words(error: ValidationError) -> tuple[str, str]:
    """An instrument rule's refusal in English and Chinese (its params filled in)."""
    en, zh = _WORDS.get(error.code, (error.message, error.message))
    params = {name: str(v) for name, v in error.params.items()}
    try:
        return en.format(**params), zh.format(**params)
    except (KeyError, IndexError):
        return error.message, error.message
