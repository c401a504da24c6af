"""Export PDF…: a save dialog for a ``.pdf``, the report written on the worker, a done message.

A page gives :func:`start_print` a worker job ``job(db, path)`` that writes the PDF (the
services' ``export_*_pdf``); the page never renders anything itself.  The file appears only once
complete (the writer replaces the target at the end); an error is shown by ``show_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from labapp.ui.common.errors import show_error

__all__ = ["PrintJob", "start_print"]

# job(db, path) writes the PDF on the worker
PrintFunction = Callable[[Any, Path], Any]


class PrintJob(QObject):
    """One printed report, from the file dialog to the done message; ``finished`` carries the
    path written, ``failed`` the error shown."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.message: QMessageBox | None = None

    def ask_path(self, suggested: str) -> Path | None:
        """The file to write (``.pdf`` added when missing); None: cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.title, suggested, self.tr("PDF document (*.pdf)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def start(self, session: Any, path: Path, job: PrintFunction) -> None:
        """Write the PDF on the worker."""
        session.run(lambda db: job(db, path), lambda _=None: self._done(path), self._failed)

    def _done(self, path: Path) -> None:
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
