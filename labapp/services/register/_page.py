"""The instrument page: one item with its events (newest first), attachments, audit history and
the reasons its traceability is at risk (:mod:`labapp.services.register._risks`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import and_, or_, select

from labapp.domain.errors import NotFoundError
from labapp.persistence.models import (
    AttachmentRow,
    AuditLogRow,
    EventRow,
    InstrumentRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.attachments import attachment_info
from labapp.services.audit import audit_entry
from labapp.services.database import Database
from labapp.services.events import event_summary
from labapp.services.register._dto import InstrumentDetail
from labapp.services.register._instruments import detail_of
from labapp.services.register._risks import risks_of
from labapp.services.register._row import accuracy_text, range_text

__all__ = ["get_instrument_detail"]


def _history(session: Any, instrument_id: int, event_ids: list[int]) -> tuple[Any, ...]:
    mine = and_(AuditLogRow.entity == "instruments", AuditLogRow.entity_id == str(instrument_id))
    theirs = and_(
        AuditLogRow.entity == "events", AuditLogRow.entity_id.in_([str(i) for i in event_ids])
    )
    stmt = (
        select(AuditLogRow)
        .where(or_(mine, theirs) if event_ids else mine)
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .limit(1000)
    )
    return tuple(audit_entry(row) for row in session.scalars(stmt))


def get_instrument_detail(db: Database, instrument_id: int) -> InstrumentDetail:
    """The instrument with its events (newest first), attachments, audit history and risks.

    Raises
    ------
    NotFoundError
        No such instrument.
    """
    detail = _detail(db, instrument_id)
    return replace(detail, risks=risks_of(db, instrument_id, detail.events))


def _detail(db: Database, instrument_id: int) -> InstrumentDetail:
    with db.read() as session:
        row = session.get(InstrumentRow, instrument_id)
        if row is None:
            raise NotFoundError("instruments", instrument_id)
        events = list(
            session.scalars(
                select(EventRow)
                .where(EventRow.instrument_id == instrument_id)
                .order_by(
                    EventRow.performed_on.desc(), EventRow.revision.desc(), EventRow.id.desc()
                )
            )
        )
        files = session.scalars(
            select(AttachmentRow)
            .where(AttachmentRow.instrument_id == instrument_id)
            .order_by(AttachmentRow.id)
        )
        return replace(
            detail_of(row),
            custodian=row.custodian.name if row.custodian else None,
            location=row.location.name if row.location else None,
            provider=_name(session, ProviderRow, row.provider_id),
            procedure=_name(session, ProcedureRow, row.procedure_id, "code"),
            range_text=range_text(
                row.range_low_value, row.range_low_unit, row.range_high_value, row.range_high_unit
            ),
            accuracy_text=accuracy_text(
                row.accuracy_kind, row.accuracy_value, row.accuracy_unit, row.accuracy_class
            ),
            events=tuple(event_summary(e) for e in events),
            attachments=tuple(attachment_info(a) for a in files),
            history=_history(session, instrument_id, [e.id for e in events]),
        )


def _name(session: Any, row_class: Any, key: int | None, attr: str = "name") -> str | None:
    if key is None:
        return None
    row = session.get(row_class, key)
    return None if row is None else str(getattr(row, attr))
