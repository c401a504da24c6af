"""Tests of labapp.metrology.comparison (scores) and labapp.metrology.robust (ISO 13528)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from scipy import stats

from labapp.metrology.comparison import (
    ScoreClass,
    algorithm_a,
    classify_en,
    classify_score,
    en_number,
    homogeneity_ss,
    median_mad_e,
    niqr,
    standard_from_expanded,
    u_assigned_robust,
    weighted_mean,
    z_prime_score,
    z_score,
    zeta_score,
)
from labapp.metrology.errors import ComparisonError, MetrologyError, UncertaintyError
from labapp.metrology.units import parse_quantity

Case = Callable[[str], dict[str, Any]]


def test_iso13528_e3_robust_statistics(published_case: Case) -> None:
    case = published_case("iso13528_2022_E3_robust")
    x, expected = case["inputs"]["x"], case["expected"]
    recomputed = case["recomputed"]["algorithm_A"]
    tol = case["tolerance"]["4_decimals"]
    median, mad_e = median_mad_e(x)
    assert median == pytest.approx(expected["median"], abs=tol)
    assert mad_e == pytest.approx(expected["MADe"], abs=tol)
    assert niqr(x) == pytest.approx(expected["nIQR"], abs=tol)
    u_median = 1.25 * niqr(x) / math.sqrt(len(x))
    assert u_median == pytest.approx(expected["u_median_from_nIQR"], abs=tol)
    x_star, s_star = algorithm_a(x)
    # published values are printed to 3 significant figures
    assert x_star == pytest.approx(expected["algorithm_A"]["x_star"], abs=5e-4)
    assert s_star == pytest.approx(expected["algorithm_A"]["s_star"], abs=tol)
    assert x_star == pytest.approx(recomputed["x_star"], abs=5e-6)
    assert s_star == pytest.approx(recomputed["s_star"], abs=5e-6)
    u_pt = u_assigned_robust(s_star, len(x))
    assert u_pt == pytest.approx(expected["algorithm_A"]["u_x_pt"], abs=tol)
    mean, sd = float(np.mean(x)), float(np.std(x, ddof=1))
    assert mean == pytest.approx(expected["arithmetic_mean"]["mean"], abs=tol)
    assert sd == pytest.approx(expected["arithmetic_mean"]["sd"], abs=tol)


def test_iso13528_e2_homogeneity(published_case: Case) -> None:
    case = published_case("iso13528_2022_E2_homogeneity")
    expected, tol = case["expected"], case["tolerance"]["5_decimals"]
    mean, s_x, s_w, s_s = homogeneity_ss(case["inputs"]["pairs"])
    assert mean == pytest.approx(expected["mean"], abs=tol)
    assert s_x == pytest.approx(expected["s_x"], abs=tol)
    assert s_w == pytest.approx(expected["s_w"], abs=tol)
    assert s_s == pytest.approx(expected["s_s"], abs=5e-5)  # printed as 0.0006
    sigma_pt = 0.15 * mean
    assert sigma_pt == pytest.approx(expected["sigma_pt"], abs=tol)
    assert 0.3 * sigma_pt == pytest.approx(expected["criterion_0.3sigma_pt"], abs=tol)
    assert s_s <= 0.3 * sigma_pt  # the material is adequately homogeneous


def test_algorithm_a_refuses_too_few_or_degenerate_values() -> None:
    with pytest.raises(ComparisonError, match="at least 3"):
        algorithm_a([1.0, 2.0])
    with pytest.raises(ComparisonError, match="MAD"):
        algorithm_a([1.0, 1.0, 1.0, 2.0])
    x_star, s_star = algorithm_a([9.0, 10.0, 11.0, 10.5, 9.5, 100.0])
    assert 9.5 < x_star < 11.0  # the outlier is winsorised
    assert s_star < 3.0


def test_scores() -> None:
    assert en_number(10.3, 0.2, 10.0, 0.1) == pytest.approx(0.3 / math.hypot(0.2, 0.1))
    assert zeta_score(10.3, 0.1, 10.0, 0.05) == pytest.approx(0.3 / math.hypot(0.1, 0.05))
    assert z_score(12.0, 10.0, 0.8) == pytest.approx(2.5)
    assert z_prime_score(12.0, 10.0, 0.8, 0.6) == pytest.approx(2.0)
    assert en_number(10.0, 0.0, 10.5, 0.5) == pytest.approx(-1.0)


def test_scores_with_quantities() -> None:
    en = en_number(
        parse_quantity("10.030 mV"),
        parse_quantity("20 µV"),
        parse_quantity("0.010000 V"),
        parse_quantity("0.010 mV"),
    )
    assert en == pytest.approx(0.030 / math.hypot(0.020, 0.010))
    zeta = zeta_score(
        parse_quantity("25.10 °C"), parse_quantity("50 mK"), parse_quantity("298.2 K"), 0
    )
    assert zeta == pytest.approx(2.0 * (25.10 - 25.05) / 0.1)


def test_participant_k_is_explicit() -> None:
    u_x = standard_from_expanded(0.2, 2.0)
    u_ref = standard_from_expanded(0.3, 3.0)  # a participant reporting k = 3
    assert zeta_score(10.2, u_x, 10.0, u_ref) == pytest.approx(0.2 / math.hypot(0.1, 0.1))
    with pytest.raises(UncertaintyError, match="coverage_factor"):
        standard_from_expanded(0.2, 0.0)
    with pytest.raises(UncertaintyError, match="expanded_uncertainty"):
        standard_from_expanded(-0.2, 2.0)


def test_scores_refuse_undefined_inputs() -> None:
    with pytest.raises(ComparisonError, match="U_x and U_ref"):
        en_number(1.0, 0.0, 1.0, 0.0)
    with pytest.raises(MetrologyError, match="U_x"):
        en_number(1.0, -0.1, 1.0, 0.1)
    with pytest.raises(ComparisonError, match="sigma_pt"):
        z_score(1.0, 1.0, 0.0)
    with pytest.raises(ComparisonError, match="sigma_pt"):
        z_prime_score(1.0, 1.0, 0.0, 0.1)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.0, ScoreClass.SATISFACTORY),
        (-2.0, ScoreClass.SATISFACTORY),
        (2.01, ScoreClass.QUESTIONABLE),
        (-2.99, ScoreClass.QUESTIONABLE),
        (3.0, ScoreClass.UNSATISFACTORY),
        (-7.0, ScoreClass.UNSATISFACTORY),
    ],
)
def test_classify_score(score: float, expected: ScoreClass) -> None:
    assert classify_score(score) is expected


def test_classify_en() -> None:
    assert classify_en(1.0) is ScoreClass.SATISFACTORY
    assert classify_en(-1.01) is ScoreClass.UNSATISFACTORY


def test_weighted_mean_and_birge_ratio() -> None:
    result = weighted_mean([10.0, 10.2, 10.1], [0.1, 0.2, 0.1])
    w = np.array([100.0, 25.0, 100.0])
    mean = float(np.sum(w * [10.0, 10.2, 10.1]) / w.sum())
    assert result.mean == pytest.approx(mean)
    assert result.u == pytest.approx(w.sum() ** -0.5)
    chi2 = float(np.sum(w * (np.array([10.0, 10.2, 10.1]) - mean) ** 2))
    assert result.chi_squared == pytest.approx(chi2)
    assert result.birge_ratio == pytest.approx(math.sqrt(chi2 / 2))
    assert result.p_value == pytest.approx(stats.chi2.sf(chi2, 2))
    assert result.consistent
    m, u = result
    assert (m, u) == (result.mean, result.u)
    assert not weighted_mean([10.0, 11.0], [0.1, 0.1]).consistent
    with pytest.raises(ComparisonError, match=r"uncertainties\[1\]"):
        weighted_mean([1.0, 2.0], [0.1, 0.0])
