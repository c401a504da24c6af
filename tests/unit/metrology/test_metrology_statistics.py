"""Tests of labapp.metrology.statistics against the Chinese exam cases and first principles."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from scipy import integrate, stats

from labapp.metrology.errors import MetrologyError
from labapp.metrology.statistics import (
    RANGE_COEFFICIENTS,
    experimental_sd,
    range_sd,
    repeatability,
    sd_of_mean,
    stability,
)

Case = Callable[[str], dict[str, Any]]


def test_bessel_repeatability(published_case: Case) -> None:
    case = published_case("cn_repeatability_bessel")
    tol, expected = case["tolerance"], case["expected"]
    readings = [Decimal(str(x)) for x in case["inputs"]["x_m"]]
    mean, s, n = repeatability(readings)
    assert n == 10
    assert isinstance(mean, Decimal)
    assert mean == Decimal(str(expected["mean_m"]))  # exact in Decimal
    sum_sq = sum((x - mean) ** 2 for x in readings)
    assert float(sum_sq) == pytest.approx(expected["sum_sq_residuals_m2"], abs=tol["ss"])
    assert float(s) == pytest.approx(math.sqrt(expected["sum_sq_residuals_m2"] / 9), abs=tol["s"])
    assert experimental_sd(readings) == s
    floats = experimental_sd(case["inputs"]["x_m"])
    assert floats == pytest.approx(float(np.std(case["inputs"]["x_m"], ddof=1)))


def test_range_method(published_case: Case) -> None:
    case = published_case("cn_range_method")
    x, c = case["inputs"]["x_g"], case["inputs"]["C"]
    expected, tol = case["expected"], case["tolerance"]
    assert RANGE_COEFFICIENTS[len(x)] == c
    assert max(x) - min(x) == pytest.approx(expected["R_g"])
    assert range_sd(x) == pytest.approx(expected["s_g"], abs=tol["s_g"])
    assert range_sd(x) == pytest.approx(expected["R_g"] / c)


@pytest.mark.parametrize("n", sorted(RANGE_COEFFICIENTS))
def test_range_coefficients_are_the_expected_normal_range(n: int) -> None:
    # d2(n) = ∫ 1 - Φ(x)^n - (1 - Φ(x))^n dx, the mean range of n standard normal values
    def integrand(x: float) -> float:
        return float(1 - stats.norm.cdf(x) ** n - stats.norm.sf(x) ** n)

    d2 = integrate.quad(integrand, -math.inf, math.inf)[0]
    assert RANGE_COEFFICIENTS[n] == pytest.approx(d2, abs=0.006)


def test_range_sd_refuses_unknown_n() -> None:
    with pytest.raises(MetrologyError, match="n = 16"):
        range_sd(list(range(16)))
    with pytest.raises(MetrologyError, match="at least 2"):
        range_sd([1.0])


def test_sd_of_mean() -> None:
    assert sd_of_mean(0.3, 9) == pytest.approx(0.1)
    assert sd_of_mean(Decimal("0.30"), 4) == Decimal("0.15")
    with pytest.raises(MetrologyError, match="n must"):
        sd_of_mean(0.3, 0)


def test_stability() -> None:
    means = [Decimal("10.0012"), Decimal("10.0009"), Decimal("10.0015"), Decimal("10.0011")]
    assert stability(means) == Decimal("0.0006")
    assert stability([1.0, 1.5]) == pytest.approx(0.5)
    with pytest.raises(MetrologyError, match="stability"):
        stability([1.0])
