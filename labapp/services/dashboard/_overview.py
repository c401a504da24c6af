"""The lab at a glance: counts for the Overview page, each computed in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Select, func, select

from labapp.domain.due import DueState
from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus, Role
from labapp.persistence.models import EventRow, InstrumentRow
from labapp.services.common import INACTIVE, active, due_condition
from labapp.services.dashboard._dto import LabOverview
from labapp.services.database import Database

__all__ = ["INACTIVE", "STATES", "lab_overview", "latest_result", "state_conditions"]

#: The instrument states counted on the Overview and the dashboard (each with a drill-down).
STATES = ("overdue", "due_soon", "failed", "out_of_service")


def latest_result() -> Select[EventResult]:
    """The result of an instrument's latest approved calibration or verification (correlated).

    Drafts are not results yet and an intermediate check is not a calibration, so neither makes
    an instrument "failed" (the register's last result follows the same rule).
    """
    return (
        select(EventRow.result)
        .where(
            EventRow.instrument_id == InstrumentRow.id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind != EventKind.INTERMEDIATE_CHECK,
        )
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
    )


def state_conditions(today: date, lead_days: int) -> dict[str, ColumnElement[bool]]:
    """Each of :data:`STATES` as a condition on ``instruments``: the one definition of each.

    Overdue and due soon are :func:`~labapp.services.common.due_condition`; failed is
    :func:`latest_result` FAIL; out of service includes suspended.  Combine with ``active()``.
    """
    return {
        "overdue": due_condition(DueState.OVERDUE, today, lead_days),
        "due_soon": due_condition(DueState.DUE_SOON, today, lead_days),
        "failed": latest_result().scalar_subquery() == EventResult.FAIL,
        "out_of_service": InstrumentRow.status.in_(
            (InstrumentStatus.OUT_OF_SERVICE, InstrumentStatus.SUSPENDED)
        ),
    }


def lab_overview(db: Database, today: date, lead_days: int = 30) -> LabOverview:
    """Count instruments (not retired or scrapped), standards, overdue, due soon, failed, events.

    Parameters
    ----------
    db
        The open database.
    today
        The day the counts are for (passed in, so tests and reports are reproducible).
    lead_days
        "Due soon" means due within this many days and not yet overdue.
    """
    state = state_conditions(today, lead_days)
    instruments = select(
        func.count(),
        func.count().filter(InstrumentRow.role == Role.STANDARD),
        func.count().filter(InstrumentRow.role == Role.WORKING),
        *(func.count().filter(state[key]) for key in STATES),
    ).where(active())
    events = select(func.count(), func.max(EventRow.performed_on)).where(
        EventRow.status != EventStatus.SUPERSEDED
    )
    with db.read() as session:
        counts = session.execute(instruments).one()
        event_count, last_event_on = session.execute(events).one()
    total, standards, working, overdue, due_30, failed, out_of_service = counts
    return LabOverview(
        today=today,
        instruments=total,
        standards=standards,
        working=working,
        overdue=overdue,
        due_30=due_30,
        failed=failed,
        out_of_service=out_of_service,
        events=event_count,
        last_event_on=last_event_on,
        lead_days=lead_days,
    )
