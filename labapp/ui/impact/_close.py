"""Close investigation…: the conclusion, then the investigation becomes read-only.

The service refuses while an affected or possibly affected result has no action; the refusal is
shown in the dialog and the typed conclusion is kept.  A change made meanwhile by another user
opens the conflict dialog; Reload asks the page to show the newer version.  The dialog collects
(:mod:`labapp.ui.common.submission`): ``submitted`` carries the conclusion, the page closes the
investigation on the worker and answers ``finish`` or ``refuse``.
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
from labapp.ui.common.conflict import ConflictDialog
from labapp.ui.common.errors import show_error
from labapp.ui.impact._words import impact_problem

__all__ = ["CloseInvestigationDialog"]


class CloseInvestigationDialog(QDialog):
    """Asks for the conclusion (``submitted`` carries it); :attr:`closed` carries the closed
    detail."""

    submitted = Signal(object)
    closed = Signal(object)
    reload_requested = Signal()

    def __init__(self, detail: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        """Close investigation: hand the conclusion to the page."""
        self.buttons.setEnabled(False)
        self.submitted.emit(self.conclusion.toPlainText())

    def finish(self, detail: Any) -> None:
        """Closed: emit :attr:`closed` with the detail and close the dialog."""
        self.closed.emit(detail)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """Refused: say why (the conclusion stays), or offer to reload a newer version."""
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText(impact_problem(exc))
        elif isinstance(exc, ConcurrentModificationError):
            self.conflict = ConflictDialog(exc.info, self)
            self.conflict.finished.connect(self._conflict_answered)
            self.conflict.open()
        else:
            show_error(self, exc)

    def _conflict_answered(self, _result: int) -> None:
        if self.conflict is not None and self.conflict.reloading():
            self.reload_requested.emit()
            self.reject()
        self.conflict = None
