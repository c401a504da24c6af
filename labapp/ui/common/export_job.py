"""An Excel export run on the worker: a save dialog, a progress bar with Cancel, a done message.

Any export service of the shape ``export(db, path, ..., progress=, cancel=)`` fits: the page gives
:meth:`ExportJob.start` a function of ``(db, path, progress, cancel)``; ``progress(done, total)``
may be called from the worker thread (it reaches the dialog through a queued signal) and
``cancel()`` returns True once the user pressed Cancel.  A cancelled export leaves no file (the
writer replaces the target only when complete); an error is shown by ``show_error``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from labapp.ui.common import settings
from labapp.ui.common.errors import show_error

# job(db, path, progress(done, total), cancel() -> bool) -> ExportResult
ExportFunction = Callable[[Any, Path, Callable[[int, int], None], Callable[[], bool]], Any]


def file_language() -> str:
    """The language of the files written for the user: ``zh_CN`` or ``en``."""
    return "zh_CN" if settings.language() == "zh_CN" else "en"


def progress_dialog(
    parent: QWidget, title: str, label: str, on_cancel: Callable[[], None]
) -> QProgressDialog:
    """The progress dialog of a job run on the worker: shown after 0.5 s, Cancel calls
    ``on_cancel`` (the worker polls it), closed by the job, not when the bar is full."""
    dialog = QProgressDialog(label, QCoreApplication.translate("ExportJob", "Cancel"), 0, 0, parent)
    dialog.setObjectName("exportProgress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(on_cancel)
    dialog.setValue(0)
    return dialog


class FileJob(QObject):
    """What an export and a printed report share: the save dialog, the job run on the worker
    with a progress dialog (shown after 0.5 s) and Cancel, the done message, the error shown.

    Subclasses hold the words (each in its own translation context) and pass them in already
    translated: :meth:`_ask` (the file filter), :meth:`_show_progress` (the count line) and
    :meth:`_show_done` (the done message).
    """

    finished = Signal(object)
    _progress = Signal(int, int)

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.label = label
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def _ask(self, suggested: str, file_filter: str, suffix: str) -> Path | None:
        """The file to write, from a save dialog (``suffix`` added when missing); None:
        cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.title, suggested, file_filter
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(suffix) else path + suffix)

    def start(self, session: Any, path: Path, job: ExportFunction) -> None:
        """Run ``job(db, path, progress, cancel)`` on the worker with the progress dialog."""
        self.dialog = progress_dialog(self.parent_widget, self.title, self.label, self.cancel.set)
        cancel, report = self.cancel.is_set, self._progress.emit
        session.run(lambda db: job(db, path, report, cancel), self._done, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _set_progress(self, text: str, done: int, total: int) -> None:
        dialog = self.dialog  # setValue on a modal dialog processes events: the job may finish
        if dialog is None:
            return
        dialog.setLabelText(text)
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: Any) -> None:
        raise NotImplementedError

    def _show_done(self, text: str, name: str, result: Any) -> None:
        """Close the progress dialog, show ``text`` (object name ``name``), emit ``finished``."""
        self._close_dialog()
        self.message = QMessageBox(
            QMessageBox.Icon.Information, self.title, text, QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )  # fmt: skip
        self.message.setObjectName(name)
        self.message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message.open()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        show_error(self.parent_widget, exc, self.title)


class ExportJob(FileJob):
    """One export, from the file dialog to the done message.

    ``finished`` carries the ``ExportResult`` (``cancelled`` set when the user cancelled);
    ``message`` is the done (or cancelled) box, kept so tests and callers can close it.
    """

    def ask_path(self, suggested: str) -> Path | None:
        """The file to write, from a save dialog (``.xlsx`` added when missing); None: cancelled."""
        return self._ask(suggested, self.tr("Excel workbook (*.xlsx)"), ".xlsx")

    def _show_progress(self, done: int, total: int) -> None:
        text = self.tr("{0}\n{1} of {2} items").format(self.label, done, total)
        self._set_progress(text, done, total)

    def _done(self, result: Any) -> None:
        if result.cancelled:
            text = self.tr("The export was cancelled; no file was written.")
        else:
            rows = sum(result.rows_per_sheet.values())
            text = self.tr("Exported {0} rows to\n{1}").format(rows, result.path)
        self._show_done(text, "exportDone", result)
