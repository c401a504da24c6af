"""Due dates: when the next verification or calibration falls due, and how urgent it is.

Month arithmetic uses :class:`dateutil.relativedelta.relativedelta` (31 January + 1 month is
28/29 February), never ``timedelta(days=30 * n)``.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

__all__ = ["DueState", "due_on", "due_state"]


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
