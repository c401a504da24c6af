"""Repeatability and stability statistics (JJF 1059.1, JJF 1033; GUM 4.2).

Values may be floats or ``Decimal``.  When every value is a ``Decimal`` the results are computed in
``Decimal`` (the stdlib :mod:`statistics` module does this exactly for the mean), so reported digits
are not lost to binary floating point; mixed input is computed in float.
"""

from __future__ import annotations

import math
import statistics as stdlib_statistics
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from labapp.metrology.errors import MetrologyError

__all__ = [
    "RANGE_COEFFICIENTS",
    "Repeatability",
    "experimental_sd",
    "range_sd",
    "repeatability",
    "sd_of_mean",
    "stability",
]

Number = float | Decimal

# Range coefficients C(n) (= d2, the expected range of n standard normal values) of the range
# method, as tabulated in JJF 1059.1-2012 Table 1 (n = 2..9) and continued with d2 to 2 decimals.
RANGE_COEFFICIENTS: dict[int, float] = {
    2: 1.13,
    3: 1.69,
    4: 2.06,
    5: 2.33,
    6: 2.53,
    7: 2.70,
    8: 2.85,
    9: 2.97,
    10: 3.08,
    11: 3.17,
    12: 3.26,
    13: 3.34,
    14: 3.41,
    15: 3.47,
}


def _numbers(
    values: Sequence[Number], minimum: int, what: str
) -> tuple[list[Decimal] | None, list[float]]:
    """Return (the values as Decimals if all are Decimal, else None; the values as floats)."""
    data = list(values)
    if len(data) < minimum:
        raise MetrologyError(f"{what} needs at least {minimum} values, got {len(data)}")
    floats = [float(v) for v in data]
    if not all(math.isfinite(v) for v in floats):
        raise MetrologyError(f"{what}: values must be finite")
    decimals = [v for v in data if isinstance(v, Decimal)]
    return (decimals if len(decimals) == len(data) else None), floats


def _mean_sd(values: Sequence[Number], what: str) -> tuple[Number, Number, int]:
    decimals, floats = _numbers(values, 2, what)
    if decimals is not None:
        return stdlib_statistics.mean(decimals), stdlib_statistics.stdev(decimals), len(decimals)
    return stdlib_statistics.mean(floats), stdlib_statistics.stdev(floats), len(floats)


def experimental_sd(values: Sequence[Number]) -> Number:
    """Experimental standard deviation by the Bessel formula, s = sqrt(Σ(x_i - x̄)²/(n - 1)).

    Parameters
    ----------
    values : sequence of float or Decimal
        At least 2 readings.

    Returns
    -------
    float or Decimal
        ``Decimal`` when every value is a ``Decimal``.
    """
    return _mean_sd(values, "experimental_sd")[1]


def sd_of_mean(s: Number, n: int) -> Number:
    """Standard deviation of the mean of n readings, s / sqrt(n) (GUM 4.2.3)."""
    if n < 1:
        raise MetrologyError(f"n must be at least 1, got {n}")
    if s < 0:
        raise MetrologyError(f"s must not be negative, got {s}")
    if isinstance(s, Decimal):
        return s / Decimal(n).sqrt()
    return float(s) / math.sqrt(n)


def range_sd(values: Sequence[Number]) -> float:
    """Standard deviation by the range method, s = (x_max - x_min) / C(n) (JJF 1059.1 4.2.3).

    Parameters
    ----------
    values : sequence of float or Decimal
        2 to 15 readings (:data:`RANGE_COEFFICIENTS`).
    """
    data = _numbers(values, 2, "range_sd")[1]
    if len(data) not in RANGE_COEFFICIENTS:
        raise MetrologyError(f"range_sd: no range coefficient C(n) for n = {len(data)} (2..15)")
    return (max(data) - min(data)) / RANGE_COEFFICIENTS[len(data)]


def stability(group_means: Sequence[Number]) -> Number:
    """Stability of a measurement standard: max - min of the group means (JJF 1033-2016 C.2.2.3).

    JJF 1033 asks a new standard for m >= 4 groups at least a month apart; for an existing one,
    the difference between adjacent years' means (pass two means).  The criterion (|MPE| or U of
    the correction) belongs to the caller.
    """
    decimals, floats = _numbers(group_means, 2, "stability")
    if decimals is not None:
        return max(decimals) - min(decimals)
    return max(floats) - min(floats)


class Repeatability(NamedTuple):
    """Mean, experimental standard deviation and count of repeated readings."""

    mean: Number
    s: Number
    n: int


def repeatability(values: Sequence[Number]) -> Repeatability:
    """Mean, Bessel standard deviation and number of repeated readings (JJF 1033 repeatability)."""
    return Repeatability(*_mean_sd(values, "repeatability"))
