"""TODO."""

from __future__ import annotations

from labapp.ui.checks._models import CheckPlansModel
from labapp.ui.checks._view import CHECKS, ChecksView

__all__ = [
    "CHECKS",
    "CheckPlansModel",
    "ChecksView",
]
