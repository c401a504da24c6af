"""Calibration intervals: ILAC-G24 staircase, NCSLI RP-1 method A3, variables-data drift methods.

* :func:`staircase` - ILAC-G24:2007 method 1 ("automatic adjustment or staircase"): after each
  calibration the interval is lengthened if the item was in tolerance, shortened if not.
* :func:`method_a3` - the interval test method (NCSLI RP-1 method A3, as described in Integrated
  Sciences Group, "Method A3 - Interval Test Method", 2003-2010): binomial confidence limits on
  the observed in-tolerance reliability; an interval whose limits exclude the target is adjusted
  by RP-1's published formula I0·10^((R0 - R*)·Q) (shorten) or I0·10^((R0 - R*)/(1 - Q))
  (lengthen), Q the rejection confidence.
* :func:`fit_drift`, :func:`interval_for_uncertainty`, :func:`interval_for_limits` - the
  variables-data method (NASA-HDBK-8739.19-5 §7: prediction uncertainty of a new observation,
  one-sided quantile for a one-sided limit), in :mod:`labapp.metrology.drift`.

Intervals are floats in the caller's unit (days, months); the functions never assume one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats

from labapp.metrology import _checks
from labapp.metrology.drift import (
    DriftFit,
    Projection,
    days_since,
    fit_drift,
    interval_for_limits,
    interval_for_uncertainty,
)
from labapp.metrology.errors import IntervalError

__all__ = [
    "A3Result",
    "DriftFit",
    "Projection",
    "days_since",
    "fit_drift",
    "interval_for_limits",
    "interval_for_uncertainty",
    "method_a3",
    "staircase",
    "staircase_equilibrium_reliability",
]


def staircase(
    interval: float,
    in_tolerance: bool,
    lengthen: float = 1.1,
    shorten: float = 0.5,
    min_interval: float | None = None,
    max_interval: float | None = None,
) -> float:
    """Next interval by the staircase method (ILAC-G24 method 1).

    In tolerance: ``interval × lengthen``; out of tolerance: ``interval × shorten``; then clamped
    to ``[min_interval, max_interval]``.  The defaults (+10 %, -50 %) settle, for an item whose
    in-tolerance probability does not depend on the interval, where R·ln(lengthen) +
    (1 - R)·ln(shorten) = 0, i.e. an in-tolerance rate R of about 88 %; see
    :func:`staircase_equilibrium_reliability` and choose the factors for your target.

    Raises
    ------
    IntervalError
        Non-positive interval, lengthen < 1, shorten outside (0, 1], or min > max.
    """
    current = _checks.positive(interval, "interval", IntervalError)
    if not lengthen >= 1.0:
        raise IntervalError(f"lengthen must be at least 1, got {lengthen}")
    if not 0.0 < shorten <= 1.0:
        raise IntervalError(f"shorten must lie in (0, 1], got {shorten}")
    low = 0.0 if min_interval is None else float(min_interval)
    high = math.inf if max_interval is None else float(max_interval)
    if low > high:
        raise IntervalError(f"min_interval {low} is above max_interval {high}")
    proposed = current * (lengthen if in_tolerance else shorten)
    return min(max(proposed, low), high)


def staircase_equilibrium_reliability(lengthen: float, shorten: float) -> float:
    """In-tolerance rate R at which the staircase neither lengthens nor shortens on average."""
    up, down = math.log(lengthen), -math.log(shorten)
    if up <= 0 or down <= 0:
        raise IntervalError("lengthen must exceed 1 and shorten lie in (0, 1)")
    return down / (up + down)


@dataclass(frozen=True)
class A3Result:
    """Outcome of the interval test and adjustment (NCSLI RP-1 method A3).

    Attributes
    ----------
    interval : float
        The interval to use: ``calculated_interval`` when the test rejects the current interval,
        else the current interval unchanged.
    calculated_interval : float
        RP-1's adjusted interval (see :func:`method_a3`), whether or not the test rejects.
    rejection_confidence : float
        RP-1's confidence Q with which the observed results reject the current interval.
    reliability_low, reliability_high : float
        Confidence limits on the in-tolerance reliability at ``confidence`` (two-sided
        Clopper-Pearson; one-sided at x = 0 or x = n, where only one side is open).
    observed_reliability : float
        In-tolerance count / number of calibrations.
    rejected : bool
        True when the target lies outside the confidence limits, equivalently Q > confidence.
    """

    interval: float
    calculated_interval: float
    rejection_confidence: float
    reliability_low: float
    reliability_high: float
    observed_reliability: float
    rejected: bool


def _reliability_limits(x: int, n: int, confidence: float) -> tuple[float, float]:
    alpha = 1.0 - confidence
    if x == n:  # only a lower limit is informative: one-sided, as the test Q is
        return alpha ** (1.0 / n), 1.0
    if x == 0:
        return 0.0, 1.0 - alpha ** (1.0 / n)
    low = float(stats.beta.ppf(alpha / 2, x, n - x + 1))
    high = float(stats.beta.ppf(1 - alpha / 2, x + 1, n - x))
    return low, high


def _rejection_confidence(x: int, n: int, target: float) -> float:
    """RP-1 method A3 rejection confidence Q (one-sided at x = 0 or x = n)."""
    if x in (0, n):
        q = 1.0 - float(stats.binom.pmf(x, n, target))
    elif x < n * target:
        q = 1.0 - 2.0 * float(stats.binom.cdf(x, n, target))
    else:
        q = 1.0 - 2.0 * float(stats.binom.sf(x - 1, n, target))
    return max(0.0, q)


def _a3_factor(observed: float, target: float, q: float, max_change: float) -> float:
    """RP-1 method A3 interval adjustment factor, limited to [1/max_change, max_change]."""
    if observed < target:
        return max(math.pow(10.0, (observed - target) * q), 1.0 / max_change)
    if observed > target:
        if q >= 1.0:
            return max_change
        return min(math.pow(10.0, (observed - target) / (1.0 - q)), max_change)
    return 1.0


def method_a3(
    in_tolerance: Sequence[bool],
    interval: float,
    target_reliability: float = 0.95,
    max_change: float = 2.0,
    confidence: float = 0.5,
) -> A3Result:
    """Test an interval against a reliability target and adjust it (NCSLI RP-1 method A3).

    Rule (RP-1 "Establishment and Adjustment of Calibration Intervals", method A3, the interval
    test method; Integrated Sciences Group, "Method A3 - Interval Test Method"): with x
    in-tolerance results out of n calibrations at interval I0, R0 = x/n and R* the target,

    * rejection confidence Q = 1 - 2·P(X <= x) if R0 < R*, 1 - 2·P(X >= x) if R0 > R*,
      X ~ Binomial(n, R*); at x = 0 or x = n the test is one-sided, Q = 1 - P(X = x);
    * adjusted interval I = I0·10^((R0 - R*)·Q) when R0 < R* (shorten), and
      I = I0·10^((R0 - R*)/(1 - Q)) when R0 > R* (lengthen), limited to
      [I0/max_change, I0·max_change] (RP-1's a = 1/b and b; Q = 1 gives I0·b);
    * the interval is rejected, and I used, when R* lies outside the confidence limits on the
      reliability at ``confidence``, which is the same as Q > confidence.

    Checked against the worked examples of the 2019 NCSL International Symposium tutorial on
    calibration intervals (tests/unit/metrology/test_metrology_intervals.py).

    Parameters
    ----------
    in_tolerance : sequence of bool
        As-found results (True = in tolerance) of calibrations done at ``interval``.
    interval : float
        The current interval I0, > 0.
    target_reliability : float
        End-of-period reliability target R*, in (0, 1).
    max_change : float
        Largest factor b by which one adjustment may lengthen or shorten, >= 1.
    confidence : float
        Confidence level of the test, in (0, 1).  The default 50 % (RP-1's usual choice for
        method A3) reacts to moderate evidence; raise it to change only on strong evidence.

    Returns
    -------
    A3Result
        ``rejected`` is equivalent to ``rejection_confidence > confidence``.
    """
    results = [bool(r) for r in in_tolerance]
    if not results:
        raise IntervalError("in_tolerance: at least one calibration result is needed")
    current = _checks.positive(interval, "interval", IntervalError)
    target = _checks.probability(target_reliability, "target_reliability")
    p = _checks.probability(confidence, "confidence")
    if not max_change >= 1.0:
        raise IntervalError(f"max_change must be at least 1, got {max_change}")
    n, x = len(results), sum(results)
    low, high = _reliability_limits(x, n, p)
    q = _rejection_confidence(x, n, target)
    calculated = current * _a3_factor(x / n, target, q, max_change)
    rejected = not low <= target <= high
    new = calculated if rejected else current
    return A3Result(new, calculated, q, low, high, x / n, rejected)
