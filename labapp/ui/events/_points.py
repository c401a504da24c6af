"""The measurement points tab of the event dialog: the live table, add/remove, the stated result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import EventResult
from labapp.ui.common.combo_delegate import ComboDelegate
from labapp.ui.common.labels import label_for
from labapp.ui.events._points_model import COL_STAGE, COLUMNS, STAGES, PointsModel


class StageDelegate(ComboDelegate):
    """Edits the stage column with a combo box (as found / as left)."""

    def choices(self, index: Any) -> list[tuple[str, Any]]:
        return [(label_for("stage", stage), stage) for stage in STAGES]


class LiveDelegate(QStyledItemDelegate):
    """A line editor that has the model evaluate the row on every keystroke."""

    def __init__(self, model: PointsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("pointEditor")
        row, column = index.row(), index.column()
        editor.textEdited.connect(lambda text: self._model.preview(row, column, text))
        return editor

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        self._model.end_preview(index.row())
        super().destroyEditor(editor, index)


class PointsPanel(QWidget):
    """Table of points, Add/Remove point, the rule in force and a stated result."""

    def __init__(self, model: PointsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView()
        self.table.setObjectName("points")
        self.table.setModel(model)
        self.table.setItemDelegate(LiveDelegate(model, self.table))
        self.table.setItemDelegateForColumn(COL_STAGE, StageDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STAGE, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPoint")
        self.add_button.clicked.connect(self.add_point)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removePoint")
        self.remove_button.clicked.connect(self.remove_point)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("decisionRule")
        self.stated_label = QLabel()
        self.stated = QComboBox()
        self.stated.setObjectName("statedResult")
        self.stated.addItem("", None)
        for result in (EventResult.PASS, EventResult.FAIL, EventResult.LIMITED):
            self.stated.addItem("", result.value)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        bar.addWidget(self.rule_label)
        bar.addSpacing(16)
        bar.addWidget(self.stated_label)
        bar.addWidget(self.stated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        model.evaluated.connect(self._update_stated)

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add point"))
        self.remove_button.setText(self.tr("Remove point"))
        self.rule_label.setText(
            self.tr("Decision rule: {0}").format(label_for("rule", self.model.rule.value))
        )
        self.stated_label.setText(self.tr("Result without points:"))
        self.stated.setItemText(0, self.tr("(from the points)"))
        for row in range(1, self.stated.count()):
            self.stated.setItemText(row, label_for("result", self.stated.itemData(row)))
        self.stated.setToolTip(
            self.tr("The verdict of a verification recorded without measurement points")
        )

    def _update_stated(self) -> None:
        self.stated.setEnabled(not self.model.read_only and not self.model.decisions())

    def stated_result(self) -> Any:
        """The verdict stated for an event without decided points (None: from the points)."""
        value = self.stated.currentData()
        return None if value is None else EventResult(value)

    def add_point(self) -> None:
        """Add point (undoable); the new row's reference cell gets the focus."""
        row = self.model.add_point()
        index = self.model.index(row, COLUMNS.index(COLUMNS[1]))
        self.table.setCurrentIndex(index)

    def remove_point(self) -> None:
        """Remove the current point (undoable)."""
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_point(index.row())

    def select_field(self, row: int, field: str) -> None:
        """Put the cursor on the cell of ``row`` holding ``field``."""
        names = [name for name, _header in COLUMNS]
        column = names.index(field) if field in names else 0
        self.table.setCurrentIndex(self.model.index(row, column))

    def set_read_only(self, read_only: bool) -> None:
        """Approved events show their points without editing."""
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        self._update_stated()
