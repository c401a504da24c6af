"""The audit page: filter by item, person, dates and record; who, when, what changed (old → new),
why; a reversed date range is refused with a message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from uihelpers import shoot, wait_idle

from labapp.services.register import RegisterFilter, query_register, update_instrument
from labapp.ui.common.view import AUDIT
from labapp.ui.register import AuditHistoryModel


def _changed_item(window):
    from labapp.services.accounts import authenticate

    item = query_register(window.session.db, RegisterFilter(), limit=1, today=date.today())[0]
    authenticate(window.session.db, "liuyang", "demo")  # the change is liuyang's, signed in
    update_instrument(
        window.session.db, "liuyang", item.id, item.version, {"model": "NEW-9"}, "label corrected"
    )
    return item


def _audit(qtbot, window):
    window.show_page(AUDIT)
    wait_idle(qtbot, window.session)
    return window.views[AUDIT]


def test_filter_by_item_and_date_shows_old_to_new(qtbot, qtmodeltester, window) -> None:
    item = _changed_item(window)
    view = _audit(qtbot, window)
    assert view.date_to.date() == QDate.currentDate()  # not 2000-01-01
    assert view.model.rowCount() > 0
    qtbot.keyClicks(view.item, item.asset_tag)
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() >= 1
    first = view.model.row_at(0)
    assert first.entity == "instruments" and first.entity_id == str(item.id)
    cells = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert "liuyang" in cells
    assert "label corrected" in cells
    assert f"model: {item.model or '∅'} → NEW-9" in cells[AuditHistoryModel.COL_CHANGES]
    # a range that ends before today leaves it out
    yesterday = QDate.currentDate().addDays(-1)
    view.date_to.setDate(yesterday)
    view.date_from.setDate(yesterday.addDays(-30))
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.apply()
    assert all(view.model.row_at(r).at.date() < date.today() for r in range(view.model.rowCount()))


def test_filter_by_person_and_record(qtbot, window) -> None:
    _changed_item(window)
    view = _audit(qtbot, window)
    view.person.setEditText("liuyang")
    view.entity.setCurrentIndex(view.entity.findData("instruments"))
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        view.apply()
    users = {
        view.model.index(r, AuditHistoryModel.COL_USER).data() for r in range(view.model.rowCount())
    }
    assert users == {"liuyang"}


def test_reversed_dates_and_unknown_items_are_refused_with_a_message(qtbot, window) -> None:
    view = _audit(qtbot, window)
    view.date_from.setDate(QDate.currentDate())
    view.date_to.setDate(QDate.currentDate().addDays(-3))
    view.apply()
    assert view.message.isVisible()
    assert "is after the end date" in view.message.text()
    view.reset_filters()
    assert not view.message.isVisible()
    view.item.setText("NO-SUCH-TAG")
    view.apply()
    qtbot.waitUntil(view.message.isVisible, timeout=10_000)
    assert "NO-SUCH-TAG" in view.message.text()
    assert view.model.rowCount() == 0


def test_screenshots_of_the_audit_view(qtbot, window) -> None:
    from test_ui_mainwindow import _switch

    item = _changed_item(window)
    window.resize(1400, 800)
    view = _audit(qtbot, window)
    view.item.setText(item.asset_tag)
    for lang in ("en", "zh_CN"):
        _switch(qtbot, window, lang)
        with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
            view.apply()
        shoot(window, f"audit-{lang}")
    _switch(qtbot, window, "en")
