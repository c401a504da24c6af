"""TODO."""

from __future__ import annotations

from labapp.ui.events._attachments import open_attachment
from labapp.ui.events._calibrations import CalibrationsView
from labapp.ui.events._dialog import EventDialog, decision_rule

__all__ = [
    "CalibrationsView",
    "EventDialog",
    "decision_rule",
    "open_attachment",
]
