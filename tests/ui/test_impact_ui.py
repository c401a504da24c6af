"""Investigations page, driven as a user: open an investigation, decide actions, close, export;
and the intermediate-check page's "Investigate impact…" leading to it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget
from uihelpers import shoot, wait_idle

from labapp.domain.impact import InvestigationStatus, ItemAction
from labapp.services.checks import CheckInput, parse_readings
from labapp.services.checks import _checks as checks
from labapp.services.checks import _plans as check_plans
from labapp.services.database import open_database
from labapp.services.impact import _investigations as impact
from labapp.ui.impact import IMPACT
from labapp.ui.impact._models import COLOURS, ImpactItemsModel
from labapp.ui.impact._new import NewInvestigationDialog


@pytest.fixture
def failed(lab_path: Path) -> tuple[int, int]:
    """(standard id, failing event id) of the demo lab's failed standard."""
    db = open_database(str(lab_path))
    try:
        (standard,) = impact.standards_with_failures(db)
        (source,) = impact.failed_sources(db, standard.id)
        return standard.id, source.id
    finally:
        db.dispose()


def _page(qtbot, window):
    view = window.views[IMPACT]
    with qtbot.waitSignal(view.listed, timeout=30_000):
        window.show_page(IMPACT)
    wait_idle(qtbot, window.session)
    return view


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _open_new(qtbot, view, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.trigger.count() > 0, timeout=30_000)
    with qtbot.waitSignal(view.shown, timeout=30_000):
        _ok(dialog)
    wait_idle(qtbot, view.session)


def _edit_cell(qtbot, table, row: int, column: int):
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: _editor(table) is not None)
    return _editor(table)


def _editor(table):
    editors = table.viewport().findChildren(QWidget)
    return next(
        (w for w in editors if isinstance(w, QComboBox | QLineEdit) and w.isVisible()), None
    )


def _decide(qtbot, view, row: int, action: ItemAction, reason: str) -> None:
    table = view.items_table
    combo = _edit_cell(qtbot, table, row, ImpactItemsModel.COL_ACTION)
    combo.setCurrentIndex(combo.findData(action))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor(table) is None)
    line = _edit_cell(qtbot, table, row, ImpactItemsModel.COL_REASON)
    line.setText(reason)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor(table) is None)


def test_open_decide_close_and_export(qtbot, qtmodeltester, failed, window, tmp_path) -> None:
    standard_id, event_id = failed
    view = _page(qtbot, window)
    assert view.list_model.rowCount() == 0
    view.new_button.click()
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.trigger.count() > 0, timeout=30_000)
    assert dialog.standard.currentData() == standard_id
    assert dialog.trigger.currentData() == ("event", event_id, None)  # latest failure, pre-filled
    _open_new(qtbot, view, dialog)
    for model in (view.list_model, view.items_model, view.points_model):
        qtmodeltester.check(model)
    detail = view.detail
    expected = impact.get_investigation(window.session.db, detail.summary.id)
    assert view.items_model.rowCount() == len(expected.items) >= 2
    at_risk = [r for r, i in enumerate(expected.items) if i.needs_action]
    assert at_risk, "the failed standard puts results at risk"
    index = view.items_model.index(at_risk[0], ImpactItemsModel.COL_ASSESSMENT)
    brush = view.items_model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == COLOURS[expected.items[at_risk[0]].assessment]
    assert view.points_model.rowCount() == len(expected.items[0].points)
    lines = view.header.fontMetrics().height()
    qtbot.waitUntil(lambda: view.header.height() >= 5 * lines)  # every line of the header shows
    shoot(window, "impact_open")

    closing = view.close_investigation()
    closing.conclusion.setPlainText("Recalled what was at risk.")
    _ok(closing)
    qtbot.waitUntil(lambda: "no action yet" in closing.error.text(), timeout=30_000)
    closing.reject()

    for row in at_risk:
        _decide(qtbot, view, row, ItemAction.RECALL, f"row {row}: out of tolerance if S was")
    assert view.save_button.isEnabled()
    with qtbot.waitSignal(view.shown, timeout=30_000):
        view.save_button.click()
    wait_idle(qtbot, window.session)
    saved = [view.detail.items[r] for r in at_risk]
    assert all(i.action is ItemAction.RECALL and i.decided_by for i in saved)
    assert saved[0].action_reason == f"row {at_risk[0]}: out of tolerance if S was"

    closing = view.close_investigation()
    closing.conclusion.setPlainText("Recalled what was at risk.")
    with qtbot.waitSignal(view.shown, timeout=30_000):
        _ok(closing)
    wait_idle(qtbot, window.session)
    assert view.detail.summary.status is InvestigationStatus.CLOSED
    assert not view.close_button.isEnabled() and not view.items_model.editable
    assert "Recalled what was at risk." in view.header.text()
    shoot(window, "impact_closed")

    target = tmp_path / "impact.xlsx"
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export(target)
    book = openpyxl.load_workbook(target)
    results = book["Results"]
    assert results.max_row - 1 >= len(expected.items)
    assert results["E2"].is_date


def test_saving_an_action_without_reason_is_refused_and_kept(qtbot, failed, window) -> None:
    view = _page(qtbot, window)
    dialog = view.new_investigation()
    _open_new(qtbot, view, dialog)
    row = next(r for r, i in enumerate(view.detail.items) if i.needs_action)
    _decide(qtbot, view, row, ItemAction.NO_ACTION, "")
    view.save_button.click()
    assert view.dialog is not None and view.items_model.item_at(row).asset_tag in view.dialog.text()
    assert view.items_model.pending()  # nothing lost
    view.dialog.close()


def test_check_page_opens_an_investigation_of_the_failed_check(qtbot, window, lab_path) -> None:
    db = window.session.db
    plan = check_plans.list_plans(db, date.today())[0]
    far = f"{plan.upper_limit * 3} {plan.unit}"
    data = CheckInput(
        plan.id, date.today() - timedelta(days=1), parse_readings((far, far), plan.unit)
    )
    recorded = checks.record_check(db, "admin", data)
    page = window.views["checks"]
    with qtbot.waitSignal(page.navigate, timeout=30_000):
        window.show_page("checks")
        qtbot.waitUntil(lambda: page.plan is not None, timeout=30_000)
        page.plan = plan
        page._offer_impact()
        page.investigate_button.click()
    view = window.views[IMPACT]
    qtbot.waitUntil(
        lambda: view.isVisible() and isinstance(view.dialog, NewInvestigationDialog),
        timeout=30_000,
    )
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.trigger.count() > 0, timeout=30_000)
    assert dialog.standard.currentData() == plan.instrument_id
    assert dialog.trigger.currentData() == ("check", recorded.check.id, None)
    _open_new(qtbot, view, dialog)
    assert view.detail.summary.trigger_kind == "check"
    assert view.detail.window_end == data.performed_on
    page.failure_box.close()


def test_a_change_made_meanwhile_opens_the_conflict_dialog(qtbot, failed, window) -> None:
    from labapp.services.accounts import authenticate

    view = _page(qtbot, window)
    _open_new(qtbot, view, view.new_investigation())
    row = next(r for r, i in enumerate(view.detail.items) if i.needs_action)
    item = view.detail.items[row]
    authenticate(window.session.db, "liuyang", "demo")  # another person, signed in too
    impact.decide_action(window.session.db, "liuyang", item.id, item.version,
                         ItemAction.RECALIBRATE, "re-calibrated first")  # fmt: skip
    _decide(qtbot, view, row, ItemAction.NO_ACTION, "within the guard band after all")
    view.save_button.click()
    qtbot.waitUntil(lambda: view.conflict is not None, timeout=30_000)
    assert "liuyang" in view.conflict.text()
    with qtbot.waitSignal(view.shown, timeout=30_000):
        view.conflict.reload_button.click()
    wait_idle(qtbot, window.session)
    reloaded = view.detail.items[row]
    assert (reloaded.action, reloaded.decided_by) == (ItemAction.RECALIBRATE, "liuyang")
    assert not view.items_model.pending()


def test_a_failure_already_under_investigation_opens_that_one(qtbot, failed, window) -> None:
    view = _page(qtbot, window)
    _open_new(qtbot, view, view.new_investigation())
    first = view.detail.summary.id
    dialog = view.new_investigation()
    qtbot.waitUntil(lambda: dialog.trigger.count() > 0, timeout=30_000)
    assert "open" in dialog.trigger.currentText()
    _open_new(qtbot, view, dialog)
    assert view.detail.summary.id == first
    assert view.list_model.rowCount() == 1


def test_decide_many_results_with_one_action_and_reason(qtbot, failed, window) -> None:
    view = _page(qtbot, window)
    view.new_button.click()
    _open_new(qtbot, view, view.dialog)
    count = view.items_model.rowCount()
    assert count >= 2 and view.bulk_button.isEnabled()
    view.items_table.selectAll()
    assert view.selected_rows() == list(range(count))
    dialog = view.decide_selected()
    dialog.action.setCurrentIndex(dialog.action.findData(ItemAction.NOTIFY_CUSTOMER))
    _ok(dialog)  # no reason: refused in the dialog, nothing saved
    assert dialog.isVisible() and "reason" in dialog.error.text()
    dialog.reason.setPlainText("customers told: the standard's error was within their margin")
    with qtbot.waitSignal(view.shown, timeout=30_000):
        _ok(dialog)
    wait_idle(qtbot, window.session)
    decided = view.detail.items
    assert len(decided) == count
    assert {i.action for i in decided} == {ItemAction.NOTIFY_CUSTOMER}
    assert {i.action_reason for i in decided} == {
        "customers told: the standard's error was within their margin"
    }
