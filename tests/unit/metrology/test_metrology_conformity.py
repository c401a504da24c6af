"""Tests of labapp.metrology.conformity: ILAC-G8 decision rules, specific and global risks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from scipy import stats

from labapp.metrology.conformity import DecisionRule, Verdict, decide, global_risk, specific_pfa
from labapp.metrology.errors import ConformityError, UncertaintyError, UnitError
from labapp.metrology.units import parse_quantity, to_unit, ureg

Case = Callable[[str], dict[str, Any]]
GB = DecisionRule.GUARD_BAND


def test_verdict_values() -> None:
    assert [v.value for v in Verdict] == ["pass", "fail", "conditional_pass", "conditional_fail"]


@pytest.mark.parametrize(
    ("measured", "simple", "guarded"),
    [
        (0.0, Verdict.PASS, Verdict.PASS),
        (0.8, Verdict.PASS, Verdict.PASS),  # on the acceptance limit 1 - 0.2
        (0.9, Verdict.PASS, Verdict.CONDITIONAL_PASS),
        (1.0, Verdict.PASS, Verdict.CONDITIONAL_PASS),
        (1.1, Verdict.FAIL, Verdict.CONDITIONAL_FAIL),
        (1.2, Verdict.FAIL, Verdict.CONDITIONAL_FAIL),
        (1.3, Verdict.FAIL, Verdict.FAIL),
        (-0.9, Verdict.PASS, Verdict.CONDITIONAL_PASS),
        (-1.25, Verdict.FAIL, Verdict.FAIL),
    ],
)
def test_decide_zones(measured: float, simple: Verdict, guarded: Verdict) -> None:
    assert decide(measured, 0.2, -1.0, 1.0) is simple
    assert decide(measured, 0.2, -1.0, 1.0, rule=GB) is guarded


def test_guard_band_factor_and_one_sided_limits() -> None:
    assert decide(0.85, 0.2, upper=1.0, rule=GB, guard_band_factor=0.5) is Verdict.PASS
    assert decide(0.95, 0.2, upper=1.0, rule=GB, guard_band_factor=0.5) is Verdict.CONDITIONAL_PASS
    assert decide(-100.0, 0.2, upper=1.0, rule=GB) is Verdict.PASS
    assert decide(5.0, 0.2, lower=4.0) is Verdict.PASS
    assert decide(3.9, 0.2, lower=4.0, rule=GB) is Verdict.CONDITIONAL_FAIL


def test_decide_with_quantities_and_decimals() -> None:
    measured = parse_quantity("10.05 mV")
    assert decide(
        measured, parse_quantity("20 µV"), upper=ureg.Quantity(0.01006, "V"), rule=GB
    ) is (Verdict.CONDITIONAL_PASS)
    assert decide(Decimal("0.5"), Decimal("0.1"), Decimal("-1"), Decimal("1")) is Verdict.PASS
    with pytest.raises(UnitError, match="upper"):
        decide(measured, parse_quantity("1 µV"), upper=ureg.Quantity(1, "A"))
    with pytest.raises(UnitError):
        decide(1.0, 0.1, upper=ureg.Quantity(1, "V"))


def test_decide_refuses_bad_input() -> None:
    with pytest.raises(ConformityError, match="limit"):
        decide(1.0, 0.1)
    with pytest.raises(ConformityError, match="above"):
        decide(1.0, 0.1, lower=2.0, upper=1.0)
    with pytest.raises(UncertaintyError, match="expanded_uncertainty"):
        decide(1.0, -0.1, upper=2.0)
    with pytest.raises(UncertaintyError, match="guard_band_factor"):
        decide(1.0, 0.1, upper=2.0, rule=GB, guard_band_factor=-1)


@pytest.mark.parametrize("k", [2.0, 1.96])
def test_ilac_g8_guard_band_pfa(published_case: Case, k: float) -> None:
    case = published_case("ilac_g8_guard_band_w_equals_U")
    k = 2.0 if k == 2.0 else float(stats.norm.ppf(0.975))  # "k = 1.96" is the 95 % quantile
    tolerance_limit, u = 10.0, 0.05
    big_u = k * u
    acceptance_limit = tolerance_limit - big_u  # w = U
    assert decide(acceptance_limit, big_u, upper=tolerance_limit, rule=GB) is Verdict.PASS
    pfa = specific_pfa(acceptance_limit, u, upper=tolerance_limit)
    key = "specific_PFA_at_AL_k2" if k == 2.0 else "specific_PFA_at_AL_k1.96"
    assert decide(acceptance_limit + 1e-9, big_u, upper=tolerance_limit, rule=GB) is (
        Verdict.CONDITIONAL_PASS
    )
    assert pfa == pytest.approx(case["recomputed"][key], abs=case["tolerance"]["abs"])
    assert pfa == pytest.approx(stats.norm.sf(k), abs=1e-12)
    at_limit = specific_pfa(tolerance_limit, u, upper=tolerance_limit)
    assert at_limit == pytest.approx(case["recomputed"]["simple_acceptance_PFA_at_TL"], abs=1e-6)


def test_specific_pfa_two_sided_and_zero_u() -> None:
    assert specific_pfa(0.0, 1.0, -1.0, 1.0) == pytest.approx(2 * stats.norm.sf(1.0))
    assert specific_pfa(0.5, 0.0, -1.0, 1.0) == 0.0
    assert specific_pfa(1.5, 0.0, -1.0, 1.0) == 1.0


def test_deaver_global_risk(published_case: Case) -> None:
    case = published_case("deaver_global_risk")
    tol = case["tolerance"]
    for inputs, expected in zip(case["inputs"]["cases"], case["expected"], strict=True):
        sl, tur, gb = inputs["SL"], inputs["TUR"], inputs.get("GB_factor", 1.0)
        risk = global_risk(1.0, 1.0 / tur, -sl, sl, -sl * gb, sl * gb)
        pfa_tol = 0.001 if tur == 1 else tol["PFA"]  # published 0.005 vs exact 0.0047 (note)
        assert risk.pfa == pytest.approx(expected["PFA"], abs=pfa_tol)
        if "PFR" in expected:
            assert risk.pfr == pytest.approx(expected["PFR"], abs=tol["PFR"])


def test_global_risk_one_sided_and_errors() -> None:
    two = global_risk(1.0, 0.25, -2.0, 2.0)
    one = global_risk(1.0, 0.25, None, 2.0, process_mean=0.0)
    assert one.pfa == pytest.approx(two.pfa / 2, rel=1e-6)
    with pytest.raises(ConformityError, match="process_mean"):
        global_risk(1.0, 0.25, None, 2.0)
    with pytest.raises(UncertaintyError, match="sigma_measurement"):
        global_risk(1.0, 0.0, -2.0, 2.0)


def test_ptb_dcc_temperature_errors_and_conformity(published_case: Case) -> None:
    case = published_case("ptb_dcc_gp_temperature_typical_v12")
    i, tol = case["inputs"], case["tolerance"]
    expected = case["expected"]["measurement_error_K"]
    big_u = ureg.Quantity(i["U_error_K"], "K")
    for n, (ref_k, ind_k) in enumerate(zip(i["reference_K"], i["indicated_K"], strict=True)):
        reference = parse_quantity(f"{ref_k} K")
        indicated = parse_quantity(f"{ind_k} K")
        # absolute temperatures convert with the offset: x - 273.15
        ref_c = to_unit(reference, "degC")
        assert float(ref_c.magnitude) == pytest.approx(i["reference_degC"][n], abs=tol["degC"])
        # the error is a temperature difference: the same number in K and in delta_degC
        error_k = indicated - reference
        error_c = to_unit(indicated, "degC") - ref_c
        assert error_c.units == ureg.delta_degC
        assert float(error_c.to("K").magnitude) == pytest.approx(float(error_k.magnitude))
        assert float(error_k.magnitude) == pytest.approx(expected[n], abs=tol["error_K"])
        limits = i["acceptance_limits_K"]
        lower = ureg.Quantity(limits["lower"][n], "K")
        upper = ureg.Quantity(limits["upper"][n], "K")
        assert decide(error_k, big_u, lower, upper) is Verdict.PASS
        assert decide(error_c, big_u, lower, upper, rule=GB) is Verdict.PASS
