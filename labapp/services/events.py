"""Verification, calibration and intermediate-check events: draft, four-eyes, approval, correction.

Rules (documented here, enforced in this module; see also :mod:`labapp.domain.points`):

* Users sign by login: the login must be an active person (``code="unknown_user"``).  A draft
  without a performer is performed by whoever saved it.
* Draft: ``performed_on`` not after ``today`` (``future``); before the instrument's latest approved
  event is allowed with a warning; certificate number unique per provider (``duplicate``);
  temperature is a temperature, humidity in %RH or %; the interval may be overridden, a shorter
  one needs ``interval_reason``.  Only DRAFT/CHECKED events are edited (an edit of a CHECKED event
  returns it to DRAFT, the check is void); APPROVED/SUPERSEDED → ``approved_immutable``.
* A standard used must be valid on the event's date: in service, its latest approved calibration
  or verification on or before that date neither FAIL nor expired (``valid_until >= date``).
  Otherwise ``standards``/``standard_not_valid`` with ``params={asset_tag, reason}`` unless the
  use carries ``override_reason``, which is logged as an OVERRIDE audit entry.  A standard cannot
  be the instrument itself (``self_standard``).
* Result: the as-left points decide (:func:`overall_result`); as-found from the as-found points
  or as stated; without decided points the stated ``result`` (verification without points), else
  NO_DECISION.  ``valid_until`` = date + interval (calendar months) unless the result is FAIL;
  an intermediate check has none and never moves the due date.
* Four eyes: the checker and the approver are not the performer (``four_eyes``); approval needs a
  CHECKED event (``not_checked``).  Approving sets the instrument's last calibration and due date
  (when this is its latest event), a FAIL suspends the instrument (SUSPENDED, no due date) and a
  later pass puts a suspended instrument back IN_SERVICE.
* Correction: :func:`correct_event` on an APPROVED event makes a DRAFT revision + 1 (copying
  points and standards, certificate number left empty: a replacement certificate gets its own
  number, ISO/IEC 17025 7.8.8.3); approving it SUPERSEDES the old one, which stays in history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labapp.domain.due import due_on
from labapp.domain.enums import (
    AuditAction,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    Role,
)
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.points import (
    DecisionRule,
    evaluate_point,
    overall_result,
    parse_field,
    unit_text,
)
from labapp.domain.rules import check_four_eyes, parse_environment, standard_invalid_reason
from labapp.persistence.models import (
    STAGES,
    AttachmentRow,
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
)
from labapp.persistence.types import utcnow
from labapp.services.database import Database
from labapp.services.dto import (
    EventDetail,
    EventInput,
    PointDetail,
    StandardOption,
    StandardUseDetail,
)
from labapp.services.people import signer

__all__ = [
    "approve_event",
    "check_event",
    "correct_event",
    "event_warnings",
    "get_event",
    "save_draft",
    "valid_standards",
]

ENTITY = "events"
_EDITABLE = (EventStatus.DRAFT, EventStatus.CHECKED)
_INACTIVE = (InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED)


def _load(session: Session, event_id: int) -> EventRow:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(ENTITY, event_id)
    return row


def _instrument(
    session: Session, instrument_id: int, field: str = "instrument_id"
) -> InstrumentRow:
    row = session.get(InstrumentRow, instrument_id)
    if row is None:
        raise ValidationError(field, f"no instrument {instrument_id}", code="not_found")
    return row


def get_event(db: Database, event_id: int) -> EventDetail:
    """Everything about an event: points, standards with validity, attachments, revisions."""
    with db.read() as session:
        return event_detail(session, _load(session, event_id))


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
    stmt = select(InstrumentRow).where(
        InstrumentRow.role == Role.STANDARD, InstrumentRow.status.not_in(_INACTIVE)
    )
    if quantity:
        stmt = stmt.where(InstrumentRow.quantity == quantity)
    if exclude_instrument_id is not None:
        stmt = stmt.where(InstrumentRow.id != exclude_instrument_id)
    with db.read() as session:
        options = []
        for row in session.scalars(stmt.order_by(InstrumentRow.asset_tag)):
            validity = standard_validity(session, row, on_date)
            options.append(
                StandardOption(
                    row.id,
                    row.asset_tag,
                    row.name,
                    row.quantity,
                    validity.reason is None,
                    validity.reason,
                    validity.valid_until,
                )
            )
    return sorted(options, key=lambda o: not o.valid)


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Validity:
    reason: str | None
    event_id: int | None
    valid_until: date | None


def standard_validity(session: Session, standard: InstrumentRow, on: date) -> _Validity:
    """Whether ``standard`` may be used on ``on``, from its latest approved event by then."""
    stmt = (
        select(EventRow.id, EventRow.result, EventRow.valid_until)
        .where(
            EventRow.instrument_id == standard.id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.kind != EventKind.INTERMEDIATE_CHECK,
            EventRow.performed_on <= on,
        )
        .order_by(EventRow.performed_on.desc(), EventRow.revision.desc(), EventRow.id.desc())
        .limit(1)
    )
    latest = session.execute(stmt).first()
    event_id, result, valid_until = latest if latest is not None else (None, None, None)
    reason = standard_invalid_reason(standard.status, result, valid_until, on)
    return _Validity(reason, event_id, valid_until)


def _text(value: Any, unit: str | None) -> str | None:
    return None if value is None else f"{format(value, 'f')} {unit or ''}".strip()


def _point_detail(p: MeasurementPointRow) -> PointDetail:
    return PointDetail(
        id=p.id,
        stage=p.stage,
        seq=p.seq,
        nominal=_text(p.nominal_value, p.nominal_unit),
        reference=_text(p.reference_value, p.reference_unit),
        indication=_text(p.indication_value, p.indication_unit),
        error_value=p.error_value,
        error_unit=p.error_unit,
        expanded_uncertainty=_text(p.expanded_uncertainty_value, p.expanded_uncertainty_unit),
        coverage_factor=p.coverage_factor,
        mpe=_text(p.mpe_value, p.mpe_unit),
        lower=_text(p.tolerance_lower_value, p.tolerance_lower_unit),
        upper=_text(p.tolerance_upper_value, p.tolerance_upper_unit),
        decision=p.decision,
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
    from labapp.services.register import event_summary

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
    from labapp.services.register import attachment_info

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
    )


# --- saving a draft ---------------------------------------------------------------------------


def save_draft(
    db: Database,
    user: str,
    data: EventInput,
    *,
    event_id: int | None = None,
    expected_version: int | None = None,
    today: date | None = None,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: float = 1.0,
) -> EventDetail:
    """Validate and save a draft event (new, or an edit of ``event_id`` at ``expected_version``).

    Parameters
    ----------
    user
        Login of the person saving (must be a person of the lab).
    data
        The form's input; quantities as typed.
    event_id, expected_version
        Edit this draft; the version the form was read at (required for an edit).
    today
        The day "future" is judged against (default: the system date).
    rule, guard_band_factor
        The lab's decision rule for the points.

    Raises
    ------
    ValidationError
        See the module docstring for the rules and their codes.
    ConcurrentModificationError
        The draft was saved by someone else since ``expected_version`` (names who and when).
    NotFoundError
        ``event_id`` does not exist.
    """
    today = today or date.today()
    with db.unit_of_work(user) as uow:
        session = uow.session
        person = signer(session, user)
        row = _editable(uow, event_id, expected_version)
        instrument = _instrument(session, data.instrument_id)
        if instrument.status in _INACTIVE:
            raise ValidationError("instrument_id", "the instrument is retired", code="retired")
        _check_dates(data, today)
        _check_certificate(session, data, event_id)
        if data.performer_id is None:
            data = replace(data, performer_id=person.id)
        row = row or EventRow(revision=1)
        _fill(row, data, instrument, rule, guard_band_factor)
        _set_standards(uow, row, data, instrument)
        if row.id is None:
            uow.session.add(row)
        _commit(uow)
        return event_detail(session, row)


def _editable(uow: Any, event_id: int | None, expected_version: int | None) -> EventRow | None:
    if event_id is None:
        return None
    row = _load(uow.session, event_id)
    if row.status not in _EDITABLE:
        raise ValidationError(
            "event",
            f"event {event_id} is {row.status.value}: correct it instead of editing it",
            code="approved_immutable",
            params={"event_id": event_id, "status": row.status.value},
        )
    if expected_version is None:
        raise ValidationError(
            "expected_version", "an edit names the version it read", code="required"
        )
    uow.check_version(row, expected_version)
    # Old points go first: (event_id, stage, seq) is unique and a flush inserts before it deletes.
    row.points.clear()
    uow.flush()
    return row


def _check_dates(data: EventInput, today: date) -> None:
    if data.performed_on > today:
        raise ValidationError(
            "performed_on",
            f"{data.performed_on.isoformat()} is in the future",
            code="future",
            params={"performed_on": data.performed_on.isoformat()},
        )
    if not isinstance(data.kind, EventKind):
        raise ValidationError("kind", f"unknown event kind {data.kind!r}", code="invalid")


def _check_certificate(session: Session, data: EventInput, event_id: int | None) -> None:
    number = (data.certificate_no or "").strip()
    if not number:
        return
    stmt = select(EventRow.id).where(
        EventRow.certificate_no == number,
        EventRow.provider_id.is_(None)
        if data.provider_id is None
        else EventRow.provider_id == data.provider_id,
    )
    if event_id is not None:
        stmt = stmt.where(EventRow.id != event_id)
    clash = session.scalars(stmt.limit(1)).first()
    if clash is not None:
        raise ValidationError(
            "certificate_no",
            f"certificate {number} of this provider is already recorded (event {clash})",
            code="duplicate",
            params={"certificate_no": number, "event_id": clash},
        )


def _interval(data: EventInput, instrument: InstrumentRow) -> int | None:
    months = data.interval_months
    if months is None:
        return instrument.interval_months
    if months <= 0:
        raise ValidationError("interval_months", "must be positive", code="not_positive")
    shorter = instrument.interval_months is not None and months < instrument.interval_months
    if shorter and not (data.interval_reason or "").strip():
        raise ValidationError(
            "interval_reason",
            f"shortening the interval to {months} months needs a reason",
            code="required",
            params={"months": months, "usual": instrument.interval_months},
        )
    return months


def _fill(
    row: EventRow,
    data: EventInput,
    instrument: InstrumentRow,
    rule: DecisionRule,
    guard_band_factor: float,
) -> None:
    points = _points(data, rule, guard_band_factor)
    decided = {stage: [p.decision for p in points if p.stage == stage] for stage in STAGES}
    result = overall_result(decided["as_left"], data.result or EventResult.NO_DECISION)
    months = _interval(data, instrument)
    row.instrument_id = instrument.id
    row.kind = data.kind
    row.status = EventStatus.DRAFT
    row.checker_id = data.checker_id
    row.checked_at = None
    row.performed_on = data.performed_on
    row.performer_id = data.performer_id
    row.provider_id = data.provider_id
    row.certificate_no = (data.certificate_no or "").strip() or None
    row.procedure_id = data.procedure_id
    row.temperature_value, row.temperature_unit = parse_environment(data.temperature, "temperature")
    row.humidity_value, row.humidity_unit = parse_environment(data.humidity, "humidity")
    row.as_found = overall_result(decided["as_found"], data.as_found or EventResult.NO_DECISION)
    if not decided["as_found"] and data.as_found is None:
        row.as_found = None
    row.as_left = result
    row.result = result
    row.adjusted = data.adjusted
    row.interval_months = months
    row.interval_reason = (data.interval_reason or "").strip() or None
    row.remarks = data.remarks
    valid = data.kind is not EventKind.INTERMEDIATE_CHECK and result is not EventResult.FAIL
    row.valid_until = due_on(data.performed_on, months) if valid else None
    row.points = points


def _points(
    data: EventInput, rule: DecisionRule, guard_band_factor: float
) -> list[MeasurementPointRow]:
    rows: list[MeasurementPointRow] = []
    seq = dict.fromkeys(STAGES, 0)
    for index, point in enumerate(data.points):
        if point.stage not in STAGES:
            raise ValidationError(
                f"points.{index}.stage", f"unknown stage {point.stage!r}", code="invalid"
            )
        try:
            result = evaluate_point(
                point.nominal,
                point.reference,
                point.indication,
                point.expanded_uncertainty,
                point.coverage_factor,
                point.mpe,
                point.lower,
                point.upper,
                rule=rule,
                guard_band_factor=guard_band_factor,
            )
        except ValidationError as exc:
            params = {**exc.params, "index": index, "input": exc.field}
            raise ValidationError(
                f"points.{index}.{exc.field}", exc.message, code=exc.code, params=params
            ) from exc
        seq[point.stage] += 1
        rows.append(_point_row(point, seq[point.stage], result))
    return rows


def _split(text: str | None) -> tuple[Any, str | None]:
    quantity = parse_field(text, "value", required=False)
    if quantity is None:
        return None, None
    return quantity.magnitude, unit_text(quantity.units)


def _point_row(point: Any, seq: int, result: Any) -> MeasurementPointRow:
    row = MeasurementPointRow(stage=point.stage, seq=seq, decision=result.decision)
    for name in ("nominal", "reference", "indication", "expanded_uncertainty", "mpe"):
        value, unit = _split(getattr(point, name))
        setattr(row, f"{name}_value", value)
        setattr(row, f"{name}_unit", unit)
    for name in ("lower", "upper"):
        value, unit = _split(getattr(point, name))
        setattr(row, f"tolerance_{name}_value", value)
        setattr(row, f"tolerance_{name}_unit", unit)
    k = (point.coverage_factor or "").strip().replace(",", ".")
    row.coverage_factor = Decimal(k) if k else None  # checked by evaluate_point
    row.error_value = result.error
    row.error_unit = result.error_unit
    return row


def _set_standards(uow: Any, row: EventRow, data: EventInput, instrument: InstrumentRow) -> None:
    session = uow.session
    seen: set[int] = set()
    links: list[EventStandardRow] = []
    for use in data.standards:
        if use.instrument_id == instrument.id:
            raise ValidationError(
                "standards", "an instrument cannot be its own standard", code="self_standard"
            )
        if use.instrument_id in seen:
            continue
        seen.add(use.instrument_id)
        standard = _instrument(session, use.instrument_id, "standards")
        validity = standard_validity(session, standard, data.performed_on)
        reason = (use.override_reason or "").strip() or None
        if validity.reason is not None and reason is None:
            raise ValidationError(
                "standards",
                f"standard {standard.asset_tag} is not valid on "
                f"{data.performed_on.isoformat()}: {validity.reason}",
                code="standard_not_valid",
                params={"asset_tag": standard.asset_tag, "reason": validity.reason},
            )
        link = EventStandardRow(
            instrument_id=standard.id,
            certificate_event_id=validity.event_id,
            override_reason=reason if validity.reason is not None else None,
        )
        if link.override_reason is not None:
            uow.audit(link, AuditAction.OVERRIDE, f"{standard.asset_tag}: {reason}")
        links.append(link)
    kept = {link.instrument_id: link for link in row.standards}
    row.standards = [_merge(kept.get(link.instrument_id), link) for link in links]


def _merge(old: EventStandardRow | None, new: EventStandardRow) -> EventStandardRow:
    """Keep an existing link row (its id and audit trail) when the same standard stays."""
    if old is None:
        return new
    old.certificate_event_id = new.certificate_event_id
    old.override_reason = new.override_reason
    return old


def _commit(uow: Any) -> None:
    try:
        uow.commit()
    except IntegrityError as exc:
        if "certificate_no" in str(exc.orig):
            raise ValidationError(
                "certificate_no", "already recorded for this provider", code="duplicate"
            ) from exc
        raise


# --- four eyes ---------------------------------------------------------------------------------

_SIGNABLE = {
    EventStatus.DRAFT: ("not_draft", "only a draft can be checked"),
    EventStatus.CHECKED: ("not_checked", "only a checked event can be approved"),
}


def _sign(
    uow: Any, user: str, event_id: int, expected_version: int, status: EventStatus, role: str
) -> tuple[EventRow, Any]:
    """Load the event for a signature: right version, right status, not signed by its performer."""
    person = signer(uow.session, user)
    row = _load(uow.session, event_id)
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
        _commit(uow)
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
        _commit(uow)
        return event_detail(uow.session, row)


def _supersede(uow: Any, row: EventRow) -> EventRow | None:
    if row.supersedes_id is None:
        return None
    old = _load(uow.session, row.supersedes_id)
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
    instrument = _instrument(uow.session, row.instrument_id)
    instrument.last_calibrated_on = row.performed_on
    instrument.due_on = row.valid_until
    if row.result is EventResult.FAIL and instrument.status is InstrumentStatus.IN_SERVICE:
        instrument.status = InstrumentStatus.SUSPENDED
    elif row.result is not EventResult.FAIL and instrument.status is InstrumentStatus.SUSPENDED:
        instrument.status = InstrumentStatus.IN_SERVICE
    uow.audit(instrument, AuditAction.UPDATE, f"approval of event {row.id}")


# --- corrections ---------------------------------------------------------------------------------

_COPIED = (
    "instrument_id", "kind", "performed_on", "performer_id", "provider_id", "procedure_id",
    "temperature_value", "temperature_unit", "humidity_value", "humidity_unit", "as_found",
    "as_left", "result", "adjusted", "valid_until", "interval_months", "interval_reason",
    "remarks", "cost",
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
        old = _load(session, event_id)
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
        _commit(uow)
        return event_detail(session, new)


def event_warnings(db: Database, event_id: int) -> tuple[str, ...]:
    """Warnings about a stored event (e.g. performed before the latest approved one)."""
    with db.read() as session:
        return warnings_for(session, _load(session, event_id))
