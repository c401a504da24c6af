"""File → Open database: a SQLite file or a PostgreSQL server, tested on the worker, then opened.

The dialog only closes once the new database opened; until then the window keeps the previous one,
and any error is worded in the user's language inside the dialog.  The dialog collects
(:mod:`labapp.ui.common.submission`): Test connection emits ``test_wanted`` and Open ``submitted``
with the chosen URL; :func:`connection_dialog` answers them with the session's ``probe`` and
``open`` (opening a database is the session's own work, not a service's).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.common import settings
from labapp.ui.common.errors import describe
from labapp.ui.common.session import Session

SQLITE_TAB = 0
POSTGRES_TAB = 1


def postgres_url(host: str, port: int, database: str, user: str, password: str) -> str:
    """A SQLAlchemy URL for psycopg 3, built with SQLAlchemy's URL API (quoting included)."""
    from labapp.services.database import server_url  # SQLAlchemy: not at start-up

    return server_url(host, port, database, user, password)


class ConnectionDialog(QDialog):
    """Choose a database: ``test_wanted(url)`` (answer :meth:`show_tested` or :meth:`refuse`)
    and ``submitted(url)`` (answer :meth:`finish` or :meth:`refuse`)."""

    test_wanted = Signal(str)
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.recent = QComboBox()
        for url in settings.get(settings.RECENT_DATABASES):
            self.recent.addItem(url, url)
        self.recent.setCurrentIndex(-1)
        self.recent.activated.connect(self._recent_chosen)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._sqlite_page(), "")
        self.tabs.addTab(self._postgres_page(), "")
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.open_database)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.retranslate_ui()

    def _sqlite_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit()
        self.path.setObjectName("sqlitePath")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.sqlite_note = QLabel()
        self.sqlite_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        self.path_label = QLabel()
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.sqlite_note)
        layout.addStretch(1)
        return page

    def _postgres_page(self) -> QWidget:
        page = QWidget()
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.user = QLineEdit(settings.login_name())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pg_labels = [QLabel() for _ in range(5)]
        form = QFormLayout(page)
        fields = (self.host, self.port, self.database, self.user, self.password)
        for label, field in zip(self.pg_labels, fields, strict=True):
            form.addRow(label, field)
        return page

    def _build_layout(self) -> None:
        recent_row = QHBoxLayout()
        self.recent_label = QLabel()
        recent_row.addWidget(self.recent_label)
        recent_row.addWidget(self.recent, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(recent_row)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open database"))
        self.recent_label.setText(self.tr("Recent:"))
        self.recent.setPlaceholderText(
            self.tr("Choose a recent database…") if self.recent.count() else self.tr("(none yet)")
        )
        self.tabs.setTabText(SQLITE_TAB, self.tr("SQLite file"))
        self.tabs.setTabText(POSTGRES_TAB, self.tr("PostgreSQL server"))
        self.path_label.setText(self.tr("Database file:"))
        self.browse.setText(self.tr("Browse…"))
        self.sqlite_note.setText(
            self.tr("A new file name creates an empty LabApp database; an older one is upgraded.")
        )
        pg_texts = (
            self.tr("Host:"),
            self.tr("Port:"),
            self.tr("Database:"),
            self.tr("User:"),
            self.tr("Password:"),
        )
        for label, text in zip(self.pg_labels, pg_texts, strict=True):
            label.setText(text)
        self.test_button.setText(self.tr("Test connection"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Open database"),
            self.path.text(),
            self.tr("LabApp databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    def _recent_chosen(self, index: int) -> None:
        url = self.recent.itemData(index)
        if not url:
            return
        if "://" in url and not url.startswith("sqlite"):
            self._fill_postgres(url)
        else:
            self.tabs.setCurrentIndex(SQLITE_TAB)
            self.path.setText(url.removeprefix("sqlite:///"))

    def _fill_postgres(self, url: str) -> None:
        parts = urlsplit(url)
        self.tabs.setCurrentIndex(POSTGRES_TAB)
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or 5432)
        self.database.setText(parts.path.lstrip("/"))
        self.user.setText(parts.username or "")
        self.password.clear()
        self.password.setFocus()

    def url(self) -> str:
        """What the user chose: a file path or a PostgreSQL URL ("" if incomplete)."""
        if self.tabs.currentIndex() == SQLITE_TAB:
            return self.path.text().strip()
        if not (self.host.text().strip() and self.database.text().strip()):
            return ""
        return postgres_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.buttons.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def refuse(self, exc: BaseException) -> None:
        """The database could not be tested or opened: say why in the dialog."""
        self._set_busy(False)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(describe(exc))

    def _missing(self) -> bool:
        if self.url():
            return False
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(self.tr("Choose a database file, or fill in the server and database."))
        return True

    def test_connection(self) -> None:
        """Test connection: have the chosen database probed; the answer shows in the dialog."""
        if self._missing():
            return
        self._set_busy(True, self.tr("Testing the connection…"))
        self.test_wanted.emit(self.url())

    def show_tested(self, info: Any) -> None:
        """The database answered: say what it is."""
        self._set_busy(
            False, self.tr("Connection works: {0} ({1}).").format(info.display_name, info.dialect)
        )

    def open_database(self) -> None:
        """Open: have the chosen database opened; the dialog closes only once it is open."""
        if self._missing():
            return
        self._set_busy(True, self.tr("Opening the database…"))
        self.submitted.emit(self.url())

    def finish(self, _info: Any = None) -> None:
        """The database is open: close."""
        self._set_busy(False)
        self.accept()


def connection_dialog(session: Session, parent: QWidget | None = None) -> ConnectionDialog:
    """The Open database dialog (not yet open), tested and opened through ``session``."""
    dialog = ConnectionDialog(parent)
    dialog.test_wanted.connect(
        lambda url: session.probe(url, dialog.show_tested, dialog.refuse, dialog)
    )
    dialog.submitted.connect(lambda url: session.open(url, dialog.finish, dialog.refuse, dialog))
    return dialog
