"""Measurement capability (JJF 1094 5.3: U95 ≤ MPEV/3) on every point, and the guard band's U."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from labapp.domain.capability import CAPABILITY_THRESHOLD, capability_ratio, is_capable
from labapp.domain.enums import Decision
from labapp.domain.errors import ValidationError
from labapp.domain.points import DecisionRule, evaluate_point


def test_issue_case_u_twice_the_mpe_passes_but_is_not_capable() -> None:
    # U = 20 µV against MPE 10 µV: the error 3 µV is inside, simple acceptance says Pass,
    # but MPE/U = 10/20 = 0.5, far below 3.
    r = evaluate_point("1 V", "1.000000 V", "1.000003 V", "20 µV", "2", "10 µV")
    assert r.decision is Decision.PASS
    assert r.capability == D("0.50")
    assert is_capable(r.capability) is False


def test_ratio_in_mixed_units_and_relative_mpe() -> None:
    # U = 0.2 mV, MPE 1 mV: 1/0.2 = 5
    r = evaluate_point("10 V", "10.0000 V", "10.0003 V", "0.2 mV", "2", "1 mV")
    assert r.capability == D("5.00") and is_capable(r.capability)
    # MPE 0.01 % of 10 V = 1 mV, U = 0.0004 V: 1/0.4 = 2.5
    r = evaluate_point("10 V", "10.0000 V", "10.0003 V", "0.0004 V", "2", "0.01 %")
    assert r.capability == D("2.50")
    # temperature: U 50 mK, MPE 0.2 °C (a difference, 0.2 K): 0.2/0.05 = 4
    r = evaluate_point("25 °C", "25.00 °C", "25.05 °C", "50 mK", "2", "0.2 °C")
    assert r.capability == D("4.00")


def test_asymmetric_limits_use_half_the_interval() -> None:
    # limits -1 mV .. +3 mV: half-width 2 mV, U = 0.5 mV: ratio 4
    r = evaluate_point("10 V", "10.0000 V", "10.0001 V", "0.5 mV", "2", lower="-1 mV", upper="3 mV")
    assert r.capability == D("4.00")


def test_ratio_is_truncated_so_it_never_looks_better() -> None:
    # 1 / 0.3338 = 2.99580...: shown 2.99 (rounded it would be 3.00 and not warn)
    assert capability_ratio(D("0.3338"), D(-1), D(1)) == D("2.99")
    assert not is_capable(capability_ratio(D("0.3338"), D(-1), D(1)))
    assert capability_ratio(D("1") / D(3), D(-1), D(1)) == D("3.00")
    assert D(3) == CAPABILITY_THRESHOLD


@pytest.mark.parametrize(
    ("u", "low", "high"),
    [(None, D(-1), D(1)), (D(0), D(-1), D(1)), (D("0.1"), None, D(1)), (D("0.1"), None, None)],
)
def test_no_ratio_without_u_or_two_limits(u: D | None, low: D | None, high: D | None) -> None:
    assert capability_ratio(u, low, high) is None
    assert is_capable(None) is None


def test_blank_u_under_simple_acceptance_has_no_ratio() -> None:
    r = evaluate_point("10 V", "10.0000 V", "10.0003 V", mpe="1 mV")
    assert r.decision is Decision.PASS and r.capability is None


def test_guard_band_without_u_refuses_to_decide() -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point("10 V", "10.0000 V", "10.0003 V", mpe="1 mV", rule=DecisionRule.GUARD_BAND)
    assert caught.value.field == "expanded_uncertainty"
    assert caught.value.code == "required_by_rule"
    # no tolerance: nothing to decide, nothing refused
    r = evaluate_point("10 V", "10.0000 V", "10.0003 V", rule=DecisionRule.GUARD_BAND)
    assert r.decision is Decision.NONE
    # U stated (even 0) under the guard band: decided
    r = evaluate_point(
        "10 V", "10 V", "10.0003 V", "0 mV", "2", "1 mV", rule=DecisionRule.GUARD_BAND
    )
    assert r.decision is Decision.PASS and r.capability is None
