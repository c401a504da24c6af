"""Re-verification planning (周检计划): what falls due, a year's plan, its progress.

Every list is one SQL statement with the window and the filters in its WHERE clause; nothing is
filtered in Python (only the intermediate checks due are picked from the checks service's list).
Instruments retired or scrapped are never due.  The expiry of the lab's own
certificates lives in :mod:`labapp.services.planning._expiry` and editing a plan's items in
:mod:`labapp.services.planning._edits` (both re-exported here for their callers).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, Select, and_, select, type_coerce
from sqlalchemy.types import NullType

from labapp.domain.due import DueState
from labapp.domain.enums import EventKind, ProviderKind
from labapp.persistence.models import (
    InstrumentRow,
    LocationRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services import checks as check_plans
from labapp.services.checks import CheckPlanInfo
from labapp.services.common import INACTIVE
from labapp.services.database import Database
from labapp.services.planning._annual import generate_plan, get_plan, list_plans, plan_progress
from labapp.services.planning._dto import DueItem, DueWindow, PlanFilter
from labapp.services.planning._edits import update_plan_item
from labapp.services.planning._expiry import DEFAULT_LEAD_DAYS, expiring_certificates
from labapp.services.planning._sql import last_cost, plan_filters

__all__ = [
    "DEFAULT_LEAD_DAYS",
    "due_checks",
    "due_items",
    "expiring_certificates",
    "generate_plan",
    "get_plan",
    "list_plans",
    "plan_progress",
    "update_plan_item",
    "window_range",
]

CALIBRATIONS = (EventKind.VERIFICATION, EventKind.CALIBRATION)
#: A plan item counts as done by an event at most this long before its due date (early re-work).
EARLY_DAYS = 90
_EARLY = timedelta(days=EARLY_DAYS)


def window_range(window: DueWindow, today: date) -> tuple[date | None, date]:
    """First and last due date of ``window`` (inclusive); ``None``: no lower bound (overdue)."""
    if window is DueWindow.OVERDUE:
        return None, today - timedelta(days=1)
    if window is DueWindow.THIS_MONTH:
        first = today.replace(day=1)
        return first, first + relativedelta(months=1, days=-1)
    if window is DueWindow.QUARTER:
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        return first, first + relativedelta(months=3, days=-1)
    if window is DueWindow.YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    days = {DueWindow.NEXT_30: 30, DueWindow.NEXT_60: 60, DueWindow.NEXT_90: 90}[window]
    return today, today + timedelta(days=days)


def _due_between(first: date | None, last: date) -> ColumnElement[bool]:
    if first is None:
        return InstrumentRow.due_on <= last
    return and_(InstrumentRow.due_on >= first, InstrumentRow.due_on <= last)


def due_statement(
    first: date | None, last: date, flt: PlanFilter, *, with_cost: bool = True
) -> Select[Any]:
    """The due list's statement (also what the benchmark runs), ordered by due date and tag."""
    columns: list[Any] = [
        InstrumentRow.id,
        InstrumentRow.asset_tag,
        InstrumentRow.name,
        InstrumentRow.quantity,
        LocationRow.name,
        LocationRow.department,
        ProviderRow.name,
        ProcedureRow.code,
        InstrumentRow.mandatory_verification,
        ProviderRow.kind,
        InstrumentRow.due_on,
        InstrumentRow.provider_id,
        InstrumentRow.procedure_id,
    ]
    if with_cost:
        columns.append(last_cost())
    return (
        select(*columns)
        .outerjoin(LocationRow, LocationRow.id == InstrumentRow.location_id)
        .outerjoin(ProviderRow, ProviderRow.id == InstrumentRow.provider_id)
        .outerjoin(ProcedureRow, ProcedureRow.id == InstrumentRow.procedure_id)
        .where(_due_between(first, last), *plan_filters(flt))
        .order_by(InstrumentRow.due_on, InstrumentRow.asset_tag)
    )


def due_items(
    db: Database, window: DueWindow, today: date, filters: PlanFilter | None = None
) -> list[DueItem]:
    """Everything due in ``window`` (see :func:`window_range`) that passes ``filters``.

    Parameters
    ----------
    db
        The open database.
    window
        Overdue, this month, the next 30/60/90 days, this quarter or this year.
    today
        The day the window is relative to.
    filters
        Location, department, quantity, provider, mandatory verification, in-house vs external.
    """
    first, last = window_range(window, today)
    stmt = due_statement(first, last, filters or PlanFilter())
    # Cells as the driver gives them (tens of thousands of rows in a year at 100 000 items): the
    # per-cell type processing and the Row objects cost as much as the query; _due_item types
    # the five cells that need it, and the DTOs are filled without the frozen __init__.
    untyped = stmt.with_only_columns(*(type_coerce(c, NullType()) for c in stmt.selected_columns))
    with db.engine.connect() as conn:
        rows = conn.execute(untyped).all()
    return [_due_item(row, today) for row in rows]


_DUE_FIELDS = tuple(f.name for f in fields(DueItem))
_IN_HOUSE = ProviderKind.IN_HOUSE.value


def _due_item(row: Any, today: date) -> DueItem:
    iid, tag, name, quantity, location, department, provider, procedure, mandatory, kind = row[:10]
    due, cost = row[10], row[13]
    if isinstance(due, str):  # SQLite stores dates as ISO text
        due = date.fromisoformat(due)
    if cost is not None and not isinstance(cost, Decimal):  # SQLite: the exact decimal text
        cost = Decimal(cost)
    values = (iid, tag, name, quantity, location, department, provider, procedure,
              bool(mandatory), kind == _IN_HOUSE, due, due < today, cost)  # fmt: skip
    item = object.__new__(DueItem)  # frozen: fill __dict__ directly (the __init__ costs a third)
    object.__setattr__(item, "__dict__", dict(zip(_DUE_FIELDS, values, strict=True)))
    return item


def due_checks(db: Database, window: DueWindow, today: date) -> list[CheckPlanInfo]:
    """Intermediate checks (期间核查) of active standards falling due in ``window``.

    From :func:`labapp.services.checks.list_plans` (due = last check + the plan's frequency); a
    plan never checked is overdue (a standard in use needs its first check), so it is listed in
    the overdue window.  Ordered by due date, never-checked first.
    """
    first, last = window_range(window, today)

    def falls_due(plan: CheckPlanInfo) -> bool:
        if plan.due_on is None:
            return first is None and plan.due_state is DueState.OVERDUE
        return (first is None or plan.due_on >= first) and plan.due_on <= last

    plans = [p for p in check_plans.list_plans(db, today) if p.instrument_status not in INACTIVE]
    return sorted(filter(falls_due, plans), key=lambda p: (p.due_on or date.min, p.asset_tag))
