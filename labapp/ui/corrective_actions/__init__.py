"""TODO."""

from __future__ import annotations

from labapp.ui.corrective_actions._dialog import CorrectiveActionDialog, status_text

__all__ = [
    "CorrectiveActionDialog",
    "status_text",
]
