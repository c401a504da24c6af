"""The event dialog's frame: its parts, menu, buttons and layout, the modified marker, which
buttons a status allows, and files dropped on it.  No texts (``EventDialog`` words them) and no
database work (the dialog's caller, :mod:`labapp.ui.events._flow`, runs it on the worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenuBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import EventStatus
from labapp.ui.events._attachments import AttachmentsWidget
from labapp.ui.events._form import EventForm
from labapp.ui.events._loading import EDITABLE_STATUSES, decision_rule
from labapp.ui.events._points import PointsPanel
from labapp.ui.events._points_model import PointsModel
from labapp.ui.events._revisions import RevisionsTree
from labapp.ui.events._signatures import SealBanner
from labapp.ui.events._standards import StandardsPanel

__all__ = ["EventFrame"]


class EventFrame(QDialog):
    """The parts of the event dialog (``form``, ``points``, ``standards``, ``attachments``,
    ``history``) laid out with the result line, the error line and the workflow buttons.

    ``detail`` is the stored event shown (None until saved); its status decides what is
    editable and which workflow button is enabled.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setAcceptDrops(True)
        self.instrument: Any = None
        self.detail: Any = None
        self._form_dirty = False
        self.undo_stack = QUndoStack(self)
        self.model = PointsModel(self.undo_stack, self)
        self.model.set_rule(decision_rule())
        self.form = EventForm()
        self.points = PointsPanel(self.model)
        self.standards = StandardsPanel()
        self.attachments = AttachmentsWidget()
        self.history = RevisionsTree()
        self.tabs = QTabWidget()
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.seal_banner = SealBanner()
        self.signed_label = QLabel()
        self.signed_label.setObjectName("signatures")
        self.signed_label.setWordWrap(True)
        self._build_buttons()
        self._build_menu()
        self._build_layout()
        self.undo_stack.cleanChanged.connect(self._update_modified)

    # --- construction -------------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.save_button = self.buttons.addButton("", role)
        self.save_button.setObjectName("saveDraft")
        self.check_button = self.buttons.addButton("", role)
        self.check_button.setObjectName("markChecked")
        self.approve_button = self.buttons.addButton("", role)
        self.approve_button.setObjectName("approve")
        self.correct_button = self.buttons.addButton("", role)
        self.correct_button.setObjectName("correct")
        self.buttons.rejected.connect(self.reject)

    def _build_menu(self) -> None:
        self.menu_bar = QMenuBar(self)
        self.edit_menu = self.menu_bar.addMenu("")
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self)
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.edit_menu.addAction(action)
            self.addAction(action)
        self.edit_menu.addSeparator()
        self.add_point_action = self.edit_menu.addAction("")
        self.add_point_action.triggered.connect(self.points.add_point)
        self.remove_point_action = self.edit_menu.addAction("")
        self.remove_point_action.triggered.connect(self.points.remove_point)

    def _build_layout(self) -> None:
        self.tabs.addTab(self.points, "")
        self.tabs.addTab(self.standards, "")
        self.tabs.addTab(self.attachments, "")
        self.tabs.addTab(self.history, "")
        layout = QVBoxLayout(self)
        layout.setMenuBar(self.menu_bar)
        layout.addWidget(self.seal_banner)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.signed_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _update_modified(self, *_: object) -> None:
        self.setWindowModified(self._form_dirty or not self.undo_stack.isClean())

    def _mark_saved(self) -> None:
        self._form_dirty = False
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._update_modified()

    # --- status and buttons -------------------------------------------------------------------
    def status(self) -> EventStatus | None:
        """The stored event's status (None while never saved)."""
        return None if self.detail is None else self.detail.status

    def _apply_status(self) -> None:
        status = self.status()
        editable = status in EDITABLE_STATUSES
        self.form.set_read_only(not editable)
        self.model.read_only = not editable
        self.standards.model.read_only = not editable
        self.points.set_read_only(not editable)
        self.attachments.add_button.setEnabled(editable)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        status = self.status()
        self.save_button.setEnabled(not busy and status in EDITABLE_STATUSES)
        self.check_button.setEnabled(not busy and status == EventStatus.DRAFT)
        self.approve_button.setEnabled(not busy and status == EventStatus.CHECKED)
        self.correct_button.setEnabled(not busy and status == EventStatus.APPROVED)

    # --- attachments by drag and drop ---------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.attachments.add_button.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.attachments.add_paths(paths)
        self.tabs.setCurrentWidget(self.attachments)
        event.acceptProposedAction()
