"""Pieces the Administration dialogs share: a validated form and an editable grid of lines.

A dialog collects input and returns values: :meth:`AdminForm.value` builds the service's input
(parsing dates once, here); when that fails, the dialog says why and stays open, so nothing
typed is lost.  Services are never called from a dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.ui.administration._words import admin_problem
from labapp.ui.common.form_dialog import FormDialog
from labapp.ui.common.tables import fit_columns

__all__ = ["AdminForm", "LinesGrid", "optional", "parse_date"]

IdRole = Qt.ItemDataRole.UserRole + 7


def optional(value: Any) -> str:
    """A stored value as editable text ("" for None; dates ISO)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def parse_date(text: str, field: str) -> date | None:
    """An ISO date typed in a field or a cell; empty is None (``not_a_date`` otherwise)."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            field, f"{text!r} is not a date", code="not_a_date", params={"value": text}
        ) from None


class AdminForm(FormDialog):
    """Labelled fields, an optional extra widget, a line for the refusal, OK / Cancel."""

    def _build(
        self,
        widgets: tuple[QWidget, ...],
        extra: QWidget | None = None,
        note: QLabel | None = None,
        width: int = 460,
    ) -> None:
        self.problem = note or QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9C0006;")
        self.problem.hide()
        super()._build(widgets, extra, self.problem, width)

    def accept(self) -> None:
        """Close only when the input can be read (otherwise say why and stay open)."""
        try:
            self.value()
        except ValidationError as exc:
            self.problem.setText(admin_problem(exc))
            self.problem.show()
            return
        super().accept()

    def value(self) -> Any:
        """The service input built from the fields (ValidationError when unreadable)."""
        raise NotImplementedError


class LinesGrid(QWidget):
    """An editable grid of text lines (scope lines, licences) with Add / Remove buttons.

    Each line may carry the id of the stored record it edits (kept in the first cell).
    """

    def __init__(self, name: str, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, columns)
        self.table.setObjectName(name)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"{name}Remove")
        self.remove_button.clicked.connect(self.remove_line)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)

    def set_headers(self, headers: list[str]) -> None:
        """The column titles (in the current language); the widths follow the texts."""
        self.table.setHorizontalHeaderLabels(headers)
        self.fit()

    def fit(self) -> None:
        """Columns as wide as their texts (a long licence kind stays whole), the last stretched;
        an empty grid shares the width evenly."""
        header = self.table.horizontalHeader()
        if self.table.rowCount() == 0:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.table)

    def add_line(self, texts: list[str] | None = None, key: int | None = None) -> int:
        """Append a line (empty, or ``texts`` of a stored record ``key``); return its row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            item = QTableWidgetItem(texts[column] if texts else "")
            self.table.setItem(row, column, item)
        self.table.item(row, 0).setData(IdRole, key)
        return row

    def remove_line(self) -> None:
        """Remove the current line."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def lines(self) -> list[tuple[int | None, list[str]]]:
        """(stored id or None, cell texts) of every line that is not blank."""
        result = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, c) for c in range(self.table.columnCount())]
            if any(texts):
                result.append((self.table.item(row, 0).data(IdRole), texts))
        return result

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
