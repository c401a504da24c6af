"""Tables of an instrument's past: its calibration events and its audit trail.

Both are short lists set at once (:class:`RowsTableModel`); the services already return them
newest first, so the models never reorder.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from labapp.ui.common.labels import label_for
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

FAIL_BRUSH = QBrush(QColor("#f4c7c3"))
SEAL_BROKEN_BRUSH = QBrush(QColor("#c62828"))
WHITE_BRUSH = QBrush(QColor("white"))


def _raw(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


class EventHistoryModel(RowsTableModel):
    """Calibration, verification and intermediate-check events of one instrument."""

    CONTEXT = "EventHistoryModel"
    COL_DATE = 0
    COL_KIND = 1
    COL_RESULT = 2
    COL_CERTIFICATE = 3
    COL_PROVIDER = 4
    COL_VALID_UNTIL = 5
    COL_STATUS = 6
    COLUMNS = (
        ("performed_on", QT_TRANSLATE_NOOP("EventHistoryModel", "Date")),
        ("kind", QT_TRANSLATE_NOOP("EventHistoryModel", "Kind")),
        ("result", QT_TRANSLATE_NOOP("EventHistoryModel", "Result")),
        ("certificate_no", QT_TRANSLATE_NOOP("EventHistoryModel", "Certificate")),
        ("provider", QT_TRANSLATE_NOOP("EventHistoryModel", "Provider")),
        ("valid_until", QT_TRANSLATE_NOOP("EventHistoryModel", "Valid until")),
        ("status", QT_TRANSLATE_NOOP("EventHistoryModel", "Status")),
    )
    _PREFIXES: ClassVar[dict[int, str]] = {
        COL_KIND: "event",
        COL_RESULT: "result",
        COL_STATUS: "event_status",
    }

    #: ids of the events whose seal does not verify (set by the instrument pane)
    broken: frozenset[int] = frozenset()

    def set_broken(self, ids: frozenset[int]) -> None:
        """Mark the events ``ids`` as seal broken (red rows, a word in the status column)."""
        self.broken = frozenset(ids)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def display(self, row: Any, column: int) -> str:
        value = getattr(row, self.COLUMNS[column][0], None)
        if column == self.COL_STATUS and getattr(row, "id", None) in self.broken:
            text = QCoreApplication.translate("EventHistoryModel", "{0} — SEAL BROKEN")
            return text.format(label_for("event_status", _raw(value)))
        if column in self._PREFIXES:
            return label_for(self._PREFIXES[column], _raw(value))
        return format_value(getattr(value, "name", value))

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if getattr(row, "id", None) in self.broken:
            if role == Qt.ItemDataRole.BackgroundRole:
                return SEAL_BROKEN_BRUSH
            if role == Qt.ItemDataRole.ForegroundRole:
                return WHITE_BRUSH
        if role == Qt.ItemDataRole.BackgroundRole and _raw(getattr(row, "result", None)) == "fail":
            return FAIL_BRUSH
        return None


#: audited table -> its name for people
ENTITIES: tuple[tuple[str, str], ...] = (
    ("instruments", QT_TRANSLATE_NOOP("AuditHistoryModel", "Instrument")),
    ("events", QT_TRANSLATE_NOOP("AuditHistoryModel", "Calibration event")),
    ("measurement_points", QT_TRANSLATE_NOOP("AuditHistoryModel", "Measurement point")),
    ("persons", QT_TRANSLATE_NOOP("AuditHistoryModel", "Person")),
    ("locations", QT_TRANSLATE_NOOP("AuditHistoryModel", "Location")),
    ("providers", QT_TRANSLATE_NOOP("AuditHistoryModel", "Provider")),
    ("procedures", QT_TRANSLATE_NOOP("AuditHistoryModel", "Procedure")),
    ("attachments", QT_TRANSLATE_NOOP("AuditHistoryModel", "Attachment")),
    ("database", QT_TRANSLATE_NOOP("AuditHistoryModel", "Database")),
)
_ENTITY_NAMES = dict(ENTITIES)


def entity_label(entity: str) -> str:
    """The user's-language name of an audited table (the table name if unknown)."""
    source = _ENTITY_NAMES.get(entity)
    return QCoreApplication.translate("AuditHistoryModel", source) if source else entity


def changes_text(entry: Any) -> str:
    """ "field: old → new; …" of an audit entry (∅ for an empty value)."""
    return "; ".join(
        f"{c.field}: {c.old or '∅'} → {c.new or '∅'}" for c in getattr(entry, "changes", ())
    )


class AuditHistoryModel(RowsTableModel):
    """Audit entries: who did what, when, what changed (old → new) and why."""

    CONTEXT = "AuditHistoryModel"
    COL_AT = 0
    COL_USER = 1
    COL_ACTION = 2
    COL_ENTITY = 3
    COL_KEY = 4
    COL_CHANGES = 5
    COL_REASON = 6
    COLUMNS = (
        ("at", QT_TRANSLATE_NOOP("AuditHistoryModel", "When")),
        ("user", QT_TRANSLATE_NOOP("AuditHistoryModel", "Who")),
        ("action", QT_TRANSLATE_NOOP("AuditHistoryModel", "Action")),
        ("entity", QT_TRANSLATE_NOOP("AuditHistoryModel", "Record")),
        ("entity_id", QT_TRANSLATE_NOOP("AuditHistoryModel", "Key")),
        ("changes", QT_TRANSLATE_NOOP("AuditHistoryModel", "What changed (old → new)")),
        ("reason", QT_TRANSLATE_NOOP("AuditHistoryModel", "Why")),
    )

    def display(self, row: Any, column: int) -> str:
        if column == self.COL_CHANGES:
            return changes_text(row)
        if column == self.COL_USER:
            return str(getattr(row, "user_name", None) or getattr(row, "user", ""))
        if column == self.COL_ACTION:
            return label_for("audit", _raw(getattr(row, "action", None)))
        if column == self.COL_ENTITY:
            return entity_label(str(getattr(row, "entity", "")))
        if column == self.COL_AT and getattr(row, "at", None) is not None:
            return format_value(row.at.astimezone() if row.at.tzinfo else row.at)  # local time
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CHANGES:
            return changes_text(row).replace("; ", "\n") or None
        return None
