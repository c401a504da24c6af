"""The register table: instruments and standards, fetched page by page from SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from labapp.ui.labels import label_for
from labapp.ui.models.rows_table_model import RowRole, RowsTableModel, format_value

COL_ASSET_TAG = 0
COL_NAME = 1
COL_MANUFACTURER = 2
COL_MODEL = 3
COL_SERIAL = 4
COL_ROLE = 5
COL_STATUS = 6
COL_LOCATION = 7
COL_CUSTODIAN = 8
COL_LAST_CALIBRATED = 9
COL_DUE = 10

#: column -> (DTO attribute, header)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("asset_tag", QT_TRANSLATE_NOOP("InstrumentTableModel", "Asset tag")),
    ("name", QT_TRANSLATE_NOOP("InstrumentTableModel", "Name")),
    ("manufacturer", QT_TRANSLATE_NOOP("InstrumentTableModel", "Manufacturer")),
    ("model", QT_TRANSLATE_NOOP("InstrumentTableModel", "Model")),
    ("serial", QT_TRANSLATE_NOOP("InstrumentTableModel", "Serial number")),
    ("role", QT_TRANSLATE_NOOP("InstrumentTableModel", "Role")),
    ("status", QT_TRANSLATE_NOOP("InstrumentTableModel", "Status")),
    ("location", QT_TRANSLATE_NOOP("InstrumentTableModel", "Location")),
    ("custodian", QT_TRANSLATE_NOOP("InstrumentTableModel", "Custodian")),
    ("last_calibrated_on", QT_TRANSLATE_NOOP("InstrumentTableModel", "Last calibrated")),
    ("due_on", QT_TRANSLATE_NOOP("InstrumentTableModel", "Due date")),
)

#: Raw stored value of the row's due state (overdue / due_soon / ok / none).
DueStateRole = Qt.ItemDataRole.UserRole + 1
__all__ = ["COLUMNS", "DueStateRole", "InstrumentTableModel", "RowRole", "due_state"]

OVERDUE_BRUSH = QBrush(QColor("#f4c7c3"))
DUE_SOON_BRUSH = QBrush(QColor("#fce8b2"))

PAGE_SIZE = 200

#: loader(search, limit, offset, deliver) must eventually call deliver(list_of_rows) once.
Loader = Callable[[str | None, int, int, Callable[[list[Any]], None]], None]


def due_state(due_on: date | None, today: date, lead_days: int) -> str:
    """``overdue``, ``due_soon`` (within ``lead_days``), ``ok`` or ``none`` (no due date)."""
    if due_on is None:
        return "none"
    days = (due_on - today).days
    if days < 0:
        return "overdue"
    return "due_soon" if days <= lead_days else "ok"


class InstrumentTableModel(RowsTableModel):
    """Read-only rows of ``InstrumentSummary``; more are fetched when the view scrolls down."""

    CONTEXT = "InstrumentTableModel"
    COLUMNS = COLUMNS

    def __init__(self, loader: Loader | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._search: str | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self.page_size = PAGE_SIZE
        self.today = date.today()
        self.lead_days = 30

    # --- loading ---------------------------------------------------------------------------
    def set_loader(self, loader: Loader | None) -> None:
        """Use ``loader`` (None: no database) and reload from the first page."""
        self._loader = loader
        self.reload()

    def set_search(self, text: str | None) -> None:
        """Re-query with a new search text (empty: everything)."""
        self._search = (text or "").strip() or None
        self.reload()

    def reload(self) -> None:
        """Drop every row and fetch the first page again (late pages of old queries are ignored)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._loading = False
        self._exhausted = self._loader is None
        self.endResetModel()
        self._request()

    def _request(self) -> None:
        if self._loader is None or self._loading or self._exhausted:
            return
        self._loading = True
        generation = self._generation
        self._loader(
            self._search,
            self.page_size,
            len(self._rows),
            lambda rows: self._deliver(generation, rows),
        )

    def _deliver(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self.page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def loading_failed(self) -> None:
        """Stop paging after an error (the error itself is shown by the worker's handler)."""
        self._loading = False
        self._exhausted = True

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._request()

    def is_loading(self) -> bool:
        """True while a page is being fetched."""
        return self._loading

    # --- cells ----------------------------------------------------------------------------------
    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DUE:
            return self._due_tooltip(row)
        if role == DueStateRole:
            return due_state(row.due_on, self.today, self.lead_days)
        return None

    def display(self, row: Any, column: int) -> str:
        value = getattr(row, COLUMNS[column][0], None)
        if column == COL_ROLE:
            return label_for("role", _raw(value))
        if column == COL_STATUS:
            return label_for("status", _raw(value))
        return format_value(value)

    def _background(self, row: Any) -> QBrush | None:
        state = due_state(row.due_on, self.today, self.lead_days)
        if state == "overdue":
            return OVERDUE_BRUSH
        return DUE_SOON_BRUSH if state == "due_soon" else None

    def _due_tooltip(self, row: Any) -> str | None:
        state = due_state(row.due_on, self.today, self.lead_days)
        if state == "overdue":
            return QCoreApplication.translate("InstrumentTableModel", "Overdue")
        if state == "due_soon":
            return QCoreApplication.translate("InstrumentTableModel", "Due soon")
        return None


def _raw(value: Any) -> str | None:
    """The stored string of an enum member or a plain string."""
    return None if value is None else str(getattr(value, "value", value))
