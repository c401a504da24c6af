"""Monte Carlo propagation of distributions (JCGM 101:2008, GUM Supplement 1).

Each input is sampled from the distribution it was stated with (JCGM 101 §6.4): normal,
scaled-and-shifted Student t (``x + u·t_ν``, a Type A input with ν = n - 1), rectangular,
symmetric triangular or arcsine of the stated half-width.  The model is called **once** with numpy
arrays of ``trials`` draws (vectorised), so it must work on arrays: use operators and
:mod:`labapp.metrology.uncertainty.fn`, which dispatches to numpy.  Correlated inputs are supported
for normal inputs only (multivariate normal, JCGM 101 §6.4.8).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from labapp.metrology import _checks
from labapp.metrology.errors import UncertaintyError
from labapp.metrology.uncertainty.inputs import Input

__all__ = ["MonteCarloResult", "monte_carlo"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class MonteCarloResult:
    """Summary of the Monte Carlo output distribution (JCGM 101 §7.6, §7.7).

    Attributes
    ----------
    value : float
        Mean of the output draws.
    standard_uncertainty : float
        Standard deviation of the output draws.
    interval_low, interval_high : float
        Probabilistically symmetric coverage interval.
    shortest_interval : tuple of float
        Shortest coverage interval for the same probability.
    trials : int
        Number of draws M.
    coverage_probability : float
        The coverage probability p.
    """

    value: float
    standard_uncertainty: float
    interval_low: float
    interval_high: float
    shortest_interval: tuple[float, float]
    trials: int
    coverage_probability: float


def _draw(item: Input, rng: np.random.Generator, trials: int, normal: Array | None) -> Array:
    """Draws of one input; ``normal`` carries pre-drawn (possibly correlated) N(0, 1) values."""
    x, u, a = float(item.value), float(item.standard_uncertainty), item.half_width
    if item.distribution == "normal" or u == 0.0:
        z = normal if normal is not None else rng.standard_normal(trials)
        return x + u * z
    if item.distribution == "t":
        if math.isinf(item.dof):
            return x + u * rng.standard_normal(trials)
        return x + u * rng.standard_t(item.dof, trials)
    assert a is not None
    if item.distribution == "rectangular":
        return rng.uniform(x - a, x + a, trials)
    if item.distribution == "triangular":
        return rng.triangular(x - a, x, x + a, trials)
    return x + a * np.sin(rng.uniform(0.0, 2.0 * math.pi, trials))  # arcsine


def _correlated_normals(
    inputs: Mapping[str, Input],
    correlations: Mapping[tuple[str, str], float],
    rng: np.random.Generator,
    trials: int,
) -> dict[str, Array]:
    names = sorted({name for pair in correlations for name in pair})
    for name in names:
        if name not in inputs:
            raise UncertaintyError(f"correlation names unknown input {name!r}")
        if inputs[name].distribution != "normal":
            raise UncertaintyError(f"correlated input {name!r} must be normal for Monte Carlo")
    index = {name: i for i, name in enumerate(names)}
    matrix = np.eye(len(names))
    for (a, b), r in correlations.items():
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = float(r)
    try:
        chol = np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError as exc:
        raise UncertaintyError("correlations: the matrix is not positive definite") from exc
    z = chol @ rng.standard_normal((len(names), trials))
    return {name: z[index[name]] for name in names}


def _shortest(sorted_draws: Array, p: float) -> tuple[float, float]:
    """Shortest interval holding a fraction p of the sorted draws (JCGM 101 §7.7.2)."""
    m = sorted_draws.size
    q = int(p * m + 0.5)
    widths = sorted_draws[q - 1 :] - sorted_draws[: m - q + 1]
    start = int(np.argmin(widths))
    return float(sorted_draws[start]), float(sorted_draws[start + q - 1])


def monte_carlo(
    model: Callable[..., Any],
    inputs: Mapping[str, Input],
    trials: int = 10**6,
    seed: int | None = None,
    coverage_probability: float = 0.95,
    correlations: Mapping[tuple[str, str], float] | None = None,
) -> MonteCarloResult:
    """Propagate distributions by Monte Carlo (JCGM 101), the model evaluated on arrays.

    Parameters
    ----------
    model : callable
        Called once as ``model(**arrays)``; must be vectorised (numpy operators, ``fn.*``).
    inputs : mapping of name to Input
        Each sampled from its ``distribution``.
    trials : int
        Number of draws M (JCGM 101 §7.2; 10**6 is usually enough for two significant digits).
    seed : int, optional
        Seed of numpy's default generator, for reproducible results.
    coverage_probability : float
        Strictly between 0 and 1.
    correlations : mapping of (name, name) to r, optional
        Correlation coefficients between *normal* inputs.

    Returns
    -------
    MonteCarloResult
        Mean, standard deviation, probabilistically symmetric and shortest coverage intervals.
    """
    p = _checks.probability(coverage_probability)
    if int(trials) < 100:
        raise UncertaintyError(f"trials must be at least 100, got {trials!r}")
    rng = np.random.default_rng(seed)
    normals = _correlated_normals(inputs, correlations, rng, trials) if correlations else {}
    draws = {name: _draw(item, rng, trials, normals.get(name)) for name, item in inputs.items()}
    with np.errstate(all="ignore"):  # non-finite results are refused just below
        y = np.broadcast_to(np.asarray(model(**draws), dtype=float), (trials,))
    if not np.all(np.isfinite(y)):
        raise UncertaintyError("model returned non-finite values for some draws")
    ordered = np.sort(y)
    low, high = ordered[[int((1 - p) / 2 * trials), int((1 + p) / 2 * trials) - 1]]
    return MonteCarloResult(
        float(np.mean(y)),
        float(np.std(y, ddof=1)),
        float(low),
        float(high),
        _shortest(ordered, p),
        int(trials),
        p,
    )
