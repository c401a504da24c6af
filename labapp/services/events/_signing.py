"""Electronic signatures: checking (核验) and approving (批准) an event, and what approval does.

A signature is the signer re-entering the password: it opens the signer's key and signs the
event's canonical form (:mod:`labapp.services.accounts._seals`), stored as a ``signatures`` row.
Rules (also in :mod:`labapp.services.events`):

* the checker holds the checker role, the approver the approver role (``PermissionDeniedError``
  ``role``);
* performer, checker and approver are three different people (``four_eyes``: the performer signs;
  ``checker_approver``: the checker approves, unless the lab's settings allow it);
* for a verification (检定) the signer holds a licence covering the item's quantity, valid from the
  day the verification was performed to the day of signing (``PermissionDeniedError``
  ``qualification``);
* approval needs a checked event; it numbers an in-house certificate from the lab's pattern
  (:mod:`labapp.services.events._numbering`), sets the instrument's last calibration and due date
  when this is its latest event, suspends it on FAIL, puts a suspended one back in service on a
  later pass, and supersedes the event a correction replaces.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.due import may_fall_due
from labapp.domain.enums import (
    AuditAction,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    PersonRole,
)
from labapp.domain.errors import PermissionDeniedError, ValidationError
from labapp.domain.rules import check_four_eyes, qualification_covers
from labapp.persistence.models import EventRow, LaboratoryRow, QualificationRow
from labapp.persistence.types import utcnow
from labapp.services.accounts import Actor, require_role, sign_event, unlock
from labapp.services.database import Database
from labapp.services.events._dto import EventDetail
from labapp.services.events._numbering import number_certificate
from labapp.services.events._read import commit_event, event_detail, instrument_row, load_row

__all__ = ["approve_event", "check_event"]

_SIGNABLE = {
    EventStatus.DRAFT: ("not_draft", "only a draft can be checked"),
    EventStatus.CHECKED: ("not_checked", "only a checked event can be approved"),
}


def _sign(
    uow: Any, actor: Actor, event_id: int, expected_version: int, status: EventStatus, role: str
) -> EventRow:
    """Load the event for a signature: right version and status, a signer who may sign it."""
    row = load_row(uow.session, event_id)
    uow.check_version(row, expected_version)
    if row.status is not status:
        code, text = _SIGNABLE[status]
        raise ValidationError(
            "status", f"{text}, this is {row.status.value}",
            code=code, params={"status": row.status.value},
        )  # fmt: skip
    check_four_eyes(row.performer_id, actor.person_id, role)
    require_role(actor, PersonRole.CHECKER if role == "checker" else PersonRole.APPROVER)
    if role == "approver" and row.checker_id == actor.person_id and not _may_both(uow.session):
        raise ValidationError(
            "approver",
            "the person who checked the event cannot also approve it",
            code="checker_approver",
        )
    if row.kind is EventKind.VERIFICATION:
        _check_licence(uow.session, actor, row)
    return row


def _may_both(session: Session) -> bool:
    stmt = select(LaboratoryRow.checker_may_approve).order_by(LaboratoryRow.id).limit(1)
    return bool(session.scalar(stmt))


def _check_licence(session: Session, actor: Actor, row: EventRow) -> None:
    instrument = instrument_row(session, row.instrument_id)
    today = date.today()
    stmt = select(QualificationRow).where(QualificationRow.person_id == actor.person_id)
    for licence in session.scalars(stmt):
        issued_ok = licence.issued_on is None or licence.issued_on <= row.performed_on
        valid_ok = licence.valid_until is None or licence.valid_until >= max(
            today, row.performed_on
        )
        covers = qualification_covers(
            licence.quantity, licence.scope, instrument.quantity, instrument.category
        )
        if issued_ok and valid_ok and covers:
            return
    raise PermissionDeniedError(
        "qualification",
        {"login": actor.login, "quantity": instrument.quantity or "-", "on": today.isoformat()},
    )


def check_event(
    db: Database, user: str, event_id: int, expected_version: int, password: str
) -> EventDetail:
    """Sign a draft as checked (核验) by ``user``, who re-enters the password.

    Raises
    ------
    AuthenticationError
        Wrong password, locked or disabled account.
    PermissionDeniedError
        ``role`` (not a checker), ``qualification`` (verification without a valid licence).
    ValidationError
        ``four_eyes`` (the checker performed it), ``not_draft``.
    ConcurrentModificationError
        The event changed since ``expected_version``.
    """
    actor = unlock(db, user, password)
    with db.unit_of_work(user, signer=actor) as uow:
        row = _sign(uow, actor, event_id, expected_version, EventStatus.DRAFT, "checker")
        row.status = EventStatus.CHECKED
        row.checker_id = actor.person_id
        row.checked_at = utcnow()
        uow.audit(row, AuditAction.CHECK)
        sign_event(uow.session, actor, row, "check")
        commit_event(uow)
        return event_detail(uow.session, row)


def approve_event(
    db: Database, user: str, event_id: int, expected_version: int, password: str
) -> EventDetail:
    """Approve (批准) a checked event with ``user``'s password; update the instrument.

    Raises
    ------
    AuthenticationError, PermissionDeniedError
        As for :func:`check_event` (``role``: not an approver).
    ValidationError
        ``four_eyes`` (the approver performed it), ``checker_approver``, ``not_checked``.
    ConcurrentModificationError
        The event changed since ``expected_version``.
    """
    actor = unlock(db, user, password)
    with db.unit_of_work(user, signer=actor) as uow:
        row = _sign(uow, actor, event_id, expected_version, EventStatus.CHECKED, "approver")
        number_certificate(uow.session, row, date.today())  # before signing: the seal covers it
        sign_event(uow.session, actor, row, "approve")
        row.status = EventStatus.APPROVED
        row.approver_id = actor.person_id
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
