"""Tests of labapp.metrology.intervals and labapp.metrology.drift."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from scipy import stats

from labapp.metrology.errors import FitError, IntervalError, UncertaintyError
from labapp.metrology.intervals import (
    days_since,
    fit_drift,
    interval_for_limits,
    interval_for_uncertainty,
    method_a3,
    staircase,
    staircase_equilibrium_reliability,
)


def test_staircase() -> None:
    assert staircase(365.0, True) == pytest.approx(401.5)
    assert staircase(365.0, False) == pytest.approx(182.5)
    assert staircase(365.0, True, max_interval=380.0) == 380.0
    assert staircase(100.0, False, shorten=0.25, min_interval=30.0) == 30.0
    with pytest.raises(IntervalError, match="interval"):
        staircase(0.0, True)
    with pytest.raises(IntervalError, match="shorten"):
        staircase(10.0, True, shorten=1.5)


def test_staircase_equilibrium() -> None:
    r = staircase_equilibrium_reliability(1.1, 0.5)
    assert r * math.log(1.1) + (1 - r) * math.log(0.5) == pytest.approx(0.0, abs=1e-12)


def test_method_a3_passes_when_target_inside_limits() -> None:
    results = [True] * 18 + [False] * 2
    out = method_a3(results, 365.0, target_reliability=0.95, confidence=0.5)
    low = stats.beta.ppf(0.25, 18, 3)
    high = stats.beta.ppf(0.75, 19, 2)
    assert (out.reliability_low, out.reliability_high) == pytest.approx((low, high))
    assert not out.rejected
    assert out.interval == 365.0
    assert out.rejection_confidence == pytest.approx(1 - 2 * stats.binom.cdf(18, 20, 0.95))
    assert out.rejection_confidence < 0.5


def test_method_a3_shortens_by_exponential_model() -> None:
    out = method_a3([True] * 10 + [False] * 5, 365.0, target_reliability=0.9, max_change=5.0)
    assert out.rejected
    assert out.rejection_confidence > 0.5
    expected = 365.0 * math.log(0.9) / math.log(10 / 15)
    assert out.interval == pytest.approx(expected)
    assert math.exp(-(-math.log(10 / 15) / 365.0) * out.interval) == pytest.approx(0.9)


def test_method_a3_limits_the_change() -> None:
    assert method_a3([True] * 40, 100.0, max_change=1.5).interval == pytest.approx(150.0)
    assert method_a3([False] * 5, 100.0, max_change=2.0).interval == pytest.approx(50.0)
    with pytest.raises(IntervalError, match="in_tolerance"):
        method_a3([], 100.0)
    with pytest.raises(UncertaintyError, match="target_reliability"):
        method_a3([True], 100.0, target_reliability=1.0)


def test_days_since() -> None:
    ref = date(2024, 1, 1)
    assert days_since([date(2024, 1, 1), date(2024, 3, 1), date(2023, 12, 31)], ref) == [
        0.0,
        60.0,
        -1.0,
    ]


def test_fit_drift_matches_numpy_polyfit() -> None:
    t = [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]
    y = [0.001, 0.010, 0.021, 0.029, 0.042, 0.049]
    fit = fit_drift(t, y)
    coeffs, cov = np.polyfit(t, y, 1, cov=True)
    assert fit.coefficients == pytest.approx(tuple(coeffs[::-1]))
    assert np.array(fit.covariance) == pytest.approx(cov[::-1, ::-1])
    assert fit.dof == 4
    value, u = fit.predict(600.0)
    g = np.array([600.0, 1.0])
    assert value == pytest.approx(float(np.polyval(coeffs, 600.0)))
    assert u == pytest.approx(math.sqrt(g @ cov @ g))
    quadratic = fit_drift(t, y, degree=2)
    assert quadratic.dof == 3
    assert quadratic.coefficients == pytest.approx(tuple(np.polyfit(t, y, 2)[::-1]))


def test_fit_drift_refuses_too_few_points() -> None:
    with pytest.raises(FitError, match="at least 3"):
        fit_drift([0.0, 1.0], [0.0, 1.0])
    with pytest.raises(FitError, match="at least 2"):
        fit_drift([1.0], [0.0], through_origin=True)


def test_interval_for_uncertainty_closed_form() -> None:
    # through the origin with u0 = 0, u(τ) = τ·u(b): the interval is target / (k·u(b))
    fit = fit_drift([100.0, 200.0, 300.0, 400.0], [0.011, 0.019, 0.032, 0.041], through_origin=True)
    u_b = math.sqrt(fit.covariance[0][0])
    tau = interval_for_uncertainty(fit, 0.0, 0.01, k=2.0, start=0.0, horizon=1e6)
    assert tau == pytest.approx(0.01 / (2.0 * u_b), rel=1e-8)


def test_interval_for_uncertainty_edge_cases() -> None:
    fit = fit_drift([0.0, 100.0, 200.0, 300.0], [0.0, 0.011, 0.019, 0.032])
    assert interval_for_uncertainty(fit, 0.02, 0.01) == 0.0  # already above the target
    assert interval_for_uncertainty(fit, 0.001, 0.5, horizon=10.0) is None
    tau = interval_for_uncertainty(fit, 0.002, 0.006, k=2.0)
    assert tau is not None
    _, u_change = fit.change(300.0, 300.0 + tau)
    assert 2.0 * math.hypot(0.002, u_change) == pytest.approx(0.006, rel=1e-6)


def test_interval_for_limits() -> None:
    fit = fit_drift([0.0, 100.0, 200.0, 300.0, 400.0], [0.0, 0.011, 0.019, 0.032, 0.041])
    tau = interval_for_limits(fit, 0.0, 0.002, lower=-0.05, upper=0.05, confidence=0.95)
    assert tau is not None
    drift, u_drift = fit.change(400.0, 400.0 + tau)
    half = stats.t.ppf(0.975, fit.dof) * math.hypot(0.002, u_drift)
    assert drift + half == pytest.approx(0.05, abs=1e-9)
    # no upper limit: a rising drift never reaches the lower limit within the horizon
    assert interval_for_limits(fit, 0.0, 0.002, lower=-0.05, horizon=1000.0) is None
    assert interval_for_limits(fit, 0.049, 0.002, upper=0.05) == 0.0
    with pytest.raises(IntervalError, match="limit"):
        interval_for_limits(fit, 0.0, 0.002)
