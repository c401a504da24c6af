"""The audit trail: the latest entries of who changed what, when and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labapp.services.audit import list_audit
from labapp.ui.models.audit_table_model import AuditTableModel
from labapp.ui.views.base import View

LATEST = 500


class AuditView(View):
    """The latest :data:`LATEST` audit entries, newest first."""

    rows_loaded = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AuditTableModel(self)
        self.title = self.make_title()
        self.note = QLabel()
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.refresh)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Audit trail"))
        self.reload_button.setText(self.tr("Reload"))
        self._update_note()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self.table.viewport().update()

    def _update_note(self) -> None:
        self.note.setText(self.tr("Latest %n entries, newest first", "", self.model.rowCount()))

    def load(self) -> None:
        self.session.run(lambda db: list_audit(db, limit=LATEST), self.show_rows)

    def show_rows(self, rows: list[Any]) -> None:
        """Show the fetched entries."""
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_note()
        self.rows_loaded.emit()
