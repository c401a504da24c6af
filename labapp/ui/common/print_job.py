"""Export PDF…: a save dialog for a ``.pdf``, the report written on the worker with a progress
bar and Cancel, a done message.

A page gives :func:`start_print` a worker job ``job(db, path, progress, cancel)`` that writes the
PDF (the services' ``export_*_pdf``, which return None when cancelled); the page never renders
anything itself.  ``progress(done, total)`` may be called from the worker (it reaches the dialog
through a queued signal); ``cancel()`` is True once the user pressed Cancel.  The file appears
only once complete (the writer replaces the target at the end), so a cancelled report leaves no
file; an error is shown by ``show_error``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from labapp.ui.common.errors import show_error
from labapp.ui.common.export_job import progress_dialog

__all__ = ["PrintJob", "start_print"]

# job(db, path, progress(done, total), cancel() -> bool) writes the PDF on the worker and
# returns the path written, or None when cancelled
PrintFunction = Callable[[Any, Path, Callable[[int, int], None], Callable[[], bool]], Any]


class PrintJob(QObject):
    """One printed report, from the file dialog to the done message; ``finished`` carries the
    path written (None: cancelled, no file written), ``failed`` the error shown."""

    finished = Signal(object)
    failed = Signal(object)
    _progress = Signal(int, int)

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.label = self.tr("Printing the report…")
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def ask_path(self, suggested: str) -> Path | None:
        """The file to write (``.pdf`` added when missing); None: cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.title, suggested, self.tr("PDF document (*.pdf)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def start(self, session: Any, path: Path, job: PrintFunction) -> None:
        """Write the PDF on the worker, with a progress dialog (shown after 0.5 s)."""
        self.dialog = progress_dialog(self.parent_widget, self.title, self.label, self.cancel.set)
        cancel, report = self.cancel.is_set, self._progress.emit
        session.run(lambda db: job(db, path, report, cancel), self._done, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        dialog = self.dialog  # setValue on a modal dialog processes events: the job may finish
        if dialog is None:
            return
        dialog.setLabelText(self.tr("{0}\n{1} of {2} table rows").format(self.label, done, total))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, path: Path | None) -> None:
        self._close_dialog()
        if path is None:
            text = self.tr("The report was cancelled; no file was written.")
        else:
            text = self.tr("The report was written to\n{0}").format(path)
        self.message = QMessageBox(
            QMessageBox.Icon.Information, self.title, text, QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )  # fmt: skip
        self.message.setObjectName("printDone")
        self.message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message.open()
        self.finished.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        show_error(self.parent_widget, exc, self.title)
        self.failed.emit(exc)


def start_print(
    parent: QWidget,
    session: Any,
    title: str,
    suggested: str,
    job: PrintFunction,
    path: str | Path | None = None,
) -> PrintJob | None:
    """Ask where (unless ``path`` is given) and print on the worker; None if not started."""
    printer = PrintJob(parent, title)
    target = Path(path) if path else printer.ask_path(suggested)
    if target is None:
        printer.deleteLater()
        return None
    printer.start(session, target, job)
    return printer
