"""Calibration intervals: ILAC-G24 staircase, NCSLI RP-1 method A3, variables-data drift methods.

* :func:`staircase` - ILAC-G24:2007 method 1 ("automatic adjustment or staircase"): after each
  calibration the interval is lengthened if the item was in tolerance, shortened if not.
* :func:`method_a3` - the interval test method (NCSLI RP-1 method A3, as described in Integrated
  Sciences Group, "Method A3 - Interval Test Method", 2003-2010): binomial confidence limits on
  the observed in-tolerance reliability; an interval whose limits exclude the target is adjusted.
* :func:`fit_drift`, :func:`interval_for_uncertainty`, :func:`interval_for_limits` - the
  variables-data method (NASA-HDBK-8739.19-5 §7), in :mod:`labapp.metrology.drift`.

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
    """Outcome of the interval test (method A3).

    Attributes
    ----------
    interval : float
        The new interval (unchanged when the test passes).
    rejection_confidence : float
        Confidence with which the observed results reject the current interval: 1 - 2·P, P the
        binomial tail probability of a result at least as far from the target as observed.
    reliability_low, reliability_high : float
        Two-sided Clopper-Pearson limits on the in-tolerance reliability at ``confidence``.
    observed_reliability : float
        In-tolerance count / number of calibrations.
    rejected : bool
        True when the target lies outside the confidence limits.
    """

    interval: float
    rejection_confidence: float
    reliability_low: float
    reliability_high: float
    observed_reliability: float
    rejected: bool


def _clopper_pearson(x: int, n: int, confidence: float) -> tuple[float, float]:
    alpha = 1.0 - confidence
    low = 0.0 if x == 0 else float(stats.beta.ppf(alpha / 2, x, n - x + 1))
    high = 1.0 if x == n else float(stats.beta.ppf(1 - alpha / 2, x + 1, n - x))
    return low, high


def _rejection_confidence(x: int, n: int, target: float) -> float:
    if x < n * target:
        tail = float(stats.binom.cdf(x, n, target))
    else:
        tail = float(stats.binom.sf(x - 1, n, target))
    return max(0.0, 1.0 - 2.0 * tail)


def method_a3(
    in_tolerance: Sequence[bool],
    interval: float,
    target_reliability: float = 0.95,
    max_change: float = 2.0,
    confidence: float = 0.5,
) -> A3Result:
    """Test an interval against a reliability target and adjust it (NCSLI RP-1 method A3).

    Rule: with x in-tolerance results out of n calibrations at ``interval``, R_obs = x/n and the
    two-sided Clopper-Pearson limits at ``confidence`` are computed.  If ``target_reliability``
    lies inside the limits the interval passes and is kept.  Otherwise it is moved to where the
    exponential reliability model R(t) = exp(-λt), with λ = -ln(R_obs)/interval, gives the target:
    ``interval × ln(R_target)/ln(R_obs)``, limited to ``[interval/max_change,
    interval×max_change]`` (R_obs = 1 or 0 go straight to the limit).  RP-1's own extrapolation
    may differ in detail; this is the published test with the simplest consistent adjustment.

    Parameters
    ----------
    in_tolerance : sequence of bool
        As-found results (True = in tolerance) of calibrations done at ``interval``.
    interval : float
        The current interval, > 0.
    target_reliability : float
        End-of-period reliability target, in (0, 1).
    max_change : float
        Largest factor by which one adjustment may lengthen or shorten, >= 1.
    confidence : float
        Confidence level of the test, in (0, 1).  The default 50 % reacts to moderate evidence;
        raise it to change intervals only on strong evidence.

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
    low, high = _clopper_pearson(x, n, p)
    rejected = not low <= target <= high
    new = current
    if rejected:
        observed = x / n
        factor = math.log(target) / math.log(observed) if 0 < observed < 1 else math.inf
        factor = 0.0 if observed == 0 else factor
        new = current * min(max(factor, 1.0 / max_change), max_change)
    return A3Result(new, _rejection_confidence(x, n, target), low, high, x / n, rejected)
