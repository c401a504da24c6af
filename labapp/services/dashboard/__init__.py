"""The quality manager's figures: the Overview's counts with the items behind each, the on-time
verification rate (受检率) and standards found out of tolerance that nobody investigates.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

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
