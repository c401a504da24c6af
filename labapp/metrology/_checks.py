"""Argument checks shared by the metrology modules; each raises a typed error naming the input."""

from __future__ import annotations

import math

from labapp.metrology.errors import MetrologyError, UncertaintyError


def finite(value: float, name: str, error: type[MetrologyError] = MetrologyError) -> float:
    """Return ``value`` as a float, refusing NaN and infinities."""
    number = float(value)
    if not math.isfinite(number):
        raise error(f"{name} must be a finite number, got {value!r}")
    return number


def non_negative(value: float, name: str) -> float:
    """Return ``value`` as a float, refusing negative, NaN or infinite values."""
    number = finite(value, name, UncertaintyError)
    if number < 0:
        raise UncertaintyError(f"{name} must not be negative, got {value!r}")
    return number


def positive(value: float, name: str, error: type[MetrologyError] = UncertaintyError) -> float:
    """Return ``value`` as a float, refusing zero, negative, NaN or infinite values."""
    number = finite(value, name, error)
    if number <= 0:
        raise error(f"{name} must be positive, got {value!r}")
    return number


def dof(value: float, name: str = "dof") -> float:
    """Return degrees of freedom as a float (``math.inf`` allowed), refusing zero or less."""
    number = float(value)
    if math.isnan(number) or number <= 0:
        raise UncertaintyError(f"{name} must be positive (or math.inf), got {value!r}")
    return number


def probability(value: float, name: str = "coverage_probability") -> float:
    """Return a probability strictly between 0 and 1."""
    number = float(value)
    if not 0.0 < number < 1.0:
        raise UncertaintyError(f"{name} must lie strictly between 0 and 1, got {value!r}")
    return number
