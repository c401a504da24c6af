"""Verification, calibration and intermediate-check events: draft, four-eyes, approval, correction.

Rules (documented here, enforced in this module; see also :mod:`labapp.domain.points`):

* Users sign by login: the login must be an active person (``code="unknown_user"``).  The
  performer is whoever records the draft (the person logged in) and stays so when the draft is
  edited; naming anybody else is refused (``performer_is_you``).
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
* Result: :func:`~labapp.domain.points.event_result`, the dialog's rule too: the as-left points
  decide when there are any, else the as-found ones; as-found from the as-found points
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

This module saves drafts; reading (:mod:`~labapp.services.events._read`), signatures
(:mod:`~labapp.services.events._signing`) and corrections
(:mod:`~labapp.services.events._corrections`) live beside it and are importable from here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.due import due_on
from labapp.domain.enums import AuditAction, EventKind, EventResult, EventStatus, Stage
from labapp.domain.errors import ValidationError
from labapp.domain.point_values import evaluate_values
from labapp.domain.points import DecisionRule, PointEvaluation, event_result, overall_result
from labapp.domain.rules import check_environment
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    LaboratoryRow,
    MeasurementPointRow,
    point_columns,
)
from labapp.services.database import Database
from labapp.services.events._corrections import correct_event
from labapp.services.events._dto import EventDetail, EventInput, PointInput
from labapp.services.events._read import (
    INACTIVE,
    commit_event,
    event_detail,
    event_warnings,
    get_event,
    instrument_row,
    load_row,
    standard_validity,
    valid_standards,
)
from labapp.services.events._signing import approve_event, check_event
from labapp.services.master_data import ensure_procedure_usable, signer

__all__ = [
    "approve_event",
    "check_event",
    "correct_event",
    "event_warnings",
    "get_event",
    "save_draft",
    "stage_draft",
    "valid_standards",
]

_EDITABLE = (EventStatus.DRAFT, EventStatus.CHECKED)
_STAGES = frozenset(Stage)


def save_draft(
    db: Database,
    user: str,
    data: EventInput,
    *,
    event_id: int | None = None,
    expected_version: int | None = None,
    today: date | None = None,
    rule: DecisionRule | None = None,
    guard_band_factor: float | None = None,
) -> EventDetail:
    """Validate and save a draft event (new, or an edit of ``event_id`` at ``expected_version``).

    Parameters
    ----------
    user
        Login of the person saving (must be a person of the lab).
    data
        The form's input: typed values, parsed where they were typed (points as ``Measured``).
    event_id, expected_version
        Edit this draft; the version the form was read at (required for an edit).
    today
        The day "future" is judged against (default: the system date).
    rule, guard_band_factor
        The decision rule for the points, stored with the event.  ``None``: an edit keeps the
        rule the draft was decided with; a new event takes the lab's default rule.

    Raises
    ------
    ValidationError
        See the module docstring for the rules and their codes.
    ConcurrentModificationError
        The draft was saved by someone else since ``expected_version`` (names who and when).
    NotFoundError
        ``event_id`` does not exist.
    """
    with db.unit_of_work(user) as uow:
        row = stage_draft(uow, data, event_id, expected_version, today, rule, guard_band_factor)
        commit_event(uow)
        return event_detail(uow.session, row)


def stage_draft(
    uow: Any,
    data: EventInput,
    event_id: int | None,
    expected_version: int | None,
    today: date | None,
    rule: DecisionRule | None,
    guard_band_factor: float | None,
) -> EventRow:
    """The draft of :func:`save_draft`, validated and flushed in ``uow`` (not committed)."""
    today = today or date.today()
    session = uow.session
    person = signer(session, uow.user)
    row = _editable(uow, event_id, expected_version)
    instrument = instrument_row(session, data.instrument_id)
    if instrument.status in INACTIVE:
        raise ValidationError("instrument_id", "the instrument is retired", code="retired")
    _check_dates(data, today)
    _check_certificate(session, data, event_id)
    data = replace(data, performer_id=_performer(data, row, person.id))
    previous = row.procedure_id if row is not None else None
    ensure_procedure_usable(session, data.procedure_id, data.performed_on, previous)
    rule, factor = _rule(session, row, rule, guard_band_factor)
    row = row or EventRow(revision=1)
    _fill(row, data, instrument, rule, factor)
    row.decision_rule = rule.value
    row.guard_band_factor = _factor_text(factor) if rule is DecisionRule.GUARD_BAND else None
    _set_standards(uow, row, data, instrument)
    if row.id is None:
        session.add(row)
    uow.flush()
    return row


def _performer(data: EventInput, row: EventRow | None, me: int) -> int:
    """The performer is the person logged in when the draft is made, and stays so on edits."""
    performer = me if row is None or row.performer_id is None else row.performer_id
    if data.performer_id is not None and data.performer_id != performer:
        raise ValidationError(
            "performer_id",
            "the performer is the person who records the event (logged in), not another",
            code="performer_is_you",
        )
    return performer


def _rule(
    session: Session, row: EventRow | None, rule: DecisionRule | None, factor: float | None
) -> tuple[DecisionRule, float]:
    """The rule a draft is decided with: the caller's, else the record's, else the lab's."""
    if rule is None and row is not None:
        rule = DecisionRule(row.decision_rule or "simple")
        stored = row.guard_band_factor
        factor = factor if factor is not None else (float(stored) if stored else None)
    if rule is None:
        lab = session.execute(
            select(LaboratoryRow.decision_rule, LaboratoryRow.guard_band_factor)
            .order_by(LaboratoryRow.id)
            .limit(1)
        ).first()
        rule = DecisionRule(lab[0]) if lab and lab[0] else DecisionRule.SIMPLE
        if factor is None and lab and lab[1] is not None:
            factor = float(lab[1])
    return rule, 1.0 if factor is None else float(factor)


def _factor_text(factor: float) -> Decimal:
    return Decimal(repr(factor)).normalize()


def _editable(uow: Any, event_id: int | None, expected_version: int | None) -> EventRow | None:
    if event_id is None:
        return None
    row = load_row(uow.session, event_id)
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
    decided = {stage: [p.decision for p in points if p.stage == stage] for stage in Stage}
    result = event_result(((p.stage, p.decision) for p in points), data.result)
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
    row.temperature_value, row.temperature_unit = check_environment(data.temperature, "temperature")
    row.humidity_value, row.humidity_unit = check_environment(data.humidity, "humidity")
    as_found = decided[Stage.AS_FOUND]
    row.as_found = overall_result(as_found, data.as_found or EventResult.NO_DECISION)
    if not as_found and data.as_found is None:
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
    seq = dict.fromkeys(Stage, 0)
    for index, point in enumerate(data.points):
        if point.stage not in _STAGES:
            raise ValidationError(
                f"points.{index}.stage", f"unknown stage {point.stage!r}", code="invalid"
            )
        try:
            result = evaluate_values(point, rule=rule, guard_band_factor=guard_band_factor)
        except ValidationError as exc:
            params = {**exc.params, "index": index, "input": exc.field}
            raise ValidationError(
                f"points.{index}.{exc.field}", exc.message, code=exc.code, params=params
            ) from exc
        seq[point.stage] += 1
        rows.append(_point_row(point, seq[point.stage], result))
    return rows


def _point_row(point: PointInput, seq: int, result: PointEvaluation) -> MeasurementPointRow:
    """The row of a point: its values as given (checked by the evaluation) and what was computed."""
    return MeasurementPointRow(
        **point_columns(point),
        seq=seq,
        decision=result.decision,
        error_value=result.error,
        error_unit=result.error_unit,
        capability=result.capability,  # tolerance half-width / U, kept with the record
    )


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
        standard = instrument_row(session, use.instrument_id, "standards")
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
