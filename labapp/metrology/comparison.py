"""Scores of comparisons and proficiency testing (ISO 13528, ISO/IEC 17043, JJF 1117).

Participants report expanded uncertainties with their *own* coverage factor: nothing here assumes
k = 2.  Convert with :func:`standard_from_expanded` and the stated k when a standard uncertainty is
needed.  Robust statistics for the assigned value (Algorithm A, MADe, nIQR) and the homogeneity
check live in :mod:`labapp.metrology.robust` and are re-exported here.

Values may be floats, Decimals or pint quantities (converted to the unit of the participant's
result; uncertainties as deltas).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from labapp.metrology import _checks
from labapp.metrology.errors import ComparisonError
from labapp.metrology.robust import (
    algorithm_a,
    homogeneity_ss,
    median_mad_e,
    niqr,
    u_assigned_robust,
)
from labapp.metrology.units import magnitude_in, uncertainty_in, ureg

__all__ = [
    "ScoreClass",
    "WeightedMean",
    "algorithm_a",
    "classify_en",
    "classify_score",
    "en_number",
    "homogeneity_ss",
    "median_mad_e",
    "niqr",
    "standard_from_expanded",
    "u_assigned_robust",
    "weighted_mean",
    "z_prime_score",
    "z_score",
    "zeta_score",
]


class ScoreClass(enum.Enum):
    """Performance class of a score (ISO 13528:2022 9.4-9.7, ISO/IEC 17043 B.4)."""

    SATISFACTORY = "satisfactory"
    QUESTIONABLE = "questionable"
    UNSATISFACTORY = "unsatisfactory"


def _unit(value: Any) -> Any | None:
    return value.units if isinstance(value, ureg.Quantity) else None


def standard_from_expanded(expanded_uncertainty: float, coverage_factor: float) -> float:
    """Standard uncertainty u = U / k with the coverage factor the participant stated.

    Raises
    ------
    UncertaintyError
        If U < 0 or k <= 0.
    """
    big_u = _checks.non_negative(expanded_uncertainty, "expanded_uncertainty")
    return big_u / _checks.positive(coverage_factor, "coverage_factor")


def _difference_ratio(x: Any, x_ref: Any, spreads: Sequence[tuple[Any, str]]) -> float:
    unit = _unit(x)
    diff = magnitude_in(x, unit, "x") - magnitude_in(x_ref, unit, "reference value")
    denominator = math.hypot(*(uncertainty_in(v, unit, name) for v, name in spreads))
    if denominator == 0.0:
        names = " and ".join(name for _, name in spreads)
        raise ComparisonError(f"{names} are all zero: the score is undefined")
    return diff / denominator


def en_number(x: Any, U_x: Any, x_ref: Any, U_ref: Any) -> float:
    """En = (x - X) / sqrt(U_x² + U_ref²) with *expanded* uncertainties (ISO 13528 9.7).

    Parameters
    ----------
    x, U_x : float or pint.Quantity
        Participant's result and its expanded uncertainty (at the participant's own k).
    x_ref, U_ref : float or pint.Quantity
        Reference value and its expanded uncertainty.
    """
    return _difference_ratio(x, x_ref, [(U_x, "U_x"), (U_ref, "U_ref")])


def zeta_score(x: Any, u_x: Any, x_ref: Any, u_ref: Any) -> float:
    """ζ = (x - X) / sqrt(u_x² + u_ref²) with *standard* uncertainties (ISO 13528 9.6)."""
    return _difference_ratio(x, x_ref, [(u_x, "u_x"), (u_ref, "u_ref")])


def z_score(x: Any, x_pt: Any, sigma_pt: Any) -> float:
    """z = (x - x_pt) / σ_pt (ISO 13528 9.4); σ_pt > 0."""
    return _difference_ratio(x, x_pt, [(sigma_pt, "sigma_pt")])


def z_prime_score(x: Any, x_pt: Any, sigma_pt: Any, u_pt: Any) -> float:
    """z' = (x - x_pt) / sqrt(σ_pt² + u²(x_pt)) (ISO 13528 9.5)."""
    if uncertainty_in(sigma_pt, _unit(x), "sigma_pt") == 0.0:
        raise ComparisonError("sigma_pt must be positive")
    return _difference_ratio(x, x_pt, [(sigma_pt, "sigma_pt"), (u_pt, "u_pt")])


def classify_en(en: float) -> ScoreClass:
    """|En| <= 1 satisfactory, otherwise unsatisfactory (ISO 13528 9.7.3)."""
    return ScoreClass.SATISFACTORY if abs(en) <= 1.0 else ScoreClass.UNSATISFACTORY


def classify_score(score: float) -> ScoreClass:
    """z, z', ζ: |s| <= 2 satisfactory, 2 < |s| < 3 questionable, |s| >= 3 unsatisfactory."""
    size = abs(float(score))
    if size <= 2.0:
        return ScoreClass.SATISFACTORY
    return ScoreClass.QUESTIONABLE if size < 3.0 else ScoreClass.UNSATISFACTORY


@dataclass(frozen=True)
class WeightedMean:
    """Inverse-variance weighted mean with its consistency check.

    Unpacks as ``mean, u = weighted_mean(...)``.  ``birge_ratio`` is sqrt(χ²/(n - 1)); the values
    are ``consistent`` when P(χ²_{n-1} > χ²obs) >= 0.05 (CCEM/CIPM key comparison practice).
    """

    mean: float
    u: float
    chi_squared: float
    dof: int
    birge_ratio: float
    p_value: float

    @property
    def consistent(self) -> bool:
        """True when the chi-squared test does not reject consistency at 5 %."""
        return self.p_value >= 0.05

    def __iter__(self) -> Iterator[float]:
        return iter((self.mean, self.u))


def weighted_mean(values: Sequence[float], uncertainties: Sequence[float]) -> WeightedMean:
    """Weighted mean of results with standard uncertainties, u = (Σ 1/u_i²)^-1/2.

    Parameters
    ----------
    values : sequence of float
        Results (at least 2).
    uncertainties : sequence of float
        Their standard uncertainties, each > 0.
    """
    import numpy as np  # here: the score classes are imported by DTOs that need no numpy
    from scipy import stats

    x = np.asarray(values, dtype=float)
    u = np.asarray(uncertainties, dtype=float)
    if x.ndim != 1 or x.size < 2 or u.shape != x.shape:
        raise ComparisonError("weighted_mean needs at least 2 values and one uncertainty each")
    for i, ui in enumerate(u):
        _checks.positive(float(ui), f"uncertainties[{i}]", ComparisonError)
    w = 1.0 / u**2
    mean = float(np.sum(w * x) / np.sum(w))
    chi2 = float(np.sum(w * (x - mean) ** 2))
    dof = x.size - 1
    p_value = float(stats.chi2.sf(chi2, dof))
    return WeightedMean(mean, float(np.sum(w) ** -0.5), chi2, dof, math.sqrt(chi2 / dof), p_value)
