"""Retire an instrument with a reason: it stays in the register and its history, never deleted.

The dialog collects (:mod:`labapp.ui.common.submission`): OK emits ``submitted`` with the version
read and the reason; the register page retires on the worker and answers ``finish`` / ``refuse``.
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

from labapp.domain.errors import ValidationError
from labapp.ui.common.conflict import ConflictDialog, answer_refusal
from labapp.ui.common.errors import describe
from labapp.ui.register._instrument_form import ERROR_STYLE


class RetireDialog(QDialog):
    """Asks why; ``submitted`` carries ``(version, reason)``, ``saved`` the new
    ``InstrumentDetail``."""

    submitted = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        instrument_id: int,
        version: int,
        asset_tag: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retireDialog")
        self.instrument_id = instrument_id
        self.version = version
        self.conflict: ConflictDialog | None = None
        self.setWindowTitle(self.tr("Retire {0}").format(asset_tag))
        self.explanation = QLabel(
            self.tr(
                "{0} stays in the register with its history and certificates, marked as "
                "retired. Why is it retired?"
            ).format(asset_tag)
        )
        self.explanation.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("retireReason")
        self.reason.setPlaceholderText(self.tr("e.g. Scrapped after a failed repair"))
        self.reason.textChanged.connect(lambda: self.error.hide())
        self.error = QLabel()
        self.error.setObjectName("retireError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Retire"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(440, 240)

    def show_error(self, message: str) -> None:
        """Show ``message`` in red under the reason."""
        self.error.setText(message)
        self.error.show()

    def save(self) -> None:
        """OK: refuse an empty reason here; else hand ``(version, reason)`` to the page."""
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.show_error(self.tr("A reason is required to retire an instrument."))
            return
        self.buttons.setEnabled(False)
        self.submitted.emit((self.version, reason))

    def finish(self, detail: Any) -> None:
        """Retired: emit :attr:`saved` with the new detail and close."""
        self.saved.emit(detail)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """Refused: the problem under the reason, or the conflict box (the reason stays)."""
        self.buttons.setEnabled(True)
        self.conflict = answer_refusal(self, exc, self._show_problem, self._reload)

    def _show_problem(self, exc: ValidationError) -> None:
        self.show_error(describe(exc))

    def _reload(self, info: Any) -> None:
        # The reason stays; retiring now applies to the version the other user saved.
        if info.actual_version:
            self.version = info.actual_version
