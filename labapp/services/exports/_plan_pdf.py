"""The re-verification plan (周检计划) as a printable PDF, with its 编制 / 审核 / 批准 blocks.

The cover block says the plan's approval status (draft or approved, the revision, who approved
it, when and why); the signature blocks are filled from the records: 编制 (prepared) by the
person whose audit entry created the plan, 批准 (approved) by the approver of its ``approve``
entry once approved.  LabApp records no review step for a plan, so 审核 (reviewed) is always a
blank line to sign on paper, as are the blocks of a draft.  One line per item: planned month,
item, quantity, interval, last and due dates, provider and procedure, mandatory verification,
and its status as of ``today`` (done on time, done late, overdue, not yet due).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from labapp.domain.enums import AuditAction
from labapp.io.excel import Language, pick, quantity_label
from labapp.io.pdf import ReportColumn, TableReport, approval_blocks, save_table_report
from labapp.persistence.models import AuditLogRow, PersonRow, PlanRow
from labapp.services.database import Database
from labapp.services.planning import (
    PlanDetail,
    PlanItem,
    ProgressState,
    plan_approval,
    plan_progress,
)

__all__ = ["PLAN_PDF_COLUMNS", "export_plan_pdf", "plan_signatures"]

PLAN_PDF_COLUMNS = (
    ReportColumn("month", "Month", "计划月份", 0.6, "CENTER"),
    ReportColumn("asset_tag", "Asset tag", "资产编号", 1.0),
    ReportColumn("name", "Name", "名称", 1.6),
    ReportColumn("model", "Model / serial no.", "型号规格 / 出厂编号", 1.3),
    ReportColumn("quantity", "Quantity", "测量量", 1.0),
    ReportColumn("interval", "Interval (months)", "周期（月）", 0.7, "RIGHT"),
    ReportColumn("last_on", "Last verified/calibrated", "上次检定/校准", 1.0),
    ReportColumn("due_on", "Due date", "到期日", 1.0),
    ReportColumn("provider", "Provider / procedure", "检定/校准机构 / 规程", 1.6),
    ReportColumn("mandatory", "Mandatory verification", "强制检定", 0.7, "CENTER"),
    ReportColumn("status", "Status", "完成情况", 1.0),
    ReportColumn("note", "Note", "备注", 1.2),
)
_PLAN_STATUS = {
    "draft": ("Draft (not approved)", "草稿（未批准）"),
    "approved": ("Approved", "已批准"),
}
_ITEM_STATUS = {
    ProgressState.ON_TIME: ("Done on time", "按期完成"),
    ProgressState.LATE: ("Done late", "逾期完成"),
}


def plan_signatures(
    db: Database, plan: PlanDetail
) -> tuple[tuple[str | None, date | None], tuple[str | None, date | None]]:
    """(name, date) of who prepared the plan (its ``create`` entry) and who approved it."""
    with db.read() as session:
        created = session.execute(
            select(AuditLogRow.user_name, AuditLogRow.at)
            .where(
                AuditLogRow.entity == PlanRow.__tablename__,
                AuditLogRow.entity_id == str(plan.id),
                AuditLogRow.action == AuditAction.CREATE,
            )
            .order_by(AuditLogRow.seq)
            .limit(1)
        ).first()
        approval = plan_approval(db, plan.id) if plan.status == "approved" else None
        logins = {login for login in (created and created[0], approval and approval.user) if login}
        names = dict(
            session.execute(
                select(PersonRow.login, PersonRow.name).where(PersonRow.login.in_(logins))
            ).all()
        )
    prepared = (
        (None, None)
        if created is None
        else (names.get(created[0], created[0]), created[1].astimezone().date())
    )
    approved = (
        (None, None)
        if approval is None
        else (names.get(approval.user, approval.user), approval.at.astimezone().date())
    )
    return prepared, approved


def _status(item: PlanItem, state: ProgressState | None, today: date, lang: Language) -> str:
    if state in _ITEM_STATUS:
        words = _ITEM_STATUS[state]
    elif item.due_on is not None and item.due_on < today:
        words = ("Overdue", "已超期")
    else:
        words = ("Not yet done", "未完成")
    text = pick(*words, lang)
    return text + pick(" (carried over)", "（结转）", lang) if item.carried_over else text


def _row(item: PlanItem, status: str, lang: Language) -> list[object]:
    model = " / ".join(t for t in (item.model, item.serial_no) if t)
    provider = " / ".join(t for t in (item.provider, item.procedure) if t)
    return [
        item.planned_month,
        item.asset_tag,
        item.name,
        model,
        quantity_label(item.quantity, lang),
        item.interval_months,
        item.last_calibrated_on,
        item.due_on,
        provider,
        "✓" if item.mandatory_verification else "",
        status,
        item.note or "",
    ]


def export_plan_pdf(
    path: str | Path,
    plan: PlanDetail,
    user: str,
    language: Language,
    db: Database,
    today: date | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """Print ``plan`` (``planning.get_plan``) to ``path`` as an A4 landscape PDF.

    Parameters
    ----------
    path : str or Path
        The target ``.pdf`` (written only once complete).
    plan : PlanDetail
        The plan with its items.
    user : str
        Who prints (in the cover block).
    language : {"en", "zh_CN", "bilingual"}
        Language of every word printed.
    db : Database
        The database the plan came from (the signatures, the items' progress).
    today : date, optional
        The day the items' status is given for (default: today).
    progress, cancel : callable, optional
        ``progress(done, total)`` as the table rows are drawn; ``cancel()`` polled on every
        page: True stops the report, writes no file and returns None.
    """
    day = today or date.today()
    states = {i: s for i, s, _ in plan_progress(db, plan.id, day).states}
    rows = [_row(i, _status(i, states.get(i.id), day, language), language) for i in plan.items]
    prepared, approved = plan_signatures(db, plan)
    approval = plan_approval(db, plan.id) if plan.status == "approved" else None
    en, zh = _PLAN_STATUS.get(plan.status, (plan.status, plan.status))
    report = TableReport(
        title_en=f"Re-verification plan {plan.year}",
        title_zh=f"{plan.year} 年周检计划",
        columns=PLAN_PDF_COLUMNS,
        rows=rows,
        language=language,
        lab_name=plan.laboratory,
        document_no=f"PLAN-{plan.year}-R{plan.revision}",
        cover_lines=[
            ("Plan", "计划名称", plan.title),
            ("Approval status", "审批状态", pick(en, zh, language)),
            ("Revision", "版本", plan.revision),
            ("Approval reason", "批准理由", approval.reason if approval else "—"),
            ("Items", "器具数", len(plan.items)),
            ("Estimated cost", "预计费用", plan.total_cost),
            ("Status as of", "完成情况截至", day),
            ("Printed by", "打印人", user),
        ],
        signatures=approval_blocks(prepared, (None, None), approved),
        generated_at=datetime.now().astimezone(),
    )
    return save_table_report(report, path, progress=progress, cancel=cancel)
