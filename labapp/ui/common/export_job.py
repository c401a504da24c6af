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


class ExportJob(QObject):
    """One export, from the file dialog to the done message.

    ``finished`` carries the ``ExportResult`` (``cancelled`` set when the user cancelled);
    ``message`` is the done (or cancelled) box, kept so tests and callers can close it.
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

    def ask_path(self, suggested: str) -> Path | None:
        """The file to write, from a save dialog (``.xlsx`` added when missing); None: cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.title, suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def start(self, session: Any, path: Path, export: ExportFunction) -> None:
        """Run ``export`` on the worker with a progress dialog (shown after 0.5 s)."""
        self.dialog = self._progress_dialog()
        cancel, report = self.cancel.is_set, self._progress.emit
        session.run(lambda db: export(db, path, report, cancel), self._done, self._failed)

    def _progress_dialog(self) -> QProgressDialog:
        return progress_dialog(self.parent_widget, self.title, self.label, self.cancel.set)

    def _show_progress(self, done: int, total: int) -> None:
        dialog = self.dialog  # setValue on a modal dialog processes events: the job may finish
        if dialog is None:
            return
        dialog.setLabelText(self.tr("{0}\n{1} of {2} items").format(self.label, done, total))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: Any) -> None:
        self._close_dialog()
        if result.cancelled:
            text = self.tr("The export was cancelled; no file was written.")
        else:
            rows = sum(result.rows_per_sheet.values())
            text = self.tr("Exported {0} rows to\n{1}").format(rows, result.path)
        self.message = QMessageBox(
            QMessageBox.Icon.Information, self.title, text, QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )  # fmt: skip
        self.message.setObjectName("exportDone")
        self.message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message.open()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        show_error(self.parent_widget, exc, self.title)
