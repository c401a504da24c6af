"""Re-verification planning (周检计划): what falls due, a year's plan, its progress.

Every list is one SQL statement with the window and the filters in its WHERE clause; nothing is
filtered in Python (only the intermediate checks due are picked from the checks service's list).
Instruments retired or scrapped are never due.  The expiry of the lab's own
certificates lives in :mod:`labapp.services.expiry` (re-exported here for its callers).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, Select, and_, func, select

from labapp.domain.due import DueState
from labapp.domain.enums import EventKind, EventStatus, ProviderKind
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.metrology.units import UnitError, check_decimal_bounds
from labapp.persistence.audit import bulk_insert_audited
from labapp.persistence.models import (
    EventRow,
    InstrumentRow,
    LocationRow,
    PlanItemRow,
    PlanRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services import check_plans
from labapp.services.check_dto import CheckPlanInfo
from labapp.services.database import Database
from labapp.services.due_conditions import INACTIVE, active
from labapp.services.expiry import DEFAULT_LEAD_DAYS, expiring_certificates
from labapp.services.planning_dto import (
    DueItem,
    DueWindow,
    PlanDetail,
    PlanFilter,
    PlanItem,
    PlanProgress,
    PlanSummary,
    ProgressState,
)

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


def _last_cost() -> Any:
    """The cost of the instrument's latest approved event (the estimate for the next one)."""
    return (
        select(EventRow.cost)
        .where(EventRow.instrument_id == InstrumentRow.id, EventRow.status == EventStatus.APPROVED)
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _filters(flt: PlanFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [active()]
    if flt.location_id is not None:
        where.append(InstrumentRow.location_id == flt.location_id)
    if flt.department:
        where.append(LocationRow.department == flt.department)
    if flt.quantity:
        where.append(InstrumentRow.quantity == flt.quantity)
    if flt.provider_id is not None:
        where.append(InstrumentRow.provider_id == flt.provider_id)
    if flt.mandatory is not None:
        where.append(InstrumentRow.mandatory_verification.is_(flt.mandatory))
    if flt.in_house is True:
        where.append(ProviderRow.kind == ProviderKind.IN_HOUSE)
    elif flt.in_house is False:
        where.append(ProviderRow.kind != ProviderKind.IN_HOUSE)
    return where


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
        columns.append(_last_cost())
    return (
        select(*columns)
        .outerjoin(LocationRow, LocationRow.id == InstrumentRow.location_id)
        .outerjoin(ProviderRow, ProviderRow.id == InstrumentRow.provider_id)
        .outerjoin(ProcedureRow, ProcedureRow.id == InstrumentRow.procedure_id)
        .where(_due_between(first, last), *_filters(flt))
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
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [_due_item(row, today) for row in rows]


def _due_item(row: Any, today: date) -> DueItem:
    iid, tag, name, quantity, location, department, provider, procedure, mandatory, kind = row[:10]
    due, cost = row[10], row[13]
    return DueItem(
        iid, tag, name, quantity, location, department, provider, procedure,
        bool(mandatory), kind == ProviderKind.IN_HOUSE, due, due < today, cost,
    )  # fmt: skip


def due_checks(db: Database, window: DueWindow, today: date) -> list[CheckPlanInfo]:
    """Intermediate checks (期间核查) of active standards falling due in ``window``.

    From :func:`labapp.services.check_plans.list_plans` (due = last check + the plan's frequency); a
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


# --- plans ----------------------------------------------------------------------------------


def generate_plan(
    db: Database, user: str, year: int, filters: PlanFilter | None = None, title: str = ""
) -> PlanDetail:
    """Create the draft re-verification plan of ``year``: one item per instrument due that year.

    Each item gets the instrument's provider and procedure, the cost of its latest approved event
    as the estimate, and the due month as the planned month.  The items are inserted in bulk,
    each with its own CREATE audit entry in the same transaction (thousands of ORM objects
    took seconds: see ``benchmarks/bench_plan.py``).
    """
    if not 1900 <= year <= 9999:
        raise ValidationError("year", f"{year} is not a plan year", code="invalid")
    flt = filters or PlanFilter()
    stmt = due_statement(date(year, 1, 1), date(year, 12, 31), flt)
    with db.unit_of_work(user) as uow:
        rows = uow.session.execute(stmt).all()
        plan = PlanRow(year=year, title=title or f"Re-verification plan {year}", status="draft")
        plan.filter_text = _filter_text(flt)
        uow.session.add(plan)
        uow.flush()
        bulk_insert_audited(uow.session, PlanItemRow, [_new_item(plan.id, r) for r in rows])
        uow.commit()
        plan_id = plan.id
    return get_plan(db, plan_id)


def _new_item(plan_id: int, row: Any) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "instrument_id": row[0],
        "due_on": row[10],
        "provider_id": row[11],
        "procedure_id": row[12],
        "estimated_cost": row[13],
        "planned_month": row[10].month,
    }


def _filter_text(flt: PlanFilter) -> str:
    parts = [f"{k}={v}" for k, v in vars(flt).items() if v is not None and v != ""]
    return ", ".join(parts)


def list_plans(db: Database) -> list[PlanSummary]:
    """Every plan, newest year first."""
    stmt = (
        select(PlanRow.id, PlanRow.year, PlanRow.title, PlanRow.status, func.count(PlanItemRow.id))
        .outerjoin(PlanItemRow, PlanItemRow.plan_id == PlanRow.id)
        .group_by(PlanRow.id, PlanRow.year, PlanRow.title, PlanRow.status)
        .order_by(PlanRow.year.desc(), PlanRow.id.desc())
    )
    with db.engine.connect() as conn:
        return [PlanSummary(*row) for row in conn.execute(stmt).all()]


def get_plan(db: Database, plan_id: int) -> PlanDetail:
    """A plan with its items (asset tag, provider and procedure named)."""
    stmt = (
        select(
            PlanItemRow.id,
            PlanItemRow.instrument_id,
            InstrumentRow.asset_tag,
            InstrumentRow.name,
            PlanItemRow.due_on,
            PlanItemRow.provider_id,
            ProviderRow.name,
            ProcedureRow.code,
            PlanItemRow.estimated_cost,
            PlanItemRow.planned_month,
            PlanItemRow.note,
            PlanItemRow.version,
        )
        .join(InstrumentRow, InstrumentRow.id == PlanItemRow.instrument_id)
        .outerjoin(ProviderRow, ProviderRow.id == PlanItemRow.provider_id)
        .outerjoin(ProcedureRow, ProcedureRow.id == PlanItemRow.procedure_id)
        .where(PlanItemRow.plan_id == plan_id)
        .order_by(PlanItemRow.planned_month, InstrumentRow.asset_tag)
    )
    with db.read() as session:
        plan = session.get(PlanRow, plan_id)
        if plan is None:
            raise NotFoundError("plan", plan_id)
        rows: list[Any] = list(session.execute(stmt).all())
        items = tuple(PlanItem(*row) for row in rows)
        return PlanDetail(plan.id, plan.year, plan.title, plan.status, plan.version, items)


def update_plan_item(
    db: Database,
    user: str,
    item_id: int,
    expected_version: int,
    *,
    planned_month: int | None = None,
    provider_id: int | None = None,
    estimated_cost: Decimal | None = None,
    note: str | None = None,
) -> PlanItem:
    """Change a plan item's month, provider, estimated cost or note (None leaves a field as is).

    Raises
    ------
    ConcurrentModificationError
        Someone saved the item since ``expected_version`` was read.
    ValidationError
        A month outside 1–12, a negative cost, or the plan is approved.
    """
    if planned_month is not None and not 1 <= planned_month <= 12:
        raise ValidationError("planned_month", "must be 1 to 12", code="invalid")
    if estimated_cost is not None and estimated_cost < 0:
        raise ValidationError("estimated_cost", "must not be negative", code="invalid")
    if estimated_cost is not None:
        try:  # stored as typed: held to the bounds of every number
            check_decimal_bounds(estimated_cost)
        except UnitError as exc:
            raise ValidationError("estimated_cost", str(exc), code="out_of_range",
                                  params={"text": str(estimated_cost)[:40]}) from exc  # fmt: skip
    with db.unit_of_work(user) as uow:
        row = uow.session.get(PlanItemRow, item_id)
        if row is None:
            raise NotFoundError("plan item", item_id)
        uow.check_version(row, expected_version)
        if row.plan.status != "draft":
            raise ValidationError("plan", "an approved plan is not edited", code="plan_approved")
        if provider_id is not None and uow.session.get(ProviderRow, provider_id) is None:
            raise ValidationError("provider_id", "no such provider", code="not_found")
        _apply(row, planned_month, provider_id, estimated_cost, note)
        uow.commit()
        plan_id = row.plan_id
    return next(i for i in get_plan(db, plan_id).items if i.id == item_id)


def _apply(
    row: PlanItemRow,
    month: int | None,
    provider_id: int | None,
    cost: Decimal | None,
    note: str | None,
) -> None:
    if month is not None:
        row.planned_month = month
    if provider_id is not None:
        row.provider_id = provider_id
    if cost is not None:
        row.estimated_cost = cost
    if note is not None:
        row.note = note or None


def plan_progress(db: Database, plan_id: int, today: date) -> PlanProgress:
    """Which plan items were done on time, done late, or not yet done, as of ``today``.

    Definition: an item is done by the earliest approved verification or calibration of its
    instrument performed from :data:`EARLY_DAYS` before its due date up to ``today``; on time
    when that event was performed on or before the due date, late when after it.
    """
    since = date(_plan_year(db, plan_id), 1, 1) - timedelta(days=EARLY_DAYS)
    stmt = (
        select(PlanItemRow.id, PlanItemRow.due_on, EventRow.id, EventRow.performed_on)
        .outerjoin(
            EventRow,
            and_(
                EventRow.instrument_id == PlanItemRow.instrument_id,
                EventRow.status == EventStatus.APPROVED,
                EventRow.kind.in_(CALIBRATIONS),
                EventRow.performed_on >= since,
                EventRow.performed_on <= today,
            ),
        )
        .where(PlanItemRow.plan_id == plan_id)
        .order_by(PlanItemRow.id, EventRow.performed_on, EventRow.id)
    )
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    first: dict[int, tuple[date | None, int | None, date | None]] = {}
    for item_id, due, event_id, performed in rows:
        first.setdefault(item_id, (due, None, None))
        counts = performed is not None and (due is None or performed >= due - _EARLY)
        if counts and first[item_id][1] is None:
            first[item_id] = (due, event_id, performed)
    states = tuple((k, _state(due, on), event) for k, (due, event, on) in first.items())
    count = {s: sum(1 for _, st, _ in states if st is s) for s in ProgressState}
    return PlanProgress(
        plan_id,
        states,
        count[ProgressState.ON_TIME],
        count[ProgressState.LATE],
        count[ProgressState.NOT_DONE],
    )


def _plan_year(db: Database, plan_id: int) -> int:
    with db.engine.connect() as conn:
        year = conn.execute(select(PlanRow.year).where(PlanRow.id == plan_id)).scalar()
    if year is None:
        raise NotFoundError("plan", plan_id)
    return int(year)


def _state(due: date | None, performed: date | None) -> ProgressState:
    if performed is None:
        return ProgressState.NOT_DONE
    if due is None or performed <= due:
        return ProgressState.ON_TIME
    return ProgressState.LATE
