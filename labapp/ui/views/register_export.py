"""File → Export register…: the register page's current filter to Excel, with progress and cancel.

The rows are counted, then streamed into the workbook on the worker
(:func:`labapp.services.register_io.export_register`); the progress bar follows the rows written
and Cancel stops the export, leaving no partial file (an existing file of that name untouched).
The workbook has the import's columns, so it can be imported back.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from labapp.services.register import RegisterFilter, count_register
from labapp.services.register_io import export_register
from labapp.ui import settings
from labapp.ui.dialogs.import_dialog import file_language


class RegisterExport(QObject):
    """One export: a file dialog, a progress dialog fed from the worker, and the outcome.

    ``finished`` carries the :class:`~labapp.io.excel_export.ExportResult` (``cancelled`` set when
    the user cancelled).
    """

    finished = Signal(object)
    _total = Signal(int)
    _done = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self._total.connect(self._set_total, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._set_done, Qt.ConnectionType.QueuedConnection)

    def start(
        self,
        register_filter: RegisterFilter | None = None,
        path: str | Path | None = None,
        today: date | None = None,
    ) -> bool:
        """Ask where (unless ``path`` is given) and export on the worker; False if not started."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export register"),
                self.tr("register.xlsx"),
                self.tr("Excel files (*.xlsx)"),
            )
        if not path:
            return False
        flt = register_filter or RegisterFilter()
        self.dialog = self._progress_dialog()
        target, lang, user = Path(path), file_language(), self.session.user
        day, lead_days = today or date.today(), int(settings.get(settings.DUE_SOON_DAYS))

        def job(db: Any) -> Any:
            self._total.emit(count_register(db, flt, day, lead_days))
            return export_register(
                db, target, register_filter=flt, language=lang,  # type: ignore[arg-type]
                exported_by=user, today=day, lead_days=lead_days,
                progress=self._done.emit, cancel=self.cancel.is_set,
            )  # fmt: skip

        self.session.run(job, self._finished, self._failed)
        return True

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(
            self.tr("Exporting the register…"), self.tr("Cancel"), 0, 0, self.parent_widget
        )
        dialog.setWindowTitle(self.tr("Export register"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel.set)
        dialog.setValue(0)
        return dialog

    def _set_total(self, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))

    def _set_done(self, done: int) -> None:
        if self.dialog is not None:
            self.dialog.setValue(min(done, self.dialog.maximum()))
            self.dialog.setLabelText(self.tr("Exporting the register… {0} rows").format(done))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, result: Any) -> None:
        self._close_dialog()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from labapp.ui.errors import show_error

        self._close_dialog()
        show_error(self.parent_widget, exc, self.tr("Export register"))
