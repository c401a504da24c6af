"""The one rule every service uses to set ``instruments.due_on``.

A failed, suspended, retired or scrapped instrument never gets a due date
(:func:`labapp.domain.due.instrument_due_on`); the latest approved verification or calibration
(intermediate checks excluded, as for approval) decides "failed".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.due import may_fall_due
from labapp.domain.enums import EventKind, EventResult, EventStatus
from labapp.persistence.models import EventRow, InstrumentRow

__all__ = ["due_for", "latest_result_failed"]


def latest_result_failed(session: Session, instrument_id: int | None) -> bool:
    """True when the instrument's latest approved verification/calibration result is FAIL.

    Parameters
    ----------
    session
        An open session (the caller's unit of work).
    instrument_id
        The instrument; ``None`` (not saved yet) has no result.
    """
    if instrument_id is None:
        return False
    stmt = (
        select(EventRow.result)
        .where(
            EventRow.instrument_id == instrument_id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind != EventKind.INTERMEDIATE_CHECK,
        )
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
    )
    with session.no_autoflush:  # a read: the caller's pending changes flush at its commit
        return session.scalars(stmt).first() is EventResult.FAIL


def due_for(session: Session, row: InstrumentRow, computed: date | None) -> date | None:
    """``computed`` (the due date the caller worked out), or ``None`` if ``row`` may not fall due.

    Parameters
    ----------
    session
        The caller's session.
    row
        The instrument, with its new status already set.
    computed
        The due date from the interval, or from the approved event's validity.
    """
    if not may_fall_due(row.status, latest_failed=latest_result_failed(session, row.id)):
        return None
    return computed
