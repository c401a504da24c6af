"""TODO."""

from __future__ import annotations

from labapp.ui.register._export import start_register_export
from labapp.ui.register._history_model import ENTITIES, AuditHistoryModel, entity_label
from labapp.ui.register._instrument_dialog import ERROR_STYLE
from labapp.ui.register._view import RegisterView

__all__ = [
    "ENTITIES",
    "ERROR_STYLE",
    "AuditHistoryModel",
    "RegisterView",
    "entity_label",
    "start_register_export",
]
