"""Reading events: the full event DTO, the standards valid on a date, warnings.

The read side of :mod:`labapp.services.events` (whose docstring states the rules); the row
helpers here are shared by the write modules (drafts, signatures, corrections).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from labapp.domain.enums import EventKind, EventStatus, InstrumentStatus, Role
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.rules import standard_invalid_reason
from labapp.persistence.models import (
    AttachmentRow,
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
    PersonRow,
)
from labapp.persistence.models_accounts import SignatureRow
from labapp.services.attachments import attachment_info
from labapp.services.database import Database
from labapp.services.events._dto import (
    EventDetail,
    PointDetail,
    SignatureInfo,
    StandardOption,
    StandardUseDetail,
)
from labapp.services.events._list import event_summary

__all__ = [
    "ENTITY",
    "INACTIVE",
    "commit_event",
    "event_detail",
    "event_warnings",
    "get_event",
    "instrument_row",
    "load_row",
    "standard_validity",
    "valid_standards",
    "warnings_for",
]

ENTITY = "events"
#: instruments that no longer take events nor appear among standards
INACTIVE = (InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED)


def load_row(session: Session, event_id: int) -> EventRow:
    """The event row; :class:`NotFoundError` if there is none."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(ENTITY, event_id)
    return row


def instrument_row(
    session: Session, instrument_id: int, field: str = "instrument_id"
) -> InstrumentRow:
    """The instrument row; a ``not_found`` :class:`ValidationError` on ``field`` if none."""
    row = session.get(InstrumentRow, instrument_id)
    if row is None:
        raise ValidationError(field, f"no instrument {instrument_id}", code="not_found")
    return row


def get_event(db: Database, event_id: int) -> EventDetail:
    """Everything about an event: points, standards with validity, attachments, revisions."""
    with db.read() as session:
        return event_detail(session, load_row(session, event_id))


def valid_standards(
    db: Database,
    on_date: date,
    *,
    quantity: str | None = None,
    exclude_instrument_id: int | None = None,
) -> list[StandardOption]:
    """The standards a "standards used" list offers for ``on_date``, valid ones first.

    Invalid ones carry ``reason``: ``not_in_service``, ``never_calibrated``, ``failed`` or
    ``overdue``.  Retired and scrapped standards are not listed.
    """
    latest = aliased(EventRow)
    stand = InstrumentRow
    stmt = (
        select(
            stand.id, stand.asset_tag, stand.name, stand.quantity, stand.status,
            latest.result, latest.valid_until,
        )
        .outerjoin(latest, latest.id == _latest_approved(stand.id, on_date).scalar_subquery())
        .where(stand.role == Role.STANDARD, stand.status.not_in(INACTIVE))
    )  # fmt: skip
    if quantity:
        stmt = stmt.where(stand.quantity == quantity)
    if exclude_instrument_id is not None:
        stmt = stmt.where(stand.id != exclude_instrument_id)
    with db.read() as session:  # one statement: at 100 000 items, 14 000 standards
        options = []
        for iid, tag, name, qty, status, result, valid_until in session.execute(
            stmt.order_by(stand.asset_tag)
        ):
            reason = standard_invalid_reason(status, result, valid_until, on_date)
            options.append(StandardOption(iid, tag, name, qty, reason is None, reason, valid_until))
    return sorted(options, key=lambda o: not o.valid)


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Validity:
    reason: str | None
    event_id: int | None
    valid_until: date | None


def _latest_approved(instrument_id: Any, on: date, *columns: Any) -> Any:
    """``columns`` (default: the id) of the instrument's latest approved verification or
    calibration performed by ``on``; ``instrument_id`` may be a correlated column."""
    return (
        select(*(columns or (EventRow.id,)))
        .where(
            EventRow.instrument_id == instrument_id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind != EventKind.INTERMEDIATE_CHECK,
            EventRow.performed_on <= on,
        )
        .order_by(EventRow.performed_on.desc(), EventRow.revision.desc(), EventRow.id.desc())
        .limit(1)
    )


def standard_validity(session: Session, standard: InstrumentRow, on: date) -> _Validity:
    """Whether ``standard`` may be used on ``on``, from its latest approved event by then."""
    columns = (EventRow.id, EventRow.result, EventRow.valid_until)
    latest = session.execute(_latest_approved(standard.id, on, *columns)).first()
    event_id, result, valid_until = latest if latest is not None else (None, None, None)
    reason = standard_invalid_reason(standard.status, result, valid_until, on)
    return _Validity(reason, event_id, valid_until)


def _text(value: Any, unit: str | None) -> str | None:
    return None if value is None else f"{format(value, 'f')} {unit or ''}".strip()


def _point_detail(p: MeasurementPointRow) -> PointDetail:
    values = p.values
    return PointDetail(
        id=p.id,
        stage=values.stage,
        seq=p.seq,
        nominal=values.nominal,
        reference=values.reference,
        indication=values.indication,
        error_value=p.error_value,
        error_unit=p.error_unit,
        expanded_uncertainty=values.expanded_uncertainty,
        coverage_factor=values.coverage_factor,
        mpe=values.mpe,
        lower=values.lower,
        upper=values.upper,
        decision=p.decision,
        capability=p.capability,
    )


def _standard_detail(session: Session, link: EventStandardRow, on: date) -> StandardUseDetail:
    validity = standard_validity(session, link.instrument, on)
    return StandardUseDetail(
        instrument_id=link.instrument_id,
        asset_tag=link.instrument.asset_tag,
        name=link.instrument.name,
        certificate_event_id=link.certificate_event_id,
        valid_until=validity.valid_until,
        valid=validity.reason is None,
        reason=validity.reason,
        override_reason=link.override_reason,
    )


def _chain(session: Session, row: EventRow) -> tuple[Any, ...]:
    """The revision chain through ``row``, oldest first (a few rows: walked in Python)."""
    first = row
    while first.supersedes is not None:
        first = first.supersedes
    chain = [first]
    while True:
        nxt = session.scalars(
            select(EventRow).where(EventRow.supersedes_id == chain[-1].id).limit(1)
        ).first()
        if nxt is None:
            break
        chain.append(nxt)
    return tuple(event_summary(e) for e in chain)


def warnings_for(session: Session, row: EventRow) -> tuple[str, ...]:
    """Non-blocking remarks: performed before the instrument's latest approved event."""
    later = session.scalars(
        select(EventRow.performed_on)
        .where(
            EventRow.instrument_id == row.instrument_id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.id != row.id,
            EventRow.id != (row.supersedes_id or 0),
            EventRow.performed_on > row.performed_on,
        )
        .order_by(EventRow.performed_on.desc())
        .limit(1)
    ).first()
    if later is None:
        return ()
    return (f"performed_before_latest:{later.isoformat()}",)


def event_detail(session: Session, row: EventRow) -> EventDetail:
    """The full DTO of an event row (read in ``session``)."""
    session.flush()
    files = session.scalars(
        select(AttachmentRow).where(AttachmentRow.event_id == row.id).order_by(AttachmentRow.id)
    )
    successor = session.scalars(
        select(EventRow.id).where(EventRow.supersedes_id == row.id).limit(1)
    ).first()

    def name(person: Any) -> str | None:
        return None if person is None else str(person.name)

    return EventDetail(
        id=row.id,
        instrument_id=row.instrument_id,
        asset_tag=row.instrument.asset_tag,
        kind=row.kind,
        status=row.status,
        revision=row.revision,
        supersedes_id=row.supersedes_id,
        superseded_by_id=successor,
        correction_reason=row.correction_reason,
        performed_on=row.performed_on,
        performer_id=row.performer_id,
        performer=name(row.performer),
        checker_id=row.checker_id,
        checker=name(row.checker),
        approver_id=row.approver_id,
        approver=name(row.approver),
        checked_at=row.checked_at,
        approved_at=row.approved_at,
        provider_id=row.provider_id,
        provider=name(row.provider),
        certificate_no=row.certificate_no,
        procedure_id=row.procedure_id,
        temperature=_text(row.temperature_value, row.temperature_unit),
        humidity=_text(row.humidity_value, row.humidity_unit),
        as_found=row.as_found,
        as_left=row.as_left,
        result=row.result,
        adjusted=row.adjusted,
        interval_months=row.interval_months,
        interval_reason=row.interval_reason,
        valid_until=row.valid_until,
        remarks=row.remarks,
        points=tuple(_point_detail(p) for p in row.points),
        standards=tuple(_standard_detail(session, s, row.performed_on) for s in row.standards),
        attachments=tuple(attachment_info(a) for a in files),
        revisions=_chain(session, row),
        warnings=warnings_for(session, row),
        version=row.version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
        decision_rule=row.decision_rule or "simple",
        guard_band_factor=row.guard_band_factor,
        signatures=_signatures(session, row.id),
    )


def _signatures(session: Session, event_id: int) -> tuple[SignatureInfo, ...]:
    stmt = (
        select(SignatureRow, PersonRow.name, PersonRow.login)
        .join(PersonRow, PersonRow.id == SignatureRow.person_id)
        .where(SignatureRow.event_id == event_id)
        .order_by(SignatureRow.id)
    )
    return tuple(
        SignatureInfo(s.meaning, s.person_id, name, login, s.signed_at)
        for s, name, login in session.execute(stmt).all()
    )


def event_warnings(db: Database, event_id: int) -> tuple[str, ...]:
    """Warnings about a stored event (e.g. performed before the latest approved one)."""
    with db.read() as session:
        return warnings_for(session, load_row(session, event_id))


def commit_event(uow: Any) -> None:
    try:
        uow.commit()
    except IntegrityError as exc:
        if "certificate_no" in str(exc.orig):
            raise ValidationError(
                "certificate_no", "already recorded for this provider", code="duplicate"
            ) from exc
        raise
