"""A table cell edited with a combo box: the one delegate the editable tables share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

__all__ = ["ComboDelegate"]

Index = QModelIndex | QPersistentModelIndex


class ComboDelegate(QStyledItemDelegate):
    """Edits a cell with a combo of ``(text, data)`` choices; the model gets ``data`` (EditRole).

    Subclasses say which choices a cell offers in :meth:`choices`; ``editor_name`` names the
    combo so tests can find it.
    """

    editor_name = ""

    def choices(self, index: Index) -> Iterable[tuple[str, Any]]:
        """The ``(shown text, stored value)`` pairs offered for ``index``."""
        raise NotImplementedError

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        if self.editor_name:
            combo.setObjectName(self.editor_name)
        for text, value in self.choices(index):
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
