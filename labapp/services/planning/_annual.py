"""The annual re-verification plan (周检计划): one line per due occurrence of the year.

A plan of year Y lists, for every instrument that falls due (see
:mod:`labapp.services.planning._occurrences` for the one definition of a due occurrence, shared
with 受检率):

1. the items **carried over**: due before 1 January of Y and not re-verified since (overdue, or
   falling due before the year starts), planned in the first month the work can be done;
2. each **recorded or current** occurrence due in Y (valid-until dates of approved events, and
   instruments' own due dates no event records);
3. each **projected** occurrence of Y: the instrument's due date plus one interval, and so on,
   so an item on a 6-month interval due in February appears in February and in August.

Its progress looks each item up among the occurrences, so the items due in Y up to ``today`` and
those done on time are exactly the denominator and numerator of 受检率 for Y.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from labapp.domain.enums import EventStatus
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.audit import bulk_insert_audited
from labapp.persistence.models import (
    EventRow,
    InstrumentRow,
    LaboratoryRow,
    LocationRow,
    PlanItemRow,
    PlanRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.database import Database
from labapp.services.planning._dto import (
    PlanDetail,
    PlanFilter,
    PlanItem,
    PlanProgress,
    PlanSummary,
    ProgressState,
)
from labapp.services.planning._occurrences import (
    CALIBRATIONS,
    EARLY_DAYS,
    OccurrenceTuple,
    occurrence_tuples,
    occurrences,
    projected_dates,
)
from labapp.services.planning._sql import last_cost, plan_filters

__all__ = ["generate_plan", "get_plan", "list_plans", "plan_lines", "plan_progress"]

_EARLY = timedelta(days=EARLY_DAYS)


def _instruments(flt: PlanFilter) -> Any:
    """The instruments a plan may list (the filter's WHERE), with what a plan line needs."""
    return (
        select(
            InstrumentRow.id, InstrumentRow.due_on, InstrumentRow.interval_months,
            InstrumentRow.provider_id, InstrumentRow.procedure_id, last_cost(),
        )
        .outerjoin(LocationRow, LocationRow.id == InstrumentRow.location_id)
        .outerjoin(ProviderRow, ProviderRow.id == InstrumentRow.provider_id)
        .where(*plan_filters(flt))
    )  # fmt: skip


def plan_lines(conn: Any, year: int, today: date, flt: PlanFilter) -> list[dict[str, Any]]:
    """The lines of a new plan of ``year`` as of ``today``: carried over, then by due date.

    Each line is a dict of ``plan_items`` columns (without ``plan_id``).
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    found = {row[0]: row for row in conn.execute(_instruments(flt)).all()}
    month_now = today.month if today.year == year else 1
    lines: dict[tuple[int, date], dict[str, Any]] = {}

    def add(iid: int, due: date, month: int) -> None:
        _iid, _due, _interval, provider, procedure, cost = found[iid]
        lines.setdefault((iid, due), {
            "instrument_id": iid, "due_on": due, "provider_id": provider,
            "procedure_id": procedure, "estimated_cost": cost, "planned_month": month,
        })  # fmt: skip

    for iid, due, *_ in found.values():
        if due is not None and due < first:
            add(iid, due, month_now if today.year <= year else 12)
    for occ in occurrences(conn, first, last, include_idle=flt.include_idle):
        if occ.instrument_id in found:
            add(occ.instrument_id, occ.due_on, occ.due_on.month)
    for iid, due, interval, *_ in found.values():
        for when in projected_dates(due, interval, year, today) if due else ():
            add(iid, when, when.month)
    return sorted(lines.values(), key=lambda d: (d["due_on"] >= first, d["due_on"]))


def generate_plan(
    db: Database,
    user: str,
    year: int,
    filters: PlanFilter | None = None,
    title: str = "",
    *,
    today: date | None = None,
) -> PlanDetail:
    """Create the draft re-verification plan of ``year``: one line per due occurrence.

    Parameters
    ----------
    db
        The open database.
    user
        Who generates (audited).
    year
        The plan's year.
    filters
        Narrow the instruments (location, department, quantity, provider, mandatory, in-house;
        ``include_idle`` adds sealed and out-of-service ones).
    title
        The plan's title (default: "Re-verification plan Y").
    today
        The day the plan is drawn up (projections start after it; default: today).

    Each line gets the instrument's provider and procedure, the cost of its latest approved event
    as the estimate, and the due month as the planned month (carried-over items: the first month
    the work can be done).  Inserted in bulk, each with its CREATE audit entry.
    """
    if not 1900 <= year <= 9999:
        raise ValidationError(
            "year", f"{year} is not a plan year", code="invalid", params={"year": year}
        )
    flt = filters or PlanFilter()
    with db.unit_of_work(user) as uow:
        lines = plan_lines(uow.session, year, today or date.today(), flt)
        plan = PlanRow(year=year, title=title or f"Re-verification plan {year}", status="draft")
        plan.filter_text = _filter_text(flt)
        plan.laboratory_id = uow.session.execute(select(func.min(LaboratoryRow.id))).scalar()
        uow.session.add(plan)
        uow.flush()
        bulk_insert_audited(uow.session, PlanItemRow, [{"plan_id": plan.id, **x} for x in lines])
        uow.commit()
        plan_id = plan.id
    return get_plan(db, plan_id)


def _filter_text(flt: PlanFilter) -> str:
    parts = [f"{k}={v}" for k, v in vars(flt).items() if v is not None and v not in ("", False)]
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


def _items_statement(plan_id: int) -> Any:
    return (
        select(
            PlanItemRow.id, PlanItemRow.instrument_id, InstrumentRow.asset_tag,
            InstrumentRow.name, PlanItemRow.due_on, PlanItemRow.provider_id, ProviderRow.name,
            ProcedureRow.code, PlanItemRow.estimated_cost, PlanItemRow.planned_month,
            PlanItemRow.note, PlanItemRow.version, InstrumentRow.model, InstrumentRow.serial_no,
            InstrumentRow.interval_months, InstrumentRow.last_calibrated_on,
            LocationRow.department, LocationRow.name, InstrumentRow.quantity,
            InstrumentRow.mandatory_verification,
        )
        .join(InstrumentRow, InstrumentRow.id == PlanItemRow.instrument_id)
        .outerjoin(LocationRow, LocationRow.id == InstrumentRow.location_id)
        .outerjoin(ProviderRow, ProviderRow.id == PlanItemRow.provider_id)
        .outerjoin(ProcedureRow, ProcedureRow.id == PlanItemRow.procedure_id)
        .where(PlanItemRow.plan_id == plan_id)
        .order_by(PlanItemRow.planned_month, PlanItemRow.due_on, InstrumentRow.asset_tag)
    )  # fmt: skip


#: The PlanItem fields :func:`_items_statement` selects, in its order.
_ITEM_FIELDS = tuple(f.name for f in fields(PlanItem))[:19]


def get_plan(db: Database, plan_id: int) -> PlanDetail:
    """A plan with its items (instrument, location, provider and procedure named)."""
    with db.read() as session:
        plan = session.get(PlanRow, plan_id)
        if plan is None:
            raise NotFoundError("plan", plan_id)
        start = date(plan.year, 1, 1)
        items = tuple(
            PlanItem(
                **dict(zip(_ITEM_FIELDS, row[:19], strict=True)),
                mandatory_verification=bool(row[19]),
                carried_over=row[4] is not None and row[4] < start,
            )
            for row in session.execute(_items_statement(plan_id)).all()
        )
        lab = session.get(LaboratoryRow, plan.laboratory_id) if plan.laboratory_id else None
        lab_name = lab.name if lab is not None else ""
        return PlanDetail(plan.id, plan.year, plan.title, plan.status, plan.version, items,
                          plan.revision, lab_name)  # fmt: skip


def plan_progress(db: Database, plan_id: int, today: date) -> PlanProgress:
    """Which plan items were done on time, done late, or not yet done, as of ``today``.

    Each item is looked up among the due occurrences
    (:mod:`labapp.services.planning._occurrences`), so its state is the one 受检率 gives it; an item
    no longer among them (a projection whose real due date came out otherwise) is done by the first
    approved verification or calibration of its instrument performed from
    :data:`~labapp.services.planning._occurrences.EARLY_DAYS` before its due date up to
    ``today``.  ``rate_due`` and ``rate_on_time`` count the items due in the plan's year up to
    ``today``: on a plan generated from the same records they equal 受检率's due and on time.
    """
    with db.engine.connect() as conn:
        year = conn.execute(select(PlanRow.year).where(PlanRow.id == plan_id)).scalar()
        if year is None:
            raise NotFoundError("plan", plan_id)
        rows: list[Any] = list(
            conn.execute(
                select(PlanItemRow.id, PlanItemRow.instrument_id, PlanItemRow.due_on)
                .where(PlanItemRow.plan_id == plan_id)
                .order_by(PlanItemRow.id)
            ).all()
        )
        dues = [r[2] for r in rows if r[2] is not None]
        first, last = min(dues, default=date(year, 1, 1)), date(year, 12, 31)
        known = occurrence_tuples(conn, first, last, include_idle=True, plan_id=plan_id)
        events = _events(conn, {r[1] for r in rows}, first - _EARLY, today)
    states = tuple(_item_state(r, known, events, today) for r in rows)
    return _progress(plan_id, int(year), today, rows, states)


def _events(conn: Any, ids: set[int], since: date, today: date) -> dict[int, list[Any]]:
    stmt = (
        select(EventRow.instrument_id, EventRow.performed_on, EventRow.id)
        .where(
            EventRow.instrument_id.in_(ids), EventRow.status == EventStatus.APPROVED,
            EventRow.kind.in_(CALIBRATIONS), EventRow.performed_on >= since,
            EventRow.performed_on <= today,
        )
        .order_by(EventRow.performed_on, EventRow.id)
    )  # fmt: skip
    by_instrument: dict[int, list[Any]] = defaultdict(list)
    for iid, on, eid in conn.execute(stmt).all() if ids else ():
        by_instrument[iid].append((on, eid))
    return by_instrument


def _item_state(
    row: Any,
    known: dict[tuple[int, date], OccurrenceTuple],
    events: dict[int, list[Any]],
    today: date,
) -> tuple[int, ProgressState, int | None]:
    item_id, iid, due = row
    occ = known.get((iid, due))
    if occ is not None:
        done_on, done_id = occ[4], occ[5]
        done = (done_on, done_id) if done_on and done_on <= today else None
    else:
        since = due - _EARLY if due else date.min
        done = next(((on, eid) for on, eid in events.get(iid, ()) if on >= since), None)
    if done is None:
        return item_id, ProgressState.NOT_DONE, None
    late = due is not None and done[0] > due
    return item_id, ProgressState.LATE if late else ProgressState.ON_TIME, done[1]


def _progress(
    plan_id: int, year: int, today: date, rows: list[Any], states: tuple[Any, ...]
) -> PlanProgress:
    start, end = date(year, 1, 1), min(date(year, 12, 31), today)
    due_by = {r[0]: r[2] for r in rows}
    counted = [s for s in states if due_by[s[0]] is not None and start <= due_by[s[0]] <= end]
    count = {s: sum(1 for _, st, _ in states if st is s) for s in ProgressState}
    return PlanProgress(
        plan_id, states, count[ProgressState.ON_TIME], count[ProgressState.LATE],
        count[ProgressState.NOT_DONE],
        carried_over=sum(1 for r in rows if r[2] is not None and r[2] < start),
        rate_due=len(counted),
        rate_on_time=sum(1 for s in counted if s[1] is ProgressState.ON_TIME),
    )  # fmt: skip
