"""Drift of a measurement standard and intervals from variables data (NASA-HDBK-8739.19-5 §7).

Time convention: ``t`` is a float in the caller's unit, normally **days since a reference date**
(:func:`days_since`); intervals come back in the same unit.

The drift model is a polynomial ``y(t) = Σ c_j t^j`` fitted by least squares
(:func:`fit_drift`).  From a calibration at time ``start`` with as-left value ``y0`` and standard
uncertainty ``u0``, the value projected to ``start + τ`` is ``y0 + ŷ(start + τ) - ŷ(start)``, with

    u(τ)² = u0² + s² + var(ŷ(start + τ) - ŷ(start))

the uncertainty of a NEW observation at ``start + τ`` (NASA-HDBK-8739.19-5 §7): u0 of the value
left at calibration, the residual scatter s² of observations about the fit (a future calibration
scatters as the past ones did), and the variance of the fitted change from the coefficient
covariance (zero at τ = 0).  For an unanchored straight line this is the textbook prediction
interval s·sqrt(1 + 1/n + (t - t̄)²/Sxx) (:meth:`DriftFit.predict_new`).
:func:`interval_for_uncertainty` returns the first τ at which ``k · u(τ)`` reaches a target;
:func:`interval_for_limits` the first τ at which the projected value ± t·u(τ) reaches a tolerance
limit, with the one-sided quantile t_{p, dof} when only one limit is given and the two-sided
t_{(1+p)/2, dof} otherwise, that is where the band of :meth:`Projection.band` (the one a drift
chart draws) meets the limit.  Both return ``None`` when the condition is not reached within
``horizon`` (default: 10 times the time span of the data) and ``0.0`` when it already holds at
τ = 0.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray
from scipy import optimize, stats

from labapp.metrology import _checks
from labapp.metrology.errors import FitError, IntervalError

__all__ = [
    "DriftFit",
    "Projection",
    "days_since",
    "fit_drift",
    "interval_for_limits",
    "interval_for_uncertainty",
]

Array = NDArray[np.float64]
_GRID = 2000  # scan points used to bracket the first crossing before refining with brentq


def days_since(dates: Iterable[date], ref: date) -> list[float]:
    """Days from ``ref`` to each date (negative before it), as floats for :func:`fit_drift`."""
    return [float((d - ref).days) for d in dates]


@dataclass(frozen=True)
class DriftFit:
    """Polynomial drift fit; ``coefficients[j]`` multiplies t**powers[j]."""

    coefficients: tuple[float, ...]
    covariance: tuple[tuple[float, ...], ...]
    residual_sd: float
    dof: int
    powers: tuple[int, ...]
    t_span: tuple[float, float] = field(default=(0.0, 0.0))

    def _basis(self, t: float) -> Array:
        return np.array([float(t) ** p for p in self.powers])

    def predict(self, t: float) -> tuple[float, float]:
        """Fitted value at t and its standard uncertainty (from the coefficient covariance)."""
        g = self._basis(t)
        cov = np.array(self.covariance)
        return float(g @ np.array(self.coefficients)), math.sqrt(max(float(g @ cov @ g), 0.0))

    def change(self, start: float, end: float) -> tuple[float, float]:
        """Predicted drift from ``start`` to ``end`` and its standard uncertainty (of the mean)."""
        g = self._basis(end) - self._basis(start)
        cov = np.array(self.covariance)
        return float(g @ np.array(self.coefficients)), math.sqrt(max(float(g @ cov @ g), 0.0))

    def predict_new(self, t: float) -> tuple[float, float]:
        """Fitted value at t and the standard uncertainty of a new observation there.

        ``sqrt(s² + var(ŷ(t)))``; for a straight line with intercept this is
        ``s·sqrt(1 + 1/n + (t - t̄)²/Sxx)``.
        """
        value, u_fit = self.predict(t)
        return value, math.hypot(self.residual_sd, u_fit)

    def change_new(self, start: float, end: float) -> tuple[float, float]:
        """Predicted drift from ``start`` to ``end`` and the uncertainty of a new observation.

        ``sqrt(s² + var(ŷ(end) - ŷ(start)))``: the residual scatter is included.
        """
        drift, u_fit = self.change(start, end)
        return drift, math.hypot(self.residual_sd, u_fit)


def fit_drift(
    t: Sequence[float], deviation: Sequence[float], degree: int = 1, through_origin: bool = False
) -> DriftFit:
    """Fit a polynomial drift model by least squares (covariance scaled by the residual variance).

    Parameters
    ----------
    t : sequence of float
        Times (e.g. :func:`days_since` of the calibration dates).
    deviation : sequence of float
        Deviations (errors, corrections) found at those times.
    degree : int
        Polynomial degree, >= 1.
    through_origin : bool
        Leave out the constant term (drift zero at t = 0).

    Raises
    ------
    FitError
        Fewer points than parameters + 1 (dof < 1), or degenerate times.
    """
    ts = np.asarray(t, dtype=float)
    ys = np.asarray(deviation, dtype=float)
    if degree < 1:
        raise FitError(f"degree must be at least 1, got {degree}")
    powers = tuple(range(1 if through_origin else 0, degree + 1))
    if ts.ndim != 1 or ts.shape != ys.shape or ts.size < len(powers) + 1:
        raise FitError(f"fit_drift needs at least {len(powers) + 1} (t, deviation) pairs")
    design = np.column_stack([ts**p for p in powers])
    coefficients, _, rank, _ = np.linalg.lstsq(design, ys, rcond=None)
    if rank < len(powers):
        raise FitError("times are degenerate for this drift model")
    dof = ts.size - len(powers)
    residuals = ys - design @ coefficients
    s2 = float(residuals @ residuals) / dof
    covariance = s2 * np.linalg.inv(design.T @ design)
    return DriftFit(
        tuple(float(c) for c in coefficients),
        tuple(tuple(float(v) for v in row) for row in covariance),
        math.sqrt(s2),
        dof,
        powers,
        (float(ts.min()), float(ts.max())),
    )


def _first_crossing(f: Callable[[float], float], horizon: float) -> float | None:
    """First τ in [0, horizon] with f(τ) >= 0, refined by brentq; None if there is none."""
    if f(0.0) >= 0.0:
        return 0.0
    grid = np.linspace(0.0, horizon, _GRID)
    previous = 0.0
    for tau in grid[1:]:
        if f(float(tau)) >= 0.0:
            return float(optimize.brentq(f, previous, float(tau), xtol=1e-9 * horizon))
        previous = float(tau)
    return None


def _setup(
    fit: DriftFit, u0: float, start: float | None, horizon: float | None
) -> tuple[float, float]:
    _checks.non_negative(u0, "u0")
    begin = fit.t_span[1] if start is None else float(start)
    span = fit.t_span[1] - fit.t_span[0]
    limit = 10.0 * span if horizon is None else float(horizon)
    return begin, _checks.positive(limit, "horizon", IntervalError)


def interval_for_uncertainty(
    fit: DriftFit,
    u0: float,
    target_uncertainty: float,
    k: float = 1.0,
    start: float | None = None,
    horizon: float | None = None,
) -> float | None:
    """Interval after which k·u(τ) of the projected value reaches ``target_uncertainty``.

    u(τ)² = u0² + s² + var(ŷ(start + τ) - ŷ(start)), the uncertainty of a new observation
    (NASA-HDBK-8739.19-5 §7, "uncertainty target").

    Parameters
    ----------
    fit : DriftFit
        The drift model.
    u0 : float
        Standard uncertainty of the value at calibration (time ``start``).
    target_uncertainty : float
        The largest acceptable (expanded, if k > 1) uncertainty, > 0.
    k : float
        Coverage factor applied to u(τ), > 0.
    start : float, optional
        Calibration time; default the last time in the fit.
    horizon : float, optional
        Longest interval searched; default 10 times the fit's time span.

    Returns
    -------
    float or None
        τ in the unit of t; 0.0 if already reached at calibration; None if not within horizon.
    """
    target = _checks.positive(target_uncertainty, "target_uncertainty", IntervalError)
    factor = _checks.positive(k, "k", IntervalError)
    begin, limit = _setup(fit, u0, start, horizon)

    def excess(tau: float) -> float:
        return factor * math.hypot(u0, fit.change_new(begin, begin + tau)[1]) - target

    return _first_crossing(excess, limit)


def interval_for_limits(
    fit: DriftFit,
    y0: float,
    u0: float,
    lower: float | None = None,
    upper: float | None = None,
    confidence: float = 0.95,
    start: float | None = None,
    horizon: float | None = None,
) -> float | None:
    """Interval after which the projected value ± its confidence half-width reaches a limit.

    The half-width is t·u(τ), u(τ) the uncertainty of a new observation (residual scatter
    included) and t the Student quantile with the fit's dof: one-sided t_{p, dof} when only one
    limit is given (the risk lies on one side), two-sided t_{(1+p)/2, dof} when both are
    (NASA-HDBK-8739.19-5 §7, "reliability target").

    Parameters
    ----------
    fit : DriftFit
        The drift model.
    y0, u0 : float
        As-left value at calibration and its standard uncertainty.
    lower, upper : float, optional
        Tolerance limits (at least one).
    confidence : float
        Confidence level p, strictly between 0 and 1.
    start, horizon : float, optional
        As for :func:`interval_for_uncertainty`.

    Returns
    -------
    float or None
        τ in the unit of t; 0.0 if a limit is already reached; None if not within horizon.
    """
    if lower is None and upper is None:
        raise IntervalError("lower, upper: at least one limit is needed")
    begin, limit = _setup(fit, u0, start, horizon)
    one_sided = lower is None or upper is None
    projection = Projection(fit, y0, u0, begin, confidence, one_sided)
    low = -math.inf if lower is None else float(lower)
    high = math.inf if upper is None else float(upper)

    def excess(tau: float) -> float:
        _value, band_low, band_high = projection.band(tau)
        return max(band_high - high, low - band_low)

    return _first_crossing(excess, limit)


@dataclass(frozen=True)
class Projection:
    """The value projected from a calibration along a drift fit, with its prediction band.

    At ``start + τ`` the value is ``y0 + ŷ(start + τ) - ŷ(start)`` and the band is that value
    ± t · sqrt(u0² + s² + var(ŷ(start + τ) - ŷ(start))), the band of a new observation, with
    t = t_{(1+p)/2, dof} (two-sided) or t_{p, dof} when ``one_sided`` (a single tolerance limit).
    :func:`interval_for_limits`
    returns the first τ at which this band meets a limit, so a chart drawing :meth:`band` shows
    the band crossing the limit exactly at the interval it reports.
    """

    fit: DriftFit
    y0: float
    u0: float
    start: float
    confidence: float = 0.95
    one_sided: bool = False

    @functools.cached_property
    def quantile(self) -> float:
        """t_{(1+p)/2, dof}, or t_{p, dof} when ``one_sided``: the same for every τ, so worked out
        once (the crossing search asks :meth:`band` hundreds of times; each scipy quantile held
        the GIL long enough to stall the window while a drift chart was drawn)."""
        p = _checks.probability(self.confidence, "confidence")
        return float(stats.t.ppf(p if self.one_sided else (1 + p) / 2, self.fit.dof))

    def band(self, tau: float) -> tuple[float, float, float]:
        """Projected value, lower and upper band edge at ``start + tau``."""
        drift, u_drift = self.fit.change_new(self.start, self.start + tau)
        value, half = self.y0 + drift, self.quantile * math.hypot(self.u0, u_drift)
        return value, value - half, value + half
