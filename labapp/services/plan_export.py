"""Export the due list and a re-verification plan (周检计划) to Excel.

Qt-free, so the Planning page (on its worker) and ``labapp-cli export plan|due`` write the same
workbooks: a cover sheet, then one row per item with the due date highlighted once it has passed.
"""

from __future__ import annotations

from pathlib import Path

from labapp.io.columns import ColumnKind, ColumnSpec, Language, SheetSpec
from labapp.io.excel_export import ExportResult, write_workbook
from labapp.services.database import Database
from labapp.services.export_cover import cover_for
from labapp.services.planning_dto import DueItem, PlanDetail

__all__ = ["DUE_COLUMNS", "PLAN_COLUMNS", "export_due", "export_plan"]

K = ColumnKind

DUE_COLUMNS = (
    ColumnSpec("due_on", "Due date", "到期日", K.DATE, overdue_highlight=True),
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("quantity", "Quantity", "量"),
    ColumnSpec("location", "Location", "位置"),
    ColumnSpec("provider", "Provider", "检定/校准机构"),
    ColumnSpec("procedure", "Procedure", "规程/规范"),
    ColumnSpec("mandatory", "Mandatory verification", "强制检定"),
)
PLAN_COLUMNS = (
    ColumnSpec("month", "Planned month", "计划月份", K.INTEGER),
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("due_on", "Due date", "到期日", K.DATE, overdue_highlight=True),
    ColumnSpec("provider", "Provider", "检定/校准机构"),
    ColumnSpec("procedure", "Procedure", "规程/规范"),
    ColumnSpec("cost", "Estimated cost", "预计费用", K.DECIMAL),
    ColumnSpec("note", "Note", "备注"),
)


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
        (i.due_on, i.asset_tag, i.name, i.quantity or "", i.location or "", i.provider or "",
         i.procedure or "", "✓" if i.mandatory_verification else "")
        for i in items
    )  # fmt: skip
    sheet = SheetSpec(title=title[:31], columns=DUE_COLUMNS, rows=rows, filter_text=filt)
    return write_workbook(path, cover_for(db, title, user, filt), [sheet], language=lang)


def export_plan(
    path: Path, plan: PlanDetail, user: str, lang: Language, db: Database
) -> ExportResult:
    """Write ``plan`` to ``path`` (month, item, due date, provider, procedure, cost, note).

    Parameters
    ----------
    path : Path
        The target ``.xlsx``.
    plan : PlanDetail
        The plan with its items (``planning.get_plan``).
    user : str
        Who exports.
    lang : {"en", "zh_CN", "bilingual"}
        Language of the headers and the cover.
    db : Database
        The database the plan came from.
    """
    rows = (
        (i.planned_month, i.asset_tag, i.name, i.due_on, i.provider or "", i.procedure or "",
         i.estimated_cost, i.note or "")
        for i in plan.items
    )  # fmt: skip
    sheet = SheetSpec(title=str(plan.year), columns=PLAN_COLUMNS, rows=rows)
    return write_workbook(path, cover_for(db, plan.title, user), [sheet], language=lang)
