"""TODO."""

from __future__ import annotations

from labapp.ui.impact._view import IMPACT, InvestigationsView, new_investigation_hint

__all__ = [
    "IMPACT",
    "InvestigationsView",
    "new_investigation_hint",
]
