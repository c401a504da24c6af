"""The small form dialog LabApp's pages ask with: labelled fields, OK / Cancel, texts that follow
the language.

A subclass builds its widgets, calls :meth:`FormDialog._build` with them, and words them in
:meth:`~RetranslatingDialog.retranslate_ui` (labels through :meth:`FormDialog._set_labels`); the
dialog collects input and returns values, the page runs the service.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

__all__ = ["FormDialog", "RetranslatingDialog"]


class RetranslatingDialog(QDialog):
    """A dialog that sets its texts again when the language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""


class FormDialog(RetranslatingDialog):
    """Labelled widgets in a form, an optional widget and line under it, then OK / Cancel."""

    def _build(
        self,
        widgets: tuple[QWidget, ...],
        extra: QWidget | None = None,
        note: QLabel | None = None,
        width: int = 420,
    ) -> None:
        """Lay out ``widgets`` with a label each, then ``extra`` (stretching) and ``note``."""
        self.form = QFormLayout()
        self.labels: list[QLabel] = []
        for widget in widgets:
            label = QLabel()
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self.labels.append(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if extra is not None:
            layout.addWidget(extra, 1)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(width)
        self.retranslate_ui()

    def _set_labels(self, texts: list[str]) -> None:
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
