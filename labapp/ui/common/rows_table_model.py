"""A read-only table over a list of frozen DTOs, set at once with :meth:`set_rows`.

For short lists (the latest audit entries, a plan page).  Subclasses declare ``CONTEXT`` and
``COLUMNS`` (attribute, ``QT_TRANSLATE_NOOP`` header) and may override :meth:`display`.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from labapp.ui.common.labels import label

RowRole = Qt.ItemDataRole.UserRole + 2


class RowsTableModel(QAbstractTableModel):
    """Rows of DTOs; columns are attributes named in ``COLUMNS``."""

    CONTEXT: ClassVar[str] = "RowsTableModel"
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row (on the GUI thread, with the DTOs a worker fetched)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The DTO shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == RowRole:
            return row
        return self.role_data(row, index.column(), role)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        """Data of roles other than display (subclasses: colours, tooltips); None here."""
        return None

    def display(self, row: Any, column: int) -> str:
        """The text of one cell: enums labelled, dates ISO, datetimes to the second."""
        return format_value(getattr(row, self.COLUMNS[column][0], None))


def format_value(value: Any) -> str:
    """A DTO value as table text."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
