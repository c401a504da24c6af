"""Ledger periods, dates and money into typed values, or a :class:`CellProblem` saying why not.

* A period (检定周期) is whole months, or a reason there is none: ``12个月``, ``12月``,
  ``1年``, ``半年``, ``1.5年``, ``两年``, ``每年``, ``1年/次``, ``6 months``; ``随坏随换``,
  ``一次性``, ``免检``, ``使用前校准`` are a
  :class:`~labapp.domain.enums.Reverification` without an interval.  A bare number takes the
  heading's unit (周期(年)); without one it is months, and a bare 1, 2 or 3 is flagged (a lab
  may have meant years).
* A date is a date cell, ``2026-06-01``, ``2026/6/1``, ``2026.06.01``, ``2026年6月1日`` (a time
  after it is dropped), ``20260601``, or an Excel serial number (a date column typed General).
* Money (原值) is a number of yuan; the heading or the cell may say 万元 (× 10 000, digits kept:
  1.20万元 is 12000.00 yuan); thousands separators are accepted only in their strict form
  (12,800.00), since money never has three decimals.

Numbers go through LabApp's one number rule (:func:`labapp.metrology.units.parse_decimal`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from openpyxl.utils.datetime import from_excel

from labapp.domain.enums import Reverification
from labapp.io.excel import Language, lookup_key, pick
from labapp.io.ledger._errors import CellNote
from labapp.io.ledger._headings import money_scale, period_unit
from labapp.io.ledger._words import cell_text, is_blank_mark
from labapp.io.register import CellProblem, as_date, as_decimal

__all__ = [
    "PeriodValue",
    "parse_coverage",
    "parse_ledger_date",
    "parse_money",
    "parse_period",
    "reverification_word",
]

EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)
MAX_MONTHS = 1200  # a hundred years: anything longer is a typing error
# Excel serials read as dates: 1950-01-01 … 2200-12-31 (a smaller number is more likely a year
# or a count typed into a date column than a date before 1950).
_SERIALS = (18264, 109574)


@dataclass(frozen=True)
class PeriodValue:
    """A period read: months (periodic), or the reason there is no interval; a caveat."""

    months: int | None
    reverification: Reverification
    note: CellNote | None = None


_NO_PERIOD_WORDS = {
    Reverification.ONE_TIME: (
        "一次性", "一次性检定", "一次性使用", "一次检定", "首次检定", "one-time", "once"),
    Reverification.ON_FAILURE: (
        "随坏随换", "坏了换", "损坏更换", "随坏随修", "失效更换", "replace when broken"),
    Reverification.EXEMPT: ("免检", "不检", "无需检定", "免于检定", "免检定", "不需检定", "exempt"),
    Reverification.BEFORE_USE: (
        "使用前校准", "用前校准", "使用前检查", "使用前核查", "用前检查", "before use"),
}  # fmt: skip
# The English word LabApp's register export writes (the Chinese is the first above).
_NO_PERIOD_EN = {
    Reverification.ONE_TIME: "one-time", Reverification.ON_FAILURE: "replace when broken",
    Reverification.EXEMPT: "exempt", Reverification.BEFORE_USE: "before use",
}  # fmt: skip
_NO_PERIOD = {word: why for why, words in _NO_PERIOD_WORDS.items() for word in words} | {
    pick(en, _NO_PERIOD_WORDS[why][0], "bilingual"): why for why, en in _NO_PERIOD_EN.items()
}
_NO_PERIOD_KEYS = {lookup_key(k): v for k, v in _NO_PERIOD.items()}


def reverification_word(why: Reverification, language: Language) -> str | None:
    """The 检定周期 word :func:`parse_period` reads back as ``why`` (随坏随换, "one-time");
    None for ``PERIODIC`` (the interval's months say it)."""
    if why not in _NO_PERIOD_EN:
        return None
    return pick(_NO_PERIOD_EN[why], _NO_PERIOD_WORDS[why][0], language)


_CHINESE_NUMBERS = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "十一": 11, "十二": 12, "十八": 18, "二十四": 24, "三十六": 36, "四十八": 48,
    "六十": 60,
}  # fmt: skip
_CHINESE_DIGITS = "一二两三四五六七八九十"
_PERIOD = re.compile(
    r"(?P<every>每)?(?P<n>[0-9.,]+|[一二两三四五六七八九十]+)?(?P<half>半)?(?:个)?"
    r"(?P<unit>个月|月|年|months?|mos?|m|years?|yrs?|y|a)?(?P<more>半)?(?:/次|一次|/次数)?"
)
_DAYS = re.compile(r"[0-9.]+(?:天|日|d|days?|周|weeks?|w)")
# "1次/年", "2次/年", "一年一次", "1次/2年": so many times per so many years or months
_TIMES = re.compile(
    r"(?P<times>[0-9]+|[一二两三四])次/(?P<n>[0-9]+|[一二两三])?(?P<unit>年|个月|月)"
    r"|每?(?P<n2>[0-9]+|[一二两三])?(?P<unit2>年|个月|月)(?P<times2>[0-9]+|[一二两三四])次"
)


def _bad_period(text: str, code: str = "bad_period") -> CellProblem:
    return CellProblem(
        code,
        f"{text!r} is not a period LabApp knows (write 12个月, 1年, 半年, or 随坏随换 / 一次性)",
        f"“{text}”不是可识别的检定周期（请写 12个月、1年、半年，或 随坏随换、一次性）",
    )


@lru_cache(maxsize=1024, typed=True)
def parse_period(cell: Any, unit: str | None = None) -> PeriodValue | None:
    """A 检定周期 cell → months, or no periodic re-verification.

    Parameters
    ----------
    cell
        The cell as the reader typed it (text, int or float).
    unit
        The heading's unit word (月, 年) for a bare number; months when None.

    Raises
    ------
    CellProblem
        ``bad_period``, ``period_in_days``, ``not_whole_months`` or ``period_out_of_range``.
    """
    if isinstance(cell, bool | datetime | date):
        raise _bad_period(str(cell))
    if isinstance(cell, int | float):
        return _months(_number(cell, str(cell)), period_unit(unit or "月") or "month", str(cell),
                       bare=unit is None)  # fmt: skip
    text = cell_text(cell)
    if text is None or is_blank_mark(text) or text == "无":
        return None
    folded = lookup_key(text)
    if folded in _NO_PERIOD_KEYS:
        return PeriodValue(None, _NO_PERIOD_KEYS[folded])
    if _DAYS.fullmatch(folded):
        raise CellProblem(
            "period_in_days",
            f"{text!r} is in days or weeks; LabApp keeps intervals in months (write 6个月)",
            f"“{text}”以天或周计，LabApp 的检定周期以月计（请写 6个月）",
        )
    return _period_text(text, folded, unit)


def _period_text(text: str, folded: str, unit: str | None) -> PeriodValue:
    times = _TIMES.fullmatch(folded)
    if times:
        return _per_times(times, text)
    found = _PERIOD.fullmatch(folded)
    if found is None or found["n"] == "":
        raise _bad_period(text)
    count, half, word = found["n"], found["half"], found["unit"]
    words_unit = period_unit(word) if word else None
    if half:  # "半年", "每半年": nothing else may be written with it
        if count or found["more"] or words_unit != "year":
            raise _bad_period(text)
        return PeriodValue(6, Reverification.PERIODIC)
    if count is None:  # "每年", "每月"
        if not (found["every"] and words_unit):
            raise _bad_period(text)
        count = "1"
    value = _count(count, text)
    if found["more"]:  # "1年半"
        if words_unit != "year":
            raise _bad_period(text)
        value += Decimal("0.5")
    chosen = words_unit or period_unit(unit or "月") or "month"
    return _months(value, chosen, text, bare=words_unit is None and unit is None)


def _per_times(found: re.Match[str], text: str) -> PeriodValue:
    """ "2次/年" is every 6 months; "1次/2年" every 24; the months must come out whole."""
    times = _count(found["times"] or found["times2"], text)
    span = _count(found["n"] or found["n2"] or "1", text)
    unit = period_unit(found["unit"] or found["unit2"])
    if times <= 0:
        raise _bad_period(text)
    return _months(span * (12 if unit == "year" else 1) / times, "month", text, bare=False)


def _count(count: str, text: str) -> Decimal:
    if count[0] in _CHINESE_DIGITS:
        if count not in _CHINESE_NUMBERS:
            raise _bad_period(text)
        return Decimal(_CHINESE_NUMBERS[count])
    return _number(count, text)


def _number(cell: object, text: str) -> Decimal:
    try:
        value = as_decimal(cell)
    except CellProblem as exc:
        raise _bad_period(text) from exc
    if value is None:
        raise _bad_period(text)
    return value


def _months(value: Decimal, unit: str, text: str, *, bare: bool) -> PeriodValue:
    months = value * 12 if unit == "year" else value
    if months != months.to_integral_value():
        raise CellProblem(
            "not_whole_months",
            f"{text!r} is not a whole number of months",
            f"“{text}”不是整月数",
        )
    if not 0 < months <= MAX_MONTHS:
        raise CellProblem(
            "period_out_of_range",
            f"{text!r}: a period is between 1 month and {MAX_MONTHS // 12} years",
            f"“{text}”：检定周期应在 1 个月到 {MAX_MONTHS // 12} 年之间",
        )
    note = None
    if bare and months <= 3:
        note = CellNote(
            "period_unit_assumed",
            f"{text!r} has no unit: read as {int(months)} month(s) (write {text}年 if years)",
            f"“{text}”没有单位，按 {int(months)} 个月导入（如为年请写 {text}年）",
        )
    return PeriodValue(int(months), Reverification.PERIODIC, note)


# --- dates -----------------------------------------------------------------------------------

_TIME_AFTER = re.compile(r"\s*(?:T|\s)\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_EIGHT_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")


@lru_cache(maxsize=4096, typed=True)
def parse_ledger_date(cell: Any) -> date | None:
    """A date in any of the forms of the module docstring, between 1900 and 2200.

    Raises
    ------
    CellProblem
        ``not_a_date``, ``impossible_date`` or ``implausible_date``.
    """
    if cell is None or isinstance(cell, bool):
        return _refuse_date(cell) if isinstance(cell, bool) else None
    if isinstance(cell, datetime | date):
        return _plausible(cell.date() if isinstance(cell, datetime) else cell, str(cell))
    if isinstance(cell, int | float):
        return _serial_or_digits(cell, str(cell))
    if not isinstance(cell, str):
        return _refuse_date(cell)
    text = cell_text(cell)
    if text is None or is_blank_mark(text):
        return None
    if text.isdigit() and len(text) in (5, 8):
        return _serial_or_digits(int(text), text)
    try:
        day = as_date(_TIME_AFTER.sub("", text))
    except CellProblem as exc:
        if exc.code == "impossible_date":
            raise
        return _refuse_date(text)
    return _plausible(day, text)


def _serial_or_digits(number: float, text: str) -> date:
    if not math.isfinite(number):
        return _refuse_date(text)
    digits = _EIGHT_DIGITS.fullmatch(str(int(number))) if number == int(number) else None
    if digits:  # 20260601
        try:
            return _plausible(date(int(digits[1]), int(digits[2]), int(digits[3])), text)
        except ValueError:
            return _refuse_date(text, impossible=True)
    if _SERIALS[0] <= number <= _SERIALS[1]:
        return _plausible(from_excel(number).date(), text)
    return _refuse_date(text)


def _plausible(day: date | None, text: str) -> date:
    if day is None:
        return _refuse_date(text)
    if not EARLIEST <= day <= LATEST:
        raise CellProblem(
            "implausible_date",
            f"{text!r} is not a plausible date (between {EARLIEST.year} and {LATEST.year})",
            f"“{text}”不是合理的日期（应在 {EARLIEST.year} 年到 {LATEST.year} 年之间）",
        )
    return day


def _refuse_date(cell: object, *, impossible: bool = False) -> date:
    text = str(cell)[:40]
    if impossible:
        raise CellProblem(
            "impossible_date", f"{text!r} is not a real date", f"“{text}”不是有效日期"
        )
    raise CellProblem(
        "not_a_date",
        f"{text!r} is not a date (write 2026-06-01, 2026/6/1, 2026.06.01 or 2026年6月1日)",
        f"“{text}”不是日期（请写 2026-06-01、2026/6/1、2026.06.01 或 2026年6月1日）",
    )


# --- money and coverage factor ----------------------------------------------------------------

_MONEY_SIGNS = re.compile(r"^[¥￥$]|^(?:rmb|cny)", re.IGNORECASE)
_MONEY_WORD = re.compile(r"(百万元|万元|千元|万|元|rmb|cny)$", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,2})?")


@lru_cache(maxsize=4096, typed=True)
def parse_money(cell: Any, unit: str | None = None) -> Decimal | None:
    """A 原值 cell → yuan (digits kept); ``unit`` is the heading's word (元, 万元).

    Raises
    ------
    CellProblem
        ``not_a_number`` (and the number rule's other reasons) or ``negative``.
    """
    scale = money_scale(unit) if unit else None
    if isinstance(cell, str):
        text = cell_text(cell)
        if text is None or is_blank_mark(text):
            return None
        text = _MONEY_SIGNS.sub("", text).strip()
        word = _MONEY_WORD.search(text)
        if word:
            scale, text = money_scale(word[1]), text[: word.start()].strip()
        cell = text.replace(",", "") if _GROUPED.fullmatch(text) else text
    value = as_decimal(cell)
    if value is None:
        return None
    if value < 0:
        raise CellProblem("negative", f"{value} is negative", f"{value} 为负数")
    return value * scale if scale is not None and scale != 1 else value


@lru_cache(maxsize=256, typed=True)
def parse_coverage(cell: Any) -> Decimal | None:
    """A coverage factor cell (``2``, ``k=2``) → k > 0 (CellProblem ``bad_coverage_factor``)."""
    text = cell_text(cell) if isinstance(cell, str) else None
    if text is not None:
        cell = re.sub(r"^k\s*[=:]\s*", "", text, flags=re.IGNORECASE)
    try:
        k = as_decimal(cell)
    except CellProblem as exc:
        raise _bad_k(cell) from exc
    if k is not None and k <= 0:
        raise _bad_k(cell)
    return k


def _bad_k(cell: object) -> CellProblem:
    return CellProblem(
        "bad_coverage_factor",
        f"{str(cell)[:40]!r} is not a coverage factor (a number above 0, such as 2)",
        f"“{str(cell)[:40]}”不是有效的包含因子（应为大于 0 的数，如 2）",
    )
