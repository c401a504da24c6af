"""Table models of the Planning page and the dashboard: due items, plan items, on-time rates.

The plan model is editable (planned month, estimated cost, note); edits are kept as pending
changes per item until the page saves them through the service.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from labapp.metrology.errors import NumberError
from labapp.metrology.units import parse_decimal
from labapp.ui.common.labels import label_for
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

__all__ = [
    "DrillItemsModel",
    "DueItemsModel",
    "ExpiringModel",
    "OnTimeItemsModel",
    "OnTimeRateModel",
    "PlanItemsModel",
    "progress_label",
]

OVERDUE = QColor("#b3261e")
CONTEXT = "PlanModels"

_PROGRESS = {
    "on_time": QT_TRANSLATE_NOOP("PlanModels", "Done on time"),
    "late": QT_TRANSLATE_NOOP("PlanModels", "Done late"),
    "not_done": QT_TRANSLATE_NOOP("PlanModels", "Not done"),
}


def progress_label(state: Any) -> str:
    """The translated text of a plan item's progress state."""
    key = getattr(state, "value", state)
    return QCoreApplication.translate(CONTEXT, _PROGRESS[key]) if key in _PROGRESS else ""


def _yes(value: bool) -> str:
    return QCoreApplication.translate("PlanModels", "Yes") if value else ""


class DueItemsModel(RowsTableModel):
    """Instruments falling due; overdue rows in red."""

    CONTEXT = "DueItemsModel"
    COLUMNS = (
        ("due_on", QT_TRANSLATE_NOOP("DueItemsModel", "Due date")),
        ("asset_tag", QT_TRANSLATE_NOOP("DueItemsModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("DueItemsModel", "Name")),
        ("quantity", QT_TRANSLATE_NOOP("DueItemsModel", "Quantity")),
        ("location", QT_TRANSLATE_NOOP("DueItemsModel", "Location")),
        ("department", QT_TRANSLATE_NOOP("DueItemsModel", "Department")),
        ("provider", QT_TRANSLATE_NOOP("DueItemsModel", "Provider")),
        ("procedure", QT_TRANSLATE_NOOP("DueItemsModel", "Procedure")),
        ("mandatory_verification", QT_TRANSLATE_NOOP("DueItemsModel", "Mandatory")),
        ("last_cost", QT_TRANSLATE_NOOP("DueItemsModel", "Last cost")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "mandatory_verification":
            return _yes(row.mandatory_verification)
        if self.COLUMNS[column][0] == "quantity":
            return label_for("quantity", row.quantity)
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        return None


class DrillItemsModel(RowsTableModel):
    """The items behind a dashboard number."""

    CONTEXT = "DrillItemsModel"
    COLUMNS = (
        ("asset_tag", QT_TRANSLATE_NOOP("DrillItemsModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("DrillItemsModel", "Name")),
        ("due_on", QT_TRANSLATE_NOOP("DrillItemsModel", "Due date")),
        ("status", QT_TRANSLATE_NOOP("DrillItemsModel", "Status")),
    )


class OnTimeRateModel(RowsTableModel):
    """Periods (months, quarters, the year) with due, on time and the rate in %."""

    CONTEXT = "OnTimeRateModel"
    COLUMNS = (
        ("label", QT_TRANSLATE_NOOP("OnTimeRateModel", "Period")),
        ("due", QT_TRANSLATE_NOOP("OnTimeRateModel", "Due")),
        ("on_time", QT_TRANSLATE_NOOP("OnTimeRateModel", "On time")),
        ("rate", QT_TRANSLATE_NOOP("OnTimeRateModel", "On-time rate")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "rate":
            return "–" if row.rate is None else f"{100 * row.rate:.1f} %"
        return super().display(row, column)


class OnTimeItemsModel(RowsTableModel):
    """The due occurrences behind an on-time rate; those not done on time in red."""

    CONTEXT = "OnTimeItemsModel"
    COLUMNS = (
        ("due_on", QT_TRANSLATE_NOOP("OnTimeItemsModel", "Due date")),
        ("asset_tag", QT_TRANSLATE_NOOP("OnTimeItemsModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("OnTimeItemsModel", "Name")),
        ("done_on", QT_TRANSLATE_NOOP("OnTimeItemsModel", "Next verification or calibration")),
        ("on_time", QT_TRANSLATE_NOOP("OnTimeItemsModel", "On time")),
    )

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "on_time":
            return _yes(row.on_time) or QCoreApplication.translate(CONTEXT, "No")
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.on_time:
            return QBrush(OVERDUE)
        return None


class ExpiringModel(RowsTableModel):
    """The lab's own certificates expiring soon."""

    CONTEXT = "ExpiringModel"
    COLUMNS = (
        ("valid_until", QT_TRANSLATE_NOOP("ExpiringModel", "Valid until")),
        ("kind", QT_TRANSLATE_NOOP("ExpiringModel", "Kind")),
        ("number", QT_TRANSLATE_NOOP("ExpiringModel", "Number")),
        ("name", QT_TRANSLATE_NOOP("ExpiringModel", "Name")),
        ("days_left", QT_TRANSLATE_NOOP("ExpiringModel", "Days left")),
        ("lead_days", QT_TRANSLATE_NOOP("ExpiringModel", "Warned from (days before)")),
    )
    KINDS: ClassVar[dict[str, str]] = {
        "standard_certificate": QT_TRANSLATE_NOOP("ExpiringModel", "Standard certificate"),
        "accreditation": QT_TRANSLATE_NOOP("ExpiringModel", "Accreditation"),
        "qualification": QT_TRANSLATE_NOOP("ExpiringModel", "Staff qualification"),
    }

    def display(self, row: Any, column: int) -> str:
        if self.COLUMNS[column][0] == "kind":
            return QCoreApplication.translate(self.CONTEXT, self.KINDS[row.kind.value])
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.days_left < 0:
            return QBrush(OVERDUE)
        return None


class PlanItemsModel(QAbstractTableModel):
    """A plan's items; month, provider, cost and note are editable and kept as pending edits.

    The provider column shows the provider's name; its edit value is the provider's id, one of
    :attr:`providers` (id → name, set by the page).
    """

    COL_MONTH, COL_TAG, COL_NAME, COL_DUE, COL_PROVIDER = 0, 1, 2, 3, 4
    COL_PROCEDURE, COL_COST, COL_NOTE, COL_PROGRESS = 5, 6, 7, 8
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("PlanItemsModel", "Month"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Asset tag"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Name"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Due date"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Provider"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Procedure"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Estimated cost"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Note"),
        QT_TRANSLATE_NOOP("PlanItemsModel", "Progress"),
    )
    EDITABLE = frozenset({COL_MONTH, COL_PROVIDER, COL_COST, COL_NOTE})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._pending: dict[int, dict[str, Any]] = {}
        self._progress: dict[int, Any] = {}
        self.providers: dict[int, str] = {}
        self.editable = True

    def set_plan(self, items: list[Any], editable: bool = True) -> None:
        """Show a plan's items (DTOs) and forget pending edits."""
        self.beginResetModel()
        self._items = list(items)
        self._pending = {}
        self.editable = editable
        self.endResetModel()

    def set_progress(self, states: dict[int, Any]) -> None:
        """Plan item id → progress state."""
        self._progress = dict(states)
        if self._items:
            top, bottom = (
                self.index(0, self.COL_PROGRESS),
                self.index(len(self._items) - 1, self.COL_PROGRESS),
            )
            self.dataChanged.emit(top, bottom)

    def pending(self) -> dict[int, dict[str, Any]]:
        """Item id → {field: new value} not yet saved."""
        return {k: dict(v) for k, v in self._pending.items()}

    def item_at(self, row: int) -> Any:
        """The DTO of ``row``."""
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("PlanItemsModel", self.HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editable and index.column() in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _value(self, item: Any, field: str) -> Any:
        return self._pending.get(item.id, {}).get(field, getattr(item, field))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.FontRole and item.id in self._pending:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, item: Any, column: int, edit: bool) -> Any:
        if column == self.COL_MONTH:
            month = self._value(item, "planned_month")
            return month if edit else f"{month:02d}"
        if column == self.COL_COST:
            cost = self._value(item, "estimated_cost")
            return "" if cost is None else str(cost)
        if column == self.COL_NOTE:
            return self._value(item, "note") or ""
        if column == self.COL_PROVIDER:
            provider_id = self._value(item, "provider_id")
            if edit:
                return provider_id
            changed = item.id in self._pending and "provider_id" in self._pending[item.id]
            return self.providers.get(provider_id, "") if changed else item.provider or ""
        if column == self.COL_PROGRESS:
            return progress_label(self._progress.get(item.id)) if self._progress else ""
        field = ("", "asset_tag", "name", "due_on", "provider", "procedure")[column]
        return format_value(getattr(item, field))

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        parsed = self._parse(index.column(), value)
        if parsed is None:
            return False
        field, new = parsed
        item = self._items[index.row()]
        if new == self._value(item, field):
            return True
        self._pending.setdefault(item.id, {})[field] = new
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(self.COL_PROGRESS))
        return True

    def _parse(self, column: int, value: Any) -> tuple[str, Any] | None:
        if column == self.COL_PROVIDER:
            return ("provider_id", value) if value in self.providers else None
        text = str(value).strip()
        if column == self.COL_MONTH:
            return ("planned_month", int(text)) if text.isdigit() and 1 <= int(text) <= 12 else None
        if column == self.COL_COST:
            try:  # "1,234" is 1234 to some and 1.234 to others: refused, never guessed
                cost = parse_decimal(text, refuse_grouping_lookalike=True)
            except NumberError:
                return None
            return ("estimated_cost", cost) if cost >= 0 else None
        return ("note", text)
