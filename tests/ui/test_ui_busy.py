"""A save refused because the database was busy: worded, and Try again saves once more."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from labapp.domain.errors import DatabaseBusyError
from labapp.ui.common.conflict import BusyDialog, answer_refusal
from labapp.ui.common.errors import describe

BUSY = DatabaseBusyError("sqlite:///lab.sqlite3", "database is locked")


def _refuse(qtbot: QtBot, retried: list[int]) -> tuple[QWidget, Any]:
    form = QWidget()
    qtbot.addWidget(form)
    form.show()
    box = answer_refusal(form, BUSY, lambda _e: None, lambda _i: None, lambda: retried.append(1))
    return form, box


def test_try_again_calls_the_save_again(qtbot: QtBot) -> None:
    retried: list[int] = []
    _form, box = _refuse(qtbot, retried)
    assert isinstance(box, BusyDialog) and box.isVisible()
    box.retry_button.click()  # the box closes (and deletes itself) and calls retry
    qtbot.waitUntil(lambda: retried == [1])


def test_cancel_keeps_the_form_and_does_not_save(qtbot: QtBot) -> None:
    retried: list[int] = []
    _form, box = _refuse(qtbot, retried)
    closed: list[int] = []
    box.finished.connect(lambda _r: closed.append(1))
    box.cancel_button.click()
    qtbot.waitUntil(lambda: closed == [1])
    assert retried == []


def test_the_busy_error_is_worded_not_shown_raw() -> None:
    text = describe(BUSY)
    assert "busy" in text and "try again" in text
    assert "locked" not in text  # the driver's words stay in the log
