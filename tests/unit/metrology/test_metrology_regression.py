"""Tests of labapp.metrology.regression against NIST StRD Norris and numpy.polyfit."""

from __future__ import annotations

import math

import numpy as np
import pytest

from labapp.metrology.errors import FitError
from labapp.metrology.regression import fit_line

# NIST/ITL StRD, dataset "Norris" (linear least squares, lower difficulty), 36 observations:
# https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml (public-domain US government data).
NORRIS_X = [
    0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4,
    0.6, 775.5, 666.9, 338.0, 447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3,
    0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5,
]  # fmt: skip
NORRIS_Y = [
    0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3,
    0.1, 778.1, 668.8, 339.3, 448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3,
    0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2,
]  # fmt: skip
# Certified values (NIST StRD Norris).
NORRIS_B0, NORRIS_SD_B0 = -0.262323073774029, 0.232818234301152
NORRIS_B1, NORRIS_SD_B1 = 1.00211681802045, 0.429796848199937e-03
NORRIS_RESIDUAL_SD = 0.884796396144373


def test_nist_norris_certified_values() -> None:
    fit = fit_line(NORRIS_X, NORRIS_Y)
    assert fit.intercept == pytest.approx(NORRIS_B0, rel=1e-10)
    assert fit.slope == pytest.approx(NORRIS_B1, rel=1e-12)
    assert fit.u_intercept == pytest.approx(NORRIS_SD_B0, rel=1e-10)
    assert fit.u_slope == pytest.approx(NORRIS_SD_B1, rel=1e-10)
    assert fit.residual_sd == pytest.approx(NORRIS_RESIDUAL_SD, rel=1e-12)
    assert fit.dof == 34
    # the covariance GSL's test suite states for Norris (computed with Octave)
    assert fit.covariance == pytest.approx(-7.74327536339570e-05, rel=1e-8)


def test_ols_agrees_with_numpy_polyfit() -> None:
    x = [1.0, 2.0, 3.0, 4.0, 5.0, 7.0]
    y = [2.1, 3.9, 6.2, 7.8, 10.1, 14.2]
    fit = fit_line(x, y)
    (b, a), cov = np.polyfit(x, y, 1, cov=True)
    assert (fit.intercept, fit.slope) == pytest.approx((a, b))
    assert fit.u_slope == pytest.approx(math.sqrt(cov[0, 0]))
    assert fit.u_intercept == pytest.approx(math.sqrt(cov[1, 1]))
    assert fit.covariance == pytest.approx(cov[0, 1])
    value, u = fit.predict(6.0)
    g = np.array([6.0, 1.0])
    assert value == pytest.approx(a + 6.0 * b)
    assert u == pytest.approx(math.sqrt(g @ cov @ g))
    assert fit.prediction_sd(6.0) == pytest.approx(math.hypot(u, fit.residual_sd))


def test_hand_computed_three_points() -> None:
    # x = 0, 1, 2; y = 1, 3, 4: x̄ = 1, ȳ = 8/3, Sxx = 2, Sxy = 3 -> b = 1.5, a = 7/6
    fit = fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 4.0])
    assert fit.slope == pytest.approx(1.5)
    assert fit.intercept == pytest.approx(7 / 6)
    # residuals -1/6, 1/3, -1/6: SSR = 1/6, s² = 1/6 over 1 dof
    assert fit.residual_sd == pytest.approx(math.sqrt(1 / 6))
    assert fit.u_slope == pytest.approx(math.sqrt((1 / 6) / 2))
    assert fit.u_intercept == pytest.approx(math.sqrt((1 / 6) * (1 / 3 + 1 / 2)))
    assert fit.correlation == pytest.approx(-1 / math.sqrt(2 * (1 / 3 + 1 / 2)))


def test_weighted_fit_uses_stated_uncertainties() -> None:
    x = [0.0, 1.0, 2.0, 3.0, 4.0]
    y = [0.02, 1.01, 1.98, 3.05, 3.96]
    u = [0.01, 0.02, 0.02, 0.04, 0.05]
    fit = fit_line(x, y, u)
    (b, a), cov = np.polyfit(x, y, 1, w=1 / np.array(u), cov="unscaled")
    assert (fit.intercept, fit.slope) == pytest.approx((a, b))
    assert fit.u_slope == pytest.approx(math.sqrt(cov[0, 0]))
    assert fit.u_intercept == pytest.approx(math.sqrt(cov[1, 1]))
    assert fit.covariance == pytest.approx(cov[0, 1])
    r = (np.array(y) - a - b * np.array(x)) / np.array(u)
    assert fit.residual_sd == pytest.approx(math.sqrt(float(r @ r) / 3))
    assert fit.weighted
    with pytest.raises(FitError, match="u_observation"):
        fit.prediction_sd(1.0)
    assert fit.prediction_sd(1.0, 0.02) == pytest.approx(math.hypot(fit.predict(1.0)[1], 0.02))


@pytest.mark.parametrize(
    ("x", "y", "u", "message"),
    [
        ([1.0, 2.0], [1.0, 2.0], None, "at least 3"),
        ([1.0, 1.0, 1.0], [1.0, 2.0, 3.0], None, "all equal"),
        ([1.0, 2.0, 3.0], [1.0, 2.0], None, "same length"),
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [0.1, 0.0, 0.1], "u_y"),
        ([1.0, 2.0, math.nan], [1.0, 2.0, 3.0], None, "finite"),
    ],
)
def test_fit_line_refuses_bad_data(
    x: list[float], y: list[float], u: list[float] | None, message: str
) -> None:
    with pytest.raises(FitError, match=message):
        fit_line(x, y, u)
