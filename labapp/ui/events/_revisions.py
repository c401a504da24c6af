"""The event dialog's "Revisions" tab: every revision of the event, oldest first.

A correction is a new revision; the old ones stay visible here.  Double-clicking another
revision asks the dialog to show it (``revision_requested``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from labapp.ui.common.labels import label

__all__ = ["RevisionsTree"]


class RevisionsTree(QTreeWidget):
    """The revisions of one event (``EventSummary`` rows)."""

    #: the id of the revision the user double-clicked
    revision_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisions")
        self.setRootIsDecorated(False)
        self._revisions: tuple[Any, ...] = ()
        self.itemDoubleClicked.connect(self._double_clicked)

    def retranslate_ui(self) -> None:
        """Headers and statuses in the current language."""
        self.setHeaderLabels(
            [
                self.tr("Revision"),
                self.tr("Status"),
                self.tr("Date"),
                self.tr("Result"),
                self.tr("Certificate no."),
                self.tr("Performed by"),
            ]
        )
        self.show_revisions(self._revisions)

    def show_revisions(self, revisions: tuple[Any, ...]) -> None:
        """List ``revisions`` (the event's ``EventSummary`` chain)."""
        self._revisions = tuple(revisions)
        self.clear()
        for summary in self._revisions:
            item = QTreeWidgetItem(
                [
                    str(summary.revision),
                    label(summary.status),
                    summary.performed_on.isoformat(),
                    label(summary.result),
                    summary.certificate_no or "",
                    summary.performer or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            self.addTopLevelItem(item)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.revision_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
