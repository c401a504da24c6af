"""Reverse trace: everything a standard served since a date, to any depth, exportable to Excel.

The page only asks: the trace comes from :func:`labapp.services.traceability.reverse_trace` and the
workbook is written by :func:`labapp.services.exports.export_reverse_trace`, both on the worker;
here are the fields, the table, the file dialog and the job.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.services.exports import export_reverse_trace
from labapp.services.register import find_instrument
from labapp.services.traceability import reverse_trace
from labapp.ui.common import settings
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.traceability._models import ReverseTraceModel


class ReverseTraceWidget(QWidget):
    """Standard, since, max depth → the events and items it served, counts by depth, export."""

    loaded = Signal()
    exported = Signal(object)  # the ExportResult

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ReverseTraceModel(self)
        self.trace: Any = None
        self.standard_item: Any = None
        self.criteria: tuple[date, int] | None = None  # since, max depth of the trace shown
        self.standard = QLineEdit()
        self.standard.setObjectName("reverseStandard")
        self.standard.returnPressed.connect(self.run)
        self.since_label, self.depth_label = QLabel(), QLabel()
        a_year_ago = date.today() - relativedelta(years=1)
        self.since = date_edit(a_year_ago, name="reverseSince", latest=None)
        self.max_depth = QSpinBox()
        self.max_depth.setObjectName("maxDepth")
        self.max_depth.setRange(1, 10)
        self.max_depth.setValue(10)
        self.run_button = QPushButton()
        self.run_button.setObjectName("runReverse")
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportReverse")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export())
        self.counts = QLabel()
        self.counts.setObjectName("countsByDepth")
        self.table = read_only_table(self.model, "reverseTrace", row_numbers=True)
        bar = QHBoxLayout()
        bar.addWidget(self.standard, 1)
        bar.addWidget(self.since_label)
        bar.addWidget(self.since)
        bar.addWidget(self.depth_label)
        bar.addWidget(self.max_depth)
        bar.addWidget(self.run_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)

    def retranslate_ui(self) -> None:
        self.standard.setPlaceholderText(self.tr("Asset tag of the standard"))
        self.since_label.setText(self.tr("Since:"))
        self.depth_label.setText(self.tr("Max depth:"))
        self.run_button.setText(self.tr("Trace"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self._show_counts()

    def run(self) -> None:
        """Trace the standard typed, on the worker."""
        tag, depth = self.standard.text(), self.max_depth.value()
        since: date = self.since.date().toPython()  # type: ignore[assignment]
        if not tag.strip():
            return

        def job(db: Any) -> tuple[Any, Any, tuple[date, int]]:
            item = find_instrument(db, tag)
            return item, reverse_trace(db, item.id, since=since, max_depth=depth), (since, depth)

        self.session.run(job, self._show)

    def _show(self, result: tuple[Any, Any, tuple[date, int]]) -> None:
        self.standard_item, self.trace, self.criteria = result
        self.model.set_rows(list(self.trace.rows))
        fit_columns(self.table)
        self.export_button.setEnabled(bool(self.trace.rows))
        self._show_counts()
        self.loaded.emit()

    def _show_counts(self) -> None:
        if self.trace is None:
            self.counts.setText(self.tr("Type a standard's asset tag and press Trace."))
            return
        parts = [
            self.tr("depth {0}: {1}").format(depth, count)
            for depth, count in self.trace.counts_by_depth.items()
        ]
        text = self.tr("{0} served {1} event(s) on {2} item(s)").format(
            self.standard_item.asset_tag, self.trace.events, self.trace.instruments
        )
        self.counts.setText(text + (" — " + ", ".join(parts) if parts else ""))

    def export(self, path: str | None = None) -> None:
        """Export to Excel…: a path from QFileDialog, the workbook written on the worker."""
        if path is None:
            name = f"reverse-trace-{self.standard_item.asset_tag}.xlsx"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the reverse trace"), name, self.tr("Excel files (*.xlsx)")
            )
        if not path or self.criteria is None:
            return
        (since, depth), ident, user = self.criteria, self.standard_item.id, self.session.user
        target, lang = Path(path), settings.export_language()
        self.session.run(
            lambda db: export_reverse_trace(
                db, target, ident, since=since, max_depth=depth, language=lang, exported_by=user
            ),
            self.exported.emit,
            progress=self.tr("Exporting…"),
            parent=self,
        )
