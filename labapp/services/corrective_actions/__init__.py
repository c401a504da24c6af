"""Corrective actions (纠正措施) after an unsatisfactory comparison or PT score: open, edit, close,
and the standards each one puts at risk.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.corrective_actions._actions import (
    actions_of_participant,
    close_action,
    list_actions,
    open_action,
    standard_risk,
    update_action,
)
from labapp.services.corrective_actions._dto import ActionInfo, ActionInput

__all__ = [
    "ActionInfo",
    "ActionInput",
    "actions_of_participant",
    "close_action",
    "list_actions",
    "open_action",
    "standard_risk",
    "update_action",
]
