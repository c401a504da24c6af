"""The impact investigation report as a printable PDF (ISO/IEC 17025 7.10 evidence).

The cover block states the investigation: the failed standard, what found it out of tolerance
and when, the window of results reached, the last good calibration, the as-found error used,
the decision rule, who opened and closed it, its summary, conclusion and the counts per
assessment.  The table lists every re-evaluated point of every result at risk with the decision
before and after, the assessment and the action decided (who, when, why).  The signature blocks:
编制 by who opened it, 批准 by who closed it (blank lines while open), 审核 always to sign.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from labapp.domain.quantities import Measured
from labapp.io.excel import Language, pick
from labapp.io.impact import ImpactReportPoint, ImpactReportSummary, impact_word
from labapp.io.pdf import ReportColumn, TableReport, approval_blocks, cell_text, save_table_report
from labapp.persistence.models import EventRow
from labapp.services.common import laboratory_name
from labapp.services.database import Database
from labapp.services.impact._investigations import (
    get_investigation,
    report_points,
    report_summary,
)

__all__ = ["IMPACT_PDF_COLUMNS", "export_investigation_pdf"]

_C = ReportColumn
IMPACT_PDF_COLUMNS = (
    _C("item", "Item", "器具编号", 1.1),
    _C("event", "Event date / certificate", "检定/校准日期 / 证书编号", 1.3),
    _C("point", "Point (nominal)", "测量点（标称值）", 1.0),
    _C("error", "Error of indication", "示值误差", 0.9, "RIGHT"),
    _C("u", "U before → after", "扩展不确定度 U 原 → 新", 1.3, "RIGHT"),
    _C("shift", "Standard's error here", "标准器误差传递值", 0.9, "RIGHT"),
    _C("mpe", "MPE", "最大允许误差", 0.8, "RIGHT"),
    _C("decision", "Decision before → after", "原判定 → 重新判定", 1.2),
    _C("assessment", "Assessment (point / result)", "影响评估（测量点 / 结果）", 1.3),
    _C("action", "Action", "处理措施", 1.15),
    _C("reason", "Reason", "理由", 1.15),
    _C("decided", "Decided by / on", "决定人 / 日期", 1.0),
)


def _with_unit(value: object, unit: str) -> str:
    return "" if value is None else f"{cell_text(value)} {unit}".strip()


def _arrow(a: str, b: str) -> str:
    return f"{a} → {b}" if a or b else ""


def _row(p: ImpactReportPoint, lang: Language) -> list[object]:
    def w(value: object) -> str:
        return impact_word(value, lang)

    point = "" if p.seq is None else f"{p.seq}: {cell_text(p.nominal)}"
    u = _arrow(_with_unit(p.u_before, p.unit), _with_unit(p.u_after, p.unit))
    via = (
        ""
        if p.depth <= 1
        else pick(
            f" (level {p.depth}, through {p.via})", f"（第 {p.depth} 层，经由 {p.via}）", lang
        )
    )
    return [
        p.asset_tag + via,
        f"{cell_text(p.performed_on)} / {p.certificate_no or '—'}",
        point,
        _with_unit(p.error, p.unit),
        u,
        _with_unit(p.shift, p.unit),
        p.mpe,
        _arrow(w(p.decision_before), w(p.decision_after)),
        " / ".join(t for t in (w(p.point_assessment), w(p.assessment)) if t),
        w(p.action),
        p.reason or "",
        " / ".join(t for t in (p.decided_by, cell_text(p.decided_on)) if t),
    ]


def _cover(s: ImpactReportSummary, lang: Language) -> list[tuple[str, str, object]]:
    window = f"{cell_text(s.window_start) or '…'} – {cell_text(s.window_end)}"
    rule = impact_word(s.rule, lang) + (
        f" (r = {cell_text(s.guard_band_factor)})" if s.rule == "guard_band" else ""
    )
    counts = pick(
        "affected {}, possibly affected {}, not affected {}, not assessable {}",
        "受影响 {}，可能受影响 {}，不受影响 {}，无法评估 {}",
        lang,
    ).format(*s.counts)
    return [
        ("Failed standard", "失准的标准器", f"{s.standard} {s.standard_name}"),
        ("Found by", "发现途径", f"{impact_word(s.trigger_kind, lang)}, {cell_text(s.trigger_on)}"),
        ("Results reached from", "追溯范围", window),
        ("Last good calibration", "上次合格校准", s.good_event_on or "—"),
        (
            "As-found error used",
            "采用的调整前误差",
            s.error if isinstance(s.error, Measured) else str(s.error),
        ),
        ("Decision rule", "判定规则", rule),
        ("Status", "状态", impact_word(s.status, lang)),
        ("Summary", "概述", s.summary or "—"),
        ("Conclusion", "结论", s.conclusion or "—"),
        ("Results by assessment", "各评估结果数", counts),
    ]


def export_investigation_pdf(
    db: Database,
    investigation_id: int,
    path: str | Path,
    language: Language = "en",
    printed_by: str = "",
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """Print investigation ``investigation_id`` to ``path`` as an A4 landscape PDF;
    ``progress(done, total)`` follows the rows drawn, ``cancel()`` True stops it (None, no file).

    Raises
    ------
    NotFoundError
        No such investigation.
    """
    detail = get_investigation(db, investigation_id)
    good_on = None
    if detail.good_event_id is not None:
        with db.read() as session:
            good = session.get(EventRow, detail.good_event_id)
            good_on = None if good is None else good.performed_on
    summary = report_summary(detail, good_on)
    points = [p for item in detail.items for p in report_points(item)]
    cover = _cover(summary, language)
    if printed_by:
        cover.append(("Printed by", "打印人", printed_by))
    closed = (summary.closed_by, summary.closed_on) if summary.closed_by else (None, None)
    report = TableReport(
        title_en="Impact investigation of a failed standard",
        title_zh="标准器失准影响调查报告",
        columns=IMPACT_PDF_COLUMNS,
        rows=[_row(p, language) for p in points],
        language=language,
        lab_name=laboratory_name(db),
        document_no=f"IMPACT-{investigation_id}",
        cover_lines=cover,
        signatures=approval_blocks((summary.opened_by, summary.opened_on), (None, None), closed),
        generated_at=datetime.now().astimezone(),
    )
    return save_table_report(report, path, progress=progress, cancel=cancel)
