"""Table models of the Intermediate checks page: plans, check history, stability groups."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from labapp.domain.due import DueState
from labapp.domain.enums import Decision, InstrumentStatus
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

__all__ = ["CheckHistoryModel", "CheckPlansModel", "StabilityModel", "due_label"]

FAIL_BRUSH = QBrush(QColor("#f4c7c3"))
SOON_BRUSH = QBrush(QColor("#fce8b2"))

_DUE: dict[DueState, str] = {
    DueState.OVERDUE: QT_TRANSLATE_NOOP("CheckModels", "Overdue"),
    DueState.DUE_SOON: QT_TRANSLATE_NOOP("CheckModels", "Due soon"),
    DueState.OK: QT_TRANSLATE_NOOP("CheckModels", "Not due"),
    DueState.NONE: QT_TRANSLATE_NOOP("CheckModels", "No plan"),
}


def due_label(state: DueState) -> str:
    """The due state of a check plan in the user's language."""
    return QCoreApplication.translate("CheckModels", _DUE[state])


def _number(value: Any, unit: str | None) -> str:
    return "" if value is None else f"{format(value, 'f')} {unit or ''}".strip()


class CheckPlansModel(RowsTableModel):
    """Check plans with their standard, frequency and due state (overdue highlighted)."""

    CONTEXT: ClassVar[str] = "CheckPlansModel"
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("asset_tag", QT_TRANSLATE_NOOP("CheckPlansModel", "Asset tag")),
        ("instrument_name", QT_TRANSLATE_NOOP("CheckPlansModel", "Standard")),
        ("point", QT_TRANSLATE_NOOP("CheckPlansModel", "Check point")),
        ("frequency_months", QT_TRANSLATE_NOOP("CheckPlansModel", "Every (months)")),
        ("last_checked_on", QT_TRANSLATE_NOOP("CheckPlansModel", "Last check")),
        ("due_on", QT_TRANSLATE_NOOP("CheckPlansModel", "Next due")),
        ("due_state", QT_TRANSLATE_NOOP("CheckPlansModel", "Due state")),
        ("instrument_status", QT_TRANSLATE_NOOP("CheckPlansModel", "Status")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "due_state" and row.ended_on is not None:
            return QCoreApplication.translate("CheckModels", "Ended {0}").format(
                row.ended_on.isoformat()
            )
        if key == "due_state" and row.frequency_months == 0:
            return QCoreApplication.translate("CheckModels", "When needed")
        if key == "frequency_months" and row.frequency_months == 0:
            return "—"
        if key == "due_state":
            return due_label(row.due_state)
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.BackgroundRole:
            return None
        if self.COLUMNS[column][0] == "instrument_status":
            return FAIL_BRUSH if row.instrument_status is InstrumentStatus.SUSPENDED else None
        if self.COLUMNS[column][0] == "due_state":
            return {DueState.OVERDUE: FAIL_BRUSH, DueState.DUE_SOON: SOON_BRUSH}.get(row.due_state)
        return None


class CheckHistoryModel(RowsTableModel):
    """The checks of one plan: readings, check value, reference, limits and verdict."""

    CONTEXT: ClassVar[str] = "CheckHistoryModel"
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("performed_on", QT_TRANSLATE_NOOP("CheckHistoryModel", "Date")),
        ("readings", QT_TRANSLATE_NOOP("CheckHistoryModel", "Readings")),
        ("check_value", QT_TRANSLATE_NOOP("CheckHistoryModel", "Check value")),
        ("reference_value", QT_TRANSLATE_NOOP("CheckHistoryModel", "Reference value")),
        ("lower_limit", QT_TRANSLATE_NOOP("CheckHistoryModel", "Lower limit")),
        ("upper_limit", QT_TRANSLATE_NOOP("CheckHistoryModel", "Upper limit")),
        ("verdict", QT_TRANSLATE_NOOP("CheckHistoryModel", "Verdict")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "readings":
            return "; ".join(format(v, "f") for v in row.readings)
        if key in {"check_value", "reference_value", "lower_limit", "upper_limit"}:
            return _number(getattr(row, key), row.unit)
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        failed = row.verdict is Decision.FAIL
        if role == Qt.ItemDataRole.BackgroundRole and failed:
            return FAIL_BRUSH
        return None


class StabilityModel(RowsTableModel):
    """Group means of the stability test: rows are ``(group no., date, mean, unit)`` tuples."""

    CONTEXT: ClassVar[str] = "StabilityModel"
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("group", QT_TRANSLATE_NOOP("StabilityModel", "Group")),
        ("date", QT_TRANSLATE_NOOP("StabilityModel", "Date")),
        ("mean", QT_TRANSLATE_NOOP("StabilityModel", "Group mean")),
    )

    def display(self, row: Any, column: int) -> str:
        if column == 2:
            return _number(row[2], row[3])
        return format_value(row[column])
