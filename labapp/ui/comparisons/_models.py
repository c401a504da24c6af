"""Table models of the Comparisons page: comparisons, participants, and scores coloured by class."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from labapp.metrology.comparison import ScoreClass
from labapp.ui.common.rows_table_model import RowsTableModel, format_value

CONTEXT = "ComparisonModels"

#: Background of a score cell by class (light green / amber / red, readable in both themes).
CLASS_COLOURS: dict[ScoreClass, str] = {
    ScoreClass.SATISFACTORY: "#C6EFCE",
    ScoreClass.QUESTIONABLE: "#FFEB9C",
    ScoreClass.UNSATISFACTORY: "#FFC7CE",
}

CLASS_TEXTS: dict[ScoreClass, str] = {
    ScoreClass.SATISFACTORY: QT_TRANSLATE_NOOP("ComparisonModels", "Satisfactory"),
    ScoreClass.QUESTIONABLE: QT_TRANSLATE_NOOP("ComparisonModels", "Questionable"),
    ScoreClass.UNSATISFACTORY: QT_TRANSLATE_NOOP("ComparisonModels", "Unsatisfactory"),
}


def class_text(value: ScoreClass | None) -> str:
    """A score class in the user's language."""
    return "" if value is None else QCoreApplication.translate(CONTEXT, CLASS_TEXTS[value])


def score_text(value: float | None) -> str:
    """A score with two decimals (the precision scores are judged at)."""
    return "" if value is None else f"{value:.2f}"


class ComparisonListModel(RowsTableModel):
    """The comparisons (ComparisonSummary rows)."""

    CONTEXT = CONTEXT
    COLUMNS = (
        ("title", QT_TRANSLATE_NOOP("ComparisonModels", "Title")),
        ("scheme", QT_TRANSLATE_NOOP("ComparisonModels", "Scheme")),
        ("measurand", QT_TRANSLATE_NOOP("ComparisonModels", "Measurand")),
        ("unit", QT_TRANSLATE_NOOP("ComparisonModels", "Unit")),
        ("started_on", QT_TRANSLATE_NOOP("ComparisonModels", "Started")),
        ("participant_count", QT_TRANSLATE_NOOP("ComparisonModels", "Participants")),
    )


class ParticipantsModel(RowsTableModel):
    """The participants' results (ParticipantInfo rows); the lab's own row in bold."""

    CONTEXT = CONTEXT
    COLUMNS = (
        ("code", QT_TRANSLATE_NOOP("ComparisonModels", "Code")),
        ("value", QT_TRANSLATE_NOOP("ComparisonModels", "Value")),
        ("expanded_uncertainty", QT_TRANSLATE_NOOP("ComparisonModels", "U")),
        ("coverage_factor", QT_TRANSLATE_NOOP("ComparisonModels", "k")),
        ("method", QT_TRANSLATE_NOOP("ComparisonModels", "Method")),
        ("measured_on", QT_TRANSLATE_NOOP("ComparisonModels", "Date")),
        ("is_own_lab", QT_TRANSLATE_NOOP("ComparisonModels", "This laboratory")),
    )

    def display(self, row: Any, column: int) -> str:
        value = getattr(row, self.COLUMNS[column][0])
        if isinstance(value, bool):
            return "✓" if value else ""
        if isinstance(value, Decimal):
            return str(value)
        return format_value(value)

    #: codes whose current score is unsatisfactory (set by the page after scoring)
    unsatisfactory: frozenset[str] = frozenset()

    def set_unsatisfactory(self, codes: frozenset[str]) -> None:
        """Mark the code cells of the participants whose score asks for a corrective action."""
        self.unsatisfactory = codes
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.is_own_lab:
            font = QFont()
            font.setBold(True)
            return font
        if column != 0 or row.code not in self.unsatisfactory:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(CLASS_COLOURS[ScoreClass.UNSATISFACTORY]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "ComparisonModels",
                "Unsatisfactory score: open a corrective action (Corrective action…)",
            )
        return None


class ScoresModel(RowsTableModel):
    """Scores (ParticipantScore rows); class cells coloured green, amber or red."""

    CONTEXT = CONTEXT
    COLUMNS = (
        ("code", QT_TRANSLATE_NOOP("ComparisonModels", "Code")),
        ("en", QT_TRANSLATE_NOOP("ComparisonModels", "En")),
        ("en_class", QT_TRANSLATE_NOOP("ComparisonModels", "En class")),
        ("zeta", QT_TRANSLATE_NOOP("ComparisonModels", "ζ")),
        ("zeta_class", QT_TRANSLATE_NOOP("ComparisonModels", "ζ class")),
        ("z", QT_TRANSLATE_NOOP("ComparisonModels", "z")),
        ("z_class", QT_TRANSLATE_NOOP("ComparisonModels", "z class")),
        ("z_prime", QT_TRANSLATE_NOOP("ComparisonModels", "z′")),
        ("z_prime_class", QT_TRANSLATE_NOOP("ComparisonModels", "z′ class")),
    )

    def display(self, row: Any, column: int) -> str:
        value = getattr(row, self.COLUMNS[column][0])
        if isinstance(value, ScoreClass):
            return class_text(value)
        if isinstance(value, float):
            return score_text(value)
        return format_value(value)

    def score_class(self, row: Any, column: int) -> ScoreClass | None:
        """The class shown (or scored) in a cell: a class cell, or the score beside it."""
        name = self.COLUMNS[column][0]
        key = name if name.endswith("_class") else f"{name}_class"
        value = getattr(row, key, None)
        return value if isinstance(value, ScoreClass) else None

    def role_data(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            cls = self.score_class(row, column)
            return QBrush(QColor(CLASS_COLOURS[cls])) if cls is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self.score_class(row, column) is not None:
            return QBrush(QColor("#000000"))  # dark text on the light fills, also in dark mode
        numeric = isinstance(getattr(row, self.COLUMNS[column][0]), float)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
