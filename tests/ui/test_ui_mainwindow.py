"""The main window on a seeded SQLite lab: pages, register paging and search, status bar,
live Chinese, the connection dialog's errors, preferences, screenshots."""

from __future__ import annotations

import configparser
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from uihelpers import shoot, wait_idle

from labapp.paths import settings_path
from labapp.services.dashboard import lab_overview
from labapp.ui.common import settings
from labapp.ui.common.view import REGISTER
from labapp.ui.dashboard._view import CARDS
from labapp.ui.register._table_model import COL_ASSET_TAG


def _load_page(qtbot, window, key: str) -> None:
    window.show_page(key)
    wait_idle(qtbot, window.session)


def test_every_page_shows_content(qtbot, window) -> None:
    expected = lab_overview(window.session.db, date.today())
    for key, field, _page, _hint in CARDS:
        value = getattr(expected, field)
        assert window.views["overview"].cards[key].value_label.text() == str(value), key
    for key in window.views:
        _load_page(qtbot, window, key)
        assert window.current_view() is window.views[key]
        assert window.current_view().findChildren(QLabel)[0].text()
    assert window.views["register"].model.rowCount() > 0


def test_audit_page_lists_the_latest_entries(qtbot, qtmodeltester, window) -> None:
    _load_page(qtbot, window, "audit")
    assert window.errors == []
    assert window.views["audit"].model.rowCount() > 0
    qtmodeltester.check(window.views["audit"].model)


def test_overview_cards_lead_to_the_register(qtbot, window) -> None:
    # Overdue and due soon list their own items (test_ui_dashboard); the totals open the register.
    qtbot.mouseClick(window.views["overview"].cards["instruments"], Qt.MouseButton.LeftButton)
    assert window.current_view() is window.views[REGISTER]
    wait_idle(qtbot, window.session)


def test_area_pages_link_back_to_the_register(qtbot, window) -> None:
    window.show_page("planning")
    qtbot.mouseClick(window.views["planning"].register_button, Qt.MouseButton.LeftButton)
    assert window.current_view() is window.views[REGISTER]
    wait_idle(qtbot, window.session)


def test_register_model_and_search_requery(qtbot, qtmodeltester, window) -> None:
    _load_page(qtbot, window, REGISTER)
    view = window.views[REGISTER]
    qtmodeltester.check(view.model)
    total = view.model.rowCount()
    tag = view.model.index(3, COL_ASSET_TAG).data()
    view.search.setText(tag)
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.search.returnPressed.emit()
    assert 1 <= view.model.rowCount() < total
    assert view.model.index(0, COL_ASSET_TAG).data() == tag
    view.search.clear()
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.search.returnPressed.emit()
    assert view.model.rowCount() == total


def test_status_bar_names_database_and_user(window, lab_path: Path) -> None:
    assert lab_path.name in window.db_label.text()
    assert "sqlite" in window.db_label.text()
    actor = window.session.actor  # the fixture logged the demo's administrator in
    assert actor.login == "admin" and window.session.user == "admin"
    assert f"{actor.name} (admin)" in window.user_label.text()
    name = window.session.info.display_name
    assert window.windowTitle() == f"LabApp — {name} — {actor.name}[*]"
    assert window.log_out_action.isEnabled() and not window.log_in_action.isEnabled()
    window.log_out_action.trigger()  # File → Log out: nobody works, the login dialog asks again
    assert window.session.actor is None and window.user_label.text() == "Not logged in"
    assert window.windowTitle() == f"LabApp — {name}[*]"
    assert window.identity.dialog is not None and window.identity.dialog.isVisible()


def test_quit_and_preferences_have_shortcuts(window) -> None:
    assert not window.quit_action.shortcut().isEmpty()
    assert not window.preferences_action.shortcut().isEmpty()


def _switch(qtbot, window, lang: str) -> None:
    """Apply ``lang`` in Preferences and wait for Qt's (posted) LanguageChange to arrive."""
    window.apply_preferences({settings.LANGUAGE: lang})
    expected = "文件(&F)" if lang == "zh_CN" else "&File"
    qtbot.waitUntil(lambda: window.file_menu.title() == expected, timeout=5_000)


def test_chinese_switches_live(qtbot, window) -> None:
    _switch(qtbot, window, "zh_CN")
    assert window.nav.item(1).text() == "器具台账"
    assert "数据库" in window.db_label.text()
    assert window.views["overview"].title.text() == "总览"
    dialog = window.preferences_dialog()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"
    assert dialog.windowTitle() == "首选项"
    dialog.reject()
    _switch(qtbot, window, "en")
    assert window.nav.item(1).text() == "Register"


def test_connection_dialog_words_errors_and_keeps_the_database(
    qtbot,
    window,
    tmp_path: Path,
) -> None:
    previous = window.session.db
    text_file = tmp_path / "notes.txt"
    text_file.write_text("just some notes\n" * 50)
    for lang, expected in (("en", "not a LabApp database"), ("zh_CN", "不是 LabApp 数据库")):
        _switch(qtbot, window, lang)
        dialog = window.open_database_dialog()
        dialog.path.setText(str(text_file))
        dialog.open_database()
        qtbot.waitUntil(lambda d=dialog: d.buttons.isEnabled(), timeout=10_000)
        assert expected in dialog.status.text()
        assert dialog.isVisible()
        dialog.reject()
        assert window.session.db is previous
    assert window.session.info.display_name in window.windowTitle()
    _switch(qtbot, window, "en")


def test_connection_dialog_opens_another_database(qtbot, window, tmp_path: Path) -> None:
    dialog = window.open_database_dialog()
    dialog.path.setText(str(tmp_path / "new-lab.sqlite3"))
    with qtbot.waitSignal(window.session.database_changed, timeout=30_000):
        dialog.open_database()
    assert "new-lab" in window.windowTitle()
    assert settings.get(settings.RECENT_DATABASES)[0].endswith("new-lab.sqlite3")
    wait_idle(qtbot, window.session)


def test_preferences_persist_in_the_ini_file(qtbot, window) -> None:
    dialog = window.preferences_dialog()
    dialog.due_soon_days.setValue(45)
    dialog.decision_rule.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    ini = configparser.ConfigParser()
    ini.read(settings_path(), encoding="utf-8")
    assert ini["planning"]["due_soon_days"] == "45"
    assert ini["conformity"]["decision_rule"] == "guard_band"
    assert "(admin)" in window.user_label.text()  # who works is the login, not a preference
    wait_idle(qtbot, window.session)


def test_screenshots_in_english_and_chinese(qtbot, window) -> None:
    window.resize(1280, 800)
    for lang in ("en", "zh_CN"):
        _switch(qtbot, window, lang)
        for key in ("overview", "register"):
            _load_page(qtbot, window, key)
            shoot(window, f"{key}-{lang}")
        dialog = window.open_database_dialog()
        shoot(dialog, f"connection-{lang}")
        dialog.reject()
        dialog = window.preferences_dialog()
        shoot(dialog, f"preferences-{lang}")
        dialog.reject()
    _switch(qtbot, window, "en")
