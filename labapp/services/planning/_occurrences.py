"""Due occurrences: the one definition the annual plan, its progress and 受检率 all count.

A *due occurrence* is an (instrument, due date) pair.  It is

- **recorded**: the valid-until date of an approved verification or calibration;
- **current**: the instrument's own due date when no approved verification or calibration of it
  records that date (an imported register, a last event that failed and gave no valid-until);
- **projected** (only for a plan): each further due date of the cycle, one interval after the
  previous one, counted from the instrument's due date, or, when the instrument is overdue or
  carried over into the plan's year, from the day its re-verification is planned (the later of
  ``today`` and 1 January of the plan's year).  A projection is always after ``today``.

Only instruments that are due at all count (:data:`DUE_STATUSES`: in service or suspended):
sealed (封存) and out-of-service (停用) instruments are re-verified when they come back into
service, not periodically, and retired or scrapped ones never.  ``include_idle`` lets a plan ask
for sealed and out-of-service items as well.

An occurrence is **done** by the first approved verification or calibration of its instrument
performed after the event that recorded it (a current one: after the instrument's last
calibration date).  It is **on time** when done on or before its due date.  受检率 of a period
counts the occurrences due in the period up to ``today``; a plan's progress looks its items up in
the same list, so the two reconcile.  A plan item no longer in the list (a projection, whose real
date came out otherwise) is done by the first event performed from :data:`EARLY_DAYS` before its
due date on (:func:`labapp.services.planning.plan_progress`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import aliased

from labapp.domain.enums import EventKind, EventStatus, InstrumentStatus
from labapp.persistence.models import EventRow, InstrumentRow, PlanItemRow

__all__ = [
    "CALIBRATIONS",
    "DUE_STATUSES",
    "EARLY_DAYS",
    "IDLE_STATUSES",
    "Occurrence",
    "OccurrenceTuple",
    "by_due_and_tag",
    "due_status",
    "occurrence_tuples",
    "occurrences",
    "projected_dates",
]

CALIBRATIONS = (EventKind.VERIFICATION, EventKind.CALIBRATION)
#: Statuses whose instruments fall due periodically.
DUE_STATUSES = (InstrumentStatus.IN_SERVICE, InstrumentStatus.SUSPENDED)
#: Statuses a plan may include on request (re-verified before they return to service).
IDLE_STATUSES = (InstrumentStatus.SEALED, InstrumentStatus.OUT_OF_SERVICE)
#: An occurrence not recorded by an event counts as done by an event at most this long before it.
EARLY_DAYS = 90


@dataclass(frozen=True)
class Occurrence:
    """One due occurrence and what followed it (``done_on`` None: not done yet)."""

    instrument_id: int
    asset_tag: str
    name: str
    due_on: date
    done_on: date | None
    done_event_id: int | None
    recorded: bool  # from an approved event's valid-until (else the instrument's own due date)

    @property
    def on_time(self) -> bool:
        """Done on or before the due date."""
        return self.done_on is not None and self.done_on <= self.due_on


def due_status(include_idle: bool = False) -> ColumnElement[bool]:
    """The instrument falls due (:data:`DUE_STATUSES`, plus the idle ones when asked)."""
    statuses = DUE_STATUSES + (IDLE_STATUSES if include_idle else ())
    return InstrumentRow.status.in_(statuses)


def _next(column: str) -> Any:
    """``column`` of the first approved calibration after the event that recorded (correlated)."""
    nxt = aliased(EventRow)
    return (
        select(getattr(nxt, column))
        .where(
            nxt.instrument_id == EventRow.instrument_id,
            nxt.status == EventStatus.APPROVED,
            nxt.kind.in_(CALIBRATIONS),
            nxt.performed_on > EventRow.performed_on,
        )
        .order_by(nxt.performed_on, nxt.id)
        .limit(1)
        .scalar_subquery()
    )


def _after_last(column: str) -> Any:
    """``column`` of the first approved calibration after the instrument's last one (correlated)."""
    nxt = aliased(EventRow)
    last = InstrumentRow.last_calibrated_on
    return (
        select(getattr(nxt, column))
        .where(
            nxt.instrument_id == InstrumentRow.id,
            nxt.status == EventStatus.APPROVED,
            nxt.kind.in_(CALIBRATIONS),
            or_(last.is_(None), nxt.performed_on > last),
        )
        .order_by(nxt.performed_on, nxt.id)
        .limit(1)
        .scalar_subquery()
    )


def _recorded(first: date, last: date, include_idle: bool, plan_id: int | None = None) -> Any:
    stmt = (
        select(
            InstrumentRow.id, InstrumentRow.asset_tag, InstrumentRow.name, EventRow.valid_until,
            _next("performed_on"), _next("id"),
        )
        .join(InstrumentRow, InstrumentRow.id == EventRow.instrument_id)
        .where(
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind.in_(CALIBRATIONS),
            EventRow.valid_until >= first,
            EventRow.valid_until <= last,
            due_status(include_idle),
        )
        .order_by(EventRow.valid_until, InstrumentRow.asset_tag, EventRow.id)
    )  # fmt: skip
    if plan_id is not None:  # only the (instrument, due date) pairs the plan lists
        stmt = stmt.join(PlanItemRow, and_(
            PlanItemRow.plan_id == plan_id, PlanItemRow.instrument_id == EventRow.instrument_id,
            PlanItemRow.due_on == EventRow.valid_until,
        ))  # fmt: skip
    return stmt


def _current(first: date, last: date, include_idle: bool, plan_id: int | None = None) -> Any:
    rec = aliased(EventRow)
    recorded = exists().where(
        rec.instrument_id == InstrumentRow.id,
        rec.status == EventStatus.APPROVED,
        rec.kind.in_(CALIBRATIONS),
        rec.valid_until == InstrumentRow.due_on,
    )
    stmt = (
        select(
            InstrumentRow.id, InstrumentRow.asset_tag, InstrumentRow.name, InstrumentRow.due_on,
            _after_last("performed_on"), _after_last("id"),
        )
        .where(
            InstrumentRow.due_on >= first,
            InstrumentRow.due_on <= last,
            due_status(include_idle),
            ~recorded,
        )
    )  # fmt: skip
    if plan_id is not None:
        stmt = stmt.join(PlanItemRow, and_(
            PlanItemRow.plan_id == plan_id, PlanItemRow.instrument_id == InstrumentRow.id,
            PlanItemRow.due_on == InstrumentRow.due_on,
        ))  # fmt: skip
    return stmt


#: an occurrence as a plain tuple: (instrument id, asset tag, name, due on, done on, done event
#: id, recorded) -- the fields of :class:`Occurrence`, in its order
OccurrenceTuple = tuple[int, str, str, date, date | None, int | None, bool]


def occurrence_tuples(
    conn: Any, first: date, last: date, *, include_idle: bool = False, plan_id: int | None = None
) -> dict[tuple[int, date], OccurrenceTuple]:
    """The recorded and current occurrences due in ``[first, last]``, unsorted, as plain tuples
    keyed by (instrument id, due date): :func:`occurrences` without building an object each.

    A year of a 100 000-item lab has about 105 000 occurrences.  Counting them (受检率) or paging
    through them needs no :class:`Occurrence` per item; the rows are read one at a time and each
    becomes a tuple of plain values, which the garbage collector stops tracking at its first
    pass.  Objects that stay tracked (result rows, dataclasses) made each year's figures set off
    full collections of 0.2-0.8 s on the worker, holding the GIL and so freezing the window.

    ``plan_id`` keeps only the (instrument, due date) pairs that plan lists: a plan's progress
    looks its items up among the occurrences from its earliest carried-over due date on, and
    working out ten years of occurrences to look up one year's items took 26 s at 100 000 items.
    An occurrence kept is the same as without the filter (the filter is on its own key).
    """
    found: dict[tuple[int, date], OccurrenceTuple] = {}
    for stmt, recorded in ((_recorded(first, last, include_idle, plan_id), True),
                           (_current(first, last, include_idle, plan_id), False)):  # fmt: skip
        for iid, tag, name, due, done_on, done_id in conn.execute(stmt):
            key = (iid, due)
            if key not in found:
                found[key] = (iid, tag, name, due, done_on, done_id, recorded)
    return found


def occurrences(
    conn: Any, first: date, last: date, *, include_idle: bool = False
) -> list[Occurrence]:
    """The recorded and current occurrences due in ``[first, last]`` (by due date, asset tag).

    Parameters
    ----------
    conn
        A SQLAlchemy connection or session.
    first, last
        The due dates counted (inclusive).
    include_idle
        Count sealed and out-of-service instruments too (never retired or scrapped).
    """
    found = occurrence_tuples(conn, first, last, include_idle=include_idle)
    return [Occurrence(*t) for t in sorted(found.values(), key=by_due_and_tag)]


def by_due_and_tag(occurrence: OccurrenceTuple) -> tuple[date, str]:
    """The order occurrences are listed in: due date, then asset tag."""
    return occurrence[3], occurrence[1]


def projected_dates(
    due_on: date, interval_months: int | None, year: int, today: date
) -> list[date]:
    """The projected due dates in ``year`` after an instrument's due date ``due_on``.

    The cycle runs from the day the next re-verification is planned: ``due_on`` itself, or,
    when that is before ``today`` (overdue) or before the year (carried over, planned in its
    first month), the later of ``today`` and 1 January of ``year``.  Each further date is one
    interval after the previous one, as the next event's valid-until would be.  Only dates
    after ``today`` and inside ``year`` are returned.
    """
    if not interval_months or interval_months <= 0:
        return []
    when = max(due_on, today, date(year, 1, 1))
    dates: list[date] = []
    while (when := when + relativedelta(months=interval_months)) <= date(year, 12, 31):
        if when > today:
            dates.append(when)
    return dates
