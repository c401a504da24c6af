"""Words a ConcurrentModificationError: who changed the record meanwhile, when, and offers a reload.

Saving never overwrites silently: the dialog that tried to save opens this box, and on Reload
fetches the newer version (its own values are replaced by what the other user saved).
:func:`answer_refusal` is the one way a form answers a save the service refused; a save refused
because another writer held the database too long (:class:`DatabaseBusyError`) may be retried
from :class:`BusyDialog`, nothing typed being lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from labapp.domain.errors import ConcurrentModificationError, DatabaseBusyError, ValidationError
from labapp.ui.common.errors import show_error


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


def ask_reload(
    parent: QWidget, exc: ConcurrentModificationError, reload: Callable[[Any], None]
) -> ConflictDialog:
    """Open the conflict box for ``exc`` (window-modal); on Reload call ``reload(exc.info)``.

    Parameters
    ----------
    parent
        The form that tried to save.
    exc
        The refusal (who changed the record, when, and the version now stored).
    reload
        Fetches the stored version into the form; Cancel keeps the form as typed.
    """
    box = ConflictDialog(exc.info, parent)
    box.finished.connect(lambda _result: reload(exc.info) if box.reloading() else None)
    box.open()
    return box


class BusyDialog(QMessageBox):
    """Says the database is busy (another user or an import is saving) and offers Try again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Database busy"))
        self.setText(self.tr("The database is busy, try again."))
        self.setInformativeText(
            self.tr(
                "Another user or a long import is saving right now. Nothing was saved; your "
                "form is kept as it is. Try again saves it once more."
            )
        )
        self.retry_button = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.retry_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def retrying(self) -> bool:
        """True once the user chose Try again."""
        return self.clickedButton() is self.retry_button


def answer_refusal(
    form: Any,
    exc: BaseException,
    show_validation: Callable[[ValidationError], None],
    reload: Callable[[Any], None],
    retry: Callable[[], None] | None = None,
) -> Any:
    """How a form answers a save the service refused; nothing typed is lost.

    A ``ValidationError`` goes to ``show_validation`` (worded next to its field); a
    ``ConcurrentModificationError`` asks to reload (:func:`ask_reload`, returned so the form
    can keep it); a ``DatabaseBusyError`` with a ``retry`` opens :class:`BusyDialog` (returned),
    whose Try again calls ``retry()``; anything else is shown in an error box over the form.
    """
    if isinstance(exc, ValidationError):
        show_validation(exc)
    elif isinstance(exc, ConcurrentModificationError):
        return ask_reload(form, exc, reload)
    elif isinstance(exc, DatabaseBusyError) and retry is not None:
        box = BusyDialog(form)
        box.finished.connect(lambda _result: retry() if box.retrying() else None)
        box.open()
        return box
    else:
        show_error(form, exc)
    return None
