"""The Planning page: what falls due, the year's plan with its approval bar, intermediate checks
due, and the tables the Overview's drill-downs reuse.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.planning._models import (
    DrillItemsModel,
    ExpiringModel,
    OnTimeItemsModel,
    OnTimeRateModel,
)
from labapp.ui.planning._view import PlanningView

__all__ = [
    "DrillItemsModel",
    "ExpiringModel",
    "OnTimeItemsModel",
    "OnTimeRateModel",
    "PlanningView",
]
