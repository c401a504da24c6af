"""A ledger's accuracy cell into a class, an MPE or an expanded uncertainty with its k.

The forms read are listed in :mod:`labapp.io.ledger._quantities`; what is well formed but not
one value and one unit is kept as text with a caveat, and k is never assumed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from labapp.domain.enums import AccuracyKind
from labapp.domain.quantities import Measured
from labapp.io.ledger._errors import CellNote
from labapp.io.ledger._headings import measurement_unit
from labapp.io.ledger._quantities import (
    NUMBER_AND_UNIT,
    AccuracyValue,
    kept_accuracy,
    no_second_number,
    normal_text,
    read_number,
)
from labapp.io.ledger._words import cell_text, is_blank_mark
from labapp.io.register import CellProblem, as_decimal

__all__ = ["parse_accuracy", "without_k"]

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
    s = normal_text(text)
    if kind in (None, AccuracyKind.CLASS) and _LETTER_CLASS.fullmatch(s):
        return _class_value(s)  # A, B, E2, F1, M1, II: letters are never an MPE
    found = _class(s) or _uncertainty(s, text, unit, k) or _mpe(s, text, kind, unit, k)
    if found is not None:
        return found
    return kept_accuracy(text, "accuracy_not_understood")


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
    stated = plus_minus or prefix is not None or NUMBER_AND_UNIT.fullmatch(body) is not None
    caveat = _mpe_caveat(s, body, text) if stated else None
    if caveat is not None or NUMBER_AND_UNIT.fullmatch(body) is None:
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
    return kept_accuracy(text, code, AccuracyKind.MPE)


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
    number = NUMBER_AND_UNIT.fullmatch(body)
    has_unit = bool(number and number["u"])
    if kind is AccuracyKind.UNCERTAINTY:
        return _u_value(body, text, unit, k)
    if not has_unit and kind is AccuracyKind.CLASS and _BARE_CLASS.fullmatch(body):
        return _class_value(body)
    if not has_unit and not (kind is AccuracyKind.MPE and unit):
        return kept_accuracy(text, "accuracy_ambiguous")
    return None


def _single(
    body: str, text: str, unit: str | None, *, relative: bool = False
) -> Measured | AccuracyValue:
    """One value and its unit (the heading's when the cell has none)."""
    found = NUMBER_AND_UNIT.fullmatch(body)
    if found is None:
        return kept_accuracy(text, "accuracy_not_a_value")
    value = abs(read_number(found["n"]))
    no_second_number(found["u"], text)
    written = _RELATIVE.sub("%", found["u"]) or unit
    if not written:
        if relative or "e" in found["n"].lower():  # Urel = 5×10⁻⁶: a ratio, exactly in ppm
            return Measured(value.scaleb(6), "ppm")
        return kept_accuracy(text, "accuracy_no_unit")
    known = measurement_unit(written)
    if known is None:
        return kept_accuracy(text, "accuracy_unknown_unit", unit=written)
    return Measured(value, known)
