"""No database password in the settings file, the status bar, its tooltip or the window title.

A password given as ``?password=`` used to reach the recent-databases list and the tooltip.
"""

from __future__ import annotations

import configparser
from dataclasses import replace
from pathlib import Path

from labapp.paths import settings_path
from labapp.ui.common import settings

SECRET = "s3cr3t-Pw"
QUERY_URL = f"postgresql+psycopg://lab@db.example:5432/lab?password={SECRET}&sslmode=require"
USERINFO_URL = f"postgresql+psycopg://lab:{SECRET}@db.example:5432/lab"


def _settings_text() -> str:
    return settings_path().read_text(encoding="utf-8")


def test_recent_and_default_databases_are_stored_without_passwords(qapp) -> None:
    settings.remember_database(QUERY_URL)
    settings.remember_database(USERINFO_URL)
    settings.put(settings.DEFAULT_DATABASE, QUERY_URL)
    settings.put(settings.RECENT_DATABASES, [USERINFO_URL, "lab.sqlite3"])
    text = _settings_text()
    assert SECRET not in text and "password" not in text.lower()
    assert settings.get(settings.DEFAULT_DATABASE) == (
        "postgresql+psycopg://lab@db.example:5432/lab?sslmode=require"
    )
    assert settings.get(settings.RECENT_DATABASES) == [
        "postgresql+psycopg://lab@db.example:5432/lab",
        "lab.sqlite3",
    ]


def test_a_password_left_in_an_old_settings_file_is_never_read_back(qapp) -> None:
    ini = configparser.ConfigParser(interpolation=None)
    ini["database"] = {"default": QUERY_URL, "recent": f"{QUERY_URL}, {USERINFO_URL}"}
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    with settings_path().open("w", encoding="utf-8") as handle:
        ini.write(handle)
    assert SECRET not in settings.get(settings.DEFAULT_DATABASE)
    assert all(SECRET not in url for url in settings.get(settings.RECENT_DATABASES))


class _Connector:
    """Opens the seeded lab, described as the server at ``QUERY_URL`` (as the service would)."""

    def __init__(self, lab_path: Path) -> None:
        self.lab_path = lab_path

    def open(self, url: str):
        from labapp.services.database import Database, mask_url, open_database

        real = open_database(str(self.lab_path))
        info = replace(real.info, url=mask_url(url), display_name="lab @ db.example")
        return Database(real.engine, info)

    def probe(self, url: str):  # pragma: no cover - not used here
        raise AssertionError(url)


def test_status_bar_tooltip_title_and_recent_list_hide_the_password(qtbot, lab_path) -> None:
    from labapp.ui.common.session import Session
    from labapp.ui.common.worker import Worker
    from labapp.ui.shell.mainwindow import MainWindow

    session = Session(Worker(), _Connector(lab_path))
    win = MainWindow(session)
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(session.database_changed, timeout=30_000):
            session.open(QUERY_URL, parent=win)
        shown = [win.windowTitle(), win.db_label.text(), win.db_label.toolTip()]
        assert all(SECRET not in text for text in shown), shown
        assert "password=***" in win.db_label.toolTip()
        assert SECRET not in _settings_text()
        assert settings.get(settings.RECENT_DATABASES)[0] == (
            "postgresql+psycopg://lab@db.example:5432/lab?sslmode=require"
        )
        win._fill_recent()
        assert all(SECRET not in a.text() for a in win.recent_menu.actions())
    finally:
        session.close()
