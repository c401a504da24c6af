"""Recording verifications, calibrations and intermediate checks: the event dialog (header, points
evaluated live, standards used, attachments, revisions, signatures) and the Calibrations page.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.events._attachments import open_attachment
from labapp.ui.events._calibrations import CalibrationsView
from labapp.ui.events._dialog import EventDialog
from labapp.ui.events._flow import event_dialog
from labapp.ui.events._loading import decision_rule

__all__ = [
    "CalibrationsView",
    "EventDialog",
    "decision_rule",
    "event_dialog",
    "open_attachment",
]
