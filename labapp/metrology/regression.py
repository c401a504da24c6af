"""Straight-line calibration fits y = a + b·x with parameter uncertainties (ISO/TS 28037).

Without ``u_y`` the fit is ordinary least squares and the parameter covariance is scaled by the
residual variance s² = Σr²/(n - 2), as in NIST StRD and ``numpy.polyfit(cov=True)``.  With ``u_y``
the fit is weighted (weights 1/u_y²) and the covariance comes from the stated uncertainties alone
(ISO/TS 28037:2010 §6); ``residual_sd`` then is sqrt(χ²/(n - 2)), the Birge ratio, a consistency
check (about 1 when the stated u_y explain the scatter).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from labapp.metrology.errors import FitError

__all__ = ["LineFit", "fit_line"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class LineFit:
    """Result of :func:`fit_line`.

    Attributes
    ----------
    intercept, slope : float
        a and b of y = a + b·x.
    u_intercept, u_slope : float
        Their standard uncertainties.
    correlation : float
        Correlation coefficient r(a, b).
    residual_sd : float
        sqrt(Σ w r² / (n - 2)) (w = 1 for OLS).
    dof : int
        n - 2.
    weighted : bool
        True when the fit used ``u_y``.
    """

    intercept: float
    slope: float
    u_intercept: float
    u_slope: float
    correlation: float
    residual_sd: float
    dof: int
    weighted: bool = False

    @property
    def covariance(self) -> float:
        """Covariance u(a, b) = r(a, b)·u(a)·u(b)."""
        return self.correlation * self.u_intercept * self.u_slope

    def predict(self, x0: float) -> tuple[float, float]:
        """Value of the fitted line at x0 and its standard uncertainty.

        u² = u(a)² + x0²·u(b)² + 2·x0·u(a, b): the uncertainty of the *line*, not of a new
        observation (see :meth:`prediction_sd`).
        """
        x = float(x0)
        variance = self.u_intercept**2 + x**2 * self.u_slope**2 + 2 * x * self.covariance
        return self.intercept + self.slope * x, math.sqrt(max(variance, 0.0))

    def prediction_sd(self, x0: float, u_observation: float | None = None) -> float:
        """Standard deviation of a *new* observation at x0, for prediction bands.

        Combines the line uncertainty at x0 with the scatter of one observation: ``residual_sd``
        for an OLS fit, or ``u_observation`` (required for a weighted fit, whose residual_sd is
        a ratio).
        """
        _, u_line = self.predict(x0)
        if u_observation is None:
            if self.weighted:
                raise FitError("u_observation is needed for the prediction band of a weighted fit")
            u_observation = self.residual_sd
        return math.hypot(u_line, float(u_observation))


def _arrays(
    x: Sequence[float], y: Sequence[float], u_y: Sequence[float] | None
) -> tuple[Array, ...]:
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    if xs.ndim != 1 or xs.shape != ys.shape:
        raise FitError(f"x and y must be sequences of the same length, got {xs.shape}, {ys.shape}")
    if xs.size < 3:
        raise FitError(f"fit_line needs at least 3 points (dof >= 1), got {xs.size}")
    if not (np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))):
        raise FitError("x and y must be finite numbers")
    if np.ptp(xs) == 0.0:
        raise FitError("x values are all equal: the slope is undefined")
    if u_y is None:
        return xs, ys, np.ones_like(xs)
    us = np.asarray(u_y, dtype=float)
    if us.shape != xs.shape or not np.all(np.isfinite(us)) or np.any(us <= 0):
        raise FitError("u_y must hold one positive, finite uncertainty per point")
    return xs, ys, 1.0 / us**2


def fit_line(x: Sequence[float], y: Sequence[float], u_y: Sequence[float] | None = None) -> LineFit:
    """Fit y = a + b·x by least squares (weighted when ``u_y`` is given).

    Parameters
    ----------
    x, y : sequence of float
        At least 3 points; x not all equal.
    u_y : sequence of float, optional
        Standard uncertainties of y (> 0); the fit is then weighted by 1/u_y².

    Returns
    -------
    LineFit

    Raises
    ------
    FitError
        Fewer than 3 points, equal x, mismatched lengths, non-positive u_y.
    """
    xs, ys, w = _arrays(x, y, u_y)
    sw = float(np.sum(w))
    x_bar = float(np.sum(w * xs) / sw)
    y_bar = float(np.sum(w * ys) / sw)
    dx = xs - x_bar
    sxx = float(np.sum(w * dx**2))
    slope = float(np.sum(w * dx * (ys - y_bar)) / sxx)
    intercept = y_bar - slope * x_bar
    residuals = ys - intercept - slope * xs
    dof = xs.size - 2
    residual_sd = math.sqrt(float(np.sum(w * residuals**2)) / dof)
    scale = 1.0 if u_y is not None else residual_sd**2
    var_a = scale * (1.0 / sw + x_bar**2 / sxx)
    var_b = scale / sxx
    cov_ab = -scale * x_bar / sxx
    correlation = cov_ab / math.sqrt(var_a * var_b) if var_a * var_b > 0 else 0.0
    return LineFit(
        intercept,
        slope,
        math.sqrt(var_a),
        math.sqrt(var_b),
        correlation,
        residual_sd,
        dof,
        u_y is not None,
    )
