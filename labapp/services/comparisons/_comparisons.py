"""Comparisons and proficiency testing (计量比对 / 能力验证): the records and their participants.

A comparison keeps how its assigned value is chosen (:class:`AssignedMethod`) and σ_pt; the scores
are worked out by :mod:`labapp.services.comparisons._scores`. Every refusal is a
:class:`ValidationError` naming the participant (``params["participant"]``) and the field; a
refused change leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal

from sqlalchemy import func, select

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.metrology.errors import NumberError
from labapp.metrology.units import (
    Quantity,
    UnitError,
    check_decimal_bounds,
    delta_unit,
    parse_decimal,
    parse_quantity,
    parse_unit,
    to_unit,
)
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow
from labapp.persistence.models_pt import CorrectiveActionRow
from labapp.services.comparisons._dto import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonInput,
    ParticipantInput,
)
from labapp.services.comparisons._read import get_comparison, load_comparison
from labapp.services.database import Database

__all__ = [
    "add_participant",
    "create_comparison",
    "import_participants",
    "input_from_detail",
    "refusal",
    "remove_participant",
    "sigma_pt_in",
    "update_comparison",
    "update_participant",
]


# --- checking input --------------------------------------------------------------------------


def refusal(
    field: str, message: str, code: str, participant: str | None = None, **params: object
) -> ValidationError:
    """The refusal of ``field`` (``code``, ``params``), naming the participant when there is one."""
    if participant is not None:
        params["participant"] = participant
        message = f"participant {participant}: {message}"
    return ValidationError(field, message, code=code, params=params)


def _decimal(value: object, field: str, participant: str | None = None) -> Decimal | None:
    """A stored number from a Decimal, an int or typed text (LabApp's one number rule,
    :func:`~labapp.metrology.units.parse_decimal`); anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        raise refusal(field, f"{value!r} is not a number", "not_a_number", participant)
    try:
        if isinstance(value, str):
            return parse_decimal(value)
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise refusal(field, f"{value!r} is not a number", "not_a_number", participant)
        return check_decimal_bounds(number)  # stored as typed: held to the bounds of every number
    except NumberError as exc:
        if exc.reason != "out_of_range":
            raise refusal(
                field, f"{value!r} is not a number", "not_a_number", participant
            ) from None
        shown = str(value)[:40]
        raise refusal(field, str(exc), "out_of_range", participant, text=shown) from None


def _positive_k(value: object, participant: str | None = None) -> Decimal | None:
    k = _decimal(value, "coverage_factor", participant)
    if k is not None and k <= 0:
        raise refusal(
            "coverage_factor", f"k must be positive, got {k}", "not_positive", participant
        )
    return k


def _unit_text(text: str, participant: str | None = None) -> str:
    try:
        parse_unit(text)
    except UnitError:
        raise refusal(
            "unit", f"unknown unit {text!r}", "unknown_unit", participant, unit=text
        ) from None
    return text.strip()


def _converted(
    number: Decimal | None, source: str | None, target: str, code: str, *, delta: bool
) -> Decimal | None:
    """``number`` typed in ``source`` as a number in ``target`` (a difference when ``delta``)."""
    if number is None or source is None or source.strip() == target.strip():
        return number
    try:
        src, dst = parse_unit(source), parse_unit(target)
        if delta:
            src, dst = delta_unit(src), delta_unit(dst)
        converted = to_unit(Quantity(number, src), dst).magnitude
    except UnitError:
        raise refusal(
            "unit",
            f"{source} cannot be converted to the comparison's unit {target}",
            "incommensurable",
            code,
            unit=source,
            expected=target,
        ) from None
    return Decimal(str(converted)).normalize() if not isinstance(converted, Decimal) else converted


def _apply_comparison(row: ComparisonRow, data: ComparisonInput) -> None:
    for name in ("title", "measurand", "unit"):
        if not str(getattr(data, name) or "").strip():
            raise refusal(name, "a value is required", "required")
    row.title = data.title.strip()
    row.measurand = data.measurand.strip()
    row.unit = _unit_text(data.unit)
    for name in ("scheme", "provider_name", "artefact", "pilot_lab", "protocol"):
        setattr(row, name, (getattr(data, name) or "").strip() or None)
    row.role = data.role
    if data.started_on and data.ended_on and data.ended_on < data.started_on:
        raise refusal("ended_on", "the end is before the start", "order")
    row.started_on, row.ended_on = data.started_on, data.ended_on
    row.assigned_value_method = AssignedMethod(data.assigned_value_method).value
    row.assigned_value = _decimal(data.assigned_value, "assigned_value")
    row.assigned_uncertainty = _decimal(data.assigned_uncertainty, "assigned_uncertainty")
    if row.assigned_uncertainty is not None and row.assigned_uncertainty < 0:
        raise refusal("assigned_uncertainty", "U must not be negative", "not_positive")
    row.assigned_coverage_factor = _positive_k(data.assigned_coverage_factor)
    row.sigma_pt = sigma_pt_in(data.sigma_pt, row.unit)


def sigma_pt_in(value: object, unit: str) -> Decimal | None:
    """σ_pt as a positive number in the comparison's ``unit``.

    Text may carry a unit ("0.05 mV", converted as a difference); a bare number or a Decimal is
    taken in ``unit``.  ``ValidationError`` on field ``sigma_pt``: not a number (``not_a_number``),
    not commensurable with ``unit`` (``incommensurable``), zero or negative (``not_positive``).
    """
    if isinstance(value, str) and value.strip() and not _is_number(value):
        value = _sigma_quantity(value, unit)
    sigma = _decimal(value, "sigma_pt")
    if sigma is not None and sigma <= 0:
        raise refusal("sigma_pt", "σ_pt must be positive", "not_positive")
    return sigma


def _sigma_quantity(text: str, unit: str) -> Decimal:
    """σ_pt typed as "number unit", converted to ``unit`` as a difference."""
    if not text.strip()[:1].isdigit() and text.strip()[:1] not in "+-.,":
        raise refusal("sigma_pt", f"{text!r} is not a number", "not_a_number")
    try:
        quantity = parse_quantity(text, default_unit=unit)
    except UnitError:
        raise refusal("sigma_pt", f"unknown unit in {text!r}", "unknown_unit", unit=text) from None
    try:
        number = to_unit(quantity, delta_unit(parse_unit(unit))).magnitude
    except UnitError:
        raise refusal(
            "sigma_pt", f"{text} cannot be converted to the comparison's unit {unit}",
            "incommensurable", unit=text, expected=unit,
        ) from None  # fmt: skip
    return number if isinstance(number, Decimal) else Decimal(str(number))


def _is_number(text: str) -> bool:
    """Whether ``text`` is a number alone (one out of range too: it is refused as such)."""
    try:
        parse_decimal(text)
    except NumberError as exc:
        return exc.reason == "out_of_range"
    return True


def _apply_participant(row: ComparisonParticipantRow, data: ParticipantInput, unit: str) -> None:
    code = (data.code or "").strip()
    if not code:
        raise refusal("code", "a participant code is required", "required")
    if len(code) > 32:
        raise refusal("code", "at most 32 characters", "too_long", code)
    value = _decimal(data.value, "value", code)
    big_u = _decimal(data.expanded_uncertainty, "expanded_uncertainty", code)
    if big_u is not None and big_u < 0:
        raise refusal("expanded_uncertainty", "U must not be negative", "not_positive", code)
    row.coverage_factor = _positive_k(data.coverage_factor, code)
    if big_u is not None and row.coverage_factor is None:
        raise refusal("coverage_factor", "give the k of U", "required", code)
    if data.unit:
        _unit_text(data.unit, code)
    row.code = code
    row.value = _converted(value, data.unit, unit, code, delta=False)
    row.expanded_uncertainty = _converted(big_u, data.unit, unit, code, delta=True)
    row.method = (data.method or "").strip() or None
    row.measured_on = data.measured_on
    row.is_own_lab = bool(data.is_own_lab)
    row.instrument_id = data.instrument_id if data.is_own_lab else None


def _check_codes(row: ComparisonRow) -> None:
    seen: set[str] = set()
    for p in row.participants:
        if p.code in seen:
            raise refusal("code", "this code is already used", "duplicate", p.code)
        seen.add(p.code)


# --- writing ---------------------------------------------------------------------------------


def create_comparison(db: Database, user: str, data: ComparisonInput) -> ComparisonDetail:
    """Record a new comparison (without participants)."""
    with db.unit_of_work(user) as uow:
        row = ComparisonRow()
        _apply_comparison(row, data)
        uow.session.add(row)
        uow.flush()
        new_id = row.id
        uow.commit()
    return get_comparison(db, new_id)


def update_comparison(
    db: Database, user: str, comparison_id: int, data: ComparisonInput, version: int
) -> ComparisonDetail:
    """Change a comparison read at ``version`` (ConcurrentModificationError if it moved on)."""
    with db.unit_of_work(user) as uow:
        row = load_comparison(uow.session, comparison_id)
        uow.check_version(row, version)
        _apply_comparison(row, data)
        uow.commit()
    return get_comparison(db, comparison_id)


def add_participant(
    db: Database, user: str, comparison_id: int, data: ParticipantInput
) -> ComparisonDetail:
    """Add one participant's result."""
    return import_participants(db, user, comparison_id, [data])


def update_participant(
    db: Database, user: str, participant_id: int, data: ParticipantInput, version: int
) -> ComparisonDetail:
    """Change one participant's result read at ``version``."""
    with db.unit_of_work(user) as uow:
        part = uow.session.get(ComparisonParticipantRow, participant_id)
        if part is None:
            raise NotFoundError("comparison participant", participant_id)
        uow.check_version(part, version)
        row = load_comparison(uow.session, part.comparison_id)
        _apply_participant(part, data, row.unit)
        _check_codes(row)
        uow.commit()
        comparison_id = row.id
    return get_comparison(db, comparison_id)


def remove_participant(
    db: Database, user: str, participant_id: int, version: int
) -> ComparisonDetail:
    """Delete one participant's result read at ``version``; refused (``has_actions``) while a
    corrective action follows it."""
    with db.unit_of_work(user) as uow:
        part = uow.session.get(ComparisonParticipantRow, participant_id)
        if part is None:
            raise NotFoundError("comparison participant", participant_id)
        uow.check_version(part, version)
        comparison_id = part.comparison_id
        actions = select(func.count(CorrectiveActionRow.id)).where(
            CorrectiveActionRow.participant_id == participant_id
        )
        if uow.session.scalar(actions):
            raise refusal(
                "participants", "a corrective action follows this result", "has_actions",
                part.code,
            )  # fmt: skip
        uow.session.delete(part)
        uow.commit()
    return get_comparison(db, comparison_id)


def import_participants(
    db: Database, user: str, comparison_id: int, rows: Sequence[ParticipantInput]
) -> ComparisonDetail:
    """Add or update (by code) many participants in one transaction: all of them or none."""
    with db.unit_of_work(user) as uow:
        row = load_comparison(uow.session, comparison_id)
        by_code = {p.code: p for p in row.participants}
        given: set[str] = set()
        for data in rows:
            code = (data.code or "").strip()
            if code in given:
                raise refusal("code", "the code appears twice", "duplicate", code)
            given.add(code)
            part = by_code.get(code)
            if part is None:
                part = ComparisonParticipantRow()
                row.participants.append(part)
            _apply_participant(part, data, row.unit)
            by_code[part.code] = part
        _check_codes(row)
        uow.commit()
    return get_comparison(db, comparison_id)


def input_from_detail(detail: ComparisonDetail, **changes: object) -> ComparisonInput:
    """The :class:`ComparisonInput` that would store ``detail`` again, with ``changes``."""
    names = {f.name for f in fields(ComparisonInput)}
    values = {name: getattr(detail, name) for name in names}
    values.update(changes)
    return ComparisonInput(**values)
