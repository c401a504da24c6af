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


def test_method_a3_shortens_by_the_rp1_formula() -> None:
    # The old expectation (exponential model, I0·ln R*/ln R0) was not RP-1's adjustment.
    out = method_a3([True] * 10 + [False] * 5, 365.0, target_reliability=0.9, max_change=5.0)
    q = 1 - 2 * stats.binom.cdf(10, 15, 0.9)  # R0 = 2/3 < R*
    assert out.rejected
    assert out.rejection_confidence == pytest.approx(q)
    assert out.interval == pytest.approx(365.0 * 10 ** ((10 / 15 - 0.9) * q))


def test_method_a3_lengthens_by_the_rp1_formula() -> None:
    # 19 of 20 against R* = 0.9: Q = 1 - 2·P(X >= 19), I = I0·10^((R0 - R*)/(1 - Q)).
    tail = 20 * 0.9**19 * 0.1 + 0.9**20
    q = 1 - 2 * tail  # 0.2167
    expected = 180.0 * 10 ** ((19 / 20 - 0.9) / (1 - q))  # 208.5
    kept = method_a3([True] * 19 + [False], 180.0, target_reliability=0.9)
    assert kept.rejection_confidence == pytest.approx(q)
    assert kept.calculated_interval == pytest.approx(expected)
    assert not kept.rejected and kept.interval == 180.0  # Q < 50 %: not enough evidence
    moved = method_a3([True] * 19 + [False], 180.0, target_reliability=0.9, confidence=0.2)
    assert moved.rejected and moved.interval == pytest.approx(expected)
    assert moved.reliability_low > 0.9  # the target lies below the 20 % limits
    # 29 of 30 against R* = 0.8: Q = 0.979, the factor 10^(0.167/0.021) is capped at b = 3
    capped = method_a3([True] * 29 + [False], 180.0, target_reliability=0.8, max_change=3.0)
    assert capped.rejection_confidence == pytest.approx(1 - 2 * (30 * 0.8**29 * 0.2 + 0.8**30))
    assert capped.interval == pytest.approx(540.0)


@pytest.mark.parametrize(
    ("results", "i0", "interval", "rejection", "low", "high"),
    [
        # Assets 1-3 of the 2019 NCSL International Symposium tutorial on calibration intervals
        # (R* = 95 %, confidence 50 %): suggested interval, rejection confidence, reliability
        # limits as published.
        ("11010111101111101110", 365.0, 231, 0.9949, 0.6516, 0.8286),
        ("11101001110011101111", 365.0, 205, 0.9993, 0.6000, 0.7843),
        ("11110101110111111011", 730.0, 523, 0.9682, 0.7041, 0.8716),
    ],
)
def test_method_a3_published_examples(
    results: str, i0: float, interval: int, rejection: float, low: float, high: float
) -> None:
    out = method_a3([c == "1" for c in results], i0, target_reliability=0.95, confidence=0.5)
    assert round(out.interval) == interval
    assert out.rejection_confidence == pytest.approx(rejection, abs=5e-5)
    assert (out.reliability_low, out.reliability_high) == pytest.approx((low, high), abs=5e-5)
    assert out.rejected


def test_method_a3_extremes_are_one_sided() -> None:
    # 40 of 40 at R* = 0.95: Q = 1 - 0.95^40, lower limit (1 - c)^(1/n); rejected iff Q > c.
    out = method_a3([True] * 40, 100.0, max_change=1.5)
    assert out.rejection_confidence == pytest.approx(1 - 0.95**40)
    assert out.reliability_low == pytest.approx(0.5 ** (1 / 40))
    assert out.reliability_high == 1.0
    assert out.rejected == (out.rejection_confidence > 0.5)
    ten = method_a3([True] * 10, 100.0)  # Q = 1 - 0.95^10 = 0.40 < 0.5: kept
    assert not ten.rejected and ten.interval == 100.0
    assert ten.calculated_interval > 100.0


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
    # through the origin with u0 = 0, u(τ)² = s² + τ²·u(b)² (a new observation scatters by s):
    # the interval is sqrt((target/k)² - s²) / u(b).  (The old expectation left s out.)
    t = [100.0, 200.0, 300.0, 400.0]
    y = [0.011, 0.019, 0.032, 0.041]
    fit = fit_drift(t, y, through_origin=True)
    b = sum(ti * yi for ti, yi in zip(t, y, strict=True)) / sum(ti * ti for ti in t)
    s2 = sum((yi - b * ti) ** 2 for ti, yi in zip(t, y, strict=True)) / 3
    u_b = math.sqrt(s2 / sum(ti * ti for ti in t))
    tau = interval_for_uncertainty(fit, 0.0, 0.01, k=2.0, start=0.0, horizon=1e4)
    assert tau == pytest.approx(math.sqrt(0.005**2 - s2) / u_b, rel=1e-7)


def test_interval_for_uncertainty_edge_cases() -> None:
    fit = fit_drift([0.0, 100.0, 200.0, 300.0], [0.0, 0.011, 0.019, 0.032])
    assert interval_for_uncertainty(fit, 0.02, 0.01) == 0.0  # already above the target
    assert interval_for_uncertainty(fit, 0.001, 0.5, horizon=10.0) is None
    tau = interval_for_uncertainty(fit, 0.002, 0.006, k=2.0)
    assert tau is not None
    _, u_change = fit.change(300.0, 300.0 + tau)
    u_new = math.sqrt(0.002**2 + fit.residual_sd**2 + u_change**2)
    assert 2.0 * u_new == pytest.approx(0.006, rel=1e-6)


def test_interval_for_limits() -> None:
    fit = fit_drift([0.0, 100.0, 200.0, 300.0, 400.0], [0.0, 0.011, 0.019, 0.032, 0.041])
    tau = interval_for_limits(fit, 0.0, 0.002, lower=-0.05, upper=0.05, confidence=0.95)
    assert tau is not None
    drift, u_drift = fit.change(400.0, 400.0 + tau)
    # a new observation: residual scatter included (the old expectation left it out)
    u_new = math.sqrt(0.002**2 + fit.residual_sd**2 + u_drift**2)
    half = stats.t.ppf(0.975, fit.dof) * u_new
    assert drift + half == pytest.approx(0.05, abs=1e-9)
    # one limit only: the one-sided quantile t_{0.95, dof}
    one = interval_for_limits(fit, 0.0, 0.002, upper=0.05, confidence=0.95)
    assert one is not None and one > tau
    drift1, u1 = fit.change(400.0, 400.0 + one)
    u_new1 = math.sqrt(0.002**2 + fit.residual_sd**2 + u1**2)
    assert drift1 + stats.t.ppf(0.95, fit.dof) * u_new1 == pytest.approx(0.05, abs=1e-9)
    # no upper limit: a rising drift never reaches the lower limit within the horizon
    assert interval_for_limits(fit, 0.0, 0.002, lower=-0.05, horizon=1000.0) is None
    assert interval_for_limits(fit, 0.049, 0.002, upper=0.05) == 0.0
    with pytest.raises(IntervalError, match="limit"):
        interval_for_limits(fit, 0.0, 0.002)


def test_predict_new_is_the_textbook_prediction_interval() -> None:
    t = [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]
    y = [0.001, 0.010, 0.021, 0.029, 0.042, 0.049]
    fit = fit_drift(t, y)
    n, mean = len(t), sum(t) / len(t)
    sxx = sum((ti - mean) ** 2 for ti in t)
    slope = sum((ti - mean) * yi for ti, yi in zip(t, y, strict=True)) / sxx
    intercept = sum(y) / n - slope * mean
    s = math.sqrt(sum((yi - intercept - slope * ti) ** 2 for ti, yi in zip(t, y, strict=True)) / 4)
    value, u = fit.predict_new(700.0)
    assert value == pytest.approx(intercept + slope * 700.0)
    assert u == pytest.approx(s * math.sqrt(1 + 1 / n + (700.0 - mean) ** 2 / sxx))


# NASA-HDBK-8739.19-5 §7 worked example: Table 7-2 (time since calibration, deviation),
# u0 = 0.28, y0 = 10.03, fit y = b1·t + b2·t² through the origin.
NASA_T = [70.0, 86.0, 104.0, 135.0, 167.0, 173.0]
NASA_Y = [0.1, 0.11, 0.251, 0.299, 0.403, 0.615]


def test_nasa_variables_fit_matches_table_7_3() -> None:
    fit = fit_drift(NASA_T, NASA_Y, degree=2, through_origin=True)
    # b = (TᵀT)⁻¹Tᵀy computed here from the normal equations, then Table 7-3's printed values.
    s11 = sum(t**2 for t in NASA_T)
    s12 = sum(t**3 for t in NASA_T)
    s22 = sum(t**4 for t in NASA_T)
    r1 = sum(t * y for t, y in zip(NASA_T, NASA_Y, strict=True))
    r2 = sum(t * t * y for t, y in zip(NASA_T, NASA_Y, strict=True))
    det = s11 * s22 - s12 * s12
    b1, b2 = (s22 * r1 - s12 * r2) / det, (s11 * r2 - s12 * r1) / det
    assert fit.coefficients == pytest.approx((b1, b2))
    assert fit.coefficients == pytest.approx((0.00015741, 0.00001674), rel=5e-4)
    assert fit.residual_sd == pytest.approx(0.0708, abs=5e-5)
    assert fit.covariance[0][0] == pytest.approx(1.01e-6, rel=5e-3)
    assert fit.covariance[1][1] == pytest.approx(4.549e-11, rel=5e-4)
    assert fit.covariance[0][1] == pytest.approx(-6.607e-9, rel=5e-4)


def test_nasa_variables_intervals_match_tables_7_4_to_7_7() -> None:
    fit = fit_drift(NASA_T, NASA_Y, degree=2, through_origin=True)
    both = interval_for_limits(fit, 10.03, 0.28, 9.0, 11.0, confidence=0.9, start=0.0)
    upper = interval_for_limits(fit, 10.03, 0.28, upper=11.0, confidence=0.9, start=0.0)
    target = interval_for_uncertainty(fit, 0.28, 0.5, start=0.0)
    assert both == pytest.approx(140.1, abs=0.05)  # Table 7-4, limits 9 and 11, 90 %
    assert upper == pytest.approx(171.75, abs=0.005)  # Tables 7-5/7-6, upper limit only
    assert target == pytest.approx(327.15, abs=0.005)  # Table 7-7, uncertainty target 0.5
    assert both is not None and upper is not None
    for tau, quantile in ((both, stats.t.ppf(0.95, 4)), (upper, stats.t.ppf(0.90, 4))):
        g = np.array([tau, tau**2])
        u = math.sqrt(0.28**2 + fit.residual_sd**2 + g @ np.array(fit.covariance) @ g)
        assert 10.03 + g @ np.array(fit.coefficients) + quantile * u == pytest.approx(11.0)
