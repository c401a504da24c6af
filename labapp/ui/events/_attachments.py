"""The attachments of an event: PDFs dropped on the dialog or chosen, listed with size and SHA-256.

Files chosen before the event has been saved wait in the list ("pending") and are stored with the
next save of the draft, in its unit of work (an attachment belongs to a stored event).  Opening a
stored file (``open_wanted``, answered by the dialog's caller) exports it to a temporary directory
on the worker and hands it to the system viewer (:func:`open_attachment`, also used by the
instrument page).
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class PendingFile:
    """A file chosen but not yet stored."""

    path: Path
    size: int
    sha256: str

    @classmethod
    def read(cls, path: Path) -> PendingFile:
        """Size and SHA-256 of ``path`` (what the stored copy will be checked against)."""
        content = path.read_bytes()
        return cls(path, len(content), hashlib.sha256(content).hexdigest())


def media_type(path: Path) -> str:
    """The file's media type from its name (PDF for certificates; octet-stream if unknown)."""
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def human_size(size: int) -> str:
    """``1.2 MB`` style size."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class AttachmentsWidget(QWidget):
    """Stored attachments plus pending files; ``changed`` when a file is added; ``open_wanted``
    asks for a stored attachment to be exported and shown (:func:`open_attachment`)."""

    changed = Signal()
    opened = Signal(object)  # the exported Path handed to the system viewer
    open_wanted = Signal(int)  # the id of the stored attachment to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored: list[Any] = []
        self.pending: list[PendingFile] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("attachments")
        self.tree.setRootIsDecorated(False)
        self.tree.itemDoubleClicked.connect(self._open_item)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAttachment")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._open_item(self.tree.currentItem()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("SHA-256")])
        self.add_button.setText(self.tr("Add file…"))
        self.open_button.setText(self.tr("Open"))
        self.add_button.setToolTip(self.tr("Or drop PDF files onto the dialog"))
        self._refill()

    def set_stored(self, attachments: list[Any]) -> None:
        """Show the event's stored attachments."""
        self.stored = list(attachments)
        self._refill()

    def add_paths(self, paths: list[Path]) -> None:
        """Queue files for storing with the event."""
        for path in paths:
            if path.is_file():
                self.pending.append(PendingFile.read(path))
        self._refill()
        self.changed.emit()

    def choose_files(self) -> None:
        """Add file… (QFileDialog, PDFs first)."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "", self.tr("PDF files (*.pdf);;All files (*)")
        )
        self.add_paths([Path(p) for p in paths])

    def _refill(self) -> None:
        self.tree.clear()
        for info in self.stored:
            item = QTreeWidgetItem([info.filename, human_size(info.size), info.sha256])
            item.setData(0, 256, info)
            self.tree.addTopLevelItem(item)
        for pending in self.pending:
            name = self.tr("{0} (stored on save)").format(pending.path.name)
            item = QTreeWidgetItem([name, human_size(pending.size), pending.sha256])
            item.setData(0, 256, pending)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)

    def _open_item(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is None:
            return
        value = item.data(0, 256)
        if isinstance(value, PendingFile):
            self._show(value.path)
            return
        self.open_wanted.emit(value.id)

    def _show(self, path: Path) -> None:
        show_file(path)
        self.opened.emit(path)


def show_file(path: Path) -> None:
    """Hand ``path`` to the system viewer (the PDF reader, an image viewer …)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_attachment(
    session: Any, attachment_id: int, opened: Callable[[Path], None] | None = None
) -> None:
    """Export stored attachment ``attachment_id`` on the worker, then open it with the system
    viewer; ``opened`` then gets the exported path.

    The file goes to a new folder under its own name, so the viewer shows that name; the folder
    is in LabApp's cache directory (``LABAPP_HOME`` too), not loose in the system's /tmp.
    """

    def export(db: Any) -> Path:
        from labapp.paths import cache_dir
        from labapp.services.attachments import export_attachment

        folder = cache_dir() / "opened"
        folder.mkdir(exist_ok=True)
        return export_attachment(db, attachment_id, Path(tempfile.mkdtemp(dir=folder)))

    def done(path: Path) -> None:
        show_file(path)
        if opened is not None:
            opened(path)

    session.run(export, done)
