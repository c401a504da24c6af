"""Reading one column heading: which field it names, how surely, and the units it states.

A heading is folded (NFKC: full-width letters and brackets; case; whitespace; the required-field
star) and tried whole, then without its bracketed parts (``检定周期（月）`` → ``检定周期`` with the
hint ``月``), with the brackets' text kept (``检定(校准)日期`` → ``检定校准日期``), split at slashes
(``原值/元`` → ``原值`` with the hint ``元``; ``型号/规格``) and between Chinese and English
(``名称 Name``).  Optionally a heading that contains a known heading of three or more characters
matches it, with a low confidence the preview shows.  Hints are interpreted by the field that
takes the column (:func:`unit_hint`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from labapp.domain.enums import AccuracyKind
from labapp.io.ledger._fields import (
    ACCURACY_HINTS,
    FIELDS_BY_KEY,
    FieldKind,
    clean_heading,
    synonym_table,
)
from labapp.metrology.units import UnitError, parse_decimal, parse_unit

__all__ = [
    "HeadingMatch",
    "coverage_hint",
    "fold",
    "heading_hints",
    "match_heading",
    "measurement_unit",
    "money_scale",
    "period_unit",
    "unit_hint",
]

_OPEN, _CLOSE = "([{【〔〖<《", ")]}】〕〗>》"
_BRACKETED = re.compile(
    rf"[{re.escape(_OPEN)}]([^{re.escape(_OPEN + _CLOSE)}]*)[{re.escape(_CLOSE)}]"
)
_SLASHES = re.compile(r"[/、|\\]")
_SCRIPT_BREAK = re.compile(
    r"(?<=[\u3000-\u9fff）)])\s+(?=[A-Za-z])|(?<=[A-Za-z.)])\s+(?=[\u3000-\u9fff])"
)
_UNIT_PREFIX = re.compile(r"^(?:单位|unit)[:：]?", re.IGNORECASE)
_COVERAGE = re.compile(r"^k[=:](.+)$", re.IGNORECASE)
# A heading naming the next date while containing a last-date heading (下次校准时间).
_NEXT_MARKERS = ("下次", "到期", "有效", "截止", "失效", "计划", "next", "due", "valid", "expir")

_TABLE = synonym_table()
_CONTAINED = sorted((k for k in _TABLE if len(k) >= 3), key=len, reverse=True)

#: Confidence of each way a heading matched (1: exactly a known heading).
WHOLE, UNBRACKETED, BRACKET_TEXT, PART, PARENT, CONTAINED, AMBIGUOUS = (
    1.0, 0.95, 0.9, 0.85, 0.85, 0.6, 0.5,
)  # fmt: skip


@dataclass(frozen=True)
class HeadingMatch:
    """The field a heading names, how it matched (see the confidences above) and its hints."""

    field: str
    confidence: float
    hints: tuple[str, ...] = ()
    accuracy_kind: AccuracyKind | None = None


def fold(text: str) -> str:
    """A heading folded for matching: width, case, whitespace and required-field marks."""
    return _clean(text).casefold()


def _clean(text: str) -> str:
    """NFKC without whitespace and required-field marks; case kept (units: "MPa" is not "mPa")."""
    return clean_heading(text)


@lru_cache(maxsize=4096)
def match_heading(text: str, *, contains: bool = False) -> HeadingMatch | None:
    """The field ``text`` names, or None.

    Parameters
    ----------
    text : str
        A heading as written (``"检定周期（月）"``, ``"原值/元"``, ``"名称 Name"``).
    contains : bool
        Also accept a heading that contains a known heading of three or more characters
        (confidence 0.6); off while looking for the heading row, where data cells such as
        "弹性元件式压力表检定规程" must not count as headings.
    """
    raw = _clean(text)
    if not raw:
        return None
    inner = tuple(_clean(h) for h in _BRACKETED.findall(raw) if _clean(h))
    outside = _BRACKETED.sub("", raw)
    kept = re.sub(rf"[{re.escape(_OPEN + _CLOSE)}]", "", raw)
    for candidate, confidence in ((raw, WHOLE), (outside, UNBRACKETED), (kept, BRACKET_TEXT)):
        if candidate.casefold() in _TABLE:
            return _found(candidate.casefold(), confidence, inner)
    found = _by_parts(_SLASHES.split(outside), inner) or _by_parts(_script_parts(text), inner)
    if found is not None or not contains:
        return found
    return _contained(outside.casefold(), inner)


def heading_hints(text: str) -> tuple[str, ...]:
    """Everything in a heading that may state a unit, a kind or k: its bracketed parts and the
    parts between slashes ("原值/元" → "原值", "元"), case kept."""
    raw = _clean(text)
    inner = tuple(_clean(h) for h in _BRACKETED.findall(raw) if _clean(h))
    parts = tuple(_clean(p) for p in _SLASHES.split(_BRACKETED.sub("", raw)) if _clean(p))
    return inner + (parts if len(parts) > 1 else ())


def _found(folded: str, confidence: float, hints: tuple[str, ...]) -> HeadingMatch:
    return HeadingMatch(_TABLE[folded], confidence, hints, _accuracy_hint(folded))


def _accuracy_hint(folded: str) -> AccuracyKind | None:
    """The kind a heading names, whole or in one of its parts ("准确度等级 / Accuracy class")."""
    if folded in ACCURACY_HINTS:
        return ACCURACY_HINTS[folded]
    kinds = {ACCURACY_HINTS[p] for p in _SLASHES.split(folded) if p in ACCURACY_HINTS}
    return kinds.pop() if len(kinds) == 1 else None


def _script_parts(text: str) -> list[str]:
    """ "名称 Name" → ["名称", "Name"] (a bilingual heading written with a space)."""
    parts = _SCRIPT_BREAK.split(unicodedata.normalize("NFKC", text).strip())
    return parts if len(parts) > 1 else []


def _by_parts(parts: list[str], inner: tuple[str, ...]) -> HeadingMatch | None:
    cleaned = [_clean(p) for p in parts if _clean(p)]
    if len(cleaned) < 2:
        return None
    mapped = [p.casefold() for p in cleaned if p.casefold() in _TABLE]
    if not mapped:
        return None
    rest = tuple(p for p in cleaned if p.casefold() not in _TABLE)
    confidence = PART if len({_TABLE[p] for p in mapped}) == 1 else AMBIGUOUS
    return _found(mapped[0], confidence, inner + rest)


def _contained(outside: str, inner: tuple[str, ...]) -> HeadingMatch | None:
    for known in _CONTAINED:
        if known in outside:
            found = _found(known, CONTAINED, inner)
            if found.field == "last_calibrated_on" and any(m in outside for m in _NEXT_MARKERS):
                return HeadingMatch("valid_until", CONTAINED, inner)
            return found
    return None


# --- hints ------------------------------------------------------------------------------------

_PERIOD_UNITS = {
    **dict.fromkeys(("月", "个月", "month", "months", "m", "mo"), "month"),
    **dict.fromkeys(("年", "year", "years", "y", "a"), "year"),
}
_MONEY_UNITS = {
    **dict.fromkeys(("元", "人民币", "人民币元", "rmb", "cny", "¥", "￥", "yuan"), Decimal(1)),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "万": Decimal(10000),
    "百万元": Decimal(1000000),
}


def period_unit(text: str) -> str | None:
    """``"month"`` or ``"year"`` for a period's unit word (月, 个月, 年, months ...), else None."""
    return _PERIOD_UNITS.get(_UNIT_PREFIX.sub("", fold(text)))


def money_scale(text: str) -> Decimal | None:
    """Yuan per unit of a money word (元 1, 万元 10000 ...), else None."""
    return _MONEY_UNITS.get(_UNIT_PREFIX.sub("", fold(text)))


@lru_cache(maxsize=512)
def measurement_unit(text: str) -> str | None:
    """The unit text, NFKC-folded, when LabApp knows the unit (mm, ℃ → °C, MPa), else None."""
    clean = "".join(unicodedata.normalize("NFKC", _UNIT_PREFIX.sub("", text.strip())).split())
    if not clean:
        return None
    try:
        parse_unit(clean)
    except UnitError:
        return None
    return clean


def coverage_hint(hints: tuple[str, ...]) -> Decimal | None:
    """The coverage factor a heading states ("扩展不确定度(k=2)"), else None."""
    for hint in hints:
        found = _COVERAGE.match(hint)
        if found:
            try:
                k = parse_decimal(found[1])
            except UnitError:
                continue
            if k > 0:
                return k
    return None


def unit_hint(field: str, hints: tuple[str, ...]) -> str | None:
    """The first hint that means something for ``field``: a unit of measurement for a range or an
    accuracy, 月 / 年 for a period, 元 / 万元 for money; None when the heading states none."""
    kind = FIELDS_BY_KEY[field].kind if field in FIELDS_BY_KEY else None
    for hint in hints:
        word = _UNIT_PREFIX.sub("", hint)
        if kind is FieldKind.PERIOD and period_unit(word):
            return word
        if kind is FieldKind.MONEY and money_scale(word) is not None:
            return word
        if kind in _MEASURED and not _COVERAGE.match(hint) and measurement_unit(hint):
            return measurement_unit(hint)
    return None


_MEASURED = {FieldKind.RANGE, FieldKind.ACCURACY, FieldKind.DECIMAL}
