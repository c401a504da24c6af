"""Export the due list and a re-verification plan (周检计划) to Excel.

Qt-free, so the Planning page (on its worker) and ``labapp-cli export plan|due`` write the same
workbooks: a cover sheet, then one row per item with the due date highlighted once it has passed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from labapp.io.excel import (
    ColumnKind,
    ColumnSpec,
    ExportResult,
    Language,
    SheetSpec,
    pick,
    quantity_label,
    write_workbook,
)
from labapp.services.common import cover_for
from labapp.services.database import Database
from labapp.services.planning import DueItem, PlanApproval, PlanDetail, plan_approval

__all__ = ["DUE_COLUMNS", "PLAN_COLUMNS", "export_due", "export_plan", "plan_title"]

K = ColumnKind

QUANTITY = ColumnSpec("quantity", "Quantity", "测量量")
DUE_COLUMNS = (
    ColumnSpec("due_on", "Due date", "到期日", K.DATE, overdue_highlight=True),
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    QUANTITY,
    ColumnSpec("location", "Location", "存放地点"),
    ColumnSpec("department", "Department", "部门"),
    ColumnSpec("provider", "Provider", "检定/校准机构"),
    ColumnSpec("procedure", "Procedure", "规程/规范"),
    ColumnSpec("mandatory", "Mandatory verification", "强制检定"),
)
PLAN_COLUMNS = (
    ColumnSpec("month", "Planned month", "计划月份", K.INTEGER),
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("model", "Model", "型号规格"),
    ColumnSpec("serial_no", "Serial number", "出厂编号"),
    QUANTITY,
    ColumnSpec("department", "Department", "部门"),
    ColumnSpec("location", "Location", "存放地点"),
    ColumnSpec("mandatory", "Mandatory verification", "强制检定"),
    ColumnSpec("interval", "Interval (months)", "检定/校准周期（月）", K.INTEGER),
    ColumnSpec("last_on", "Last verified/calibrated", "上次检定/校准日期", K.DATE),
    ColumnSpec("due_on", "Due date", "到期日", K.DATE, overdue_highlight=True),
    ColumnSpec("carried", "Carried over (due before the year)", "结转（年前到期）"),
    ColumnSpec("provider", "Provider", "检定/校准机构"),
    ColumnSpec("procedure", "Procedure", "规程/规范"),
    ColumnSpec("cost", "Estimated cost", "预计费用", K.DECIMAL),
    ColumnSpec("note", "Note", "备注"),
)
_STATUS = {"draft": ("Draft (not approved)", "草稿（未批准）"), "approved": ("Approved", "已批准")}


def export_due(
    path: Path,
    items: list[DueItem],
    title: str,
    filt: str,
    user: str,
    lang: Language,
    db: Database,
) -> ExportResult:
    """Write the due list ``items`` to ``path`` (cover sheet, then one row per item).

    Parameters
    ----------
    path : Path
        The target ``.xlsx``.
    items : list of DueItem
        The due list as listed (``planning.due_items``).
    title, filt : str
        The workbook's title and the filter in words, in ``lang``.
    user : str
        Who exports.
    lang : {"en", "zh_CN", "bilingual"}
        Language of the headers and the cover.
    db : Database
        The database the list came from (its laboratory and name go on the cover).
    """
    rows = (
        (i.due_on, i.asset_tag, i.name, quantity_label(i.quantity, lang), i.location or "",
         i.department or "", i.provider or "", i.procedure or "",
         yes_no(i.mandatory_verification, lang))
        for i in items
    )  # fmt: skip
    sheet = SheetSpec(title=title, columns=DUE_COLUMNS, rows=rows, filter_text=filt)
    return write_workbook(path, cover_for(db, title, user, filt), [sheet], language=lang)


def plan_title(year: int, language: Language) -> str:
    """The plan's title in the export language."""
    return pick(f"Re-verification plan {year}", f"{year} 年周检计划", language)


def plan_cover_facts(
    plan: PlanDetail, approval: PlanApproval | None, language: Language
) -> tuple[tuple[str, str], ...]:
    """Status, revision, approver, approval date and reason, in ``language``, for the cover."""
    en, zh = _STATUS.get(plan.status, (plan.status, plan.status))
    none = pick("—", "—", language)
    approved = approval is not None and plan.status == "approved"
    carried = sum(1 for i in plan.items if i.carried_over)
    return (
        (pick("Plan status", "计划状态", language), pick(en, zh, language)),
        (pick("Revision", "版本", language), str(plan.revision)),
        (pick("Approved by", "批准人", language), approval.user if approved and approval else none),
        (pick("Approved on", "批准日期", language),
         approval.at.date().isoformat() if approved and approval else none),
        (pick("Reason", "批准理由", language), approval.reason if approved and approval else none),
        (pick("Plan title", "计划名称", language), plan.title),
        (pick("Lines", "行数", language),
         pick(f"{len(plan.items)} due occurrences, of which {carried} carried over from before "
              f"{plan.year}", f"{len(plan.items)} 个应检次数，其中 {carried} 个为 {plan.year} 年前"
              "到期的结转项", language)),
    )  # fmt: skip


def export_plan(
    path: Path, plan: PlanDetail, user: str, lang: Language, db: Database
) -> ExportResult:
    """Write ``plan`` to ``path``: a cover saying whether and by whom it was approved, the lines.

    Parameters
    ----------
    path : Path
        The target ``.xlsx``.
    plan : PlanDetail
        The plan with its items (``planning.get_plan``).
    user : str
        Who exports.
    lang : {"en", "zh_CN", "bilingual"}
        Language of the title, the cover, the headers and the quantities.
    db : Database
        The database the plan came from (its laboratory and the approval audit entry).
    """
    rows = (
        (i.planned_month, i.asset_tag, i.name, i.model or "", i.serial_no or "",
         quantity_label(i.quantity, lang), i.department or "", i.location or "",
         yes_no(i.mandatory_verification, lang), i.interval_months, i.last_calibrated_on,
         i.due_on, yes_no(i.carried_over, lang), i.provider or "", i.procedure or "",
         i.estimated_cost, i.note or "")
        for i in plan.items
    )  # fmt: skip
    title = plan_title(plan.year, lang)
    sheet = SheetSpec(title=str(plan.year), columns=PLAN_COLUMNS, rows=rows)
    cover = replace(cover_for(db, title, user),
                    facts=plan_cover_facts(plan, plan_approval(db, plan.id), lang))  # fmt: skip
    if plan.laboratory:
        cover = replace(cover, laboratory=plan.laboratory)
    return write_workbook(path, cover, [sheet], language=lang)


def yes_no(flag: bool, language: Language) -> str:
    """ "✓" for a true flag, empty otherwise (the same in every language)."""
    return "✓" if flag else ""
