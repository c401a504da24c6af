"""Tests of labapp.metrology.uncertainty.monte_carlo (JCGM 101:2008)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from scipy import stats

from labapp.metrology.errors import UncertaintyError
from labapp.metrology.uncertainty import Input, fn, monte_carlo, propagate

Case = Callable[[str], dict[str, Any]]


def _additive(X1: Any, X2: Any, X3: Any, X4: Any) -> Any:
    return X1 + X2 + X3 + X4


@pytest.mark.parametrize("kind", ["gaussian", "rectangular"])
def test_jcgm101_additive_model(published_case: Case, kind: str) -> None:
    case = published_case("gums1_additive_model")
    expected, tol = case["expected"][kind], case["tolerance"]
    trials = case["inputs"]["M"]
    if kind == "gaussian":
        inputs = {f"X{i}": Input(0.0, 1.0) for i in range(1, 5)}
        interval = expected["interval95"]
    else:
        inputs = {f"X{i}": Input.rectangular(0.0, math.sqrt(3.0)) for i in range(1, 5)}
        interval = expected["interval95_MCM"]
    result = monte_carlo(_additive, inputs, trials=trials, seed=20080101)
    assert result.value == pytest.approx(expected["y"], abs=tol["y"])
    assert result.standard_uncertainty == pytest.approx(expected["u"], abs=tol["u"])
    assert result.interval_low == pytest.approx(interval[0], abs=tol["endpoints"])
    assert result.interval_high == pytest.approx(interval[1], abs=tol["endpoints"])
    low, high = result.shortest_interval
    assert high - low <= result.interval_high - result.interval_low + 1e-12
    # the GUM framework (GUF) interval is ±1.96 u_c in both cases
    gum = propagate(_additive, inputs)
    gum_half = gum.expanded_uncertainty
    assert gum_half == pytest.approx(case["expected"]["rectangular"]["interval95_GUF"][1], abs=0.01)


def test_monte_carlo_is_reproducible_with_a_seed() -> None:
    inputs = {"x": Input.triangular(1.0, 0.5), "y": Input.arcsine(2.0, 0.1)}
    a = monte_carlo(lambda x, y: x * y, inputs, trials=10_000, seed=7)
    b = monte_carlo(lambda x, y: x * y, inputs, trials=10_000, seed=7)
    assert a == b


def test_distributions_have_their_stated_standard_uncertainty() -> None:
    for item in (
        Input.rectangular(0.0, 1.0),
        Input.triangular(0.0, 1.0),
        Input.arcsine(0.0, 1.0),
        Input(0.0, 0.3),
    ):
        result = monte_carlo(lambda x: x, {"x": item}, trials=200_000, seed=3)
        assert result.standard_uncertainty == pytest.approx(item.standard_uncertainty, rel=0.01)


def test_type_a_input_is_sampled_as_scaled_t() -> None:
    item = Input.from_observations([1.0, 1.2, 0.9, 1.1, 1.05])
    assert item.distribution == "t"
    result = monte_carlo(lambda x: x, {"x": item}, trials=400_000, seed=5)
    # JCGM 101 6.4.9.4: a t_nu scaled by s/sqrt(n) has sd s/sqrt(n) sqrt(nu/(nu-2))
    expected = item.standard_uncertainty * math.sqrt(item.dof / (item.dof - 2))
    assert result.standard_uncertainty == pytest.approx(expected, rel=0.02)
    t_high = item.value + item.standard_uncertainty * stats.t.ppf(0.975, item.dof)
    assert result.interval_high == pytest.approx(t_high, rel=0.002)


def test_correlated_normal_inputs() -> None:
    inputs = {"a": Input(1.0, 0.1), "b": Input(2.0, 0.2)}
    result = monte_carlo(
        lambda a, b: a - b, inputs, trials=200_000, seed=11, correlations={("a", "b"): 0.8}
    )
    expected = math.sqrt(0.1**2 + 0.2**2 - 2 * 0.8 * 0.1 * 0.2)
    assert result.standard_uncertainty == pytest.approx(expected, rel=0.01)
    with pytest.raises(UncertaintyError, match="normal"):
        monte_carlo(
            lambda a, b: a - b,
            {"a": Input.rectangular(0, 1), "b": Input(0, 1)},
            correlations={("a", "b"): 0.5},
        )


def test_nonlinear_model_agrees_with_gum_for_small_uncertainty() -> None:
    inputs = {"v": Input(5.0, 0.001), "phi": Input(1.0, 0.0005)}
    mc = monte_carlo(lambda v, phi: v * fn.cos(phi), inputs, trials=200_000, seed=2)
    gum = propagate(lambda v, phi: v * fn.cos(phi), inputs)
    assert mc.value == pytest.approx(gum.value, abs=5e-5)  # u/sqrt(M) is 1e-5
    assert mc.standard_uncertainty == pytest.approx(gum.combined_standard_uncertainty, rel=0.01)


def test_monte_carlo_refuses_bad_settings() -> None:
    inputs = {"x": Input(0.0, 1.0)}
    with pytest.raises(UncertaintyError, match="coverage_probability"):
        monte_carlo(lambda x: x, inputs, coverage_probability=1.0)
    with pytest.raises(UncertaintyError, match="trials"):
        monte_carlo(lambda x: x, inputs, trials=10)
    with pytest.raises(UncertaintyError, match="non-finite"):
        monte_carlo(lambda x: np.log(x - 100.0), inputs, trials=1000, seed=1)
