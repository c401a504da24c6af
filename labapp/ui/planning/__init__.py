"""TODO."""

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
