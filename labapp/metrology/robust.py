"""Robust statistics for proficiency testing (ISO 13528:2022 Annex C) and homogeneity (Annex B).

Public names are re-exported by :mod:`labapp.metrology.comparison`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from labapp.metrology.errors import ComparisonError

if TYPE_CHECKING:  # numpy is imported where it computes: reading MIN_VALUES_ALGORITHM_A loads none
    import numpy as np
    from numpy.typing import NDArray

    Values = Sequence[float] | NDArray[np.float64]

__all__ = ["algorithm_a", "homogeneity_ss", "median_mad_e", "niqr", "u_assigned_robust"]

# Algorithm A needs a median and a MAD that mean something; with fewer than 3 values the
# iteration has nothing to winsorise (ISO 13528:2022 C.3 recommends robust methods for larger p).
MIN_VALUES_ALGORITHM_A = 3


def _data(values: Values, minimum: int, what: str) -> NDArray[np.float64]:
    import numpy as np

    data = np.asarray(values, dtype=float)
    if data.ndim != 1 or data.size < minimum:
        raise ComparisonError(f"{what} needs at least {minimum} values, got {data.size}")
    if not np.all(np.isfinite(data)):
        raise ComparisonError(f"{what}: values must be finite numbers")
    return data


def median_mad_e(values: Values) -> tuple[float, float]:
    """Median and scaled median absolute deviation MADe = 1.483 · median|x_i - med| (C.2.2)."""
    import numpy as np

    data = _data(values, 2, "median_mad_e")
    median = float(np.median(data))
    return median, 1.483 * float(np.median(np.abs(data - median)))


def niqr(values: Values) -> float:
    """Normalised interquartile range 0.7413 · (Q3 - Q1), quartiles by linear interpolation."""
    import numpy as np

    data = _data(values, 2, "niqr")
    q1, q3 = np.percentile(data, [25.0, 75.0])
    return 0.7413 * float(q3 - q1)


def algorithm_a(
    values: Values, tolerance: float = 1e-12, max_iterations: int = 1000
) -> tuple[float, float]:
    """Robust mean and standard deviation by ISO 13528:2022 Algorithm A (C.3.1).

    Start with x* = median and s* = 1.483 · MAD; then repeat: δ = 1.5 s*, winsorise each value to
    [x* - δ, x* + δ], x* = mean of the winsorised values, s* = 1.134 · their standard deviation,
    until x* and s* change by less than ``tolerance`` relative to s* (stricter than the standard's
    "no change in the third significant figure", so results do not depend on the stopping point).

    Parameters
    ----------
    values : sequence of float
        Participants' results, at least 3.

    Returns
    -------
    (x_star, s_star)

    Raises
    ------
    ComparisonError
        Fewer than 3 values, or s* = 0 (more than half the values identical), or no convergence.
    """
    import numpy as np

    data = _data(values, MIN_VALUES_ALGORITHM_A, "algorithm_a")
    x_star, s_star = median_mad_e(data)
    if s_star == 0.0:
        raise ComparisonError("algorithm_a: MAD is zero (more than half the values are equal)")
    for _ in range(max_iterations):
        delta = 1.5 * s_star
        clipped = np.clip(data, x_star - delta, x_star + delta)
        new_x = float(np.mean(clipped))
        new_s = 1.134 * float(np.std(clipped, ddof=1))
        done = abs(new_x - x_star) <= tolerance * new_s and abs(new_s - s_star) <= tolerance * new_s
        x_star, s_star = new_x, new_s
        if done:
            return x_star, s_star
    raise ComparisonError(f"algorithm_a did not converge in {max_iterations} iterations")


def u_assigned_robust(s_star: float, p: int) -> float:
    """Standard uncertainty of a robust assigned value, u(x_pt) = 1.25 · s* / sqrt(p) (7.7.3)."""
    if p < 1:
        raise ComparisonError(f"p (number of participants) must be at least 1, got {p}")
    if not s_star >= 0:
        raise ComparisonError(f"s_star must be non-negative, got {s_star}")
    return 1.25 * s_star / math.sqrt(p)


def homogeneity_ss(pairs: Sequence[Sequence[float]]) -> tuple[float, float, float, float]:
    """Between-sample standard deviation of a homogeneity study (ISO 13528:2022 B.3).

    Parameters
    ----------
    pairs : sequence of sequences
        Replicate results of each of g >= 2 items, the same number m >= 2 of replicates each
        (the standard's design is m = 2).

    Returns
    -------
    (mean, s_x, s_w, s_s)
        General mean, standard deviation of the item means, within-item standard deviation
        (sqrt of the mean within-item variance; for pairs sqrt(Σ w_t²/2g)) and the between-item
        standard deviation s_s = sqrt(max(0, s_x² - s_w²/m)).
    """
    import numpy as np

    data = np.asarray(pairs, dtype=float)
    if data.ndim != 2 or data.shape[0] < 2 or data.shape[1] < 2:
        raise ComparisonError("homogeneity_ss needs >= 2 items with >= 2 replicates each")
    means = data.mean(axis=1)
    s_x = float(np.std(means, ddof=1))
    s_w = math.sqrt(float(np.mean(np.var(data, axis=1, ddof=1))))
    s_s = math.sqrt(max(0.0, s_x**2 - s_w**2 / data.shape[1]))
    return float(means.mean()), s_x, s_w, s_s
