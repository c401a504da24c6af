"""Failed-standard impact (ISO/IEC 17025 7.10, JJF 1033): what a standard found out of tolerance
put at risk, and the pure rule that re-evaluates each result it served.

Vocabulary
----------
* :class:`Assessment` of a point, an event or an item: affected, possibly affected, not affected,
  not assessable.  An event's assessment is its worst point (affected > possibly affected >
  not assessable > not affected).
* :class:`ItemAction`: what the manager decides per affected event (recall, re-calibrate, notify
  the customer, no action), always with a reason.

The re-evaluation rule (:func:`reassess_point`)
-----------------------------------------------
The standard S was found with an as-found error ``e`` (:class:`AsFoundError`).  A result that used S
took S's value as its reference, so its recorded error of indication ``x`` is off by the error S
had on that day: the true error is ``x + e`` (S read ``e`` high, so every error measured against
it reads ``e`` low).  When, between S's last good calibration and the failing event, S drifted
away is unknown: on the day of a given result S's error lay anywhere between none and ``e``.

1. ``e`` is transferred to the point as ``δ``: S's error at the point's nominal, interpolated
   between S's calibrated nominals and never extrapolated (outside them: not assessable), absolute
   for lengths and temperatures, relative otherwise
   (:func:`labapp.domain.impact_transfer.transfer_at`, given S's :class:`ErrorTable` s); or, given
   one :class:`AsFoundError`, that error everywhere (:func:`transfer`).
2. **Worst case, corrected**: the point re-decided as if S had its full as-found error that day,
   error ``x + δ`` with the point's own U, under the lab's decision rule.  A FAIL here means the
   result may have been released out of tolerance: *affected*.
3. **Added to the uncertainty**: ``|δ|`` is added **linearly** to the expanded uncertainty,
   ``U' = U + |δ|``, and the recorded error ``x`` re-decided with a guard band ``w = r·U'`` (the
   lab's ``r``; 1 under simple acceptance, where U would otherwise play no part).  Linearly, not in
   quadrature with a k: ``δ`` is a systematic effect of known size and unknown timing, not a
   random effect with a distribution and a coverage factor, and a root-sum-square would understate
   it exactly where an investigation matters (GUM F.2.4.5 adds an uncorrected bias to U).  A
   conditional verdict here means conformity can no longer be stated unconditionally.
4. The decision after is the less favourable of 2 and 3 (decisions via
   :func:`labapp.metrology.conformity.decide` through :func:`labapp.domain.points.evaluate_point`);
   the decision before is the lab's rule on the point as recorded.  Unchanged or more favourable
   → not affected; worse and FAIL → affected; worse and conditional (pass → conditional pass or
   fail) → possibly affected.  No MPE or tolerance, a point without a reference or an indication,
   a unit that cannot be compared with S's → not assessable, with the reason
   (:class:`NotAssessable`).

Results further down (items calibrated with items S calibrated) carry no point of S: they are
possibly affected when the upstream event through which they are reached is affected or possibly
affected, else not affected (:func:`downstream_assessment`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Any

from labapp.domain.enums import Decision
from labapp.domain.errors import ValidationError
from labapp.domain.impact_transfer import ErrorTable, transfer_at
from labapp.domain.point_values import PointValues, unit_of
from labapp.domain.points import DecisionRule, evaluate_point, unit_text
from labapp.domain.quantities import Measured
from labapp.metrology.errors import MetrologyError
from labapp.metrology.units import Quantity, delta_unit, to_unit

__all__ = [
    "RELATIVE_UNIT",
    "AsFoundError",
    "Assessment",
    "InvestigationStatus",
    "ItemAction",
    "NotAssessable",
    "PointReassessment",
    "as_found_error",
    "as_found_errors",
    "downstream_assessment",
    "error_for",
    "reassess_point",
    "transfer",
    "worst",
]

#: The unit of a relative as-found error.
RELATIVE_UNIT = "%"
#: Significant digits kept of a relative as-found error computed from a point.
RELATIVE_DIGITS = 4
#: Kinds of quantity whose errors stay absolute (a block's deviation does not scale with length).
_ABSOLUTE_KINDS = ("[length]", "[temperature]")


class Assessment(StrEnum):
    """What a failed standard means for one result."""

    AFFECTED = "affected"
    POSSIBLY_AFFECTED = "possibly_affected"
    NOT_AFFECTED = "not_affected"
    NOT_ASSESSABLE = "not_assessable"


class ItemAction(StrEnum):
    """The manager's decision on one affected result."""

    RECALL = "recall"
    RECALIBRATE = "recalibrate"
    NOTIFY_CUSTOMER = "notify_customer"
    NO_ACTION = "no_action"


class InvestigationStatus(StrEnum):
    """An investigation is open (actions being decided), then closed (read-only)."""

    OPEN = "open"
    CLOSED = "closed"


class NotAssessable(StrEnum):
    """Why a point (or an event) cannot be re-evaluated."""

    NO_TOLERANCE = "no_tolerance"
    INCOMMENSURABLE = "incommensurable"
    INCOMPLETE = "incomplete"
    OFFSET_SCALE = "offset_scale"
    NO_POINTS = "no_points"
    OUTSIDE_RANGE = "outside_range"  # outside the standard's calibrated nominals
    NO_UNCERTAINTY = "no_uncertainty"  # the guard-band rule without U


#: Worst first: an event's assessment is the first of these found among its points.
_SEVERITY = (
    Assessment.AFFECTED,
    Assessment.POSSIBLY_AFFECTED,
    Assessment.NOT_ASSESSABLE,
    Assessment.NOT_AFFECTED,
)
#: How unfavourable a decision is (NONE is never compared: no tolerance → not assessable).
_RANK = {
    Decision.PASS: 0,
    Decision.CONDITIONAL_PASS: 1,
    Decision.CONDITIONAL_FAIL: 2,
    Decision.FAIL: 3,
}


@dataclass(frozen=True)
class AsFoundError:
    """The standard's as-found error: relative (unit ``%``) or absolute (a difference unit).

    ``reference_unit`` is the unit of the standard's reference values: only points commensurable
    with it can receive the error.
    """

    value: Decimal
    unit: str
    reference_unit: str

    @property
    def relative(self) -> bool:
        """True for a relative error (a percentage of the reference value)."""
        return self.unit == RELATIVE_UNIT

    def __str__(self) -> str:
        return f"{self.value} {self.unit}"


@dataclass(frozen=True)
class PointReassessment:
    """A point before and after adding the standard's as-found error.

    ``unit`` is the unit of ``error``, ``u_before``, ``u_after`` and ``shift`` (the point's error
    unit); they are None when the point is not assessable for lack of data.
    """

    error: Decimal | None
    u_before: Decimal | None
    u_after: Decimal | None
    shift: Decimal | None
    unit: str
    decision_before: Decision
    decision_after: Decision
    assessment: Assessment
    reason: NotAssessable | None = None
    source: str | None = None  # the nominal(s) of S the shift came from (or S's range)


def _quantity(value: Measured | None) -> Any:
    return None if value is None else Quantity(value.value, unit_of(value.unit or ""))


def _is_offset(unit: Any) -> bool:
    return bool(delta_unit(unit) != unit)


def as_found_errors(
    points: Iterable[tuple[Measured, Measured]],
) -> tuple[AsFoundError, ...]:
    """The as-found errors of a standard from its (reference, indication) pairs: the largest of
    each kind of quantity (a multifunction calibrator's volts and ohms each get their own).

    Each pair gives ``indication − reference``; relative to the reference (``%``, 4 significant
    digits) unless the reference is a length, a temperature or zero, where the error stays
    absolute in the difference unit (mm, K).  The largest magnitude of each kind is kept: the
    investigation's headline figure.  The results themselves get the error at their own nominal
    (:mod:`labapp.domain.impact_transfer`).  Ordered largest first.

    Raises
    ------
    ValidationError
        ``field="as_found"``, ``code="required"`` when no pair has both values.
    """
    best: dict[str, AsFoundError] = {}
    for reference, indication in points:
        found = _one_error(reference, indication)
        kind = _kind(found.reference_unit)
        if kind not in best or abs(found.value) > abs(best[kind].value):
            best[kind] = found
    if not best:
        raise ValidationError("as_found", "no as-found point with a value", code="required")
    return tuple(sorted(best.values(), key=lambda e: (e.relative, abs(e.value)), reverse=True))


def as_found_error(points: Iterable[tuple[Measured, Measured]]) -> AsFoundError:
    """The largest of :func:`as_found_errors` (relative errors first)."""
    return as_found_errors(points)[0]


def error_for(errors: Sequence[AsFoundError], reference: Measured) -> AsFoundError:
    """The error of the kind of ``reference`` (the first one when none is of that kind)."""
    kind = _kind(reference.unit)
    return next((e for e in errors if _kind(e.reference_unit) == kind), errors[0])


def _kind(unit: str) -> str:
    return str(delta_unit(unit_of(unit or "")).dimensionality)


def _one_error(reference: Measured, indication: Measured) -> AsFoundError:
    ref, ind = _quantity(reference), _quantity(indication)
    ref_value: Decimal = to_unit(ref, ind.units).magnitude
    error = indication.value - ref_value
    if _is_offset(ind.units) or ref_value == 0 or _kind(reference.unit) in _ABSOLUTE_KINDS:
        unit = unit_text(delta_unit(ind.units))
        return AsFoundError(error, "K" if unit == "Δ°C" else unit, reference.unit)
    with localcontext() as ctx:
        ctx.prec = RELATIVE_DIGITS
        relative = +(error / ref_value * 100)
    return AsFoundError(relative, RELATIVE_UNIT, reference.unit)


def transfer(error: AsFoundError, reference: Measured, error_unit: str) -> Decimal:
    """The as-found error ``error`` at a point of reference ``reference``, in ``error_unit``.

    Raises
    ------
    ValidationError
        ``code="incommensurable"`` when the point's reference cannot be compared with the
        standard's; ``code="offset_scale"`` for a relative error on an absolute temperature.
    """
    ref = _quantity(reference)
    if (
        delta_unit(ref.units).dimensionality
        != delta_unit(unit_of(error.reference_unit)).dimensionality
    ):
        raise ValidationError(
            "reference", "not commensurable with the standard", code="incommensurable",
            params={"unit": reference.unit, "expected": error.reference_unit},
        )  # fmt: skip
    target = unit_of(error_unit)
    if error.relative:
        if _is_offset(ref.units):
            raise ValidationError("reference", "relative error on an offset scale",
                                  code="offset_scale")  # fmt: skip
        magnitude: Decimal = to_unit(ref, target).magnitude
        with localcontext() as ctx:
            ctx.prec = RELATIVE_DIGITS
            return +(abs(magnitude) * error.value / 100)
    absolute = Quantity(error.value, delta_unit(unit_of(error.unit)))
    shifted: Decimal = to_unit(absolute, delta_unit(target)).magnitude
    return shifted


def _as_difference(value: Measured, unit: str) -> Decimal:
    source = Quantity(value.value, delta_unit(unit_of(value.unit or unit)))
    converted: Decimal = to_unit(source, delta_unit(unit_of(unit))).magnitude
    return converted


def _not_assessable(
    reason: NotAssessable, before: Decision = Decision.NONE, unit: str = "", source: Any = None
) -> PointReassessment:
    return PointReassessment(None, None, None, None, unit, before, Decision.NONE,
                             Assessment.NOT_ASSESSABLE, reason, source)  # fmt: skip


_CODES = {"required_by_rule": NotAssessable.NO_UNCERTAINTY}


def _shift(
    error: AsFoundError | Sequence[ErrorTable], reference: Measured, unit: str
) -> tuple[Decimal, str | None]:
    if isinstance(error, AsFoundError):
        return transfer(error, reference, unit), None
    found = transfer_at(error, reference, unit)
    return found.value, found.source


def _verdict(before: Decision, after: Decision) -> Assessment:
    if _RANK[after] <= _RANK[before]:
        return Assessment.NOT_AFFECTED
    return Assessment.AFFECTED if after is Decision.FAIL else Assessment.POSSIBLY_AFFECTED


def reassess_point(
    point: PointValues,
    error: AsFoundError | Sequence[ErrorTable],
    *,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: float = 1.0,
) -> PointReassessment:
    """Re-evaluate one recorded point with the standard's as-found error (module docstring).

    Parameters
    ----------
    point
        The point as stored.
    error
        The standard's as-found errors by nominal (transferred at the point's nominal), or one
        as-found error applied as it is.
    rule, guard_band_factor
        The decision rule the lab applies (the one the event's decision was made with).

    Returns
    -------
    PointReassessment
        Error, U before and after, the shift, both decisions and the assessment (or the reason
        the point is not assessable).
    """
    if point.reference is None or point.indication is None:
        return _not_assessable(NotAssessable.INCOMPLETE)
    if point.mpe is None and point.lower is None and point.upper is None:
        return _not_assessable(NotAssessable.NO_TOLERANCE)
    try:
        return _reassess(point, error, rule, guard_band_factor)
    except ValidationError as exc:
        code = _CODES.get(exc.code, exc.code)
        known = code if code in set(NotAssessable) else NotAssessable.INCOMMENSURABLE
        return _not_assessable(NotAssessable(known), source=exc.params.get("range"))
    except MetrologyError:
        return _not_assessable(NotAssessable.INCOMMENSURABLE)


def _reassess(
    point: PointValues,
    error: AsFoundError | Sequence[ErrorTable],
    rule: DecisionRule,
    factor: float,
) -> PointReassessment:
    assert point.reference is not None and point.indication is not None  # checked by the caller
    limits = (_quantity(point.mpe), _quantity(point.lower), _quantity(point.upper))
    nominal, reference = _quantity(point.nominal), _quantity(point.reference)
    big_u, k = _quantity(point.expanded_uncertainty), point.coverage_factor

    def decide(indication: Measured, u: Any, rule: DecisionRule, factor: float) -> Any:
        return evaluate_point(nominal, reference, _quantity(indication), u, k, *limits,
                              rule=rule, guard_band_factor=factor)  # fmt: skip

    before = decide(point.indication, big_u, rule, factor)
    unit = before.error_unit
    if before.decision is Decision.NONE:
        return _not_assessable(NotAssessable.NO_TOLERANCE, before.decision, unit)
    shift, source = _shift(error, point.reference, unit)
    u_before = Decimal(0) if point.expanded_uncertainty is None else _as_difference(
        point.expanded_uncertainty, unit)  # fmt: skip
    u_after = u_before + abs(shift)
    shifted = Measured(point.indication.value + shift, point.indication.unit)
    after = decide(shifted, big_u, rule, factor).decision
    if after is not Decision.FAIL:  # nothing is worse than FAIL: skip the second decision
        widened_u = Quantity(u_after, delta_unit(unit_of(unit)))
        r = factor if rule is DecisionRule.GUARD_BAND else 1.0
        widened = decide(point.indication, widened_u, DecisionRule.GUARD_BAND, r).decision
        after = max(after, widened, key=_RANK.__getitem__)
    return PointReassessment(before.error, u_before, u_after, shift, unit, before.decision,
                             after, _verdict(before.decision, after), None, source)  # fmt: skip


def worst(assessments: Iterable[Assessment]) -> Assessment:
    """The most serious assessment (an event's is its worst point); none → not assessable."""
    seen = set(assessments)
    for assessment in _SEVERITY:
        if assessment in seen:
            return assessment
    return Assessment.NOT_ASSESSABLE


def downstream_assessment(upstream: Assessment) -> Assessment:
    """A result reached through an upstream result: possibly affected if that one is at risk."""
    at_risk = upstream in (Assessment.AFFECTED, Assessment.POSSIBLY_AFFECTED)
    return Assessment.POSSIBLY_AFFECTED if at_risk else Assessment.NOT_AFFECTED
