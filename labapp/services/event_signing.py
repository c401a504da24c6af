"""Four eyes: checking and approving an event, and what an approval does to the instrument.

Rules in :mod:`labapp.services.events`: the checker and the approver are not the performer;
approval needs a checked event, sets the instrument's last calibration and due date when this is
its latest event, suspends it on FAIL, puts a suspended one back in service on a later pass, and
supersedes the event a correction replaces.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.due import may_fall_due
from labapp.domain.enums import AuditAction, EventKind, EventResult, EventStatus, InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.domain.rules import check_four_eyes
from labapp.persistence.models import EventRow
from labapp.persistence.types import utcnow
from labapp.services.database import Database
from labapp.services.dto import EventDetail
from labapp.services.event_read import commit_event, event_detail, instrument_row, load_row
from labapp.services.people import signer

__all__ = ["approve_event", "check_event"]

_SIGNABLE = {
    EventStatus.DRAFT: ("not_draft", "only a draft can be checked"),
    EventStatus.CHECKED: ("not_checked", "only a checked event can be approved"),
}


def _sign(
    uow: Any, user: str, event_id: int, expected_version: int, status: EventStatus, role: str
) -> tuple[EventRow, Any]:
    """Load the event for a signature: right version, right status, not signed by its performer."""
    person = signer(uow.session, user)
    row = load_row(uow.session, event_id)
    uow.check_version(row, expected_version)
    if row.status is not status:
        code, text = _SIGNABLE[status]
        raise ValidationError(
            "status", f"{text}, this is {row.status.value}",
            code=code, params={"status": row.status.value},
        )  # fmt: skip
    check_four_eyes(row.performer_id, person.id, role)
    return row, person


def check_event(db: Database, user: str, event_id: int, expected_version: int) -> EventDetail:
    """Sign a draft as checked (核验) by ``user``, who is not its performer.

    Raises
    ------
    ValidationError
        ``unknown_user``, ``four_eyes``, or ``not_draft`` when the event is not a draft.
    ConcurrentModificationError
        The event changed since ``expected_version``.
    """
    with db.unit_of_work(user) as uow:
        row, person = _sign(uow, user, event_id, expected_version, EventStatus.DRAFT, "checker")
        row.status = EventStatus.CHECKED
        row.checker_id = person.id
        row.checked_at = utcnow()
        uow.audit(row, AuditAction.CHECK)
        commit_event(uow)
        return event_detail(uow.session, row)


def approve_event(db: Database, user: str, event_id: int, expected_version: int) -> EventDetail:
    """Approve (批准) a checked event; update the instrument; supersede a corrected event.

    Raises
    ------
    ValidationError
        ``unknown_user``, ``four_eyes`` (the approver performed it), ``not_checked``.
    ConcurrentModificationError
        The event changed since ``expected_version``.
    """
    with db.unit_of_work(user) as uow:
        row, person = _sign(uow, user, event_id, expected_version, EventStatus.CHECKED, "approver")
        row.status = EventStatus.APPROVED
        row.approver_id = person.id
        row.approved_at = utcnow()
        uow.audit(row, AuditAction.APPROVE)
        replaced = _supersede(uow, row)
        _update_instrument(uow, row, replaced)
        commit_event(uow)
        return event_detail(uow.session, row)


def _supersede(uow: Any, row: EventRow) -> EventRow | None:
    if row.supersedes_id is None:
        return None
    old = load_row(uow.session, row.supersedes_id)
    old.status = EventStatus.SUPERSEDED
    uow.audit(old, AuditAction.CORRECT, f"superseded by event {row.id} (revision {row.revision})")
    return old


def _is_latest(session: Session, row: EventRow, replaced: EventRow | None) -> bool:
    stmt = select(EventRow.id).where(
        EventRow.instrument_id == row.instrument_id,
        EventRow.status == EventStatus.APPROVED,
        EventRow.kind != EventKind.INTERMEDIATE_CHECK,
        EventRow.performed_on > row.performed_on,
        EventRow.id != row.id,
    )
    if replaced is not None:
        stmt = stmt.where(EventRow.id != replaced.id)
    return session.scalars(stmt.limit(1)).first() is None


def _update_instrument(uow: Any, row: EventRow, replaced: EventRow | None) -> None:
    if row.kind is EventKind.INTERMEDIATE_CHECK or not _is_latest(uow.session, row, replaced):
        return
    instrument = instrument_row(uow.session, row.instrument_id)
    instrument.last_calibrated_on = row.performed_on
    if row.result is EventResult.FAIL and instrument.status is InstrumentStatus.IN_SERVICE:
        instrument.status = InstrumentStatus.SUSPENDED
    elif row.result is not EventResult.FAIL and instrument.status is InstrumentStatus.SUSPENDED:
        instrument.status = InstrumentStatus.IN_SERVICE
    # This event is the latest: its result and the new status decide (never a due date on FAIL).
    allowed = may_fall_due(instrument.status, latest_failed=row.result is EventResult.FAIL)
    instrument.due_on = row.valid_until if allowed else None
    uow.audit(instrument, AuditAction.UPDATE, f"approval of event {row.id}")


# --- corrections ---------------------------------------------------------------------------------
