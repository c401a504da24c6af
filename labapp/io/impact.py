"""Excel report of a failed-standard impact investigation, as an auditor reads it.

Cover sheet (title, lab, who exported, when, database), then:

1. **Investigation**: one row with the standard, the trigger and its date, the window, the last
   good calibration, the as-found error used (number and unit), the decision rule, who opened and
   closed it and when, the conclusion and the counts per assessment.
2. **Results**: one row per re-evaluated point of each result reached (one row for a result
   without points, e.g. at depth 2): item, event date, certificate number, point nominal,
   reference and indication with their units, the error of indication, U before and after and the
   standard's transferred error (in the point's error unit), MPE, decisions before and after,
   the point's assessment and the result's (its worst point), action, reason, decided by and on.

Numbers stay numbers with their reported digits; dates are real dates.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from labapp.domain.enums import Decision
from labapp.domain.impact import Assessment, InvestigationStatus, ItemAction
from labapp.domain.quantities import Measured
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

__all__ = [
    "ImpactReportPoint",
    "ImpactReportSummary",
    "impact_sheets",
    "impact_word",
    "write_impact_workbook",
]

_WORDS: dict[object, tuple[str, str]] = {
    Assessment.AFFECTED: ("Affected", "受影响"),
    Assessment.POSSIBLY_AFFECTED: ("Possibly affected", "可能受影响"),
    Assessment.NOT_AFFECTED: ("Not affected", "不受影响"),
    Assessment.NOT_ASSESSABLE: ("Not assessable", "无法评估"),
    ItemAction.RECALL: ("Recall", "召回"),
    ItemAction.RECALIBRATE: ("Re-calibrate", "重新校准"),
    ItemAction.NOTIFY_CUSTOMER: ("Notify customer", "通知客户"),
    ItemAction.NO_ACTION: ("No action", "无需措施"),
    Decision.PASS: ("Pass", "合格"),
    Decision.FAIL: ("Fail", "不合格"),
    Decision.CONDITIONAL_PASS: ("Conditional pass", "有条件合格"),
    Decision.CONDITIONAL_FAIL: ("Conditional fail", "有条件不合格"),
    Decision.NONE: ("No decision", "不作判定"),
    InvestigationStatus.OPEN: ("Open", "进行中"),
    InvestigationStatus.CLOSED: ("Closed", "已关闭"),
    "simple": ("Simple acceptance", "简单接受"),
    "guard_band": ("Guard band", "保护带"),
    "event": ("Calibration/verification", "检定/校准"),
    "check": ("Intermediate check", "期间核查"),
}


def impact_word(value: object, language: Language) -> str:
    """An assessment, action, decision, status, rule or trigger kind in words (EN/ZH)."""
    if value is None:
        return ""
    en, zh = _WORDS.get(value, (str(value), str(value)))
    return pick(en, zh, language)


_word = impact_word


@dataclass(frozen=True)
class ImpactReportSummary:
    """The investigation's facts for sheet 1."""

    standard: str
    standard_name: str
    trigger_kind: str
    trigger_on: date
    window_start: date | None
    window_end: date
    good_event_on: date | None
    error: Measured
    error_source: str
    rule: str
    guard_band_factor: Decimal
    status: InvestigationStatus
    opened_by: str
    opened_on: date
    closed_by: str | None
    closed_on: date | None
    summary: str | None
    conclusion: str | None
    counts: tuple[int, int, int, int]  # affected, possibly, not affected, not assessable


@dataclass(frozen=True)
class ImpactReportPoint:
    """One row of sheet 2 (point fields None for a result without points)."""

    asset_tag: str
    name: str
    depth: int
    via: str
    performed_on: date
    certificate_no: str | None
    seq: int | None
    nominal: Measured | None
    reference: Measured | None
    indication: Measured | None
    error: Decimal | None
    u_before: Decimal | None
    u_after: Decimal | None
    shift: Decimal | None
    unit: str
    mpe: Measured | None
    decision_before: Decision | None
    decision_after: Decision | None
    point_assessment: Assessment | None
    assessment: Assessment
    action: ItemAction | None
    reason: str | None
    decided_by: str | None
    decided_on: date | None
    error_from: str | None = None  # the standard's nominal(s) the shift came from, or its range


def _col(key: str, en: str, zh: str, kind: ColumnKind = ColumnKind.TEXT) -> ColumnSpec:
    return ColumnSpec(key, en, zh, kind)


_Q, _D, _T, _I = ColumnKind.QUANTITY, ColumnKind.DATE, ColumnKind.TEXT, ColumnKind.INTEGER

_SUMMARY_COLUMNS = (
    _col("standard", "Standard", "计量标准"), _col("name", "Name", "名称"),
    _col("trigger", "Trigger", "触发"), _col("trigger_on", "Found on", "发现日期", _D),
    _col("window_start", "Window from", "追溯起始日期", _D),
    _col("window_end", "Window to", "追溯截止日期", _D),
    _col("good_on", "Last good calibration", "上次合格校准", _D),
    _col("error", "As-found error used", "采用的调整前误差", _Q),
    _col("source", "As-found error at each nominal", "各标称值的调整前误差"),
    _col("rule", "Decision rule", "判定规则"),
    _col("guard_band", "Guard band factor r", "保护带系数 r", ColumnKind.DECIMAL),
    _col("status", "Status", "状态"), _col("opened_by", "Opened by", "发起人"),
    _col("opened_on", "Opened on", "发起日期", _D), _col("closed_by", "Closed by", "关闭人"),
    _col("closed_on", "Closed on", "关闭日期", _D), _col("summary", "Summary", "概述"),
    _col("conclusion", "Conclusion", "结论"), _col("affected", "Affected", "受影响", _I),
    _col("possibly", "Possibly affected", "可能受影响", _I),
    _col("not_affected", "Not affected", "不受影响", _I),
    _col("not_assessable", "Not assessable", "无法评估", _I),
)  # fmt: skip

_POINT_COLUMNS = (
    _col("asset_tag", "Item", "器具编号"), _col("name", "Name", "名称"),
    _col("depth", "Level", "层级", _I), _col("via", "Through", "经由"),
    _col("performed_on", "Event date", "检定/校准日期", _D),
    _col("certificate_no", "Certificate no.", "证书编号"), _col("seq", "Point", "测量点", _I),
    _col("nominal", "Nominal", "标称值", _Q), _col("reference", "Reference value", "标准值", _Q),
    _col("indication", "Indication", "示值", _Q),
    _col("error", "Error of indication", "示值误差", ColumnKind.DECIMAL),
    _col("u_before", "U before", "原扩展不确定度 U", ColumnKind.DECIMAL),
    _col("u_after", "U after", "计入后扩展不确定度 U′", ColumnKind.DECIMAL),
    _col("shift", "Standard's error here", "标准器误差传递值", ColumnKind.DECIMAL),
    _col("error_from", "From the standard's nominal(s)", "误差来源(标准器标称值)"),
    _col("unit", "Unit (error, U)", "单位(误差、U)"), _col("mpe", "MPE", "最大允许误差", _Q),
    _col("before", "Decision before", "原判定"), _col("after", "Decision after", "重新判定"),
    _col("point_assessment", "Point assessment", "测量点影响评估"),
    _col("assessment", "Result assessment", "结果影响评估"), _col("action", "Action", "处理措施"),
    _col("reason", "Reason", "理由"), _col("decided_by", "Decided by", "决定人"),
    _col("decided_on", "Decided on", "决定日期", _D),
)  # fmt: skip


def _summary_sheet(s: ImpactReportSummary, language: Language) -> SheetSpec:
    row = (
        s.standard, s.standard_name, _word(s.trigger_kind, language), s.trigger_on,
        s.window_start, s.window_end, s.good_event_on, s.error, s.error_source,
        _word(s.rule, language), s.guard_band_factor, _word(s.status, language), s.opened_by,
        s.opened_on, s.closed_by or "", s.closed_on, s.summary or "", s.conclusion or "",
        *s.counts,
    )  # fmt: skip
    return SheetSpec(pick("Investigation", "调查概况", language), _SUMMARY_COLUMNS, [row])


def _point_sheet(points: Sequence[ImpactReportPoint], language: Language) -> SheetSpec:
    def cells() -> Iterator[Sequence[object]]:
        for p in points:
            yield (
                p.asset_tag, p.name, p.depth, p.via, p.performed_on, p.certificate_no or "",
                p.seq, p.nominal, p.reference, p.indication, p.error, p.u_before, p.u_after,
                p.shift, p.error_from or "", p.unit, p.mpe, _word(p.decision_before, language),
                _word(p.decision_after, language), _word(p.point_assessment, language),
                _word(p.assessment, language),
                _word(p.action, language), p.reason or "", p.decided_by or "", p.decided_on,
            )  # fmt: skip

    return SheetSpec(pick("Results", "受影响结果", language), _POINT_COLUMNS, cells())


def impact_sheets(
    summary: ImpactReportSummary, points: Sequence[ImpactReportPoint], language: Language = "en"
) -> list[SheetSpec]:
    """The two data sheets of the report (see the module docstring)."""
    return [_summary_sheet(summary, language), _point_sheet(points, language)]


def write_impact_workbook(
    path: str | os.PathLike[str],
    cover: CoverInfo,
    summary: ImpactReportSummary,
    points: Sequence[ImpactReportPoint],
    *,
    language: Language = "en",
) -> ExportResult:
    """Write the cover and :func:`impact_sheets` with :func:`write_workbook`.

    Returns
    -------
    ExportResult
        Where the file went and the rows per sheet.
    """
    return write_workbook(path, cover, impact_sheets(summary, points, language), language=language)
