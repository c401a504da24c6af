"""A ledger's measuring range and accuracy cells into typed values (``Measured``, AccuracyKind).

Ranges: ``0~1.6MPa``, ``(-200~850)℃``, ``0～25mm``, ``10-100N·m``, ``-10~+10V``, ``0 至 100 ℃``,
``0.1MPa~1.6MPa``; a bare range takes the heading's unit (测量范围(mm)).  Accuracy, by its form:

* a class: ``1.6级``, ``A级``, ``Ⅰ级`` (Roman numerals fold to I, II …), ``一级`` (1), ``二等``
  (等 kept: a grade of standard), ``0.2S级``, ``Class 0.5``, or a bare ``1.6`` / ``E2`` under a
  class heading (准确度等级);
* an MPE: ``±0.5℃``, ``MPE:±0.03mm``, ``±4μm``, ``±0.05%`` (relative, also ``%rdg`` / ``%读数``);
* an expanded uncertainty with its k: ``U=0.01℃(k=2)``, ``Urel=5×10⁻⁶, k=2`` (a ratio without a
  unit is kept exactly in ppm).  A U without k keeps its value and is flagged: k is never assumed.

What is well formed but cannot be held by a value and a unit (``±(0.02%+2字)``, ``±0.5%FS``,
several ranges, an unknown unit such as HRC, no unit at all) is kept as text with a
:class:`~labapp.io.ledger._errors.CellNote`.  A cell that breaks a rule (a range going down, the
ends of different kinds, below absolute zero, a number that is ambiguous or out of bounds, k ≤ 0)
is a :class:`~labapp.io.register.CellProblem`.

This module reads ranges and holds what both readers share; :mod:`labapp.io.ledger._accuracy`
reads the accuracy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.domain.quantities import Measured
from labapp.domain.rules import check_specification
from labapp.io.ledger._errors import CellNote
from labapp.io.ledger._headings import measurement_unit
from labapp.io.ledger._words import cell_text, is_blank_mark
from labapp.io.register import CellProblem, as_decimal

__all__ = [
    "NUMBER_AND_UNIT",
    "AccuracyValue",
    "RangeValue",
    "kept_accuracy",
    "kept_note",
    "no_second_number",
    "normal_text",
    "parse_range",
    "read_number",
    "spec_problem",
]

_NUM = r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?"
NUMBER_AND_UNIT = re.compile(rf"(?P<n>{_NUM})(?P<u>.*)", re.S)
_HYPHEN = re.compile(rf"(?P<a>{_NUM}[^0-9~+\-]*?)-(?P<b>[+-]?[0-9.,].*)", re.S)
_WRAPPED = re.compile(r"[(\[](?P<inner>[^()\[\]]+)[)\]](?P<unit>[^()\[\]~]*)")
_TO = re.compile(r"(?<=[0-9a-zA-Z℃°%)])(?:至|到|…|\.\.\.|to)(?=[+\-0-9.(])")
_TIMES_TEN = re.compile(r"(?<=[0-9])[×xX*·]10\^?(?=[+-]?[0-9])")
_FOLD = str.maketrans({"～": "~", "〜": "~", "∼": "~", "—": "-", "–": "-", "−": "-", "﹣": "-"})
_PLUS_MINUS = re.compile(r"\+/-|\+-|正负")


@dataclass(frozen=True)
class RangeValue:
    """A range read: both ends with their units, or the text kept as written with a caveat."""

    low: Measured | None = None
    high: Measured | None = None
    text: str | None = None
    note: CellNote | None = None


@dataclass(frozen=True)
class AccuracyValue:
    """An accuracy read: its kind and value (MPE, U) or class, k, or the text kept as written."""

    kind: AccuracyKind | None = None
    value: Measured | None = None
    accuracy_class: str | None = None
    coverage_factor: Decimal | None = None
    text: str | None = None
    note: CellNote | None = None


def normal_text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _TIMES_TEN.sub("e", _PLUS_MINUS.sub("±", "".join(folded.split())))


_KEPT = {
    "range_not_understood": ("is not a range such as 0~1.6MPa", "不是 0~1.6MPa 这样的测量范围"),
    "range_several": ("states several ranges", "含有多个测量范围"),
    "range_no_unit": ("has no unit", "没有单位"),
    "range_unknown_unit": (
        "has a unit LabApp does not know ({unit})",
        "含有无法识别的单位（{unit}）",
    ),
    "accuracy_not_understood": (
        "is not a class, an MPE or an uncertainty LabApp reads",
        "不是可识别的准确度等级、最大允许误差或不确定度",
    ),
    "accuracy_not_a_value": ("is not a value with a unit", "不是数值加单位"),
    "accuracy_no_unit": ("has no unit", "没有单位"),
    "accuracy_unknown_unit": (
        "has a unit LabApp does not know ({unit})",
        "含有无法识别的单位（{unit}）",
    ),
    "accuracy_ambiguous": (
        "is a bare number (a class, or an MPE without its unit)",
        "只有数值（准确度等级，还是缺少单位的最大允许误差）",
    ),
    "accuracy_several": ("states several accuracies", "含有多个准确度"),
    "mpe_compound": ("is not one value with one unit", "不是单一数值和单位"),
    "mpe_full_scale": ("is relative to full scale", "为满量程的相对值"),
}


def kept_note(text: str, code: str, **params: str) -> CellNote:
    """The caveat of a cell kept as text (codes and words in ``_KEPT``)."""
    en, zh = _KEPT[code]
    return CellNote(
        code,
        f"{text!r} {en.format(**params)}; kept as text",
        f"“{text}”{zh.format(**params)}，按原文保存",
    )


def kept_accuracy(
    text: str, code: str, kind: AccuracyKind | None = None, **params: str
) -> AccuracyValue:
    """An accuracy kept as text with its caveat."""
    return AccuracyValue(kind, text=text, note=kept_note(text, code, **params))


# --- ranges ----------------------------------------------------------------------------------


@lru_cache(maxsize=4096, typed=True)
def parse_range(cell: Any, unit: str | None = None) -> RangeValue | None:
    """A 测量范围 cell → both ends (``Measured``), or the text kept with a caveat.

    Parameters
    ----------
    cell
        The cell as read.
    unit
        The heading's unit (测量范围(mm)) for a range written without one.

    Raises
    ------
    CellProblem
        A number refused by LabApp's number rule, ``range_order``, ``incommensurable``,
        ``below_absolute_zero``, ``out_of_range``.
    """
    text = cell_text(cell)
    if text is None or is_blank_mark(text):
        return None
    normal = _TO.sub("~", normal_text(text))
    if normal.count("~") > 1:
        return RangeValue(text=text, note=kept_note(text, "range_several"))
    ends = _range_ends(normal)
    if ends is None:
        return RangeValue(text=text, note=kept_note(text, "range_not_understood"))
    (low, low_unit), (high, high_unit) = ends
    low_written = low_unit or high_unit or unit
    high_written = high_unit or low_unit or unit
    if not low_written or not high_written:
        return RangeValue(text=text, note=kept_note(text, "range_no_unit"))
    lu, hu = measurement_unit(low_written), measurement_unit(high_written)
    if lu is None or hu is None:
        shown = low_written if lu is None else high_written
        return RangeValue(text=text, note=kept_note(text, "range_unknown_unit", unit=shown))
    low_value, high_value = read_number(low), read_number(high)
    try:
        check_specification(low_value, lu, high_value, hu, None, None)
    except ValidationError as exc:
        raise spec_problem(exc, text) from exc
    return RangeValue(Measured(low_value, lu), Measured(high_value, hu))


def _range_ends(text: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """((low number, its unit), (high number, its unit)) or None when not a range."""
    wrapped = _WRAPPED.fullmatch(text)
    inner, outer = (wrapped["inner"], wrapped["unit"]) if wrapped else (text, "")
    if "~" in inner:
        a, b = inner.split("~")
    else:
        hyphen = _HYPHEN.fullmatch(inner)
        if hyphen is None:
            return None
        a, b = hyphen["a"], hyphen["b"]
    low, high = NUMBER_AND_UNIT.fullmatch(a), NUMBER_AND_UNIT.fullmatch(b)
    if low is None or high is None or (outer and high["u"]):
        return None
    no_second_number(low["u"], text)
    no_second_number(high["u"], text)
    return (low["n"], low["u"]), (high["n"], high["u"] or outer)


def no_second_number(unit: str, text: str) -> None:
    """ "1.0,5℃", "1.5.2 mm": a number the pattern stopped reading half way is not a number."""
    if unit[:1] in {".", ","} or unit[:1].isdigit():
        raise CellProblem(
            "not_a_number",
            f"{text!r} is not a number followed by a unit (write 10.5 or 10,5 and one unit)",
            f"“{text}”不是数值加单位（请写 10.5 或 10,5，再加一个单位）",
        )


def read_number(number: str) -> Decimal:
    value = as_decimal(number)
    if value is None:  # pragma: no cover - the patterns never give an empty number
        raise CellProblem("not_a_number", "no number", "没有数值")
    return value


_SPEC_WORDS = {
    "range_order": (
        "the range must go up: {low} is not below {high}",
        "测量范围应从小到大：{low} 不小于 {high}",
    ),
    "incommensurable": (
        "{unit} is not the same kind of quantity as {expected}",
        "{unit} 与 {expected} 不是同一类量",
    ),
    "below_absolute_zero": ("{text} is below absolute zero", "{text} 低于绝对零度"),
    "out_of_range": (
        "{text} is out of range (at most 50 significant digits, exponent between -30 and 30)",
        "{text} 超出数值范围（最多 50 位有效数字，指数在 -30 到 30 之间）",
    ),
    "not_positive": ("an accuracy is not negative", "准确度不能为负"),
    "required": ("a range needs both ends", "测量范围需要上限和下限"),
    "unknown_unit": ("unknown unit {unit!r}", "无法识别的单位“{unit}”"),
    "not_a_quantity": ("{text} is not a quantity LabApp reads", "{text} 不是可识别的量值"),
}


def spec_problem(error: ValidationError, text: str) -> CellProblem:
    """A range/accuracy rule's refusal (:func:`labapp.domain.rules.check_specification`) as the
    cell's problem, in both languages."""
    en, zh = _SPEC_WORDS.get(error.code, (error.message, error.message))
    params = {"text": text, "unit": "", "expected": "", "low": "", "high": ""}
    params |= {name: str(value) for name, value in error.params.items()}
    return CellProblem(
        error.code, f"{text!r}: {en.format(**params)}", f"“{text}”：{zh.format(**params)}"
    )


# --- accuracy --------------------------------------------------------------------------------
