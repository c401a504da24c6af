"""Excel workbook of a standard's intermediate checks (期间核查) as an examiner expects it.

Sheets after the cover: the check history (readings, check value, reference value, limits,
verdict), the JJF 1033 stability test (group means by date) and repeatability test (readings),
and a results sheet (stability max - min against |MPE|, repeatability s against its limit, each
with its verdict).  Numbers stay numbers with their reported digits; the unit is in the headers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from labapp.domain.enums import Decision
from labapp.io.excel import (
    ColumnKind,
    ColumnSpec,
    CoverInfo,
    ExportResult,
    Language,
    SheetSpec,
    pick,
    write_workbook,
)
from labapp.metrology.control_charts import RepeatabilityResult, StabilityResult

__all__ = ["CheckHistoryRow", "check_sheets", "write_check_workbook"]

_VERDICTS = {
    Decision.PASS: ("Pass", "合格"),
    Decision.FAIL: ("Fail", "不合格"),
    Decision.NONE: ("—", "—"),
}


@dataclass(frozen=True)
class CheckHistoryRow:
    """One check of the history sheet, values in the plan's unit."""

    performed_on: date
    readings: tuple[Decimal, ...]
    check_value: Decimal | None
    reference_value: Decimal | None
    lower_limit: Decimal | None
    upper_limit: Decimal | None
    verdict: Decision


def _verdict(decision: Decision | bool | None, language: Language) -> str:
    if isinstance(decision, bool):
        decision = Decision.PASS if decision else Decision.FAIL
    en, zh = _VERDICTS.get(decision or Decision.NONE, _VERDICTS[Decision.NONE])
    return pick(en, zh, language)


def _dec(unit: str, key: str, en: str, zh: str) -> ColumnSpec:
    return ColumnSpec(key, en, zh, ColumnKind.DECIMAL, unit=unit or None)


def _history(unit: str, rows: Sequence[CheckHistoryRow], language: Language) -> SheetSpec:
    columns = (
        ColumnSpec("performed_on", "Date", "核查日期", ColumnKind.DATE),
        ColumnSpec("readings", "Readings", "测量值", width_hint=24),
        _dec(unit, "check_value", "Check value (mean)", "核查值(平均值)"),
        _dec(unit, "reference_value", "Reference value", "参考值"),
        _dec(unit, "lower_limit", "Lower limit", "下限"),
        _dec(unit, "upper_limit", "Upper limit", "上限"),
        ColumnSpec("verdict", "Verdict", "结论"),
    )

    def cells() -> Iterator[Sequence[object]]:
        for r in rows:
            readings = "; ".join(format(v, "f") for v in r.readings)
            yield (
                r.performed_on, readings, r.check_value, r.reference_value,
                r.lower_limit, r.upper_limit, _verdict(r.verdict, language),
            )  # fmt: skip

    return SheetSpec(pick("Check history", "核查记录", language), columns, cells())


def _stability(
    unit: str, dates: Sequence[date], means: Sequence[Decimal], language: Language
) -> SheetSpec:
    columns = (
        ColumnSpec("group", "Group", "组号", ColumnKind.INTEGER),
        ColumnSpec("date", "Date", "日期", ColumnKind.DATE),
        _dec(unit, "mean", "Group mean", "组平均值"),
    )
    rows = [(i, d, m) for i, (d, m) in enumerate(zip(dates, means, strict=True), start=1)]
    return SheetSpec(pick("Stability test", "稳定性考核", language), columns, rows)


def _repeatability(unit: str, readings: Sequence[Decimal], language: Language) -> SheetSpec:
    columns = (
        ColumnSpec("no", "No.", "序号", ColumnKind.INTEGER),
        _dec(unit, "reading", "Reading", "测量值"),
    )
    rows = [(i, v) for i, v in enumerate(readings, start=1)]
    return SheetSpec(pick("Repeatability test", "重复性试验", language), columns, rows)


def _results(
    unit: str,
    stability: StabilityResult | None,
    repeatability: RepeatabilityResult | None,
    language: Language,
) -> SheetSpec:
    columns = (
        ColumnSpec("test", "Test", "项目", width_hint=16),
        ColumnSpec("quantity", "Quantity", "量", width_hint=20),
        _dec(unit, "value", "Value", "数值"),
        ColumnSpec("verdict", "Verdict", "结论"),
    )
    rows: list[Sequence[object]] = []
    if stability is not None:
        test = pick("Stability", "稳定性", language)
        rows += [
            (test, pick("Groups m", "组数 m", language), Decimal(stability.groups), ""),
            (test, pick("max − min of the means", "平均值极差", language), stability.stability, ""),
            (test, pick("Limit |MPE|", "|MPE|", language), stability.limit,
             _verdict(stability.passed, language)),
        ]  # fmt: skip
    if repeatability is not None:
        test = pick("Repeatability", "重复性", language)
        verdict = None if repeatability.passed is None else repeatability.passed
        rows += [
            (test, pick("Readings n", "测量次数 n", language), Decimal(repeatability.n), ""),
            (test, pick("Mean", "平均值", language), repeatability.mean, ""),
            (test, pick("s (Bessel)", "实验标准偏差 s", language), repeatability.s, ""),
            (test, pick("Limit", "限值", language), repeatability.limit,
             _verdict(verdict, language)),
        ]  # fmt: skip
    return SheetSpec(pick("Results", "结果", language), columns, rows)


def check_sheets(
    unit: str,
    history: Sequence[CheckHistoryRow],
    *,
    stability: tuple[Sequence[date], Sequence[Decimal], StabilityResult] | None = None,
    repeatability: tuple[Sequence[Decimal], RepeatabilityResult] | None = None,
    language: Language = "en",
) -> list[SheetSpec]:
    """The data sheets: history, then stability and repeatability when given, then results."""
    sheets = [_history(unit, history, language)]
    if stability is not None:
        sheets.append(_stability(unit, stability[0], stability[1], language))
    if repeatability is not None:
        sheets.append(_repeatability(unit, repeatability[0], language))
    if stability is not None or repeatability is not None:
        stab = stability[2] if stability else None
        rep = repeatability[1] if repeatability else None
        sheets.append(_results(unit, stab, rep, language))
    return sheets


def write_check_workbook(
    path: str | os.PathLike[str],
    cover: CoverInfo,
    unit: str,
    history: Sequence[CheckHistoryRow],
    *,
    stability: tuple[Sequence[date], Sequence[Decimal], StabilityResult] | None = None,
    repeatability: tuple[Sequence[Decimal], RepeatabilityResult] | None = None,
    language: Language = "en",
) -> ExportResult:
    """Write the cover and :func:`check_sheets` with :func:`write_workbook`.

    Returns
    -------
    ExportResult
        Where the file went and the rows per sheet.
    """
    sheets = check_sheets(
        unit, history, stability=stability, repeatability=repeatability, language=language
    )
    return write_workbook(path, cover, sheets, language=language)
