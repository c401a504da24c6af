"""Input quantities of a measurement model and rows of a tabular uncertainty budget.

An :class:`Input` carries an estimate, its standard uncertainty, degrees of freedom and the
distribution it was stated with (needed by Monte Carlo, JCGM 101 §6.4).  Values may be pint
quantities: the magnitude is kept in the value's unit and the uncertainty is converted to the
matching *delta* unit (an uncertainty of a temperature in °C is a difference, in K / delta_degC).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from labapp.metrology import _checks
from labapp.metrology.errors import UncertaintyError
from labapp.metrology.units import check_commensurable, delta_unit, ureg

__all__ = ["DISTRIBUTIONS", "BudgetRow", "Input", "inputs_from_observations"]

DISTRIBUTIONS = ("normal", "t", "rectangular", "triangular", "arcsine")

# Standard uncertainty of a distribution of half-width a is a / divisor (GUM 4.3.7, 4.3.9).
_DIVISORS = {"rectangular": math.sqrt(3.0), "triangular": math.sqrt(6.0), "arcsine": math.sqrt(2.0)}


def _magnitudes(value: Any, uncertainty: Any, label: str) -> tuple[float, float, str]:
    """Split quantities into float magnitudes in the value's unit (uncertainty as a delta)."""
    if not isinstance(value, ureg.Quantity):
        if isinstance(uncertainty, ureg.Quantity):
            raise UncertaintyError(f"{label or 'input'}: uncertainty has a unit, value has none")
        return float(value), float(uncertainty), ""
    unit = value.units
    if not isinstance(uncertainty, ureg.Quantity):
        return float(value.magnitude), float(uncertainty), f"{unit:~P}"
    check_commensurable(uncertainty.units, unit, f"{label or 'input'} uncertainty")
    u_delta = delta_unit(uncertainty.units)
    u = float(ureg.Quantity(float(uncertainty.magnitude), u_delta).to(delta_unit(unit)).magnitude)
    return float(value.magnitude), u, f"{unit:~P}"


@dataclass(frozen=True)
class Input:
    """An input quantity: estimate, standard uncertainty, dof and stated distribution.

    Parameters
    ----------
    value : float or pint.Quantity
        Estimate of the input quantity.
    standard_uncertainty : float or pint.Quantity
        Standard uncertainty, >= 0 (a quantity is converted to the value's delta unit).
    dof : float
        Degrees of freedom, > 0; ``math.inf`` (default) for a Type B evaluation taken as exact.
    label : str
        Name shown in budgets.
    distribution : str
        One of ``normal``, ``t``, ``rectangular``, ``triangular``, ``arcsine`` (for Monte Carlo).
    half_width : float or None
        Half-width ``a`` of a rectangular, triangular or arcsine distribution.
    """

    value: Any
    standard_uncertainty: Any
    dof: float = math.inf
    label: str = ""
    distribution: str = "normal"
    half_width: float | None = None
    unit: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        value, u, unit = _magnitudes(self.value, self.standard_uncertainty, self.label)
        name = self.label or "input"
        object.__setattr__(self, "value", _checks.finite(value, f"{name} value", UncertaintyError))
        object.__setattr__(
            self, "standard_uncertainty", _checks.non_negative(u, f"{name} standard uncertainty")
        )
        object.__setattr__(self, "dof", _checks.dof(self.dof, f"{name} dof"))
        object.__setattr__(self, "unit", self.unit or unit)
        if self.distribution not in DISTRIBUTIONS:
            raise UncertaintyError(f"{name}: unknown distribution {self.distribution!r}")

    @classmethod
    def _from_half_width(
        cls, kind: str, value: Any, half_width: Any, dof: float, label: str
    ) -> Input:
        a = half_width.m_as(value.units) if isinstance(half_width, ureg.Quantity) else half_width
        a = _checks.non_negative(a, f"{label or 'input'} half-width")
        u = a / _DIVISORS[kind]
        return cls(value, u, dof, label, kind, a)

    @classmethod
    def rectangular(
        cls, value: Any, half_width: Any, dof: float = math.inf, label: str = ""
    ) -> Input:
        """Rectangular distribution of half-width ``a`` about ``value``: u = a/√3."""
        return cls._from_half_width("rectangular", value, half_width, dof, label)

    @classmethod
    def triangular(
        cls, value: Any, half_width: Any, dof: float = math.inf, label: str = ""
    ) -> Input:
        """Symmetric triangular distribution of half-width ``a``: u = a/√6."""
        return cls._from_half_width("triangular", value, half_width, dof, label)

    @classmethod
    def arcsine(cls, value: Any, half_width: Any, dof: float = math.inf, label: str = "") -> Input:
        """Arcsine (U-shaped) distribution of half-width ``a``, e.g. a cycling temperature: a/√2."""
        return cls._from_half_width("arcsine", value, half_width, dof, label)

    @classmethod
    def from_expanded(
        cls,
        value: Any,
        expanded_uncertainty: Any,
        coverage_factor: float,
        dof: float = math.inf,
        label: str = "",
    ) -> Input:
        """Input from a certificate's expanded uncertainty ``U`` and its stated ``k``: u = U/k."""
        k = _checks.positive(coverage_factor, f"{label or 'input'} coverage_factor")
        return cls(value, expanded_uncertainty / k, dof, label)

    @classmethod
    def from_observations(cls, observations: Sequence[float], label: str = "") -> Input:
        """Type A input: the mean of n observations, u = s/√n, dof = n - 1, Student t."""
        data = np.asarray(observations, dtype=float)
        if data.ndim != 1 or data.size < 2:
            raise UncertaintyError(f"{label or 'observations'}: need at least 2 observations")
        u = float(np.std(data, ddof=1) / math.sqrt(data.size))
        return cls(float(np.mean(data)), u, data.size - 1, label, "t")


def inputs_from_observations(
    columns: Mapping[str, Sequence[float]],
) -> tuple[dict[str, Input], dict[tuple[str, str], float]]:
    """Type A inputs and their correlations from simultaneous observations (GUM 5.2.3, H.2).

    Parameters
    ----------
    columns : mapping of name to observations
        Observations taken together (row i of every column belongs to the same measurement).

    Returns
    -------
    (inputs, correlations)
        Inputs as by :meth:`Input.from_observations` and the sample correlation coefficient of
        every pair, ready for ``propagate(..., correlations=...)``.
    """
    names = list(columns)
    lengths = {len(columns[name]) for name in names}
    if len(lengths) != 1:
        raise UncertaintyError(f"observation columns differ in length: {sorted(lengths)}")
    inputs = {name: Input.from_observations(columns[name], name) for name in names}
    matrix = np.corrcoef(np.array([columns[name] for name in names], dtype=float))
    correlations = {
        (a, b): float(matrix[i, j])
        for i, a in enumerate(names)
        for j, b in enumerate(names)
        if i < j
    }
    return inputs, correlations


@dataclass(frozen=True)
class BudgetRow:
    """One row of a tabular budget: the contribution is ``|sensitivity| * standard_uncertainty``.

    Parameters
    ----------
    name : str
        Source of uncertainty.
    standard_uncertainty : float
        u(x_i) >= 0, in the unit of the input.
    sensitivity : float
        c_i, converting u(x_i) into the unit of the output.
    dof : float
        Degrees of freedom of u(x_i), > 0 (``math.inf`` by default).
    """

    name: str
    standard_uncertainty: float
    sensitivity: float = 1.0
    dof: float = math.inf

    def __post_init__(self) -> None:
        u = _checks.non_negative(self.standard_uncertainty, f"{self.name} standard uncertainty")
        object.__setattr__(self, "standard_uncertainty", u)
        c = _checks.finite(self.sensitivity, f"{self.name} sensitivity", UncertaintyError)
        object.__setattr__(self, "sensitivity", c)
        object.__setattr__(self, "dof", _checks.dof(self.dof, f"{self.name} dof"))
