"""Why a standard's traceability is at risk: the reasons its detail pane shows in a banner.

Three facts put a standard's results at risk until someone deals with them: an open corrective
action naming it (after an unsatisfactory PT or comparison score, :func:`standard_risk`), an open
impact investigation of it, and a failed intermediate check (which suspended it) that no
calibration or verification has followed yet.  Each is one small query, whatever the history's
length.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.enums import Decision, EventKind, EventStatus
from labapp.domain.impact import InvestigationStatus
from labapp.persistence.models import IntermediateCheckRow
from labapp.persistence.models_impact import ImpactInvestigationRow
from labapp.services.corrective_actions import standard_risk
from labapp.services.database import Database
from labapp.services.events import EventSummary
from labapp.services.register._dto import RiskReason

__all__ = ["risks_of"]

_RECALIBRATIONS = (EventKind.CALIBRATION, EventKind.VERIFICATION)


def risks_of(
    db: Database, instrument_id: int, events: Iterable[EventSummary]
) -> tuple[RiskReason, ...]:
    """The reasons ``instrument_id``'s traceability is at risk (empty: none), oldest first per kind.

    Parameters
    ----------
    db
        The lab's database.
    instrument_id
        The standard.
    events
        Its events (any order), to tell whether a calibration followed a failed check.
    """
    actions = tuple(
        RiskReason("action", a.id, a.opened_on, a.description, a.comparison_title)
        for a in standard_risk(db, instrument_id).open_actions
    )
    with db.read() as session:
        found = _investigations(session, instrument_id)
        check = _failed_check(session, instrument_id, events)
    return actions + found + check


def _investigations(session: Session, instrument_id: int) -> tuple[RiskReason, ...]:
    inv = ImpactInvestigationRow
    stmt = (
        select(inv.id, inv.opened_at)
        .where(inv.standard_id == instrument_id, inv.status == InvestigationStatus.OPEN)
        .order_by(inv.opened_at, inv.id)
    )
    return tuple(
        RiskReason("investigation", i, at.astimezone().date()) for i, at in session.execute(stmt)
    )


def _failed_check(
    session: Session, instrument_id: int, events: Iterable[EventSummary]
) -> tuple[RiskReason, ...]:
    c = IntermediateCheckRow
    latest = session.execute(
        select(c.id, c.performed_on, c.verdict)
        .where(c.instrument_id == instrument_id)
        .order_by(c.performed_on.desc(), c.id.desc())
        .limit(1)
    ).first()
    if latest is None or Decision(latest.verdict) is not Decision.FAIL:
        return ()
    if _recalibrated_since(events, latest.performed_on):
        return ()
    return (RiskReason("check", latest.id, latest.performed_on),)


def _recalibrated_since(events: Iterable[EventSummary], day: date) -> bool:
    return any(
        e.kind in _RECALIBRATIONS and e.status != EventStatus.SUPERSEDED and e.performed_on >= day
        for e in events
    )
