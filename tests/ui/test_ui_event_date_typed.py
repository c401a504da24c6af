"""The event dialog takes a typed event date whole (it drives the due date and the standards'
validity): select all, type 2025/8/20, and the form holds 2025-08-20, not the old year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from labapp.ui.events import event_dialog


def test_a_typed_event_date_is_taken_whole(qtbot, window) -> None:
    from labapp.services.register import list_instruments

    item = next(r for r in list_instruments(window.session.db, limit=500) if r.role == "working")
    dialog = event_dialog(window.session, window, instrument_id=item.id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.show()
    field = dialog.form.performed_on
    field.setDate(date(2026, 3, 4))
    field.setFocus()
    field.selectAll()
    seen: list[date] = []
    dialog.form.date_changed.connect(seen.append)
    qtbot.keyClicks(field, "2025/8/20")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.form.event_date() == date(2025, 8, 20)
    assert seen and seen[-1] == date(2025, 8, 20)
    assert all(day.year == 2025 for day in seen)  # never a mixed date such as 2026-08-20
