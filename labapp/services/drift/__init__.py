"""TODO."""

from __future__ import annotations

from labapp.services.drift._drift import accept_interval, drift_series, nominal_points

__all__ = [
    "accept_interval",
    "drift_series",
    "nominal_points",
]
