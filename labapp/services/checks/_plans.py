"""Check plans of standards (期间核查计划): what to check, how often, within which limits.

A plan is created, edited, ended or deleted here; :mod:`labapp.services.checks` records checks
against it.  A plan with recorded checks is never deleted (its history stays for the auditor): it
is ended instead (``ended_on``), after which no check falls due.  A plan without a frequency
(``frequency_months`` 0, checked when needed) is never overdue.  "Due soon" is within the
Preferences lead days the caller passes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from labapp.domain.due import DueState, due_on, due_state
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.metrology.errors import MetrologyError
from labapp.metrology.units import parse_quantity, to_unit
from labapp.persistence.models import CheckPlanRow, InstrumentRow, IntermediateCheckRow
from labapp.services.checks._dto import CheckPlanInfo, CheckPlanInput
from labapp.services.database import Database

__all__ = [
    "DEFAULT_LEAD_DAYS",
    "create_plan",
    "delete_plan",
    "due_checks",
    "end_plan",
    "instrument_row",
    "list_plans",
    "plan_row",
    "plan_unit",
    "update_plan",
]

PLAN = "check_plan"
#: Days ahead a check counts as "due soon" when the caller gives no Preferences value.
DEFAULT_LEAD_DAYS = 30


def plan_unit(plan: CheckPlanRow) -> str | None:
    """The plan's unit: that of its limits (upper first)."""
    return plan.upper_limit_unit or plan.lower_limit_unit


def instrument_row(session: Any, instrument_id: int) -> InstrumentRow:
    """The instrument row, or NotFoundError."""
    item = session.get(InstrumentRow, instrument_id)
    if item is None:
        raise NotFoundError("instrument", instrument_id)
    return item  # type: ignore[no-any-return]


def plan_row(session: Any, plan_id: int) -> CheckPlanRow:
    """The check plan row, or NotFoundError."""
    plan = session.get(CheckPlanRow, plan_id)
    if plan is None:
        raise NotFoundError(PLAN, plan_id)
    return plan  # type: ignore[no-any-return]


# --- reading -----------------------------------------------------------------------------------


def _last_checks(session: Any, plan_id: int | None = None) -> dict[int, tuple[date, int]]:
    """Per plan: the date of its latest check and how many checks it has."""
    stmt = select(
        IntermediateCheckRow.plan_id,
        func.max(IntermediateCheckRow.performed_on),
        func.count(IntermediateCheckRow.id),
    )
    if plan_id is not None:
        stmt = stmt.where(IntermediateCheckRow.plan_id == plan_id)
    rows = session.execute(stmt.group_by(IntermediateCheckRow.plan_id))
    return {plan_id: (last, n) for plan_id, last, n in rows if plan_id is not None}


def _plan_state(
    plan: CheckPlanRow, last: date | None, today: date, lead_days: int
) -> tuple[date | None, DueState]:
    """Due date and state: an ended plan or one without a frequency is never due."""
    ended = plan.ended_on is not None and plan.ended_on <= today
    if ended or plan.frequency_months <= 0:
        return None, DueState.NONE
    due = due_on(last, plan.frequency_months)
    return due, DueState.OVERDUE if last is None else due_state(due, today, lead_days)


def _plan_info(
    plan: CheckPlanRow,
    item: InstrumentRow,
    last: tuple[date, int] | None,
    today: date,
    lead_days: int = DEFAULT_LEAD_DAYS,
) -> CheckPlanInfo:
    last_on, count = last if last is not None else (None, 0)
    due, state = _plan_state(plan, last_on, today, lead_days)
    return CheckPlanInfo(
        plan.id, plan.version, item.id, item.asset_tag, item.name, item.status,
        plan.check_instrument_id, plan.point, plan.frequency_months,
        plan.lower_limit_value, plan.upper_limit_value, plan_unit(plan), last_on, due, state,
        plan.ended_on, count,
    )  # fmt: skip


def list_plans(
    db: Database, today: date, lead_days: int = DEFAULT_LEAD_DAYS
) -> list[CheckPlanInfo]:
    """Every check plan with its standard, last check and due state, by asset tag.

    A plan never checked is OVERDUE (a standard in use needs its first check) unless it has no
    frequency or has ended; DUE_SOON means due within ``lead_days`` (Preferences).
    """
    stmt = select(CheckPlanRow, InstrumentRow).join(
        InstrumentRow, InstrumentRow.id == CheckPlanRow.instrument_id
    )
    with db.read() as session:
        last = _last_checks(session)
        rows = session.execute(stmt.order_by(InstrumentRow.asset_tag, CheckPlanRow.id)).all()
        return [_plan_info(p, i, last.get(p.id), today, lead_days) for p, i in rows]


def due_checks(
    db: Database, today: date, lead_days: int = DEFAULT_LEAD_DAYS
) -> list[CheckPlanInfo]:
    """The plans whose check is overdue or due within ``lead_days`` (frequency vs last check)."""
    wanted = {DueState.OVERDUE, DueState.DUE_SOON}
    return [p for p in list_plans(db, today, lead_days) if p.due_state in wanted]


# --- writing -----------------------------------------------------------------------------------


def _limit(text: str, field: str, unit: str | None) -> tuple[Decimal | None, str | None]:
    if not text.strip():
        return None, unit
    try:
        q = parse_quantity(text, default_unit=unit)
        if unit is not None:
            q = to_unit(q, unit)
    except MetrologyError as exc:
        raise ValidationError(field, str(exc), code="incommensurable") from exc
    return Decimal(q.magnitude), unit or f"{q.units:~P}"


def _apply(row: CheckPlanRow, data: CheckPlanInput, unit: str | None) -> None:
    """Check ``data`` and store it on ``row``; ``unit`` (a plan with checks) is kept."""
    if not data.point.strip():
        raise ValidationError("point", "required", code="required")
    if data.frequency_months < 0:
        raise ValidationError("frequency_months", "must not be negative", code="positive")
    upper, unit = _limit(data.upper_limit, "upper_limit", unit)
    lower, unit = _limit(data.lower_limit, "lower_limit", unit)
    if lower is not None and upper is not None and lower > upper:
        raise ValidationError("lower_limit", "above the upper limit", code="order")
    row.check_instrument_id = data.check_instrument_id
    row.point, row.frequency_months = data.point.strip(), data.frequency_months
    row.lower_limit_value, row.lower_limit_unit = lower, unit if lower is not None else None
    row.upper_limit_value, row.upper_limit_unit = upper, unit if upper is not None else None


def create_plan(
    db: Database, user: str, data: CheckPlanInput, today: date | None = None
) -> CheckPlanInfo:
    """Add a check plan to a standard; the upper limit's unit is the plan's unit.

    Raises
    ------
    ValidationError
        Empty point, negative frequency, limits not commensurable or lower > upper.
    """
    with db.unit_of_work(user) as uow:
        item = instrument_row(uow.session, data.instrument_id)
        row = CheckPlanRow(instrument_id=item.id)
        _apply(row, data, None)
        uow.session.add(row)
        uow.commit()
        return _plan_info(row, item, None, today or date.today())


def update_plan(
    db: Database, user: str, plan_id: int, data: CheckPlanInput, version: int, today: date
) -> CheckPlanInfo:
    """Change a plan read at ``version`` (its standard stays).

    Once checks are recorded the plan's unit stays: new limits in another unit are converted to
    it, or refused (``incommensurable``) when they cannot be.
    """
    with db.unit_of_work(user) as uow:
        row = plan_row(uow.session, plan_id)
        uow.check_version(row, version)
        last = _last_checks(uow.session, plan_id).get(plan_id)
        _apply(row, data, plan_unit(row) if last else None)
        uow.commit()
        return _plan_info(row, instrument_row(uow.session, row.instrument_id), last, today)


def delete_plan(db: Database, user: str, plan_id: int, version: int) -> None:
    """Delete a plan no check was recorded against.

    Raises
    ------
    ValidationError
        ``has_checks`` (``params["count"]``): checks were recorded; end the plan instead.
    """
    with db.unit_of_work(user) as uow:
        row = plan_row(uow.session, plan_id)
        uow.check_version(row, version)
        last = _last_checks(uow.session, plan_id).get(plan_id)
        if last is not None:
            raise ValidationError(
                "plan", f"{last[1]} check(s) were recorded against this plan; end it instead",
                code="has_checks", params={"count": last[1]},
            )  # fmt: skip
        uow.session.delete(row)
        uow.commit()


def end_plan(
    db: Database, user: str, plan_id: int, ended_on: date | None, version: int, today: date
) -> CheckPlanInfo:
    """End a plan from ``ended_on`` (no check falls due from then); ``None`` resumes it.

    Raises
    ------
    ValidationError
        ``ended_on`` before the plan's latest check (``order``).
    """
    with db.unit_of_work(user) as uow:
        row = plan_row(uow.session, plan_id)
        uow.check_version(row, version)
        last = _last_checks(uow.session, plan_id).get(plan_id)
        if ended_on is not None and last is not None and ended_on < last[0]:
            raise ValidationError(
                "ended_on", "before the latest check", code="order",
                params={"last": last[0].isoformat()},
            )  # fmt: skip
        row.ended_on = ended_on
        uow.commit()
        return _plan_info(row, instrument_row(uow.session, row.instrument_id), last, today)
