"""Preferences → Exported workbooks: bilingual headers (中文 / English) reach every export."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from labapp.ui.common import settings
from labapp.ui.shell.preferences import PreferencesDialog


def test_preference_is_offered_and_stored(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert not dialog.bilingual.isChecked() and settings.export_language() == "en"
    dialog.bilingual.setChecked(True)
    for key, value in dialog.values().items():
        settings.put(key, value)
    assert settings.export_language() == "bilingual"
    assert PreferencesDialog().bilingual.isChecked()


def test_register_export_writes_both_languages_when_asked(window, qtbot, tmp_path: Path) -> None:
    settings.put(settings.BILINGUAL_EXPORTS, True)
    export = window.export_register(str(tmp_path / "register.xlsx"))
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        pass
    book = openpyxl.load_workbook(done.args[0].path)
    data = next(ws for ws in book.worksheets if ws.title != book.worksheets[0].title)
    headers = [c.value for c in data[1]]
    assert "资产编号 / Asset tag" in headers
