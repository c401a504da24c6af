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
is a :class:`~labapp.io.cell_values.CellProblem`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.domain.quantities import Measured
from labapp.domain.rules import check_specification
from labapp.io.cell_values import CellProblem, as_decimal
from labapp.io.ledger._errors import CellNote
from labapp.io.ledger._headings import measurement_unit
from labapp.io.ledger._words import cell_text, is_blank_mark

__all__ = [
    "AccuracyValue",
    "RangeValue",
    "parse_accuracy",
    "parse_range",
    "spec_problem",
    "without_k",
]

_NUM = r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?"
_END = re.compile(rf"(?P<n>{_NUM})(?P<u>.*)", re.S)
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


def _normal(text: str) -> str:
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


def _kept(text: str, code: str, **params: str) -> CellNote:
    """The caveat of a cell kept as text (codes and words in ``_KEPT``)."""
    en, zh = _KEPT[code]
    return CellNote(
        code,
        f"{text!r} {en.format(**params)}; kept as text",
        f"“{text}”{zh.format(**params)}，按原文保存",
    )


def _as_text(
    text: str, code: str, kind: AccuracyKind | None = None, **params: str
) -> AccuracyValue:
    """An accuracy kept as text with its caveat."""
    return AccuracyValue(kind, text=text, note=_kept(text, code, **params))


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
    normal = _TO.sub("~", _normal(text))
    if normal.count("~") > 1:
        return RangeValue(text=text, note=_kept(text, "range_several"))
    ends = _range_ends(normal)
    if ends is None:
        return RangeValue(text=text, note=_kept(text, "range_not_understood"))
    (low, low_unit), (high, high_unit) = ends
    low_written = low_unit or high_unit or unit
    high_written = high_unit or low_unit or unit
    if not low_written or not high_written:
        return RangeValue(text=text, note=_kept(text, "range_no_unit"))
    lu, hu = measurement_unit(low_written), measurement_unit(high_written)
    if lu is None or hu is None:
        shown = low_written if lu is None else high_written
        return RangeValue(text=text, note=_kept(text, "range_unknown_unit", unit=shown))
    low_value, high_value = _decimal(low), _decimal(high)
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
    low, high = _END.fullmatch(a), _END.fullmatch(b)
    if low is None or high is None or (outer and high["u"]):
        return None
    _no_second_number(low["u"], text)
    _no_second_number(high["u"], text)
    return (low["n"], low["u"]), (high["n"], high["u"] or outer)


def _no_second_number(unit: str, text: str) -> None:
    """ "1.0,5℃", "1.5.2 mm": a number the pattern stopped reading half way is not a number."""
    if unit[:1] in {".", ","} or unit[:1].isdigit():
        raise CellProblem(
            "not_a_number",
            f"{text!r} is not a number followed by a unit (write 10.5 or 10,5 and one unit)",
            f"“{text}”不是数值加单位（请写 10.5 或 10,5，再加一个单位）",
        )


def _decimal(number: str) -> Decimal:
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

_TOKEN = (
    r"[0-9]+(?:\.[0-9]+)?[A-Za-z]{0,2}|[A-Za-z]{1,2}[0-9]{0,2}|[IVXivx]{1,4}"
    r"|[一二三四五六七八九十特]"
)
_CLASS_FORMS = (
    re.compile(rf"(?:准确度|精度)?(?:等级)?[:=]?(?P<c>{_TOKEN})级(?:精度)?"),
    re.compile(rf"(?:class|cl\.?|等级|准确度等级|精度等级)[:=]?(?P<c>{_TOKEN})", re.I),
    re.compile(r"(?P<c>[一二三四五六七八九十])(?P<grade>等)"),
)
_BARE_CLASS = re.compile(rf"(?P<c>{_TOKEN})")
_LETTER_CLASS = re.compile(r"[A-Z]{1,2}[0-9]{0,2}|[IVX]{1,4}")
_CHINESE_CLASS = {c: str(n) for n, c in enumerate("一二三四五六七八九十", start=1)}
_U = re.compile(
    r"(?:(?P<rel>u(?:rel|r|_rel))|u(?:95|_95|c)?|扩展不确定度|测量不确定度|不确定度)[=:]", re.I
)
_MPE = re.compile(r"(?:mpev?|最大允许误差|允许误差|允差|示值误差|误差|准确度|精度)[=:]?", re.I)
_K = re.compile(r"(?P<q>.*?)[(,;]?k[=:](?P<k>[0-9.,]+)\)?", re.I)
_RELATIVE = re.compile(r"%(?:rdg?|读数|示值|ofreading|reading)$", re.I)
_FULL_SCALE = re.compile(r"%?(?:f\.?s\.?|满量程|量程|满度)$", re.I)
_DIGITS = re.compile(r"字|个字|digits?|lsb|\d+d$", re.I)


@lru_cache(maxsize=4096, typed=True)
def parse_accuracy(
    cell: Any,
    kind: AccuracyKind | None = None,
    unit: str | None = None,
    k: Decimal | None = None,
) -> AccuracyValue | None:
    """An accuracy cell → class, MPE or U with k; or the text kept with a caveat.

    Parameters
    ----------
    cell
        The cell as read.
    kind
        What the heading says the column holds (准确度等级: class, 最大允许误差: MPE,
        不确定度: U); the cell's own form wins over it.
    unit
        The unit for a bare number (from the heading, or the row's accuracy-unit column).
    k
        The coverage factor the heading states (扩展不确定度(k=2)).

    Raises
    ------
    CellProblem
        A number refused by LabApp's number rule, or ``bad_coverage_factor``.
    """
    text = cell_text(cell)
    if text is None or is_blank_mark(text):
        return None
    s = _normal(text)
    if kind in (None, AccuracyKind.CLASS) and _LETTER_CLASS.fullmatch(s):
        return _class_value(s)  # A, B, E2, F1, M1, II: letters are never an MPE
    found = _class(s) or _uncertainty(s, text, unit, k) or _mpe(s, text, kind, unit, k)
    if found is not None:
        return found
    return _as_text(text, "accuracy_not_understood")


def _class(s: str) -> AccuracyValue | None:
    for form in _CLASS_FORMS:
        found = form.fullmatch(s)
        if found:
            return _class_value(found["c"], "等" if form.groups > 1 and found["grade"] else "")
    return None


def _class_value(token: str, grade: str = "") -> AccuracyValue:
    if token[0].isdigit() and not grade:
        as_decimal(re.sub(r"[A-Za-z]+$", "", token))  # "1..6级" is refused like any number
    name = _CHINESE_CLASS.get(token, token) if not grade else token + grade
    roman = name.upper() if re.fullmatch(r"[IVXivx]{1,4}", name) else name
    return AccuracyValue(AccuracyKind.CLASS, accuracy_class=roman)


def _uncertainty(s: str, text: str, unit: str | None, k: Decimal | None) -> AccuracyValue | None:
    prefix = _U.match(s)
    if prefix is None:
        return None
    return _u_value(s[prefix.end() :], text, unit, k, relative=bool(prefix["rel"]))


def _u_value(
    body: str, text: str, unit: str | None, k: Decimal | None, *, relative: bool = False
) -> AccuracyValue:
    with_k = _K.fullmatch(body)
    if with_k:
        body, k = with_k["q"], _coverage(with_k["k"], text)
    value = _single(body.removeprefix("±"), text, unit, relative=relative)
    if isinstance(value, AccuracyValue):
        return value
    note = None if k is not None else without_k(text)
    return AccuracyValue(AccuracyKind.UNCERTAINTY, value, coverage_factor=k, note=note)


def without_k(text: str) -> CellNote:
    """The caveat of a U stated without its coverage factor."""
    return CellNote(
        "uncertainty_without_k",
        f"{text!r} states U without its coverage factor k; k is left empty (never assumed)",
        f"“{text}”未给出包含因子 k，k 留空（不假定）",
    )


def _coverage(number: str, text: str) -> Decimal:
    k = as_decimal(number)
    if k is None or k <= 0:
        en, zh = f"{text!r}: k must be above 0", f"“{text}”：包含因子 k 必须大于 0"
        raise CellProblem("bad_coverage_factor", en, zh)
    return k


def _mpe(
    s: str, text: str, kind: AccuracyKind | None, unit: str | None, k: Decimal | None
) -> AccuracyValue | None:
    prefix = _MPE.match(s)
    body = s[prefix.end() :] if prefix and prefix.end() < len(s) else s
    plus_minus = body.startswith("±")
    body = body.removeprefix("±")
    if body.startswith("(") and body.endswith(")") and "+" not in body:
        body = body[1:-1]
    stated = plus_minus or prefix is not None or _END.fullmatch(body) is not None
    caveat = _mpe_caveat(s, body, text) if stated else None
    if caveat is not None or _END.fullmatch(body) is None:
        return caveat
    if not plus_minus and not prefix:
        bare = _bare(body, text, kind, unit, k)
        if bare is not None:
            return bare
    value = _single(body, text, unit)
    if isinstance(value, AccuracyValue):  # kept as text: still an MPE when it says so
        return replace(value, kind=AccuracyKind.MPE) if plus_minus or prefix else value
    return AccuracyValue(AccuracyKind.MPE, value)


def _mpe_caveat(s: str, body: str, text: str) -> AccuracyValue | None:
    """±(0.02%+2字), ±0.5%FS, ±0.5℃/±1℃, +0.5/-0.3mm: well formed, not one value and unit."""
    if s.count("±") > 1 or _several(body):
        code = "accuracy_several"
    elif "+" in body or body.startswith("-") or "/-" in body or _DIGITS.search(body):
        code = "mpe_compound"
    elif _FULL_SCALE.search(body):
        code = "mpe_full_scale"
    else:
        return None
    return _as_text(text, code, AccuracyKind.MPE)


def _several(body: str) -> bool:
    """ "0.5%;1%", "0.5%，1%", "0.5%,1%": a list; "0,5%" is a decimal comma."""
    if re.search(r"[;；，、]", body):
        return True
    parts = body.split(",")
    return len(parts) > 1 and any(p and not p[-1].isdigit() for p in parts[:-1])


def _bare(
    body: str, text: str, kind: AccuracyKind | None, unit: str | None, k: Decimal | None
) -> AccuracyValue | None:
    """A value written without ± or prefix: its kind from the heading."""
    number = _END.fullmatch(body)
    has_unit = bool(number and number["u"])
    if kind is AccuracyKind.UNCERTAINTY:
        return _u_value(body, text, unit, k)
    if not has_unit and kind is AccuracyKind.CLASS and _BARE_CLASS.fullmatch(body):
        return _class_value(body)
    if not has_unit and not (kind is AccuracyKind.MPE and unit):
        return _as_text(text, "accuracy_ambiguous")
    return None


def _single(
    body: str, text: str, unit: str | None, *, relative: bool = False
) -> Measured | AccuracyValue:
    """One value and its unit (the heading's when the cell has none)."""
    found = _END.fullmatch(body)
    if found is None:
        return _as_text(text, "accuracy_not_a_value")
    value = abs(_decimal(found["n"]))
    _no_second_number(found["u"], text)
    written = _RELATIVE.sub("%", found["u"]) or unit
    if not written:
        if relative or "e" in found["n"].lower():  # Urel = 5×10⁻⁶: a ratio, exactly in ppm
            return Measured(value.scaleb(6), "ppm")
        return _as_text(text, "accuracy_no_unit")
    known = measurement_unit(written)
    if known is None:
        return _as_text(text, "accuracy_unknown_unit", unit=written)
    return Measured(value, known)
