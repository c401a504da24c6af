"""GUM (JCGM 100) propagation of uncertainty with GTC: budgets, models, Welch–Satterthwaite, k.

:func:`propagate` evaluates a model written as a Python function on GTC uncertain reals, so the
sensitivities, the combined standard uncertainty and the effective degrees of freedom
(Welch–Satterthwaite, GUM G.4; Willink's extension for correlated ensembles) come from GTC.  The
coverage factor is the Student t quantile for the effective dof *truncated to an integer*, as GUM
G.4.1 prescribes (normal quantile for infinite dof).

Correlated inputs: inputs linked by ``correlations`` are created as a GTC ensemble, which needs
them all to share one dof (or all ``math.inf``); otherwise the effective dof is undefined and an
:class:`UncertaintyError` is raised.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import GTC
from GTC import reporting
from scipy import stats

from labapp.metrology import _checks
from labapp.metrology.errors import UncertaintyError
from labapp.metrology.uncertainty.inputs import BudgetRow, Input

__all__ = [
    "BudgetResult",
    "MultiResult",
    "combine",
    "k_factor",
    "propagate",
    "propagate_many",
]

_UREAL = GTC.lib.UncertainReal
Correlations = Mapping[tuple[str, str], float]


@lru_cache(maxsize=512)
def _k_cached(dof_int: int, p: float) -> float:
    quantile = (1.0 + p) / 2.0
    if dof_int <= 0:
        return float(stats.norm.ppf(quantile))
    return float(stats.t.ppf(quantile, dof_int))


def k_factor(dof: float, coverage_probability: float = 0.95) -> float:
    """Coverage factor for a coverage probability: Student t for ``int(dof)``, normal for inf.

    Parameters
    ----------
    dof : float
        (Effective) degrees of freedom, > 0.  Truncated to an integer as in GUM G.4.1, but never
        below 1.
    coverage_probability : float
        Strictly between 0 and 1.

    Returns
    -------
    float
        k, e.g. 1.96 for inf and 0.95, 2.87 for 5 dof and 0.95.
    """
    nu = _checks.dof(dof)
    p = _checks.probability(coverage_probability)
    return _k_cached(0 if math.isinf(nu) else max(1, int(nu)), p)


@dataclass(frozen=True)
class BudgetResult:
    """Result of a GUM evaluation.

    Attributes
    ----------
    value : float
        Estimate of the output quantity.
    combined_standard_uncertainty : float
        u_c(y).
    dof_eff : float
        Welch–Satterthwaite effective degrees of freedom (``math.inf`` if every input has inf).
    coverage_factor : float
        k for ``coverage_probability`` and ``int(dof_eff)``.
    expanded_uncertainty : float
        U = k u_c.
    contributions : dict
        Input name -> |c_i| u(x_i).
    sensitivities : dict
        Input name -> c_i = ∂y/∂x_i.
    coverage_probability : float
        The coverage probability used.
    """

    value: float
    combined_standard_uncertainty: float
    dof_eff: float
    coverage_factor: float
    expanded_uncertainty: float
    contributions: dict[str, float]
    sensitivities: dict[str, float]
    coverage_probability: float = 0.95
    ureal: Any = field(default=None, repr=False, compare=False)


def _result(y: Any, leaves: Mapping[str, Any], p: float) -> BudgetResult:
    if not isinstance(y, _UREAL):  # the model ignored its inputs: an exact constant
        y = GTC.constant(float(y))
    u = float(y.u)
    dof_eff = math.inf if u == 0.0 else float(y.df)
    if math.isnan(dof_eff):
        raise UncertaintyError("effective dof undefined (correlated inputs with different dof)")
    k = k_factor(dof_eff, p)
    sensitivities = {name: float(reporting.sensitivity(y, x)) for name, x in leaves.items()}
    contributions = {name: abs(float(reporting.u_component(y, x))) for name, x in leaves.items()}
    return BudgetResult(float(y.x), u, dof_eff, k, k * u, contributions, sensitivities, p, y)


def combine(
    rows: Iterable[BudgetRow], coverage_probability: float = 0.95, *, value: float = 0.0
) -> BudgetResult:
    """Combine a tabular budget of independent contributions (GUM 5.1.2, G.4).

    Parameters
    ----------
    rows : iterable of BudgetRow
        Independent sources, each with u(x_i), c_i and dof.
    coverage_probability : float
        For the coverage factor.
    value : float
        Estimate of the output, reported as ``BudgetResult.value`` (the rows carry none).

    Returns
    -------
    BudgetResult
        u_c = sqrt(sum (c_i u_i)^2), Welch–Satterthwaite dof, k and U.
    """
    p = _checks.probability(coverage_probability)
    leaves: dict[str, Any] = {}
    y: Any = _checks.finite(value, "value")
    for row in rows:
        if row.name in leaves:
            raise UncertaintyError(f"budget row {row.name!r} appears twice")
        leaves[row.name] = GTC.ureal(0.0, row.standard_uncertainty, row.dof, label=row.name)
        y = y + row.sensitivity * leaves[row.name]
    if not leaves:
        raise UncertaintyError("rows: a budget needs at least one row")
    return _result(y, leaves, p)


def _groups(names: Sequence[str], correlations: Correlations) -> list[set[str]]:
    """Connected groups of correlated inputs (union-find over the correlation pairs)."""
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for (a, b), r in correlations.items():
        for name in (a, b):
            if name not in parent:
                raise UncertaintyError(f"correlation names unknown input {name!r}")
        if not -1.0 <= float(r) <= 1.0 or a == b:
            raise UncertaintyError(f"correlation ({a!r}, {b!r}) must be in [-1, 1], got {r!r}")
        parent[root(a)] = root(b)
    groups: dict[str, set[str]] = {}
    for name in names:
        groups.setdefault(root(name), set()).add(name)
    return [group for group in groups.values() if len(group) > 1]


def _ureals(inputs: Mapping[str, Input], correlations: Correlations | None) -> dict[str, Any]:
    if not correlations:
        return {n: GTC.ureal(i.value, i.standard_uncertainty, i.dof, n) for n, i in inputs.items()}
    leaves: dict[str, Any] = {}
    for group in _groups(list(inputs), correlations):
        names = sorted(group)
        dofs = {inputs[n].dof for n in names}
        if len(dofs) > 1:
            raise UncertaintyError(f"correlated inputs {names} must share one dof, got {dofs}")
        xs = [inputs[n].value for n in names]
        us = [inputs[n].standard_uncertainty for n in names]
        leaves.update(zip(names, GTC.multiple_ureal(xs, us, dofs.pop(), names), strict=True))
    for (a, b), r in correlations.items():
        GTC.set_correlation(float(r), leaves[a], leaves[b])
    for name, i in inputs.items():
        if name not in leaves:
            leaves[name] = GTC.ureal(i.value, i.standard_uncertainty, i.dof, name)
    return {name: leaves[name] for name in inputs}


def _check_inputs(inputs: Mapping[str, Input]) -> None:
    if not inputs:
        raise UncertaintyError("inputs: a model needs at least one input")
    for name, item in inputs.items():
        if not isinstance(item, Input):
            raise UncertaintyError(f"input {name!r} must be an Input, got {type(item).__name__}")


def propagate(
    model: Callable[..., Any],
    inputs: Mapping[str, Input],
    coverage_probability: float = 0.95,
    correlations: Correlations | None = None,
) -> BudgetResult:
    """Propagate input uncertainties through ``model`` by the GUM law (first order), with GTC.

    Parameters
    ----------
    model : callable
        Called as ``model(**values)`` with GTC uncertain reals named like ``inputs``.  Use
        arithmetic operators and :mod:`labapp.metrology.uncertainty.fn` (``fn.cos``...), not
        :mod:`math`, which refuses uncertain reals.
    inputs : mapping of name to Input
        The input quantities.
    coverage_probability : float
        For the coverage factor, strictly between 0 and 1.
    correlations : mapping of (name, name) to r, optional
        Correlation coefficients between inputs, each in [-1, 1].

    Returns
    -------
    BudgetResult
        Value, u_c, dof_eff, k, U, contributions and sensitivities of every input.

    Examples
    --------
    >>> r = propagate(lambda a, b: a + b, {"a": Input(1.0, 0.57, 9), "b": Input(2.0, 0.25)})
    >>> round(r.dof_eff, 1)
    12.8
    """
    p = _checks.probability(coverage_probability)
    _check_inputs(inputs)
    leaves = _ureals(inputs, correlations)
    return _result(model(**leaves), leaves, p)


@dataclass(frozen=True)
class MultiResult:
    """Results of a model with several outputs, and the correlations between them."""

    results: dict[str, BudgetResult]

    def __getitem__(self, name: str) -> BudgetResult:
        return self.results[name]

    def correlation(self, a: str, b: str) -> float:
        """Correlation coefficient r(a, b) between two outputs (GUM H.2 Table H.4)."""
        return float(GTC.get_correlation(self.results[a].ureal, self.results[b].ureal))

    def covariance(self, a: str, b: str) -> float:
        """Covariance u(a, b) between two outputs."""
        return float(GTC.get_covariance(self.results[a].ureal, self.results[b].ureal))


def propagate_many(
    model: Callable[..., Any],
    inputs: Mapping[str, Input],
    coverage_probability: float = 0.95,
    correlations: Correlations | None = None,
    names: Sequence[str] | None = None,
) -> MultiResult:
    """Propagate through a model with several outputs (a tuple or a mapping of outputs).

    Parameters
    ----------
    model, inputs, coverage_probability, correlations
        As for :func:`propagate`.
    names : sequence of str, optional
        Names of the outputs of a model returning a tuple (default ``y0``, ``y1``, ...).

    Returns
    -------
    MultiResult
        ``result["R"]`` is a :class:`BudgetResult`; ``result.correlation("R", "X")`` is r(R, X).
    """
    p = _checks.probability(coverage_probability)
    _check_inputs(inputs)
    leaves = _ureals(inputs, correlations)
    outputs = model(**leaves)
    if not isinstance(outputs, Mapping):
        outputs = tuple(outputs)
        labels = list(names) if names is not None else [f"y{i}" for i in range(len(outputs))]
        if len(labels) != len(outputs):
            raise UncertaintyError(f"names: {len(labels)} names for {len(outputs)} outputs")
        outputs = dict(zip(labels, outputs, strict=True))
    return MultiResult({name: _result(y, leaves, p) for name, y in outputs.items()})
