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

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from labapp.ui.common.export_job import FileJob

__all__ = ["PrintJob", "start_print"]

# job(db, path, progress(done, total), cancel() -> bool) writes the PDF on the worker and
# returns the path written, or None when cancelled
PrintFunction = Callable[[Any, Path, Callable[[int, int], None], Callable[[], bool]], Any]


class PrintJob(FileJob):
    """One printed report, from the file dialog to the done message; ``finished`` carries the
    path written (None: cancelled, no file written), ``failed`` the error shown."""

    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent, title, "")
        self.label = self.tr("Printing the report…")

    def ask_path(self, suggested: str) -> Path | None:
        """The file to write (``.pdf`` added when missing); None: cancelled."""
        return self._ask(suggested, self.tr("PDF document (*.pdf)"), ".pdf")

    def _show_progress(self, done: int, total: int) -> None:
        text = self.tr("{0}\n{1} of {2} table rows").format(self.label, done, total)
        self._set_progress(text, done, total)

    def _done(self, path: Path | None) -> None:
        if path is None:
            text = self.tr("The report was cancelled; no file was written.")
        else:
            text = self.tr("The report was written to\n{0}").format(path)
        self._show_done(text, "printDone", path)

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
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
