"""The one date field: ISO format, calendar popup, starts today, no future where forbidden."""

from __future__ import annotations

from datetime import date, timedelta

from labapp.ui.widgets.date_edit import EARLIEST, LATEST, date_edit


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
