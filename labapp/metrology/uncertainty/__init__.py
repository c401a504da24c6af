"""Measurement uncertainty: GUM propagation with GTC, tabular budgets, Monte Carlo (JCGM 101).

Write the measurement model as a Python function of named inputs, using operators and
:mod:`~labapp.metrology.uncertainty.fn` for elementary functions, so the same model runs on
floats, GTC uncertain reals (:func:`propagate`) and numpy arrays (:func:`monte_carlo`)::

    from labapp.metrology.uncertainty import Input, fn, propagate

    def resistance(V, I, phi):
        return V / I * fn.cos(phi)

    result = propagate(resistance, {"V": Input(4.999, 0.0032, 4), ...})
"""

from labapp.metrology.uncertainty import fn
from labapp.metrology.uncertainty.gum import (
    BudgetResult,
    MultiResult,
    combine,
    k_factor,
    propagate,
    propagate_many,
)
from labapp.metrology.uncertainty.inputs import (
    DISTRIBUTIONS,
    BudgetRow,
    Input,
    inputs_from_observations,
)
from labapp.metrology.uncertainty.montecarlo import MonteCarloResult, monte_carlo

__all__ = [
    "DISTRIBUTIONS",
    "BudgetResult",
    "BudgetRow",
    "Input",
    "MonteCarloResult",
    "MultiResult",
    "combine",
    "fn",
    "inputs_from_observations",
    "k_factor",
    "monte_carlo",
    "propagate",
    "propagate_many",
]
