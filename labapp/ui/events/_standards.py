"""The "standards used" tab of the event dialog: a checklist valid on the event's date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.common.tables import read_only_table
from labapp.ui.events._standards_model import COL_NAME, StandardsModel


class StandardsPanel(QWidget):
    """The checklist, a hint on invalid standards and the field's error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StandardsModel(self)
        fit = QHeaderView.ResizeMode.ResizeToContents
        self.table = read_only_table(self.model, "standards", resize=fit, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("standardsError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)

    def retranslate_ui(self) -> None:
        self.hint.setText(
            self.tr(
                "Tick the standards used. Standards not valid on the event's date are grey; "
                "using one asks for a reason, which is kept in the audit log."
            )
        )

    def show_error(self, message: str) -> None:
        """Show a refusal concerning the standards."""
        self.error.setText(message)

    def clear_error(self) -> None:
        """Remove the refusal."""
        self.error.clear()
