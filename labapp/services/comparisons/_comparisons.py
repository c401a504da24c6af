"""Comparisons and proficiency testing (计量比对 / 能力验证): records, participants and scores.

The assigned value is chosen per comparison (:class:`AssignedMethod`): given by the provider
(value + U + k), the pilot's result, the weighted mean of the participants, or the robust mean of
ISO 13528 Algorithm A with u = 1.25 s*/√p.  Each participant then gets En (expanded
uncertainties at each one's own k), ζ, and z / z′ when σ_pt is known (given, or s* of Algorithm
A).  Every refusal is a :class:`ValidationError` naming the participant (``params["participant"]``)
and the field; a refused change leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from labapp.domain.enums import ComparisonRole
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.metrology import comparison as mc
from labapp.metrology.errors import ComparisonError, NumberError
from labapp.metrology.robust import MIN_VALUES_ALGORITHM_A
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
    ComparisonResult,
    ComparisonSummary,
    ParticipantInfo,
    ParticipantInput,
    ParticipantScore,
)
from labapp.services.database import Database

__all__ = [
    "add_participant",
    "create_comparison",
    "get_comparison",
    "import_participants",
    "input_from_detail",
    "list_comparisons",
    "remove_participant",
    "score_comparison",
    "sigma_pt_in",
    "stored_method",
    "update_comparison",
    "update_participant",
]

#: k of an assigned value computed from the participants (weighted mean, Algorithm A).
COMPUTED_K = 2.0


# --- reading ---------------------------------------------------------------------------------


def list_comparisons(db: Database) -> list[ComparisonSummary]:
    """Every comparison, newest first, with its number of participants."""
    count = (
        select(func.count(ComparisonParticipantRow.id))
        .where(ComparisonParticipantRow.comparison_id == ComparisonRow.id)
        .scalar_subquery()
    )
    stmt = select(ComparisonRow, count).order_by(
        ComparisonRow.started_on.desc().nulls_last(), ComparisonRow.id.desc()
    )
    with db.read() as session:
        return [
            ComparisonSummary(
                r.id, r.title, r.scheme, r.measurand, r.unit, r.role, r.started_on, r.ended_on, n
            )
            for r, n in session.execute(stmt)
        ]


def get_comparison(db: Database, comparison_id: int) -> ComparisonDetail:
    """One comparison with its participants (ordered by code).

    Raises
    ------
    NotFoundError
        No such comparison.
    """
    with db.read() as session:
        return _detail(_load(session, comparison_id))


def _load(session: Session, comparison_id: int) -> ComparisonRow:
    stmt = (
        select(ComparisonRow)
        .where(ComparisonRow.id == comparison_id)
        .options(selectinload(ComparisonRow.participants))
    )
    row = session.scalars(stmt).one_or_none()
    if row is None:
        raise NotFoundError("comparison", comparison_id)
    return row


def stored_method(row: ComparisonRow) -> AssignedMethod:
    """The stored method; free text from older records means "given" when a value is stored."""
    try:
        return AssignedMethod(row.assigned_value_method or "")
    except ValueError:
        if row.assigned_value is None and len(row.participants) >= MIN_VALUES_ALGORITHM_A:
            return AssignedMethod.ALGORITHM_A
        return AssignedMethod.PROVIDER


def _participant_info(p: ComparisonParticipantRow) -> ParticipantInfo:
    return ParticipantInfo(
        p.id,
        p.version,
        p.code,
        p.value,
        p.expanded_uncertainty,
        p.coverage_factor,
        p.method,
        p.measured_on,
        p.is_own_lab,
        p.instrument_id,
    )


def _detail(row: ComparisonRow) -> ComparisonDetail:
    participants = sorted(row.participants, key=lambda p: p.code)
    return ComparisonDetail(
        row.id,
        row.version,
        row.title,
        row.scheme,
        row.provider_name,
        row.measurand,
        row.unit,
        row.artefact,
        row.pilot_lab,
        row.protocol,
        row.role,
        row.started_on,
        row.ended_on,
        stored_method(row),
        row.assigned_value,
        row.assigned_uncertainty,
        row.assigned_coverage_factor,
        tuple(_participant_info(p) for p in participants),
        row.sigma_pt,
    )


# --- checking input --------------------------------------------------------------------------


def _fail(
    field: str, message: str, code: str, participant: str | None = None, **params: object
) -> ValidationError:
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
        raise _fail(field, f"{value!r} is not a number", "not_a_number", participant)
    try:
        if isinstance(value, str):
            return parse_decimal(value)
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise _fail(field, f"{value!r} is not a number", "not_a_number", participant)
        return check_decimal_bounds(number)  # stored as typed: held to the bounds of every number
    except NumberError as exc:
        if exc.reason != "out_of_range":
            raise _fail(field, f"{value!r} is not a number", "not_a_number", participant) from None
        shown = str(value)[:40]
        raise _fail(field, str(exc), "out_of_range", participant, text=shown) from None


def _positive_k(value: object, participant: str | None = None) -> Decimal | None:
    k = _decimal(value, "coverage_factor", participant)
    if k is not None and k <= 0:
        raise _fail("coverage_factor", f"k must be positive, got {k}", "not_positive", participant)
    return k


def _unit_text(text: str, participant: str | None = None) -> str:
    try:
        parse_unit(text)
    except UnitError:
        raise _fail(
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
        raise _fail(
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
            raise _fail(name, "a value is required", "required")
    row.title = data.title.strip()
    row.measurand = data.measurand.strip()
    row.unit = _unit_text(data.unit)
    for name in ("scheme", "provider_name", "artefact", "pilot_lab", "protocol"):
        setattr(row, name, (getattr(data, name) or "").strip() or None)
    row.role = data.role
    if data.started_on and data.ended_on and data.ended_on < data.started_on:
        raise _fail("ended_on", "the end is before the start", "order")
    row.started_on, row.ended_on = data.started_on, data.ended_on
    row.assigned_value_method = AssignedMethod(data.assigned_value_method).value
    row.assigned_value = _decimal(data.assigned_value, "assigned_value")
    row.assigned_uncertainty = _decimal(data.assigned_uncertainty, "assigned_uncertainty")
    if row.assigned_uncertainty is not None and row.assigned_uncertainty < 0:
        raise _fail("assigned_uncertainty", "U must not be negative", "not_positive")
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
        raise _fail("sigma_pt", "σ_pt must be positive", "not_positive")
    return sigma


def _sigma_quantity(text: str, unit: str) -> Decimal:
    """σ_pt typed as "number unit", converted to ``unit`` as a difference."""
    if not text.strip()[:1].isdigit() and text.strip()[:1] not in "+-.,":
        raise _fail("sigma_pt", f"{text!r} is not a number", "not_a_number")
    try:
        quantity = parse_quantity(text, default_unit=unit)
    except UnitError:
        raise _fail("sigma_pt", f"unknown unit in {text!r}", "unknown_unit", unit=text) from None
    try:
        number = to_unit(quantity, delta_unit(parse_unit(unit))).magnitude
    except UnitError:
        raise _fail(
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
        raise _fail("code", "a participant code is required", "required")
    if len(code) > 32:
        raise _fail("code", "at most 32 characters", "too_long", code)
    value = _decimal(data.value, "value", code)
    big_u = _decimal(data.expanded_uncertainty, "expanded_uncertainty", code)
    if big_u is not None and big_u < 0:
        raise _fail("expanded_uncertainty", "U must not be negative", "not_positive", code)
    row.coverage_factor = _positive_k(data.coverage_factor, code)
    if big_u is not None and row.coverage_factor is None:
        raise _fail("coverage_factor", "give the k of U", "required", code)
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
            raise _fail("code", "this code is already used", "duplicate", p.code)
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
        row = _load(uow.session, comparison_id)
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
        row = _load(uow.session, part.comparison_id)
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
            raise _fail(
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
        row = _load(uow.session, comparison_id)
        by_code = {p.code: p for p in row.participants}
        given: set[str] = set()
        for data in rows:
            code = (data.code or "").strip()
            if code in given:
                raise _fail("code", "the code appears twice", "duplicate", code)
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


# --- scoring ---------------------------------------------------------------------------------


def _participant_numbers(p: ParticipantInfo) -> tuple[float, float, float]:
    """(x, U, k) of a participant, each required for En and ζ."""
    if p.value is None:
        raise _fail("value", "no result", "required", p.code)
    if p.expanded_uncertainty is None:
        raise _fail("expanded_uncertainty", "no uncertainty: En and ζ need U", "required", p.code)
    if p.coverage_factor is None or p.coverage_factor <= 0:
        raise _fail("coverage_factor", "k must be a positive number", "not_positive", p.code)
    big_u = float(p.expanded_uncertainty)
    if big_u == 0:
        raise _fail("expanded_uncertainty", "U is zero", "not_positive", p.code)
    return float(p.value), big_u, float(p.coverage_factor)


def _robust(values: list[float]) -> tuple[float, float]:
    if len(values) < MIN_VALUES_ALGORITHM_A:
        raise _fail(
            "participants",
            f"Algorithm A needs at least {MIN_VALUES_ALGORITHM_A} results, got {len(values)}",
            "too_few",
            needed=MIN_VALUES_ALGORITHM_A,
            got=len(values),
        )
    try:
        return mc.algorithm_a(values)
    except ComparisonError as exc:
        raise _fail("participants", str(exc), "robust_failed") from exc


def _pilot(detail: ComparisonDetail) -> ParticipantInfo:
    for p in detail.participants:
        own_pilot = detail.role == ComparisonRole.PILOT and p.is_own_lab
        if own_pilot or (detail.pilot_lab and p.code == detail.pilot_lab):
            return p
    raise _fail("pilot_lab", "the pilot laboratory is not among the participants", "no_pilot")


def _assigned(
    detail: ComparisonDetail, method: AssignedMethod, numbers: list[tuple[float, float, float]]
) -> tuple[float, float, float]:
    """(X, u(X), k) of the assigned value."""
    if method == AssignedMethod.PROVIDER:
        if detail.assigned_value is None or detail.assigned_uncertainty is None:
            raise _fail("assigned_value", "no assigned value and U were given", "required")
        k = detail.assigned_coverage_factor
        if k is None or k <= 0:
            raise _fail(
                "coverage_factor", "k of the assigned value must be positive", "not_positive"
            )
        u = mc.standard_from_expanded(float(detail.assigned_uncertainty), float(k))
        return float(detail.assigned_value), u, float(k)
    if method == AssignedMethod.PILOT:
        x, big_u, k_pilot = _participant_numbers(_pilot(detail))
        return x, big_u / k_pilot, k_pilot
    if method == AssignedMethod.WEIGHTED_MEAN:
        if len(numbers) < 2:
            raise _fail("participants", "the weighted mean needs 2 results", "too_few", needed=2)
        wm = mc.weighted_mean([n[0] for n in numbers], [n[1] / n[2] for n in numbers])
        return wm.mean, wm.u, COMPUTED_K
    x_star, s_star = _robust([n[0] for n in numbers])
    return x_star, mc.u_assigned_robust(s_star, len(numbers)), COMPUTED_K


def _score(
    p: ParticipantInfo,
    xyz: tuple[float, float, float],
    ref: tuple[float, float, float],
    sigma_pt: float | None,
) -> ParticipantScore:
    x, big_u, k = xyz
    x_ref, u_ref, k_ref = ref
    u = big_u / k
    en = mc.en_number(x, big_u, x_ref, u_ref * k_ref)
    zeta = mc.zeta_score(x, u, x_ref, u_ref)
    z = z_prime = None
    if sigma_pt:
        z, z_prime = mc.z_score(x, x_ref, sigma_pt), mc.z_prime_score(x, x_ref, sigma_pt, u_ref)
    return ParticipantScore(
        p.code,
        p.is_own_lab,
        x,
        big_u,
        k,
        u,
        en,
        mc.classify_en(en),
        zeta,
        mc.classify_score(zeta),
        z,
        None if z is None else mc.classify_score(z),
        z_prime,
        None if z_prime is None else mc.classify_score(z_prime),
    )


def score_comparison(
    db: Database,
    comparison_id: int,
    method: AssignedMethod | str | None = None,
    sigma_pt: Decimal | float | str | None = None,
) -> ComparisonResult:
    """Assigned value and every participant's En, ζ, z and z′ (nothing is saved).

    Parameters
    ----------
    method : AssignedMethod, optional
        How to obtain the assigned value; the comparison's stored method when omitted.
    sigma_pt : number or text, optional
        Standard deviation for proficiency assessment σ_pt (text may carry a unit, see
        :func:`sigma_pt_in`); when omitted the comparison's stored σ_pt, else s* of Algorithm A
        if there are enough results, otherwise z and z′ are left out.

    Raises
    ------
    ValidationError
        A participant without a value or U, k <= 0, too few results for Algorithm A, no pilot
        among the participants, no given value for ``provider``.
    """
    detail = get_comparison(db, comparison_id)
    chosen = AssignedMethod(method) if method is not None else detail.assigned_value_method
    if not detail.participants:
        raise _fail("participants", "no participant results", "too_few", needed=1, got=0)
    numbers = [_participant_numbers(p) for p in detail.participants]
    ref = _assigned(detail, chosen, numbers)
    x_star = s_star = None
    if len(numbers) >= MIN_VALUES_ALGORITHM_A:
        x_star, s_star = _robust([n[0] for n in numbers])
    given = sigma_pt_in(sigma_pt, detail.unit)
    if given is None:
        given = detail.sigma_pt
    sigma = float(given) if given is not None else s_star
    if sigma is not None and not sigma > 0:
        raise _fail("sigma_pt", "σ_pt must be positive", "not_positive")
    scores = tuple(
        _score(p, n, ref, sigma) for p, n in zip(detail.participants, numbers, strict=True)
    )
    x_ref, u_ref, k_ref = ref
    return ComparisonResult(
        comparison_id, chosen, detail.unit, x_ref, u_ref, u_ref * k_ref, k_ref, sigma, x_star,
        s_star, scores,
    )  # fmt: skip


def input_from_detail(detail: ComparisonDetail, **changes: object) -> ComparisonInput:
    """The :class:`ComparisonInput` that would store ``detail`` again, with ``changes``."""
    names = {f.name for f in fields(ComparisonInput)}
    values = {name: getattr(detail, name) for name in names}
    values.update(changes)
    return ComparisonInput(**values)
