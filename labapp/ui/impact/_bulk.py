"""Decide selected…: one action and one reason for many results of an investigation.

The dialog only collects the action and the reason and returns them (:meth:`values`); the page
puts them on every selected result and saves them in one unit of work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.impact import ItemAction
from labapp.ui.common.labels import label

__all__ = ["BulkDecisionDialog"]


class BulkDecisionDialog(QDialog):
    """Asks for one action and its reason for ``count`` selected results."""

    def __init__(self, count: int, actions: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDecisionDialog")
        self.setWindowTitle(self.tr("Decide selected results"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("The same action and reason for %n selected result(s).", "", count))
        intro.setWordWrap(True)
        self.action = QComboBox()
        self.action.setObjectName("bulkAction")
        for action in actions:
            self.action.addItem(label(action), action)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("bulkReason")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.reason.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Action:"), self.action)
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.setText(self.tr("Give the reason for this action."))
            return
        self.accept()

    def values(self) -> tuple[ItemAction, str]:
        """The chosen action and reason."""
        return ItemAction(self.action.currentData()), self.reason.toPlainText().strip()
