"""Tests of labapp.metrology.uncertainty against published GUM examples and GTC itself."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from scipy import stats

from labapp.metrology.errors import UncertaintyError
from labapp.metrology.uncertainty import (
    BudgetRow,
    Input,
    combine,
    fn,
    inputs_from_observations,
    k_factor,
    propagate,
    propagate_many,
)
from labapp.metrology.units import ureg

Case = Callable[[str], dict[str, Any]]


def _impedance(V: Any, I: Any, phi: Any) -> tuple[Any, Any, Any]:  # noqa: E741
    return V / I * fn.cos(phi), V / I * fn.sin(phi), V / I


def test_gum_h2_correlated_inputs(published_case: Case) -> None:
    case = published_case("gum_h2_resistance_reactance")
    obs = case["inputs"]["observations"]
    expected, tol = case["expected"], case["tolerance"]
    columns = {
        "V": [o["V"] for o in obs],
        "I": [o["I_mA"] * 1e-3 for o in obs],
        "phi": [o["phi_rad"] for o in obs],
    }
    inputs, correlations = inputs_from_observations(columns)
    assert inputs["V"].standard_uncertainty == pytest.approx(expected["u_V"], abs=5e-5)
    assert inputs["I"].standard_uncertainty * 1e3 == pytest.approx(expected["u_I_mA"], abs=5e-5)
    assert correlations["V", "I"] == pytest.approx(expected["r_V_I"], abs=tol["correlations"])
    assert correlations["V", "phi"] == pytest.approx(expected["r_V_phi"], abs=tol["correlations"])
    assert correlations["I", "phi"] == pytest.approx(expected["r_I_phi"], abs=tol["correlations"])

    result = propagate_many(_impedance, inputs, correlations=correlations, names=["R", "X", "Z"])
    for name in "RXZ":
        assert result[name].value == pytest.approx(expected[f"{name}_ohm"], abs=tol["values_ohm"])
        u = result[name].combined_standard_uncertainty
        assert u == pytest.approx(expected[f"u_{name}"], abs=tol["u_ohm"])
    r = tol["correlations"]
    assert result.correlation("R", "X") == pytest.approx(expected["r_R_X"], abs=r)
    assert result.correlation("R", "Z") == pytest.approx(expected["r_R_Z"], abs=r)
    assert result.correlation("X", "Z") == pytest.approx(expected["r_X_Z"], abs=r)


def test_welch_satterthwaite_two_components(published_case: Case) -> None:
    case = published_case("ws_two_components")
    i = case["inputs"]
    inputs = {"a": Input(0.0, i["u_a"], i["nu_a"]), "b": Input(0.0, i["u_b"], math.inf)}
    result = propagate(lambda a, b: a + b, inputs)
    assert result.dof_eff == pytest.approx(
        case["expected"]["nu_eff"], abs=case["tolerance"]["nu_eff"]
    )
    # the same budget as a table
    table = combine([BudgetRow("a", i["u_a"], 1, i["nu_a"]), BudgetRow("b", i["u_b"])])
    assert table.dof_eff == pytest.approx(result.dof_eff)
    assert table.combined_standard_uncertainty == pytest.approx(math.hypot(i["u_a"], i["u_b"]))


def test_xrf_ratio_budget(published_case: Case) -> None:
    case = published_case("xrf_ratio")
    i, expected, tol = case["inputs"], case["expected"], case["tolerance"]
    inputs = {n: Input(i[n]["value"], i[n]["u"], i[n]["dof"], n) for n in ("X1", "X2", "Yu")}
    result = propagate(lambda X1, X2, Yu: X1 / X2 * Yu, inputs)
    assert result.value == pytest.approx(expected["yc"], abs=tol["yc"])
    assert result.combined_standard_uncertainty == pytest.approx(expected["uc"], abs=tol["uc"])
    assert result.dof_eff == pytest.approx(expected["nu_eff"], abs=tol["nu_eff"])
    assert result.expanded_uncertainty == pytest.approx(expected["U95"], abs=tol["U95"])
    assert result.coverage_factor == pytest.approx(stats.t.ppf(0.975, int(result.dof_eff)))


# GUM (JCGM 100:2008) Annex H.1, end-gauge calibration, Table H.1: inputs as stated in H.1.3 -
# H.1.5 (lengths in mm, temperatures as deviations from 20 °C).  Published: l = 50.000 838 mm,
# u_c = 32 nm, nu_eff = 16, t_95(16) = 2.12, U_99 = t_99(16) u_c = 2.92 x 32 nm = 93 nm.
def gauge_block_inputs() -> dict[str, Input]:
    nm = 1e-6  # mm
    return {
        # certificate: U = 0.075 µm with k = 3 (taken as a t_99 factor for nu = 18)
        "l_s": Input.from_expanded(50.000623, 0.075e-3, 3.0, dof=18, label="l_s"),
        # mean difference of 5 readings, pooled s = 13 nm from 25 readings -> 5.8 nm, nu = 24
        "d": Input(215 * nm, 13 * nm / math.sqrt(5), 24, "d"),
        "d_random": Input(0.0, 3.9 * nm, 5, "comparator random effects"),
        "d_systematic": Input(0.0, 6.7 * nm, 8, "comparator systematic effects"),
        "alpha_s": Input.rectangular(11.5e-6, 2e-6, label="alpha_s"),
        "theta_mean": Input(-0.1, 0.2, label="mean temperature deviation"),
        "delta": Input.arcsine(0.0, 0.5, label="cyclic temperature variation"),
        "d_alpha": Input.rectangular(0.0, 1e-6, dof=50, label="d_alpha"),
        "d_theta": Input.rectangular(0.0, 0.05, dof=2, label="d_theta"),
    }


def gauge_block_model(
    l_s: Any,
    d: Any,
    d_random: Any,
    d_systematic: Any,
    alpha_s: Any,
    theta_mean: Any,
    delta: Any,
    d_alpha: Any,
    d_theta: Any,
) -> Any:
    """GUM H.1 eq. (H.3): l = l_s + d - l_s (d_alpha theta + alpha_s d_theta)."""
    theta = theta_mean + delta
    return l_s + (d + d_random + d_systematic) - l_s * (d_alpha * theta + alpha_s * d_theta)


def test_gum_h1_gauge_block() -> None:
    result = propagate(gauge_block_model, gauge_block_inputs())
    assert result.value == pytest.approx(50.000838, abs=0.5e-6)
    assert result.combined_standard_uncertainty * 1e6 == pytest.approx(32, abs=0.5)
    assert int(result.dof_eff) == 16
    assert result.coverage_factor == pytest.approx(2.12, abs=0.005)
    u99 = propagate(gauge_block_model, gauge_block_inputs(), coverage_probability=0.99)
    assert u99.coverage_factor == pytest.approx(2.92, abs=0.005)
    # the GUM multiplies the rounded u_c: 2.92 x 32 nm = 93 nm; unrounded U_99 is 92.5 nm
    uc_nm = round(u99.combined_standard_uncertainty * 1e6)
    assert round(u99.coverage_factor * uc_nm) == 93
    assert u99.expanded_uncertainty * 1e6 == pytest.approx(93, abs=1.0)
    # Table H.1 contributions: |c| u for d_theta = l_s alpha_s u(d_theta) = 16.6 nm
    assert result.contributions["d_theta"] * 1e6 == pytest.approx(16.6, abs=0.1)
    assert result.contributions["l_s"] * 1e6 == pytest.approx(25, abs=0.05)
    assert result.sensitivities["alpha_s"] == pytest.approx(0.0, abs=1e-12)


def test_k_factor() -> None:
    assert k_factor(math.inf) == pytest.approx(1.959964, abs=1e-6)
    assert k_factor(5) == pytest.approx(2.570582, abs=1e-6)
    assert k_factor(12.8) == k_factor(12)  # truncated, GUM G.4.1
    assert k_factor(math.inf, 0.6827) == pytest.approx(1.0, abs=1e-3)
    for dof, p in [(0, 0.95), (-1, 0.95), (math.nan, 0.95), (5, 0.0), (5, 1.0), (5, 1.5)]:
        with pytest.raises(UncertaintyError):
            k_factor(dof, p)


def test_input_constructors_and_errors() -> None:
    assert Input.rectangular(1.0, math.sqrt(3)).standard_uncertainty == pytest.approx(1.0)
    assert Input.triangular(1.0, math.sqrt(6)).standard_uncertainty == pytest.approx(1.0)
    assert Input.arcsine(1.0, math.sqrt(2)).standard_uncertainty == pytest.approx(1.0)
    assert Input.from_expanded(1.0, 0.2, 2.0).standard_uncertainty == pytest.approx(0.1)
    with pytest.raises(UncertaintyError, match="R standard uncertainty"):
        Input(1.0, -0.1, label="R")
    with pytest.raises(UncertaintyError, match="dof"):
        Input(1.0, 0.1, dof=0)
    with pytest.raises(UncertaintyError, match="coverage_factor"):
        Input.from_expanded(1.0, 0.2, 0.0)
    with pytest.raises(UncertaintyError):
        BudgetRow("x", -1.0)


def test_input_quantities_use_delta_units() -> None:
    t = Input(ureg.Quantity(25.0, "degC"), ureg.Quantity(50, "mK"), label="T")
    assert t.value == 25.0
    assert t.standard_uncertainty == pytest.approx(0.05)  # 50 mK is 0.05 delta_degC, not -273
    assert t.unit == "°C"
    v = Input.from_expanded(ureg.Quantity(10.0, "V"), ureg.Quantity(2.0, "mV"), 2.0)
    assert v.standard_uncertainty == pytest.approx(1e-3)


def test_combine_budget_with_sensitivities() -> None:
    rows = [BudgetRow("ref", 0.003, 2.0, 10), BudgetRow("res", 0.004, -1.0)]
    result = combine(rows, value=1.5)
    uc = math.hypot(0.006, 0.004)
    assert result.value == 1.5
    assert result.combined_standard_uncertainty == pytest.approx(uc)
    assert result.dof_eff == pytest.approx(uc**4 / (0.006**4 / 10))
    assert result.contributions == pytest.approx({"ref": 0.006, "res": 0.004})
    assert result.sensitivities == pytest.approx({"ref": 2.0, "res": -1.0})
    with pytest.raises(UncertaintyError, match="twice"):
        combine([BudgetRow("a", 1.0), BudgetRow("a", 1.0)])


def test_correlated_inputs_need_one_dof_and_valid_r() -> None:
    inputs = {"a": Input(1.0, 0.1, 4), "b": Input(1.0, 0.1, 9)}
    with pytest.raises(UncertaintyError, match="share one dof"):
        propagate(lambda a, b: a + b, inputs, correlations={("a", "b"): 0.5})
    with pytest.raises(UncertaintyError, match="correlation"):
        propagate(lambda a, b: a + b, inputs, correlations={("a", "b"): 1.5})
    with pytest.raises(UncertaintyError, match="'c'"):
        propagate(lambda a, b: a + b, inputs, correlations={("a", "c"): 0.5})


def test_full_correlation_adds_linearly() -> None:
    inputs = {"a": Input(1.0, 0.1), "b": Input(2.0, 0.2)}
    result = propagate(lambda a, b: a + b, inputs, correlations={("a", "b"): 1.0})
    assert result.combined_standard_uncertainty == pytest.approx(0.3)
    assert math.isinf(result.dof_eff)
    assert result.expanded_uncertainty == pytest.approx(0.3 * stats.norm.ppf(0.975))


def test_fn_dispatches_on_floats_and_arrays() -> None:
    assert fn.cos(0.0) == 1.0
    assert np.allclose(fn.sqrt(np.array([4.0, 9.0])), [2.0, 3.0])
    assert fn.atan2(1.0, 1.0) == pytest.approx(math.pi / 4)
    result = propagate(lambda x: fn.exp(x), {"x": Input(0.0, 0.1)})
    assert result.sensitivities["x"] == pytest.approx(1.0)
