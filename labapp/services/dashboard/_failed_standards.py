"""Standards found out of tolerance that nobody is investigating: the dashboard's warning card.

A measurement standard (not retired or scrapped) is listed when

- its latest approved verification or calibration found it out of tolerance (result FAIL, or
  as-found FAIL even if it was adjusted and passes as left), or
- its latest intermediate check failed and no approved verification or calibration has been
  performed since that check,

and no impact investigation deals with it: none is open for the standard, and none was opened
for that failing event or check (a closed one for the same failure has dealt with it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import aliased

from labapp.domain.enums import Decision, EventResult, EventStatus, Role
from labapp.domain.impact import InvestigationStatus
from labapp.persistence.models import EventRow, InstrumentRow, IntermediateCheckRow
from labapp.persistence.models_impact import ImpactInvestigationRow
from labapp.services.common import active
from labapp.services.planning import CALIBRATIONS

__all__ = ["failed_standard_condition"]


def _latest_event_id() -> Any:
    ev = aliased(EventRow)
    return (
        select(ev.id)
        .where(
            ev.instrument_id == InstrumentRow.id,
            ev.status == EventStatus.APPROVED,
            ev.kind.in_(CALIBRATIONS),
        )
        .order_by(ev.performed_on.desc(), ev.id.desc())
        .limit(1)
        .correlate(InstrumentRow)
        .scalar_subquery()
    )


def _latest_check_id() -> Any:
    c = aliased(IntermediateCheckRow)
    return (
        select(c.id)
        .where(c.instrument_id == InstrumentRow.id)
        .order_by(c.performed_on.desc(), c.id.desc())
        .limit(1)
        .correlate(InstrumentRow)
        .scalar_subquery()
    )


def failed_standard_condition() -> ColumnElement[bool]:
    """The condition on ``instruments`` (see the module docstring): one definition."""
    event_id, check_id = _latest_event_id(), _latest_check_id()
    ev, c, later = aliased(EventRow), aliased(IntermediateCheckRow), aliased(EventRow)
    failed_event = exists().where(
        ev.id == event_id, or_(ev.result == EventResult.FAIL, ev.as_found == EventResult.FAIL)
    )
    recalibrated = (
        exists()
        .where(
            later.instrument_id == InstrumentRow.id,
            later.status == EventStatus.APPROVED,
            later.kind.in_(CALIBRATIONS),
            later.performed_on >= c.performed_on,
        )
        .correlate(InstrumentRow, c)
    )
    failed_check = exists().where(c.id == check_id, c.verdict == Decision.FAIL, ~recalibrated)
    inv = ImpactInvestigationRow
    investigated = exists().where(
        inv.standard_id == InstrumentRow.id,
        or_(
            inv.status == InvestigationStatus.OPEN,
            inv.trigger_event_id == event_id,
            inv.trigger_check_id == check_id,
        ),
    )
    return and_(
        InstrumentRow.role == Role.STANDARD, active(), or_(failed_event, failed_check),
        ~investigated,
    )  # fmt: skip
