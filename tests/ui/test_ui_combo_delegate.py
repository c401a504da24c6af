"""The shared combo delegate: offers its choices, starts on the stored value, stores the data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from labapp.ui.common.combo_delegate import ComboDelegate
from labapp.ui.events._points import StageDelegate


class _Units(ComboDelegate):
    editor_name = "unitEditor"

    def choices(self, index):
        return [("volt", "V"), ("ohm", "Ω")]


def test_editor_offers_choices_starts_on_stored_value_and_stores_data(qtbot) -> None:
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData("Ω", Qt.ItemDataRole.EditRole)
    model.setItem(0, 0, item)
    index = model.index(0, 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = _Units()
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert editor.objectName() == "unitEditor"
    assert [editor.itemText(i) for i in range(editor.count())] == ["volt", "ohm"]
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "Ω"
    editor.setCurrentIndex(0)
    delegate.setModelData(editor, model, index)
    assert index.data(Qt.ItemDataRole.EditRole) == "V"


def test_stage_delegate_offers_the_two_stages(qtbot) -> None:
    model = QStandardItemModel(1, 1)
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = StageDelegate().createEditor(parent, QStyleOptionViewItem(), model.index(0, 0))
    assert [editor.itemData(i) for i in range(editor.count())] == ["as_left", "as_found"]
