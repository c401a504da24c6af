"""Close investigation…: the conclusion, then the investigation becomes read-only.

The service refuses while an affected or possibly affected result has no action; the refusal is
shown in the dialog and the typed conclusion is kept.  A change made meanwhile by another user
opens the conflict dialog; Reload asks the page to show the newer version.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.services import impact
from labapp.ui.common.conflict import ConflictDialog
from labapp.ui.impact._words import impact_problem

__all__ = ["CloseInvestigationDialog"]


class CloseInvestigationDialog(QDialog):
    """Asks for the conclusion and closes; :attr:`closed` carries the closed detail."""

    closed = Signal(object)
    reload_requested = Signal()

    def __init__(self, session: Any, detail: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.detail = detail
        self.conflict: ConflictDialog | None = None
        self.setObjectName("closeInvestigationDialog")
        self.setWindowTitle(self.tr("Close investigation"))
        self.setMinimumWidth(480)
        s = detail.summary
        intro = QLabel(
            self.tr(
                "{0}: {1} affected, {2} possibly affected, {3} not affected. "
                "Once closed, the investigation can no longer be changed."
            ).format(s.asset_tag, s.affected, s.possibly_affected, s.not_affected)
        )
        intro.setWordWrap(True)
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("impactConclusion")
        self.conclusion.setPlaceholderText(self.tr("Conclusion (required)"))
        self.error = QLabel()
        self.error.setObjectName("impactCloseError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Close investigation")
        )
        self.buttons.accepted.connect(self.close_investigation)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.conclusion)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def close_investigation(self) -> None:
        """Close on the worker with the version the page read."""
        s, user, text = self.detail.summary, self.session.user, self.conclusion.toPlainText()
        self.buttons.setEnabled(False)
        self.session.run(
            lambda db: impact.close_investigation(db, user, s.id, s.version, text),
            self._closed,
            self._failed,
        )

    def _closed(self, detail: Any) -> None:
        self.closed.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(impact_problem(exc))
        elif isinstance(exc, ConcurrentModificationError):
            self.conflict = ConflictDialog(exc.info, self)
            self.conflict.finished.connect(self._conflict_answered)
            self.conflict.open()
        else:
            self.session.worker.report(exc)

    def _conflict_answered(self, _result: int) -> None:
        if self.conflict is not None and self.conflict.reloading():
            self.reload_requested.emit()
            self.reject()
        self.conflict = None
