"""One calibration point, evaluated as typed: error of indication, its unit, and the decision.

Rules (pure, no database):

* Values come as pint quantities with ``Decimal`` magnitudes or as the text a person typed
  (``"10,003 V"``: decimal comma accepted); the typed digits are kept.  LabApp's own callers
  parse text once where it is typed and evaluate typed points with
  :func:`labapp.domain.point_values.evaluate_values`; the text path serves a metrologist's script.
* The error is ``indication - reference`` computed in ``Decimal`` in the indication's unit, the
  reference converted exactly with :func:`labapp.metrology.units.to_unit`.  The error of an
  absolute temperature reading (°C, °F) is a temperature *difference*: it is reported in K
  (1 K = 1 °C as a difference; the catalogue's and the certificates' convention) or Δ°F.
* U, the MPE and tolerance limits are differences too: ``"0.05 K"`` or ``"0.05 °C"`` with a
  reading in °C both mean 0.05 K.  A dimensionless MPE (``"0.01 %"``, ``"50 ppm"``) is relative to
  the reference value.
* The decision is :func:`labapp.metrology.conformity.decide` on ``[-MPE, +MPE]`` (or the given
  lower/upper limits) with the lab's rule; no MPE and no limits → :attr:`Decision.NONE`.
* A guard band is w = r·U: without U it cannot be placed, so the guard-band rule refuses to
  decide a point with a tolerance and no U (``expanded_uncertainty``, ``code="required_by_rule"``)
  rather than pass it on w = 0.  (U typed as 0 is a statement and is used.)
* Every point carries its capability ratio, tolerance half-width / U
  (:func:`labapp.domain.capability.capability_ratio`: JJF 1094 wants at least 3).
* Bad input raises :class:`ValidationError` naming the field (``"indication"``, ``"mpe"`` ...),
  with ``code`` ``"required"``, ``"not_a_quantity"``, ``"out_of_range"`` (a number beyond the
  bounds of :mod:`labapp.metrology.units`), ``"below_absolute_zero"`` (the nominal, reference or
  indication in K, °C or °F below 0 K), ``"incommensurable"`` (also a difference ``Δ°C`` against
  an absolute ``°C``) or ``"invalid"``; never a pint exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from labapp.domain.capability import capability_ratio
from labapp.domain.enums import Decision, EventResult, Stage
from labapp.domain.errors import ValidationError
from labapp.metrology.conformity import DecisionRule, Verdict, decide
from labapp.metrology.errors import AbsoluteZeroError, MetrologyError, NumberError
from labapp.metrology.units import (
    Quantity,
    UnitError,
    check_absolute_temperature,
    check_decimal_bounds,
    delta_unit,
    parse_decimal,
    parse_quantity,
    parse_unit,
    to_unit,
    ureg,
)

__all__ = [
    "DecisionRule",
    "PointEvaluation",
    "evaluate_point",
    "overall_result",
    "parse_field",
    "parse_number",
    "unit_problem",
    "unit_text",
]

_VERDICTS = {
    Verdict.PASS: Decision.PASS,
    Verdict.FAIL: Decision.FAIL,
    Verdict.CONDITIONAL_PASS: Decision.CONDITIONAL_PASS,
    Verdict.CONDITIONAL_FAIL: Decision.CONDITIONAL_FAIL,
}
# Differences of absolute temperatures are written in these units.
_DIFFERENCE_SYMBOL = {"degree_Celsius": "K", "degree_Fahrenheit": "Δ°F"}


@dataclass(frozen=True)
class PointEvaluation:
    """The evaluated point: error (typed digits kept) in ``error_unit``, decision, a summary.

    ``capability`` is the tolerance half-width over U (None: no U or no two-sided tolerance).
    """

    error: Decimal
    error_unit: str
    decision: Decision
    message: str
    capability: Decimal | None = None


def unit_text(unit: Any) -> str:
    """The short symbol LabApp stores for a pint unit (``"mV"``, ``"°C"``, ``"%RH"``)."""
    return f"{unit:~P}"


def parse_field(value: Any, field: str, *, required: bool = True) -> Any:
    """Parse one typed quantity, naming ``field`` in the :class:`ValidationError` it raises.

    Parameters
    ----------
    value
        Text as typed (``"10.00 mV"``), a pint quantity, or ``None``/blank.
    field
        The input's name, reported in the error.
    required
        Refuse a missing value (``code="required"``) instead of returning ``None``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "a value is required", code="required")
        return None
    if isinstance(value, ureg.Quantity):
        if isinstance(value.magnitude, Decimal):
            try:
                check_decimal_bounds(value.magnitude)
            except UnitError as exc:
                raise unit_problem(exc, field, str(value.magnitude)) from exc
        return value
    if not isinstance(value, str):
        raise ValidationError(field, f"expected text or a quantity, got {value!r}", code="invalid")
    try:
        return parse_quantity(value)
    except UnitError as exc:
        raise unit_problem(exc, field, value) from exc


def unit_problem(exc: UnitError, field: str, text: str) -> ValidationError:
    """The :class:`ValidationError` for a quantity refused by :mod:`labapp.metrology.units`.

    Parameters
    ----------
    exc
        The refusal (``NumberError`` out of range, ``AbsoluteZeroError``, or any ``UnitError``).
    field, text
        The input's name and what was typed (shortened to 40 characters in ``params``).
    """
    shown = text if len(text) <= 40 else text[:40] + "…"
    if isinstance(exc, NumberError) and exc.reason == "out_of_range":
        return ValidationError(field, str(exc), code="out_of_range", params={"text": shown})
    if isinstance(exc, AbsoluteZeroError):
        return ValidationError(field, str(exc), code="below_absolute_zero", params={"text": shown})
    return ValidationError(field, str(exc), code="not_a_quantity", params={"text": shown})


def _absolute(quantity: Any, field: str) -> Any:
    """A point value (nominal, reference, indication) in K, °C or °F is at or above 0 K."""
    try:
        return check_absolute_temperature(quantity)
    except AbsoluteZeroError as exc:
        raise unit_problem(exc, field, f"{quantity.magnitude} {unit_text(quantity.units)}") from exc


def _difference_unit(unit: Any) -> Any:
    """The unit of a difference of values in ``unit`` (K for °C)."""
    name = str(unit)
    return parse_unit(_DIFFERENCE_SYMBOL[name]) if name in _DIFFERENCE_SYMBOL else unit


def _same_kind(quantity: Any, target: Any, field: str) -> None:
    """Refuse units of another kind, and a difference (Δ°C) against an absolute °C or °F."""
    names = {str(quantity.units), str(target)}
    mixed = bool(names & set(_DIFFERENCE_SYMBOL)) and any(n.startswith("delta_") for n in names)
    if mixed or delta_unit(quantity.units).dimensionality != delta_unit(target).dimensionality:
        raise ValidationError(
            field,
            f"{unit_text(quantity.units)} is not commensurable with {unit_text(target)}",
            code="incommensurable",
            params={"unit": unit_text(quantity.units), "expected": unit_text(target)},
        )


def _as_difference(quantity: Any, target: Any, field: str) -> Decimal:
    """A difference (U, MPE, limit) as an exact Decimal in the difference unit ``target``."""
    _same_kind(quantity, target, field)
    source = Quantity(_decimal(quantity.magnitude, field), delta_unit(quantity.units))
    magnitude: Decimal = to_unit(source, delta_unit(target)).magnitude
    return magnitude


def _decimal(value: Any, field: str) -> Decimal:
    """A number given as a Decimal, an int or text, held to the bounds of every number."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if isinstance(value, Decimal):
        try:  # k is stored as given: held to the bounds of every number
            return check_decimal_bounds(value)
        except UnitError as exc:
            raise unit_problem(exc, field, str(value)[:40]) from exc
    if isinstance(value, str):
        number = parse_number(value, field, required=True)
        assert number is not None  # required
        return number
    raise ValidationError(field, f"not a number: {value!r}"[:200], code="not_a_number")


def parse_number(text: str | None, field: str, *, required: bool = False) -> Decimal | None:
    """A number typed alone (k, a factor, a cost) by LabApp's one number rule,
    :func:`~labapp.metrology.units.parse_decimal`: typed digits kept, a decimal comma accepted.

    ``text`` blank is None (``required``: refused); ``field`` names the input in the error.

    Raises
    ------
    ValidationError
        ``code`` ``required``, ``not_a_number`` or ``out_of_range``, ``params={"text": …}``.
    """
    if text is None or not text.strip():
        if required:
            raise ValidationError(field, "a value is required", code="required")
        return None
    try:
        return parse_decimal(text)
    except NumberError as exc:
        params = {"text": text if len(text) <= 40 else text[:40] + "…"}
        if exc.reason == "out_of_range":
            raise ValidationError(field, str(exc), code="out_of_range", params=params) from exc
        raise ValidationError(field, str(exc), code="not_a_number", params=params) from exc


def _coverage_factor(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    k = _decimal(value, "coverage_factor")
    if k <= 0:
        raise ValidationError("coverage_factor", "must be positive", code="not_positive")
    return k


def _reference_in(reference: Any, indication: Any) -> Decimal:
    """The reference value converted exactly to the indication's unit."""
    _same_kind(reference, indication.units, "reference")
    if not isinstance(reference.magnitude, Decimal):
        reference = Quantity(_decimal(reference.magnitude, "reference"), reference.units)
    value: Decimal = to_unit(reference, indication.units).magnitude
    return value


def _tolerance(
    mpe: Any, lower: Any, upper: Any, reference: Decimal, unit: Any
) -> tuple[Decimal | None, Decimal | None]:
    if mpe is not None:
        if not mpe.units.dimensionality and unit.dimensionality:
            # Relative MPE: of the reference value, in the indication's unit (whose difference
            # unit has the same scale: °C → K).
            relative: Decimal = to_unit(mpe, ureg.dimensionless).magnitude
            limit = abs(reference) * relative
        else:
            limit = _as_difference(mpe, unit, "mpe")
        if limit < 0:
            raise ValidationError("mpe", "the MPE is a positive number", code="not_positive")
        return -limit, limit
    low = None if lower is None else _as_difference(lower, unit, "lower")
    high = None if upper is None else _as_difference(upper, unit, "upper")
    if low is not None and high is not None and low > high:
        raise ValidationError("lower", "the lower limit is above the upper limit", code="order")
    return low, high


def evaluate_point(
    nominal: Any,
    reference: Any,
    indication: Any,
    expanded_uncertainty: Any = None,
    coverage_factor: Any = None,
    mpe: Any = None,
    lower: Any = None,
    upper: Any = None,
    *,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: float = 1.0,
) -> PointEvaluation:
    """Evaluate one point: error of indication and the conformity decision.

    Parameters
    ----------
    nominal
        The nominal value (optional; checked commensurable with the indication).
    reference, indication
        The reference (standard) value and the unit under test's indication (required).
    expanded_uncertainty, coverage_factor
        U of the error and its k (optional; U is a difference).
    mpe
        Maximum permissible error, symmetric ``±mpe`` (a difference, or relative: ``%``/``ppm``).
    lower, upper
        Asymmetric tolerance limits on the error, used when no MPE is given.
    rule, guard_band_factor
        The lab's decision rule (simple acceptance, or guard band ``w = r·U``).

    Returns
    -------
    PointEvaluation
        Error with the digits that follow from the inputs, its unit, the decision, a summary and
        the capability ratio.

    Raises
    ------
    ValidationError
        A field is missing, not a quantity, or not commensurable (``field`` names it); the
        guard-band rule without U (``code="required_by_rule"``).
    """
    ind = _absolute(parse_field(indication, "indication"), "indication")
    ref = _absolute(parse_field(reference, "reference"), "reference")
    nom = parse_field(nominal, "nominal", required=False)
    if nom is not None:
        _same_kind(_absolute(nom, "nominal"), ind.units, "nominal")
    ref_value = _reference_in(ref, ind)
    error = _decimal(ind.magnitude, "indication") - ref_value
    unit = _difference_unit(ind.units)
    big_u = parse_field(expanded_uncertainty, "expanded_uncertainty", required=False)
    u_value = Decimal(0) if big_u is None else _as_difference(big_u, unit, "expanded_uncertainty")
    if u_value < 0:
        raise ValidationError("expanded_uncertainty", "U cannot be negative", code="not_positive")
    _coverage_factor(coverage_factor)
    low, high = _tolerance(
        parse_field(mpe, "mpe", required=False),
        parse_field(lower, "lower", required=False),
        parse_field(upper, "upper", required=False),
        ref_value,
        unit,
    )
    if rule is DecisionRule.GUARD_BAND and big_u is None and (low, high) != (None, None):
        raise ValidationError(
            "expanded_uncertainty",
            "the guard-band rule needs U to place the guard band",
            code="required_by_rule",
        )
    decision = _decision(error, u_value, low, high, rule, guard_band_factor)
    symbol = unit_text(unit)
    ratio = capability_ratio(None if big_u is None else u_value, low, high)
    message = _message(error, symbol, low, high, decision)
    return PointEvaluation(error, symbol, decision, message, ratio)


def _decision(
    error: Decimal,
    u_value: Decimal,
    low: Decimal | None,
    high: Decimal | None,
    rule: DecisionRule,
    guard_band_factor: float,
) -> Decision:
    if low is None and high is None:
        return Decision.NONE
    try:
        verdict = decide(error, u_value, low, high, rule=rule, guard_band_factor=guard_band_factor)
    except MetrologyError as exc:
        raise ValidationError("mpe", str(exc), code="invalid") from exc
    return _VERDICTS[verdict]


def _message(
    error: Decimal, unit: str, low: Decimal | None, high: Decimal | None, decision: Decision
) -> str:
    text = f"error {error} {unit}"
    if low is None and high is None:
        return f"{text} (no tolerance: no decision)"
    if low is not None and high is not None and low == -high:
        return f"{text} against ±{_short(high)} {unit}: {decision.value}"
    return f"{text} against [{low}, {high}] {unit}: {decision.value}"


def _short(value: Decimal) -> str:
    return format(value.normalize(), "f")


def overall_result(
    decisions: Iterable[Decision], default: EventResult = EventResult.NO_DECISION
) -> EventResult:
    """The event's result from its points' decisions.

    Any FAIL → FAIL; else any conditional → CONDITIONAL; else at least one PASS → PASS
    (points without a tolerance, :attr:`Decision.NONE`, do not count); no decided point →
    ``default`` (NO_DECISION, or the verdict a verification without points states).
    """
    seen = set(decisions) - {Decision.NONE}
    if Decision.FAIL in seen:
        return EventResult.FAIL
    if seen & {Decision.CONDITIONAL_PASS, Decision.CONDITIONAL_FAIL}:
        return EventResult.CONDITIONAL
    if Decision.PASS in seen:
        return EventResult.PASS
    return default


def event_result(
    decisions: Iterable[tuple[Stage, Decision]], stated: EventResult | None = None
) -> EventResult:
    """The event's result from ``(stage, decision)`` of its points: the one rule for all.

    The as-left points decide when the event has any (the item as it leaves the lab); an event
    with as-found points only (nothing adjusted) is decided by those; with no decided point, the
    ``stated`` verdict (a verification without points) or NO_DECISION.  The event dialog and the
    event service both call this, so the dialog never contradicts the record.
    """
    pairs = list(decisions)
    stages = {stage for stage, _ in pairs}
    deciding = Stage.AS_LEFT if Stage.AS_LEFT in stages else Stage.AS_FOUND
    chosen = [d for stage, d in pairs if stage == deciding]
    return overall_result(chosen, stated or EventResult.NO_DECISION)
