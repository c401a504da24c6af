"""Drift of one measurement point of an instrument: its history, the fit, and a new interval.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.drift._drift import accept_interval, drift_series, nominal_points


__all__ = [
    "accept_interval",
    "drift_series",
    "nominal_points",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(("accept_interval", "drift_series", "nominal_points"), "_drift"),
    },
)
