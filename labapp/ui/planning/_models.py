"""Table models of the Planning page and the dashboard: due items, plan items, on-time rates.

The plan model is editable (planned month, provider, estimated cost, note): an
:class:`~labapp.ui.common.editable_rows_model.EditableRowsModel`, whose edits are kept as pending
changes per item until the page saves them through the service.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from labapp.metrology.errors import NumberError
from labapp.metrology.units import parse_decimal
from labapp.ui.common.editable_rows_model import REFUSED, EditableRowsModel
from labapp.ui.common.labels import label_for
from labapp.ui.common.paged_rows_model import PagedRowsModel
from labapp.ui.common.rows_table_model import RowsTableModel

__all__ = [
    "DrillItemsModel",
    "DueItemsModel",
    "ExpiringModel",
    "OnTimeItemsModel",
    "OnTimeRateModel",
    "PlanItemsModel",
    "plan_choice",
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


def plan_choice(p: Any) -> str:
    """A plan as the Planning page's chooser names it, in the current language."""
    if p.status == "approved":
        status = QCoreApplication.translate("PlanningView", "approved")
    else:
        status = QCoreApplication.translate("PlanningView", "draft")
    return f"{p.year} — {p.title} ({p.items}) [{status}]"


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


class DrillItemsModel(PagedRowsModel):
    """The items behind a dashboard number (paged: a card may stand for 100 000 items)."""

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


class OnTimeItemsModel(PagedRowsModel):
    """The due occurrences behind an on-time rate, paged; those not done on time in red."""

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


class PlanItemsModel(EditableRowsModel):
    """A plan's items; month, provider, cost and note are editable and kept as pending edits.

    The provider column shows the provider's name; its edit value is the provider's id, one of
    :attr:`providers` (id → name, set by the page).
    """

    COL_MONTH, COL_TAG, COL_NAME, COL_DUE, COL_PROVIDER = 0, 1, 2, 3, 4
    COL_PROCEDURE, COL_COST, COL_NOTE, COL_PROGRESS = 5, 6, 7, 8
    CONTEXT = "PlanItemsModel"
    COLUMNS = (
        ("planned_month", QT_TRANSLATE_NOOP("PlanItemsModel", "Month")),
        ("asset_tag", QT_TRANSLATE_NOOP("PlanItemsModel", "Asset tag")),
        ("name", QT_TRANSLATE_NOOP("PlanItemsModel", "Name")),
        ("due_on", QT_TRANSLATE_NOOP("PlanItemsModel", "Due date")),
        ("provider", QT_TRANSLATE_NOOP("PlanItemsModel", "Provider")),
        ("procedure", QT_TRANSLATE_NOOP("PlanItemsModel", "Procedure")),
        ("estimated_cost", QT_TRANSLATE_NOOP("PlanItemsModel", "Estimated cost")),
        ("note", QT_TRANSLATE_NOOP("PlanItemsModel", "Note")),
        ("progress", QT_TRANSLATE_NOOP("PlanItemsModel", "Progress")),
    )
    EDITABLE: ClassVar[dict[int, str]] = {
        COL_MONTH: "planned_month",
        COL_PROVIDER: "provider_id",
        COL_COST: "estimated_cost",
        COL_NOTE: "note",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._progress: dict[int, Any] = {}
        self.providers: dict[int, str] = {}

    def set_progress(self, states: dict[int, Any]) -> None:
        """Plan item id → progress state."""
        self._progress = dict(states)
        if self._rows:
            top, bottom = (
                self.index(0, self.COL_PROGRESS),
                self.index(len(self._rows) - 1, self.COL_PROGRESS),
            )
            self.dataChanged.emit(top, bottom)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.id in self._pending:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def display(self, row: Any, column: int) -> str:
        if column == self.COL_MONTH:
            return f"{self.value(row, 'planned_month'):02d}"
        if column == self.COL_COST:
            cost = self.value(row, "estimated_cost")
            return "" if cost is None else str(cost)
        if column == self.COL_NOTE:
            return self.value(row, "note") or ""
        if column == self.COL_PROVIDER:
            changed = "provider_id" in self._pending.get(row.id, {})
            return (
                self.providers.get(self.value(row, "provider_id"), "")
                if changed
                else (row.provider or "")
            )
        if column == self.COL_PROGRESS:
            return progress_label(self._progress.get(row.id)) if self._progress else ""
        return super().display(row, column)

    def edit_value(self, row: Any, column: int) -> Any:
        if column in (self.COL_MONTH, self.COL_PROVIDER):
            return super().edit_value(row, column)
        return self.display(row, column)  # the cost and the note are edited as text

    def parse(self, column: int, value: Any) -> Any:
        if column == self.COL_PROVIDER:
            return value if value in self.providers else REFUSED
        text = str(value).strip()
        if column == self.COL_MONTH:
            return int(text) if text.isdigit() and 1 <= int(text) <= 12 else REFUSED
        if column == self.COL_COST:
            return _cost(text)
        return text


def _cost(text: str) -> Any:
    """An estimated cost as typed: a non-negative exact decimal, or :data:`REFUSED`."""
    try:  # "1,234" is 1234 to some and 1.234 to others: refused, never guessed
        cost = parse_decimal(text, refuse_grouping_lookalike=True)
    except NumberError:
        return REFUSED
    return cost if cost >= 0 else REFUSED
