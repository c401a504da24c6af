"""TODO."""

from __future__ import annotations

from labapp.services.dashboard._figures import (
    COUNTS,
    DrillItem,
    OnTimePeriod,
    OnTimeRate,
    dashboard_counts,
    drill_down,
    on_time_items,
    on_time_rate,
)
from labapp.services.dashboard._overview import lab_overview

__all__ = [
    "COUNTS",
    "DrillItem",
    "OnTimePeriod",
    "OnTimeRate",
    "dashboard_counts",
    "drill_down",
    "lab_overview",
    "on_time_items",
    "on_time_rate",
]
