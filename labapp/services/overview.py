"""The lab at a glance: counts for the Overview page, each computed in SQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus, Role
from labapp.persistence.models import EventRow, InstrumentRow
from labapp.services.database import Database
from labapp.services.dto import LabOverview

__all__ = ["INACTIVE", "lab_overview"]

#: Statuses that take an instrument out of the register's counts.
INACTIVE = (InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED)


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
    active = InstrumentRow.status.not_in(INACTIVE)
    horizon = today + timedelta(days=lead_days)

    def count_if(condition: ColumnElement[bool]) -> Any:
        return func.count().filter(condition)

    instruments = select(
        func.count(),
        count_if(InstrumentRow.role == Role.STANDARD),
        count_if(InstrumentRow.role == Role.WORKING),
        count_if(InstrumentRow.due_on < today),
        count_if(and_(InstrumentRow.due_on >= today, InstrumentRow.due_on <= horizon)),
        count_if(latest_result().scalar_subquery() == EventResult.FAIL),
        count_if(
            InstrumentRow.status.in_((InstrumentStatus.OUT_OF_SERVICE, InstrumentStatus.SUSPENDED))
        ),
    ).where(active)
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
