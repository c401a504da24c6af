"""The Calibrations page's certificate actions: Certificate (PDF)…, DCC… and Import DCC….

Certificate (PDF)… and DCC… act on the selected approved event: a language is chosen (English,
Chinese, or both), then the file to write; the service builds the certificate on the worker (the
DCC is validated and attached to the record there) and the file is written on the GUI thread.
Import DCC… reads a provider's DCC for the selected row's instrument (a standard), makes the
draft on the worker and asks the main window to open it.  A refusal is shown in the user's
language with its stable code's words (:func:`labapp.ui.common.errors.show_error`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from labapp.ui.common.errors import os_reason, show_error

__all__ = ["CertificateActions"]


class CertificateActions(QObject):
    """Issue the selected event's certificate or DCC; import a provider's DCC as a draft.

    ``imported`` carries the id of the draft made from a DCC; ``written`` the path of a file
    written.  The ``ask_*`` methods are the only places that block on a dialog.
    """

    imported = Signal(int)
    written = Signal(str)

    def __init__(self, session: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.message: QMessageBox | None = None

    # --- questions -------------------------------------------------------------------------

    def languages(self) -> list[tuple[str, str]]:
        """(code, label) of the certificate languages, bilingual first."""
        return [
            ("bilingual", self.tr("Chinese and English")),
            ("zh_CN", self.tr("Chinese")),
            ("en", self.tr("English")),
        ]

    def ask_language(self) -> str | None:
        """The certificate's language, or None when cancelled."""
        options = self.languages()
        text, ok = QInputDialog.getItem(
            self.parent_widget, self.tr("Certificate language"), self.tr("Language:"),
            [label for _code, label in options], 0, False,
        )  # fmt: skip
        return next((code for code, label in options if ok and label == text), None)

    def ask_save_path(self, suggested: str, dcc: bool) -> Path | None:
        """The file to write (its suffix added when missing), or None when cancelled."""
        suffix, kind = (".xml", self.tr("DCC (*.xml)")) if dcc else (".pdf", self.tr("PDF (*.pdf)"))
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save certificate"),
                                              suggested + suffix, kind)  # fmt: skip
        if not path:
            return None
        return Path(path if path.lower().endswith(suffix) else path + suffix)

    def ask_dcc_file(self) -> Path | None:
        """The DCC file to import, or None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import DCC"), "",
                                              self.tr("DCC (*.xml)"))  # fmt: skip
        return Path(path) if path else None

    # --- actions ---------------------------------------------------------------------------

    def issue(self, event_id: int, number: str | None, dcc: bool) -> None:
        """Certificate (PDF)… (``dcc`` False) or DCC… of approved event ``event_id``."""
        language = self.ask_language()
        if language is None:
            return
        path = self.ask_save_path(_stem(number or str(event_id)), dcc)
        if path is None:
            return
        user = self.session.user

        def job(db: Any) -> Any:
            from labapp.services.certificates import issue_certificate

            return issue_certificate(db, user, event_id=event_id, language=language, dcc=dcc)

        self.session.run(job, lambda issued: self._write(path, issued, dcc), self._failed,
                         progress=self.tr("Issuing the certificate…"),
                         parent=self.parent_widget)  # fmt: skip

    def import_dcc(self, asset_tag: str) -> None:
        """Import DCC…: a provider's DCC for ``asset_tag`` as a draft, then open it."""
        path = self.ask_dcc_file()
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._info(self.tr("The file cannot be read: {0}").format(os_reason(exc)), warn=True)
            return
        user, name = self.session.user, path.name

        def job(db: Any) -> Any:
            from labapp.services.certificates import import_dcc

            return import_dcc(db, user, asset_tag, data, name)

        self.session.run(
            job, lambda done: self.imported.emit(done.event.id), self._failed,
            progress=self.tr("Importing the DCC…"), parent=self.parent_widget,
        )  # fmt: skip

    def _write(self, path: Path, issued: Any, dcc: bool) -> None:
        data = issued.dcc if dcc else issued.pdf
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._info(self.tr("The file cannot be written: {0}").format(os_reason(exc)), warn=True)
            return
        if dcc:
            text = self.tr("DCC of certificate {0} written to {1} and attached to the record "
                           "(SHA-256 {2}).").format(issued.number, path,
                                                     issued.dcc_attachment.sha256)  # fmt: skip
        else:
            text = self.tr("Certificate {0} written to {1}.").format(issued.number, path)
        self._info(text)
        self.written.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.message = show_error(self.parent_widget, exc, self.tr("Certificate"))

    def _info(self, text: str, warn: bool = False) -> None:
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        self.message = QMessageBox(icon, self.tr("Certificate"), text, parent=self.parent_widget)
        self.message.setObjectName("certificateMessage")
        self.message.open()


def _stem(number: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in number)
