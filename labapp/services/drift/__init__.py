"""Drift of one measurement point of an instrument: its history, the fit, and a new interval.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.drift._drift import accept_interval, drift_series, nominal_points

__all__ = [
    "accept_interval",
    "drift_series",
    "nominal_points",
]
