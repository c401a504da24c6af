"""Words a ConcurrentModificationError: who changed the record meanwhile, when, and offers a reload.

Saving never overwrites silently: the dialog that tried to save opens this box, and on Reload
fetches the newer version (its own values are replaced by what the other user saved).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def when_text(at: datetime | None) -> str:
    """A change time in local time, to the minute ("?" when unknown)."""
    if at is None:
        return "?"
    local = at.astimezone() if at.tzinfo is not None else at
    return local.strftime("%Y-%m-%d %H:%M")


class ConflictDialog(QMessageBox):
    """Says "Changed by X at T; reload?" and offers Reload and Cancel (see :meth:`reloading`)."""

    def __init__(self, info: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed meanwhile"))
        who = info.changed_by or self.tr("another user")
        self.setText(
            self.tr("Changed by {0} at {1}; reload?").format(who, when_text(info.changed_at))
        )
        self.setInformativeText(
            self.tr(
                "Someone saved this record after you opened it. Reload shows their version "
                "(your unsaved changes are discarded); Cancel keeps your form as it is."
            )
        )
        self.reload_button = self.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.reload_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def reloading(self) -> bool:
        """True once the user chose Reload."""
        return self.clickedButton() is self.reload_button
