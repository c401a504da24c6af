"""The audit trail table: who changed which record, when, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from labapp.ui.models.rows_table_model import RowsTableModel


class AuditTableModel(RowsTableModel):
    """Rows of ``AuditEntry``."""

    CONTEXT = "AuditTableModel"
    COL_AT = 0
    COL_USER = 1
    COL_ACTION = 2
    COL_ENTITY = 3
    COL_KEY = 4
    COL_REASON = 5
    COL_CHANGES = 6
    COLUMNS = (
        ("at", QT_TRANSLATE_NOOP("AuditTableModel", "When")),
        ("user_name", QT_TRANSLATE_NOOP("AuditTableModel", "User")),
        ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
        ("entity", QT_TRANSLATE_NOOP("AuditTableModel", "Record")),
        ("entity_id", QT_TRANSLATE_NOOP("AuditTableModel", "Key")),
        ("reason", QT_TRANSLATE_NOOP("AuditTableModel", "Reason")),
        ("changes", QT_TRANSLATE_NOOP("AuditTableModel", "Changes")),
    )

    def display(self, row: Any, column: int) -> str:
        if column == self.COL_CHANGES:
            return "; ".join(
                f"{c.field}: {c.old or '∅'} → {c.new or '∅'}" for c in getattr(row, "changes", ())
            )
        return super().display(row, column)
