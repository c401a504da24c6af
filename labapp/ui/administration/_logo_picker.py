"""The lab settings form's logo: a preview, "Logo…" to choose a PNG or JPEG file, "Remove".

The file is read and checked here, where it comes in (PNG or JPEG by its bytes, decodable, at most
1 MiB: :func:`labapp.io.certificates.logo_media_type`); a refused file is worded in the user's
language under the preview and the logo shown before stays.  The settings service checks again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from labapp.io.certificates import CertificateError, logo_media_type
from labapp.ui.common.errors import describe, os_reason

__all__ = ["LogoPicker"]

_PREVIEW = (160, 56)  # about the size the certificate header draws it (16 mm high)


class LogoPicker(QWidget):
    """The logo being edited: :attr:`data` is its bytes (None: no logo)."""

    def __init__(self, data: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logoPicker")
        self.data = data
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(*_PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #bbb; background: white;")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("logoChoose")
        self.choose_button.clicked.connect(self._choose)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("logoRemove")
        self.remove_button.clicked.connect(self.remove)
        self.problem = QLabel()
        self.problem.setObjectName("logoProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9C0006;")
        self.problem.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.retranslate_ui()
        self._show()

    def retranslate_ui(self) -> None:
        self.choose_button.setText(self.tr("Logo…"))
        self.remove_button.setText(self.tr("Remove logo"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def load(self, path: Path) -> bool:
        """Take the logo from ``path``; False (and why, shown) when it is refused."""
        try:
            data = path.read_bytes()
            logo_media_type(data)
        except (OSError, CertificateError) as exc:
            if isinstance(exc, OSError):
                text = self.tr("Cannot read {file}: {reason}").format(
                    file=path.name, reason=os_reason(exc)
                )
            else:
                text = describe(exc)
            self.problem.setText(text)
            self.problem.show()
            return False
        self.data = data
        self.problem.hide()
        self._show()
        return True

    def remove(self) -> None:
        """No logo."""
        self.data = None
        self.problem.hide()
        self._show()

    def _choose(self) -> None:
        kinds = self.tr("PNG or JPEG image (*.png *.jpg *.jpeg)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Laboratory logo"), "", kinds)
        if path:
            self.load(Path(path))

    def _show(self) -> None:
        self.remove_button.setEnabled(self.data is not None)
        pixmap = QPixmap()
        if self.data is None or not pixmap.loadFromData(self.data):
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            return
        scaled = pixmap.scaled(_PREVIEW[0] - 4, _PREVIEW[1] - 4, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        self.preview.setPixmap(scaled)
