"""Statements of conformity: decision rules (ILAC-G8:09/2019, JCGM 106:2012) and their risks.

Decision rules, with the guard band ``w = r · U`` (``r`` = ``guard_band_factor``):

* :attr:`DecisionRule.SIMPLE` (ILAC-G8 4.2.1, w = 0): a result inside the closed tolerance
  interval passes, outside fails.  Simple acceptance gives no conditional verdicts; the risk of a
  false accept reaches 50 % for a result on a limit.
* :attr:`DecisionRule.GUARD_BAND` (ILAC-G8 4.2.2): acceptance zone ``[lower + w, upper - w]`` ->
  PASS; inside the tolerance but outside the acceptance zone -> CONDITIONAL_PASS; outside the
  tolerance by at most ``w`` -> CONDITIONAL_FAIL; further out -> FAIL.  With w = U (k = 2) a
  result on the acceptance limit has a specific false-accept risk of 1 - Φ(2) = 2.3 %.

Values may be floats, Decimals or pint quantities (converted to the measured value's unit; the
uncertainty to the matching delta unit).  One-sided tolerances pass ``lower`` or ``upper`` only.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from typing import Any

from labapp.metrology import _checks
from labapp.metrology.errors import ConformityError
from labapp.metrology.units import magnitude_in, uncertainty_in, ureg

__all__ = ["DecisionRule", "Risk", "Verdict", "decide", "global_risk", "specific_pfa"]


class Verdict(enum.Enum):
    """Outcome of a conformity decision."""

    PASS = "pass"
    FAIL = "fail"
    CONDITIONAL_PASS = "conditional_pass"
    CONDITIONAL_FAIL = "conditional_fail"


class DecisionRule(enum.Enum):
    """Decision rule of ILAC-G8: simple acceptance (w = 0) or a guard band w = r·U."""

    SIMPLE = "simple"
    GUARD_BAND = "guard_band"


def _limits(lower: Any, upper: Any, unit: Any | None) -> tuple[float, float]:
    if lower is None and upper is None:
        raise ConformityError("lower, upper: at least one tolerance limit is needed")
    low = -math.inf if lower is None else magnitude_in(lower, unit, "lower")
    high = math.inf if upper is None else magnitude_in(upper, unit, "upper")
    if low > high:
        raise ConformityError(f"lower limit {lower} is above upper limit {upper}")
    return low, high


def _unit_of(value: Any) -> Any | None:
    return value.units if isinstance(value, ureg.Quantity) else None


def decide(
    measured: Any,
    expanded_uncertainty: Any,
    lower: Any = None,
    upper: Any = None,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: float = 1.0,
) -> Verdict:
    """Decide conformity of a measured value against a tolerance interval.

    Parameters
    ----------
    measured : float, Decimal or pint.Quantity
        The measured value (e.g. an error of indication).
    expanded_uncertainty : float, Decimal or pint.Quantity
        U of the measured value, >= 0 (at the lab's stated coverage).
    lower, upper : float, Decimal or pint.Quantity, optional
        Tolerance limits; at least one.
    rule : DecisionRule
        SIMPLE (w = 0) or GUARD_BAND (w = guard_band_factor · U).
    guard_band_factor : float
        r >= 0 in w = r·U (ILAC-G8 4.2.2 uses r = 1).

    Returns
    -------
    Verdict
        PASS, FAIL, CONDITIONAL_PASS or CONDITIONAL_FAIL (see the module docstring).
    """
    unit = _unit_of(measured)
    x = magnitude_in(measured, unit, "measured")
    big_u = uncertainty_in(expanded_uncertainty, unit, "expanded_uncertainty")
    low, high = _limits(lower, upper, unit)
    r = _checks.non_negative(guard_band_factor, "guard_band_factor")
    inside = low <= x <= high
    if rule is DecisionRule.SIMPLE:
        return Verdict.PASS if inside else Verdict.FAIL
    w = r * big_u
    if inside:
        return Verdict.PASS if low + w <= x <= high - w else Verdict.CONDITIONAL_PASS
    return Verdict.CONDITIONAL_FAIL if low - w <= x <= high + w else Verdict.FAIL


def specific_pfa(
    measured: Any, standard_uncertainty: Any, lower: Any = None, upper: Any = None
) -> float:
    """Probability that the true value lies outside the tolerance, given the result (JCGM 106 9.3).

    Parameters
    ----------
    measured : float, Decimal or pint.Quantity
        Measured value, taken as the mean of a normal distribution of the true value.
    standard_uncertainty : float, Decimal or pint.Quantity
        Its standard deviation u, >= 0.
    lower, upper : optional
        Tolerance limits (at least one).

    Returns
    -------
    float
        Φ((lower - y)/u) + 1 - Φ((upper - y)/u); for u = 0, 0 inside and 1 outside.
    """
    unit = _unit_of(measured)
    y = magnitude_in(measured, unit, "measured")
    u = uncertainty_in(standard_uncertainty, unit, "standard_uncertainty")
    low, high = _limits(lower, upper, unit)
    if u == 0.0:
        return 0.0 if low <= y <= high else 1.0
    from scipy import stats  # here, not at import: the database models import this module

    return float(stats.norm.cdf((low - y) / u) + stats.norm.sf((high - y) / u))


@dataclass(frozen=True)
class Risk:
    """Global (average) risks of a decision rule over a process (JCGM 106 9.5)."""

    pfa: float
    pfr: float


def global_risk(
    sigma_process: float,
    sigma_measurement: float,
    lower: float | None,
    upper: float | None,
    acceptance_lower: float | None = None,
    acceptance_upper: float | None = None,
    process_mean: float | None = None,
) -> Risk:
    """Global probabilities of false accept and false reject, normal process and measurement.

    Deaver's model: true values t ~ N(μ, σ_p) (μ at the centre of two-sided limits unless
    ``process_mean`` is given), results y = t + e with e ~ N(0, σ_m); a result is accepted in
    ``[acceptance_lower, acceptance_upper]`` (default: the tolerance limits).

    PFA = ∫ over t outside the tolerance of p(t)·P(accept | t) dt;
    PFR = ∫ over t inside the tolerance of p(t)·P(reject | t) dt, integrated with scipy ``quad``.

    Parameters
    ----------
    sigma_process, sigma_measurement : float
        Standard deviations, > 0.  Deaver's TUR is σ_p/σ_m.
    lower, upper : float or None
        Tolerance limits (one may be None).
    acceptance_lower, acceptance_upper : float, optional
        Acceptance limits, e.g. the tolerance limits times a guard-band factor.
    process_mean : float, optional
        Mean of the process; required for one-sided limits.

    Returns
    -------
    Risk
        ``pfa`` and ``pfr`` (probabilities over the whole population).
    """
    sp = _checks.positive(sigma_process, "sigma_process")
    sm = _checks.positive(sigma_measurement, "sigma_measurement")
    low, high = _limits(lower, upper, None)
    a_low = low if acceptance_lower is None else float(acceptance_lower)
    a_high = high if acceptance_upper is None else float(acceptance_upper)
    if process_mean is None and math.isinf(high - low):
        raise ConformityError("process_mean is needed with a one-sided tolerance")
    mu = (low + high) / 2.0 if process_mean is None else float(process_mean)
    from scipy import integrate, stats  # here, not at import: the database models import this

    def accept(t: float) -> float:
        return float(stats.norm.cdf((a_high - t) / sm) - stats.norm.cdf((a_low - t) / sm))

    def density(t: float) -> float:
        return float(stats.norm.pdf(t, mu, sp))

    def integral(a: float, b: float, f: Any) -> float:
        return (
            float(integrate.quad(f, a, b, epsabs=1e-12, epsrel=1e-10, limit=200)[0])
            if a < b
            else 0.0
        )

    pfa = integral(-math.inf, low, lambda t: density(t) * accept(t))
    pfa += integral(high, math.inf, lambda t: density(t) * accept(t))
    pfr = integral(low, high, lambda t: density(t) * (1.0 - accept(t)))
    return Risk(pfa, pfr)
