"""The ledger's column mapping as the import dialog shows it: each column's heading and the field
it holds (a combo the user changes), a tag pattern, and "create missing" with what it creates.

The panel only collects: a change is reported by :attr:`MappingPanel.changed` with the new
:class:`~labapp.io.ledger.ColumnMapping` (the dialog has the ledger checked again on the worker).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labapp.services.imports import KIND_WORDS, LEDGER_FIELD_CHOICES
from labapp.ui.common.export_job import file_language
from labapp.ui.common.tables import fit_columns

__all__ = ["MappingPanel"]

NOTES = QT_TRANSLATE_NOOP("MappingPanel", "(to the notes)")
HEADERS = (
    QT_TRANSLATE_NOOP("MappingPanel", "Column"),
    QT_TRANSLATE_NOOP("MappingPanel", "Heading"),
    QT_TRANSLATE_NOOP("MappingPanel", "Field"),
    QT_TRANSLATE_NOOP("MappingPanel", "Sample values"),
)


class MappingPanel(QWidget):
    """Columns → fields (combos), the tag pattern and "create missing"; emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping: Any = None
        self.table = QTableWidget(0, len(HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.tag_pattern = QLineEdit()
        self.tag_pattern.setPlaceholderText("LAB-{seq:05}")
        self.tag_pattern.editingFinished.connect(self._pattern_done)
        self.create_missing = QCheckBox()
        self.create_missing.toggled.connect(lambda _on: self.changed.emit())
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.tag_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tag_label, self.tag_pattern)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.create_missing)
        layout.addWidget(self.missing)
        self._last_pattern = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text in the current language."""
        self.table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        self.tag_label.setText(self.tr("Asset tags when no column holds them:"))
        self.create_missing.setText(
            self.tr("Create the missing departments, locations, providers, procedures and people")
        )

    def show_mapping(self, mapping: Any, samples: dict[str, tuple[str, ...]]) -> None:
        """Show ``mapping`` (a ColumnMapping): one line per column with a heading, its field and
        the first values below the headings (``samples``: column letter → texts)."""
        self.mapping = mapping
        columns = [c for c in mapping.columns if c.heading]
        self.table.setRowCount(len(columns))
        zh = file_language() == "zh_CN"
        for row, column in enumerate(columns):
            self.table.setItem(row, 0, QTableWidgetItem(column.column))
            self.table.setItem(row, 1, QTableWidgetItem(column.heading))
            combo = QComboBox()
            combo.addItem(_tr(NOTES), None)
            for key, en, zh_name in LEDGER_FIELD_CHOICES:
                combo.addItem(zh_name if zh else en, key)
            combo.setCurrentIndex(max(0, combo.findData(column.field)))
            combo.currentIndexChanged.connect(
                lambda _i, c=column.column, box=combo: self._field_chosen(c, box.currentData())
            )
            self.table.setCellWidget(row, 2, combo)
            shown = " | ".join(samples.get(column.column, ()))
            self.table.setItem(row, 3, QTableWidgetItem(shown))
        fit_columns(self.table)
        if mapping.tag_pattern and not self.tag_pattern.text():
            self.tag_pattern.setText(mapping.tag_pattern)

    def show_missing(self, missing: dict[str, tuple[str, ...]]) -> None:
        """List the master data the ledger names and LabApp lacks, per kind."""
        zh = file_language() == "zh_CN"
        lines = [
            f"{KIND_WORDS[kind][1 if zh else 0]}{'：' if zh else ': '}"
            f"{('、' if zh else ', ').join(names)}"
            for kind, names in missing.items()
            if names
        ]
        if not lines:
            self.missing.setText(self.tr("Every department, location, provider, procedure and "
                                         "person the ledger names is in LabApp."))  # fmt: skip
        elif self.create_missing.isChecked():
            self.missing.setText(self.tr("Will be created:") + "\n" + "\n".join(lines))
        else:
            self.missing.setText(self.tr("Not in LabApp:") + "\n" + "\n".join(lines))

    def field_combo(self, column: str) -> QComboBox:
        """The combo of ``column`` (a letter), for tests and accessibility."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == column:
                widget = self.table.cellWidget(row, 2)
                assert isinstance(widget, QComboBox)
                return widget
        raise KeyError(column)

    def pattern(self) -> str | None:
        """The tag pattern typed, or None."""
        return self.tag_pattern.text().strip() or None

    def _field_chosen(self, column: str, field: str | None) -> None:
        if self.mapping is not None:
            self.mapping = self.mapping.with_field(column, field)
            self.changed.emit()

    def _pattern_done(self) -> None:
        if self.tag_pattern.text() != self._last_pattern:
            self._last_pattern = self.tag_pattern.text()
            self.changed.emit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("MappingPanel", text)
