"""Table models of the PT plan page: coverage per sub-discipline, score history, actions."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from labapp.domain.errors import ValidationError
from labapp.domain.proficiency import CorrectiveStatus, Coverage
from labapp.ui.common.labels import label_for
from labapp.ui.common.rows_table_model import RowsTableModel
from labapp.ui.comparisons import CLASS_COLOURS, class_text, comparison_problem, score_text
from labapp.ui.corrective_actions import status_text

__all__ = [
    "ActionsModel",
    "CoverageModel",
    "HistoryModel",
    "coverage_text",
    "problem_text",
    "status_text",
]

CONTEXT = "ProficiencyModels"

COVERAGE_TEXTS: dict[Coverage, str] = {
    Coverage.COVERED: QT_TRANSLATE_NOOP("ProficiencyModels", "Covered"),
    Coverage.DUE: QT_TRANSLATE_NOOP("ProficiencyModels", "Due in this cycle"),
    Coverage.DUE_SOON: QT_TRANSLATE_NOOP("ProficiencyModels", "Due within a year"),
    Coverage.OVERDUE: QT_TRANSLATE_NOOP("ProficiencyModels", "Not covered in the cycle"),
    Coverage.NOT_IN_SCOPE: QT_TRANSLATE_NOOP("ProficiencyModels", "Not in the scope"),
}
COVERAGE_COLOURS: dict[Coverage, str] = {
    Coverage.COVERED: "#C6EFCE",
    Coverage.DUE_SOON: "#FFEB9C",
    Coverage.OVERDUE: "#FFC7CE",
}
NO_OWN_RESULT = QT_TRANSLATE_NOOP("ProficiencyModels", "No result of this laboratory")
OPEN_BRUSH = QBrush(QColor("#FFC7CE"))
DARK_TEXT = QBrush(QColor("#000000"))


def problem_text(problem: ValidationError | None) -> str:
    """Why a comparison of the history has no score, in the user's language."""
    if problem is None:
        return ""
    if problem.code == "no_own_result":
        return QCoreApplication.translate(CONTEXT, NO_OWN_RESULT)
    return comparison_problem(problem)


def coverage_text(value: Coverage) -> str:
    """A coverage state in the user's language."""
    return QCoreApplication.translate(CONTEXT, COVERAGE_TEXTS[value])


class CoverageModel(RowsTableModel):
    """Sub-disciplines (CoverageLine rows) in the current cycle, the state coloured."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", QT_TRANSLATE_NOOP("ProficiencyModels", "Sub-discipline")),
        ("quantity", QT_TRANSLATE_NOOP("ProficiencyModels", "Quantity")),
        ("coverage", QT_TRANSLATE_NOOP("ProficiencyModels", "State")),
        ("comparisons", QT_TRANSLATE_NOOP("ProficiencyModels", "Comparisons in the cycle")),
        ("last_on", QT_TRANSLATE_NOOP("ProficiencyModels", "Latest comparison")),
        ("due_by", QT_TRANSLATE_NOOP("ProficiencyModels", "Due by")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "quantity":
            return label_for("quantity", row.subdiscipline.quantity)
        if key == "name":
            return row.subdiscipline.name or ""
        if key == "coverage":
            return coverage_text(row.coverage)
        if key == "comparisons":
            return "; ".join(row.comparisons)
        if key == "due_by":
            never = (Coverage.COVERED, Coverage.NOT_IN_SCOPE)
            return "" if row.coverage in never else row.due_by.isoformat()
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if self.COLUMNS[column][0] != "coverage" or row.coverage not in COVERAGE_COLOURS:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COVERAGE_COLOURS[row.coverage]))
        return DARK_TEXT if role == Qt.ItemDataRole.ForegroundRole else None


class HistoryModel(RowsTableModel):
    """The laboratory's own scores per comparison (HistoryPoint rows), classes coloured."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("on", QT_TRANSLATE_NOOP("ProficiencyModels", "Date")),
        ("title", QT_TRANSLATE_NOOP("ProficiencyModels", "Comparison")),
        ("subdiscipline", QT_TRANSLATE_NOOP("ProficiencyModels", "Sub-discipline")),
        ("quantity", QT_TRANSLATE_NOOP("ProficiencyModels", "Quantity")),
        ("en", QT_TRANSLATE_NOOP("ProficiencyModels", "En")),
        ("en_class", QT_TRANSLATE_NOOP("ProficiencyModels", "En class")),
        ("z", QT_TRANSLATE_NOOP("ProficiencyModels", "z / z′")),
        ("z_class", QT_TRANSLATE_NOOP("ProficiencyModels", "z class")),
        ("problem", QT_TRANSLATE_NOOP("ProficiencyModels", "Not scored because")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "quantity":
            return label_for("quantity", row.scope.quantity)
        if key in ("on", "title", "subdiscipline"):
            value = getattr(row.scope, key)
            return value.isoformat() if key == "on" and value else str(value or "")
        if key in ("en", "z"):
            return score_text(getattr(row, key))
        if key.endswith("_class"):
            return class_text(getattr(row, key))
        return problem_text(row.problem)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        key = self.COLUMNS[column][0]
        cls = getattr(row, f"{key}_class" if key in ("en", "z") else key, None)
        if key not in ("en", "z", "en_class", "z_class") or cls is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(CLASS_COLOURS[cls]))
        return DARK_TEXT if role == Qt.ItemDataRole.ForegroundRole else None


class ActionsModel(RowsTableModel):
    """Corrective actions (ActionInfo rows); open ones highlighted and bold."""

    CONTEXT: ClassVar[str] = CONTEXT
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("status", QT_TRANSLATE_NOOP("ProficiencyModels", "Status")),
        ("opened_on", QT_TRANSLATE_NOOP("ProficiencyModels", "Opened")),
        ("comparison_title", QT_TRANSLATE_NOOP("ProficiencyModels", "Comparison")),
        ("participant_code", QT_TRANSLATE_NOOP("ProficiencyModels", "Participant")),
        ("description", QT_TRANSLATE_NOOP("ProficiencyModels", "Nonconformity")),
        ("standards", QT_TRANSLATE_NOOP("ProficiencyModels", "Standards involved")),
        ("opened_by", QT_TRANSLATE_NOOP("ProficiencyModels", "Opened by")),
        ("closed_on", QT_TRANSLATE_NOOP("ProficiencyModels", "Closed")),
    )

    def display(self, row: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "status":
            return status_text(row.status)
        if key == "standards":
            return ", ".join(s.asset_tag for s in row.standards)
        if key == "description":
            return row.description.splitlines()[0] if row.description else ""
        return super().display(row, column)

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if row.status is not CorrectiveStatus.OPEN:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return OPEN_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole:
            return DARK_TEXT
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
