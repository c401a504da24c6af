"""The Investigations page: failed-standard impact investigations, their results, decisions and
report.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.common.view import IMPACT
from labapp.ui.impact._view import InvestigationsView, new_investigation_hint

__all__ = [
    "IMPACT",
    "InvestigationsView",
    "new_investigation_hint",
]
