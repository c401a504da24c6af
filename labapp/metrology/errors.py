"""Typed errors of the metrology layer.

Every error is a ``ValueError`` (bad input to a calculation) and its message names the input that
was refused, so the services can map it to a field and the UI can word it.
"""

from __future__ import annotations


class MetrologyError(ValueError):
    """Base of the errors raised by :mod:`labapp.metrology` on bad input."""


class UnitError(MetrologyError):
    """A quantity or unit text that is not understood, or units that cannot be compared."""


class NumberError(UnitError):
    """A number that cannot be read; ``reason`` is ``not_a_number``, ``ambiguous_separator`` or
    ``out_of_range`` (not finite, more than 50 significant digits, or a decimal exponent beyond
    ±30; a :class:`UnitError`, since a number is read as part of a quantity)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class AbsoluteZeroError(UnitError):
    """An absolute temperature (K, °C, °F) below absolute zero; ``kelvin`` is its value in K."""

    def __init__(self, message: str, kelvin: float) -> None:
        super().__init__(message)
        self.kelvin = kelvin


class UncertaintyError(MetrologyError):
    """An uncertainty, degrees of freedom, coverage factor or probability out of its range."""


class FitError(MetrologyError):
    """Data that cannot support the requested fit (too few points, degenerate abscissae)."""


class ComparisonError(MetrologyError):
    """Inputs to a comparison or proficiency-testing score that make the score undefined."""


class ConformityError(MetrologyError):
    """A conformity decision asked without limits, or with inconsistent limits."""


class IntervalError(MetrologyError):
    """Inputs to a calibration-interval method out of their range."""
