"""The Intermediate checks page (期间核查): check plans, history, control chart, JJF 1033 tests and
their dialogs.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.checks._models import CheckPlansModel
from labapp.ui.checks._view import ChecksView
from labapp.ui.common.view import CHECKS

__all__ = [
    "CHECKS",
    "CheckPlansModel",
    "ChecksView",
]
