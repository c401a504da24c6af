"""How a dialog and the page that opened it share one use case: the dialog collects, the page runs.

This is the one pattern for every dialog that leads to a service call.  A dialog never holds the
session, never submits a job to the worker and never imports a service that reads or writes the
database; it may use pure helpers (a unit conversion as the user types, a preview of a number).

1. **Opening.**  The caller (the page, or the ``_flow`` module of the same ui feature, e.g.
   ``labapp.ui.register._flow``) creates the dialog with the records it shows and opens it.
2. **Choices.**  What the dialog offers from the database (standards in a combo box, people,
   procedures, the record to edit) is loaded by the caller on the worker and handed in:
   ``session.run(loader, dialog.fill_…)``; until then the dialog shows itself busy.  A choice that
   depends on another field (the failures of the standard chosen, the standards valid on the date
   typed) is asked for with a signal (``…_wanted``) that the caller answers the same way.
3. **Submitting.**  OK / Save reads the fields into a typed value: the service's ``*Input`` DTO,
   a reason, the chosen values.  A field it cannot read is flagged in place and nothing is sent;
   otherwise the dialog disables its buttons and emits ``submitted(value)``.
4. **Answering.**  The caller runs the use case on the worker (:func:`run_on_submit`).  Success:
   ``dialog.finish(result)`` emits the dialog's own result signal (``saved``, ``recorded`` …) and
   closes it.  Refusal: ``dialog.refuse(exc)`` words it next to the field it concerns (or asks to
   reload a record changed meanwhile: ``reload_wanted``, answered by the caller as in 2) and the
   dialog stays open with everything the user typed.

The login, lock and change-password dialogs and the set-up wizard have the same shape
(``submitted``, ``show_problem``) with :class:`labapp.ui.accounts.Identity` as their caller.  The
allowed exceptions: the electronic-signature dialog only returns the password (its caller signs
with it), and File → Open database (``labapp.ui.shell.connection``) is answered by the session's
own ``probe``/``open`` rather than a service, as opening a database is what the session does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

__all__ = ["UseCase", "ValueDialog", "run_on_submit"]

#: ``use_case(db, user, value)`` -> the result handed to ``dialog.finish`` (runs on the worker)
UseCase = Callable[[Any, str, Any], Any]


class ValueDialog(Protocol):
    """What :func:`run_on_submit` needs of a dialog (see the module's steps 3 and 4)."""

    submitted: SignalInstance

    def finish(self, result: Any) -> None:
        """The use case succeeded with ``result``: emit the dialog's result signal and close."""

    def refuse(self, exc: BaseException) -> None:
        """The use case refused: say why, keep everything typed, enable the buttons again."""


def run_on_submit(
    session: Any,
    dialog: ValueDialog,
    use_case: UseCase,
    progress: str | None = None,
) -> None:
    """Run ``use_case(db, user, value)`` on the worker each time ``dialog`` submits a value.

    ``user`` is the person logged in when the value is submitted; the answer goes back to
    ``dialog.finish`` or ``dialog.refuse`` on the GUI thread.  ``progress`` labels a busy dialog
    shown when the use case outlasts half a second (a long search, an import).
    """

    def submitted(value: Any) -> None:
        user = session.user
        parent = dialog if progress is not None and isinstance(dialog, QWidget) else None
        session.run(
            lambda db: use_case(db, user, value), dialog.finish, dialog.refuse, progress, parent
        )

    dialog.submitted.connect(submitted)
