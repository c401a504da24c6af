"""The Register page: every instrument and standard searched, filtered and paged from SQL, the
detail pane with its history and risks, the instrument dialog, retiring, and the register export.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.ui.register._export import start_register_export
from labapp.ui.register._history_model import ENTITIES, AuditHistoryModel, entity_label
from labapp.ui.register._instrument_form import ERROR_STYLE
from labapp.ui.register._view import RegisterView

__all__ = [
    "ENTITIES",
    "ERROR_STYLE",
    "AuditHistoryModel",
    "RegisterView",
    "entity_label",
    "start_register_export",
]
