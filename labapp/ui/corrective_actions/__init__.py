"""The corrective-action dialog (纠正措施) and its status words, used from the Comparisons page and
the PT plan page.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.corrective_actions._dialog import CorrectiveActionDialog, status_text
from labapp.ui.corrective_actions._flow import corrective_action_dialog

__all__ = [
    "CorrectiveActionDialog",
    "corrective_action_dialog",
    "status_text",
]
