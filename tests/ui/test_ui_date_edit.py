"""The one date field: ISO format, calendar popup, starts today, no future where forbidden."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from labapp.ui.common.date_edit import EARLIEST, LATEST, date_edit, parse_typed_date


def test_a_date_field_starts_today_with_iso_dates_and_bounds(qtbot) -> None:
    edit = date_edit(name="when")
    qtbot.addWidget(edit)
    assert edit.objectName() == "when" and edit.calendarPopup()
    assert edit.date().toPython() == date.today()
    assert edit.text() == date.today().isoformat()
    assert edit.minimumDate().toPython() == EARLIEST
    assert edit.maximumDate().toPython() == LATEST


def test_no_future_date_when_latest_is_today(qtbot) -> None:
    edit = date_edit(date(2020, 2, 29), latest=None)
    qtbot.addWidget(edit)
    assert edit.date().toPython() == date(2020, 2, 29)
    edit.setDate(date.today() + timedelta(days=3))  # typed or picked: clamped to today
    assert edit.date().toPython() == date.today()


def _type_over_all(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    assert edit.lineEdit().selectedText() == edit.text()
    qtbot.keyClicks(edit, text)


def test_a_whole_iso_date_typed_over_the_selection_replaces_the_whole_date(qtbot) -> None:
    """The year section used to refuse the lone '2' and keep 2026 (2026-08-20, silently wrong)."""
    edit = date_edit(date(2026, 3, 4))
    qtbot.addWidget(edit)
    edit.show()
    _type_over_all(qtbot, edit, "2027-08-20")
    assert edit.date().toPython() == date(2027, 8, 20)
    assert edit.text() == "2027-08-20"


def test_slashes_and_single_digit_months_are_a_whole_date_too(qtbot) -> None:
    edit = date_edit(date(2026, 3, 4))
    qtbot.addWidget(edit)
    edit.show()
    _type_over_all(qtbot, edit, "2027/8/20")
    assert edit.date().toPython() == date(2027, 8, 20)
    _type_over_all(qtbot, edit, "2025/1/2")  # a one-digit day: finished by Enter
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date().toPython() == date(2025, 1, 2)
    assert edit.text() == "2025-01-02"


def test_a_typed_impossible_or_out_of_range_date_keeps_the_old_date(qtbot) -> None:
    edit = date_edit(date(2026, 3, 4), latest=None)
    qtbot.addWidget(edit)
    edit.show()
    _type_over_all(qtbot, edit, "2026-02-30")  # no such day
    assert edit.date().toPython() == date(2026, 3, 4)
    assert edit.text() == "2026-03-04"
    _type_over_all(qtbot, edit, "2099-01-01")  # in the future, where the future is refused
    assert edit.date().toPython() == date(2026, 3, 4)
    _type_over_all(qtbot, edit, "2027-0")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "2026-03-04"


def test_parse_typed_date() -> None:
    assert parse_typed_date("2027-08-20") == date(2027, 8, 20)
    assert parse_typed_date("2027.8.20") == date(2027, 8, 20)
    assert parse_typed_date("20270820") == date(2027, 8, 20)
    assert parse_typed_date("2027-13-01") is None
    assert parse_typed_date("27-8-20") is None
