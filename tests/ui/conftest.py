"""GUI fixtures: a seeded SQLite lab, the main window on it, English restored after each test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest


def _seed(path: Path) -> None:
    from labapp.services.database import open_database
    from labapp.services.demo import DemoOptions, seed_demo

    db = open_database(str(path))
    try:
        seed_demo(db, DemoOptions(instruments=60, years=2, seed=7))
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def seeded_lab(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo lab of 60 items, built once per test session."""
    path = tmp_path_factory.mktemp("lab") / "seeded.sqlite3"
    _seed(path)
    return path


@pytest.fixture
def lab_path(seeded_lab: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded lab (tests may write to it)."""
    copy = tmp_path / "lab.sqlite3"
    shutil.copy(seeded_lab, copy)
    return copy


#: Qt messages that say nothing about LabApp: the offscreen platform cannot pass size hints to a
#: window manager it does not have, and says so for every dialog shown.
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


@pytest.fixture(scope="session", autouse=True)
def _quiet_offscreen_qt(qapp):
    """Drop :data:`HARMLESS_QT_MESSAGES` (printed between tests too); pass every other on."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if message not in HARMLESS_QT_MESSAGES:
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)


@pytest.fixture(autouse=True)
def _english_and_fresh_settings(qapp):
    """Each test starts in English with an empty settings file, and ends in English."""
    from labapp.paths import settings_path
    from labapp.ui.common import i18n

    settings_path().unlink(missing_ok=True)
    i18n.install_language("en")
    yield
    i18n.install_language("en")
    settings_path().unlink(missing_ok=True)


@pytest.fixture
def session(qtbot):
    """A session with the real database service behind it, closed after the test."""
    from labapp.app.main import ServiceConnector
    from labapp.ui.common.session import Session
    from labapp.ui.common.worker import Worker

    session = Session(Worker(), ServiceConnector())
    yield session
    session.close()


def log_in_through_dialog(qtbot, win, login: str, password: str = "demo") -> None:
    """Answer the login dialog the window opens on a database with accounts."""
    from labapp.ui.accounts._login import LoginDialog

    qtbot.waitUntil(lambda: isinstance(win.identity.dialog, LoginDialog), timeout=30_000)
    dialog = win.identity.dialog
    dialog.login.setText(login)
    dialog.password.setText(password)
    with qtbot.waitSignal(win.session.actor_changed, timeout=30_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: win.identity.dialog is None)


@pytest.fixture
def window(qtbot, session, lab_path: Path):
    """The main window, shown, with the seeded lab open and the Overview loaded."""
    from labapp.ui.shell.mainwindow import MainWindow

    errors: list[BaseException] = []
    win = MainWindow(session)
    session.worker.set_error_handler(errors.append)
    qtbot.addWidget(win)
    win.show()
    overview = win.views["overview"]
    with qtbot.waitSignal(overview.overview_loaded, timeout=30_000):
        session.open(str(lab_path), parent=win)
    log_in_through_dialog(qtbot, win, "admin")
    win.errors = errors
    yield win
    assert not errors, errors
