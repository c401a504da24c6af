"""Pure metrology calculations a metrologist can script against.

Units and exact decimal quantities (:mod:`~labapp.metrology.units`), GUM uncertainty budgets and
Monte Carlo (:mod:`~labapp.metrology.uncertainty`), conformity decisions and risks
(:mod:`~labapp.metrology.conformity`), comparison and proficiency-testing scores
(:mod:`~labapp.metrology.comparison`), repeatability statistics
(:mod:`~labapp.metrology.statistics`), straight-line calibration fits
(:mod:`~labapp.metrology.regression`) and calibration intervals
(:mod:`~labapp.metrology.intervals`).  Stdlib, pint, numpy, scipy and GTC only: no Qt, no
database, no files.  Bad input raises a :class:`~labapp.metrology.errors.MetrologyError`
(a ``ValueError``) whose message names the input.
"""

from labapp.metrology.errors import (
    ComparisonError,
    ConformityError,
    FitError,
    IntervalError,
    MetrologyError,
    UncertaintyError,
    UnitError,
)

__all__ = [
    "ComparisonError",
    "ConformityError",
    "FitError",
    "IntervalError",
    "MetrologyError",
    "UncertaintyError",
    "UnitError",
]
