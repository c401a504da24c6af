"""Due dates: when the next verification or calibration falls due, and how urgent it is.

An instrument that may not be used has no due date: one whose latest result failed, or that is
suspended, retired or scrapped (:func:`instrument_due_on`), whatever its interval says; a due date
would put it back in the plan as if it were fit for use.

Month arithmetic uses :class:`dateutil.relativedelta.relativedelta` (31 January + 1 month is
28/29 February), never ``timedelta(days=30 * n)``.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from labapp.domain.enums import InstrumentStatus

__all__ = [
    "NO_DUE_STATUSES",
    "DueState",
    "due_on",
    "due_state",
    "instrument_due_on",
    "may_fall_due",
]

#: Statuses under which an instrument has no due date (it is not to be used until reinstated).
NO_DUE_STATUSES = frozenset(
    {InstrumentStatus.SUSPENDED, InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED}
)


class DueState(StrEnum):
    """How an instrument stands against its due date."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"
    NONE = "none"


def due_on(performed_on: date | None, interval_months: int | None) -> date | None:
    """Return the due date ``interval_months`` calendar months after ``performed_on``.

    Parameters
    ----------
    performed_on
        Date of the last verification/calibration; ``None`` when never done.
    interval_months
        The interval (检定周期 / 校准间隔); ``None`` or 0 when the item has no interval.

    Returns
    -------
    date or None
        ``None`` when either input is missing or the interval is not positive.
    """
    if performed_on is None or not interval_months or interval_months <= 0:
        return None
    due: date = performed_on + relativedelta(months=interval_months)
    return due


def may_fall_due(status: InstrumentStatus, *, latest_failed: bool) -> bool:
    """False for an instrument that may not be used: latest result FAIL, or a no-due status."""
    return not latest_failed and status not in NO_DUE_STATUSES


def instrument_due_on(
    performed_on: date | None,
    interval_months: int | None,
    *,
    status: InstrumentStatus,
    latest_failed: bool,
) -> date | None:
    """The due date of an instrument: none while it may not be used, else :func:`due_on`.

    Parameters
    ----------
    performed_on, interval_months
        As for :func:`due_on`.
    status
        The instrument's status; one of :data:`NO_DUE_STATUSES` gives no due date.
    latest_failed
        True when the latest approved verification/calibration result is FAIL.

    Returns
    -------
    date or None
        ``None`` for a failed, suspended, retired or scrapped instrument, else :func:`due_on`.
    """
    if not may_fall_due(status, latest_failed=latest_failed):
        return None
    return due_on(performed_on, interval_months)


def due_state(due: date | None, today: date, lead_days: int = 30) -> DueState:
    """Classify a due date: overdue after the due day, due soon within ``lead_days``.

    An instrument is still valid on its due date itself; it is overdue from the next day on.
    """
    if due is None:
        return DueState.NONE
    if due < today:
        return DueState.OVERDUE
    if due <= today + timedelta(days=lead_days):
        return DueState.DUE_SOON
    return DueState.OK
