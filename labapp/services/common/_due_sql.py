"""The due rules of :func:`labapp.domain.due.due_state` as SQL conditions: one definition.

The Overview counts, the dashboard's cards and drill-downs and the register's due filter all
ask "overdue?" and "due soon?" of ``instruments.due_on``; they take the condition from here, so a
count and the list behind it can never disagree.  As in the domain rule, an instrument is still
valid on its due date (overdue from the next day on) and "due soon" means due from today up to
``lead_days`` days ahead.  Instruments retired or scrapped are never counted (:data:`INACTIVE`).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_

from labapp.domain.due import DueState
from labapp.domain.enums import InstrumentStatus
from labapp.persistence.models import InstrumentRow

__all__ = ["INACTIVE", "active", "due_condition"]

#: Statuses that take an instrument out of every due count.
INACTIVE = (InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED)


def active() -> ColumnElement[bool]:
    """The instrument is neither retired nor scrapped."""
    return InstrumentRow.status.not_in(INACTIVE)


def due_condition(state: DueState, today: date, lead_days: int) -> ColumnElement[bool]:
    """``instruments.due_on`` in ``state`` as of ``today`` (the SQL form of ``due_state``).

    Parameters
    ----------
    state
        OVERDUE (due before today), DUE_SOON (today to today + ``lead_days``), OK (later) or
        NONE (no due date).
    today
        The day the state is for.
    lead_days
        How far ahead "due soon" looks.
    """
    due = InstrumentRow.due_on
    horizon = today + timedelta(days=lead_days)
    if state is DueState.OVERDUE:
        return due < today
    if state is DueState.DUE_SOON:
        return and_(due >= today, due <= horizon)
    if state is DueState.OK:
        return due > horizon
    return due.is_(None)
