"""Correcting an approved event: a draft revision + 1 that supersedes it once approved.

Rules in :mod:`labapp.services.events`: points and standards are copied, the certificate number
is left empty (a replacement certificate gets its own number, ISO/IEC 17025 7.8.8.3); the old
revision stays in the history.

Opening a correction also writes the original (its version goes up), as approving one does (it
becomes superseded): two users correcting the same event at the same moment then conflict on the
original's row, and the database's ``uq_events_open_correction`` index stops a second open
correction whatever the timing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from labapp.domain.enums import AuditAction, EventStatus
from labapp.domain.errors import ValidationError
from labapp.persistence.models import EventRow, EventStandardRow, MeasurementPointRow
from labapp.persistence.types import utcnow
from labapp.services.database import Database
from labapp.services.events._dto import EventDetail
from labapp.services.events._read import commit_event, event_detail, load_row
from labapp.services.master_data import signer

__all__ = ["correct_event"]

_COPIED = (
    "instrument_id", "kind", "performed_on", "performer_id", "provider_id", "procedure_id",
    "temperature_value", "temperature_unit", "humidity_value", "humidity_unit", "as_found",
    "as_left", "result", "adjusted", "valid_until", "interval_months", "interval_reason",
    "remarks", "cost", "decision_rule", "guard_band_factor",
)  # fmt: skip
_POINT_FIELDS = tuple(
    c.key
    for c in MeasurementPointRow.__table__.columns
    if c.key not in {"id", "event_id", "version", "created_at", "created_by", "updated_at",
                     "updated_by"}
)  # fmt: skip


def correct_event(db: Database, user: str, event_id: int, reason: str) -> EventDetail:
    """Open a correction of an approved event: a DRAFT revision + 1 with the same data.

    Raises
    ------
    ValidationError
        No reason (``required``), the event is not approved (``not_approved``), a correction is
        already open (``correction_open``), ``unknown_user``.
    """
    if not reason or not reason.strip():
        raise ValidationError("reason", "a correction needs a reason", code="required")
    with db.unit_of_work(user, reason.strip()) as uow:
        session = uow.session
        signer(session, user)
        old = load_row(session, event_id)
        if old.status is not EventStatus.APPROVED:
            raise ValidationError(
                "status", "only an approved event is corrected", code="not_approved",
                params={"status": old.status.value},
            )  # fmt: skip
        open_ = session.scalars(
            select(EventRow.id).where(EventRow.supersedes_id == old.id).limit(1)
        ).first()
        if open_ is not None:
            raise ValidationError(
                "event", f"event {open_} already corrects it", code="correction_open",
                params={"event_id": open_},
            )  # fmt: skip
        new = EventRow(**{name: getattr(old, name) for name in _COPIED})
        new.status = EventStatus.DRAFT
        new.revision = old.revision + 1
        new.supersedes_id = old.id
        new.correction_reason = reason.strip()
        new.points = [
            MeasurementPointRow(**{n: getattr(p, n) for n in _POINT_FIELDS}) for p in old.points
        ]
        new.standards = [
            EventStandardRow(
                instrument_id=s.instrument_id,
                certificate_event_id=s.certificate_event_id,
                override_reason=s.override_reason,
            )
            for s in old.standards
        ]
        session.add(new)
        uow.audit(new, AuditAction.CORRECT, reason.strip())
        _touch(uow, old, f"correction opened as revision {new.revision}")
        commit_event(uow)
        return event_detail(session, new)


def _touch(uow: Any, row: EventRow, why: str) -> None:
    """Write ``row`` (a new version, stamped by this user) so a racing writer of it conflicts."""
    row.updated_at = utcnow()
    row.updated_by = uow.user
    uow.audit(row, AuditAction.CORRECT, why)
