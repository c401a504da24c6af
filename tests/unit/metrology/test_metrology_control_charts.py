"""Tests of labapp.metrology.control_charts: Shewhart limits, run rules, JJF 1033 tests."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from labapp.metrology.control_charts import (
    A2_FACTORS,
    D2_MOVING_RANGE,
    WESTERN_ELECTRIC,
    ZONE_RULES,
    ControlLimits,
    Rule,
    StabilityCriterion,
    individuals_limits,
    repeatability_test,
    run_rules,
    stability_test,
    xbar_limits,
)
from labapp.metrology.errors import MetrologyError
from labapp.metrology.statistics import experimental_sd

UNIT = ControlLimits(
    centre=0.0, sigma=1.0, method="individuals", baseline_size=20, subgroup_size=1, mean_range=1.128
)

# d2 for subgroup sizes 2..10 (ISO 7870-2 Table 2, three decimals): A2 = 3 / (d2·√n).
D2 = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534, 7: 2.704, 8: 2.847, 9: 2.970, 10: 3.078}


def test_individuals_limits_by_hand() -> None:
    limits = individuals_limits([10.0, 10.2, 9.9, 10.1])
    mr_bar = (0.2 + 0.3 + 0.2) / 3
    assert limits.centre == pytest.approx(10.05)
    assert limits.mean_range == pytest.approx(mr_bar)
    assert limits.sigma == pytest.approx(mr_bar / 1.128)
    assert limits.ucl == pytest.approx(10.05 + 3 * mr_bar / 1.128)
    assert limits.lcl == pytest.approx(10.05 - 3 * mr_bar / 1.128)
    assert limits.zones[1] == pytest.approx((10.05 - mr_bar / 1.128, 10.05 + mr_bar / 1.128))
    assert limits.zones[2][1] == pytest.approx(limits.line(2))
    assert (limits.method, limits.baseline_size, limits.subgroup_size) == ("individuals", 4, 1)


def test_individuals_sigma_estimates_the_process_sd() -> None:
    rng = np.random.default_rng(1033)
    data = rng.normal(5.0, 0.2, 20000)
    limits = individuals_limits(list(data))
    assert limits.sigma == pytest.approx(0.2, rel=0.02)
    assert limits.centre == pytest.approx(5.0, abs=0.01)


def test_individuals_limits_accept_decimal() -> None:
    limits = individuals_limits([Decimal("1.001"), Decimal("1.003"), Decimal("1.002")])
    assert limits.centre == pytest.approx(1.002)
    assert limits.sigma == pytest.approx(0.0015 / D2_MOVING_RANGE)


def test_limits_depend_on_the_baseline_only() -> None:
    baseline = [10.0, 10.2, 9.9, 10.1, 10.0, 9.8]
    limits = individuals_limits(baseline)
    later = [*baseline, 12.0, 8.0, 15.0]
    # Judging later points leaves the limits as they were; recomputing would widen them.
    violations = run_rules(later, limits)
    assert individuals_limits(baseline) == limits
    assert individuals_limits(later).sigma > limits.sigma
    assert {v.index for v in violations if v.rule is Rule.BEYOND_3_SIGMA} == {6, 7, 8}


def test_a2_table_matches_d2() -> None:
    for n, a2 in A2_FACTORS.items():
        assert a2 == pytest.approx(3 / (D2[n] * math.sqrt(n)), abs=0.0015)


def test_xbar_limits_by_hand() -> None:
    limits = xbar_limits([[1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [2.0, 2.5, 3.0]])
    r_bar = (2 + 2 + 1) / 3
    centre = (2.0 + 3.0 + 2.5) / 3
    assert limits.centre == pytest.approx(centre)
    assert limits.ucl == pytest.approx(centre + 1.023 * r_bar)
    assert limits.lcl == pytest.approx(centre - 1.023 * r_bar)
    assert (limits.method, limits.subgroup_size, limits.baseline_size) == ("xbar-r", 3, 3)


@pytest.mark.parametrize(
    "subgroups",
    [[[1.0, 2.0]], [[1.0, 2.0], [1.0, 2.0, 3.0]], [[float(i) for i in range(11)]] * 2, [[1.0]]],
)
def test_xbar_limits_refuse_bad_subgroups(subgroups: list[list[float]]) -> None:
    with pytest.raises(MetrologyError):
        xbar_limits(subgroups)


def test_individuals_limits_need_two_finite_points() -> None:
    with pytest.raises(MetrologyError):
        individuals_limits([1.0])
    with pytest.raises(MetrologyError):
        individuals_limits([1.0, math.nan])


@pytest.mark.parametrize(
    ("series", "rule", "index"),
    [
        ([0.5, -0.5, 3.5, -0.5, 0.5], Rule.BEYOND_3_SIGMA, 2),
        ([0.5, -0.5, -3.2, 0.5], Rule.BEYOND_3_SIGMA, 2),
        ([0.5, -0.5, 2.5, 0.5, 2.5, -0.5], Rule.TWO_OF_THREE_BEYOND_2_SIGMA, 4),
        ([0.5, -2.5, -2.5, 0.5], Rule.TWO_OF_THREE_BEYOND_2_SIGMA, 2),
        ([-0.5, 1.5, 1.5, 0.5, 1.5, 1.5, -0.5], Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA, 5),
        ([-0.5, *[0.3, 0.6] * 4, -0.2], Rule.RUN_ON_ONE_SIDE, 8),
        ([0.2, *[-0.3, -0.6] * 4], Rule.RUN_ON_ONE_SIDE, 8),
        ([-1.2, -0.8, -0.4, 0.1, 0.5, 0.9], Rule.TREND, 5),
        ([0.4, 0.9, 0.5, 0.1, -0.3, -0.7, -0.9, 0.0], Rule.TREND, 6),
    ],
)
def test_each_rule_alone(series: list[float], rule: Rule, index: int) -> None:
    violations = run_rules(series, UNIT)
    assert [(v.index, v.rule) for v in violations] == [(index, rule)]
    assert violations[0].description
    assert int(violations[0].rule) == rule.value


def test_rule_numbers_and_sets() -> None:
    assert [int(r) for r in WESTERN_ELECTRIC] == [1, 2, 3, 4, 5]
    assert Rule.TREND not in ZONE_RULES
    assert run_rules([-1.2, -0.8, -0.4, 0.1, 0.5, 0.9], UNIT, rules=ZONE_RULES) == []


def test_a_long_run_is_flagged_at_each_point_past_the_eighth() -> None:
    violations = run_rules([0.5, 0.4] * 5, UNIT, rules=[Rule.RUN_ON_ONE_SIDE])
    assert [v.index for v in violations] == [7, 8, 9]


def test_centre_line_breaks_a_run_and_ties_break_a_trend() -> None:
    assert run_rules([0.5, 0.4, 0.5, 0.4, 0.0, 0.5, 0.4, 0.5, 0.4], UNIT) == []
    assert run_rules([-1.0, -0.5, -0.5, 0.0, 0.5, 0.9], UNIT) == []


def test_one_point_can_break_several_rules() -> None:
    violations = run_rules([0.2, 2.5, 3.5], UNIT)
    assert [(v.index, v.rule) for v in violations] == [
        (2, Rule.BEYOND_3_SIGMA),
        (2, Rule.TWO_OF_THREE_BEYOND_2_SIGMA),
    ]


def test_run_rules_need_a_positive_sigma() -> None:
    flat = individuals_limits([1.0, 1.0, 1.0])
    with pytest.raises(MetrologyError):
        run_rules([1.0, 2.0], flat)


def test_stability_keeps_decimal_digits_and_records_the_criterion() -> None:
    means = [Decimal("10.0012"), Decimal("10.0008"), Decimal("10.0015"), Decimal("10.0010")]
    result = stability_test(means, Decimal("0.0007"))
    assert result.stability == Decimal("0.0007")
    assert isinstance(result.stability, Decimal)
    assert result.passed  # equal to the limit passes
    assert result.criterion is StabilityCriterion.MPE
    assert result.groups == 4
    tighter = stability_test(means, Decimal("-0.0006"), StabilityCriterion.CORRECTION_UNCERTAINTY)
    assert not tighter.passed
    assert tighter.limit == Decimal("0.0006")
    assert tighter.criterion is StabilityCriterion.CORRECTION_UNCERTAINTY


def test_stability_with_floats() -> None:
    result = stability_test([1.0, 1.3, 1.1], 0.5)
    assert result.stability == pytest.approx(0.3)
    assert result.passed
    with pytest.raises(MetrologyError):
        stability_test([1.0], 0.5)


def test_repeatability_is_bessel_and_judged_against_the_limit() -> None:
    readings = [Decimal(x) for x in ("1.0002", "1.0004", "1.0001", "1.0003", "1.0005")]
    result = repeatability_test(readings)
    assert (result.n, result.limit, result.passed) == (5, None, None)
    assert result.mean == Decimal("1.0003")
    assert result.s == experimental_sd(readings)
    assert isinstance(result.s, Decimal)
    assert float(result.s) == pytest.approx(float(np.std([float(x) for x in readings], ddof=1)))
    assert repeatability_test(readings, Decimal("0.0002")).passed
    assert not repeatability_test(readings, 0.0001).passed
