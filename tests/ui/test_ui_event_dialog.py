"""The event dialog on a seeded lab, driven as a user drives it: typing points in mixed units,
undo/redo, saving, the four-eyes workflow, overridden standards and corrections."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from uihelpers import shoot, wait_idle

from labapp.domain.enums import Decision, EventStatus
from labapp.ui import settings
from labapp.ui.dialogs.event_dialog import EventDialog
from labapp.ui.models.points_model import (
    COL_DECISION,
    COL_ERROR,
    COL_INDICATION,
    COL_K,
    COL_MPE,
    COL_REFERENCE,
    COL_U,
)

WORKER_TIMEOUT = 30_000


def login(name: str) -> None:
    """Who the GUI signs as (Preferences → user name)."""
    settings.put(settings.USER_DISPLAY_NAME, name)


def working_instrument(db, quantity: str | None = None):
    from labapp.services.instruments import list_instruments

    rows = list_instruments(db, limit=500)
    return next(
        r
        for r in rows
        if r.role == "working"
        and r.status == "in_service"
        and (not quantity or r.quantity == quantity)
    )


def open_dialog(qtbot, window, **kwargs) -> EventDialog:
    dialog = EventDialog(window.session, parent=window, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WORKER_TIMEOUT):
        dialog.show()
    return dialog


def type_cell(qtbot, dialog: EventDialog, row: int, column: int, text: str, commit=True):
    """Double-click a cell, type ``text`` key by key, press Enter."""
    table = dialog.points.table
    index = dialog.model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [e for e in table.findChildren(QLineEdit, "pointEditor") if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if commit:
        press_return(qtbot, dialog, editor, index, text)
    return editor


def press_return(qtbot, dialog, editor, index, text) -> None:
    """Enter commits the editor (Qt queues the commit: wait for it)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.EditRole) == text)


def cell(dialog, row, column, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.index(row, column).data(role)


def test_points_evaluate_as_typed_with_undo_and_modified_marker(qtbot, qtmodeltester, window):
    login("liuyang")
    item = working_instrument(window.session.db)
    dialog = open_dialog(qtbot, window, instrument_id=item.id)
    assert "[*]" in dialog.windowTitle() and not dialog.isWindowModified()
    type_cell(qtbot, dialog, 0, COL_REFERENCE, "10000.2 mV")
    editor = type_cell(qtbot, dialog, 0, COL_INDICATION, "10.0005 V", commit=False)
    assert cell(dialog, 0, COL_ERROR) == "0.0003 V"  # while the editor is still open
    press_return(qtbot, dialog, editor, dialog.model.index(0, COL_INDICATION), "10.0005 V")
    assert cell(dialog, 0, COL_INDICATION) == "10.0005 V"  # the typed digits kept
    assert cell(dialog, 0, COL_DECISION) == "No decision"
    type_cell(qtbot, dialog, 0, COL_U, "0.2 mV")
    type_cell(qtbot, dialog, 0, COL_K, "2")
    type_cell(qtbot, dialog, 0, COL_MPE, "0.5 mV")
    assert cell(dialog, 0, COL_DECISION) == "Pass"
    assert dialog.isWindowModified()
    # text in a number cell: red, the reason in the tooltip, the typed text kept
    type_cell(qtbot, dialog, 0, COL_U, "abc")
    assert cell(dialog, 0, COL_U) == "abc"
    assert "not a number with a known unit" in cell(dialog, 0, COL_U, Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 0, COL_U, Qt.ItemDataRole.BackgroundRole).color().name() == "#f4b6b6"
    qtbot.keyClick(dialog.points.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(dialog, 0, COL_U) == "0.2 mV"
    assert cell(dialog, 0, COL_DECISION) == "Pass"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog.points.table, Qt.Key.Key_Z, redo)
    assert cell(dialog, 0, COL_U) == "abc"
    dialog.undo_stack.undo()
    # incommensurable units
    type_cell(qtbot, dialog, 0, COL_MPE, "0.5 A")
    assert "cannot be compared" in cell(dialog, 0, COL_MPE, Qt.ItemDataRole.ToolTipRole)
    dialog.undo_stack.undo()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.standards.model)
    # undo everything: no longer modified
    while dialog.undo_stack.canUndo():
        dialog.undo_stack.undo()
    assert not dialog.isWindowModified()
    dialog.undo_stack.redo()
    assert dialog.isWindowModified()
