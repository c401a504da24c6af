"""Planning page: due windows, generate a plan, edit a month, save, reload, export, screenshots."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
from uihelpers import shoot, wait_idle

from labapp.services.planning import DueWindow
from labapp.services.planning import _due as planning
from labapp.ui.common import i18n
from labapp.ui.common.view import PLANNING
from labapp.ui.planning._models import PlanItemsModel
from labapp.ui.planning._view import WINDOWS


def _planning(qtbot, window):
    view = window.views[PLANNING]
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        window.show_page(PLANNING)
    wait_idle(qtbot, window.session)
    return view


def _service(window, call):
    return call(window.session.db)


def test_switch_window_matches_the_service(qtbot, qtmodeltester, window) -> None:
    view = _planning(qtbot, window)
    qtmodeltester.check(view.due_model)
    for index, (due_window, _text) in enumerate(WINDOWS):
        with qtbot.waitSignal(view.due_loaded, timeout=30_000):
            view.window.setCurrentIndex(index)
        expected = _service(
            window, lambda db, w=due_window: planning.due_items(db, w, date.today())
        )
        assert view.due_model.rowCount() == len(expected), due_window
        if due_window is DueWindow.OVERDUE:
            assert all(i.overdue for i in view.due)
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        view.mandatory.setCurrentIndex(1)
    assert all(i.mandatory_verification for i in view.due)
    qtmodeltester.check(view.due_model)


def test_generate_edit_save_reload_and_export(qtbot, qtmodeltester, window, tmp_path) -> None:
    view = _planning(qtbot, window)
    view.year.setValue(date.today().year)
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        view.generate_button.click()
    wait_idle(qtbot, window.session)
    model = view.plan_model
    qtmodeltester.check(model)
    assert model.rowCount() == len(view.plan.items) > 0
    first = model.item_at(0)
    new_month = 12 if first.planned_month != 12 else 1
    index = model.index(0, PlanItemsModel.COL_MONTH)
    assert model.setData(index, str(new_month))
    assert not model.setData(index, "13")
    assert model.setData(model.index(0, PlanItemsModel.COL_NOTE), "book early")
    assert view.save_button.isEnabled()
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        view.save_button.click()
    wait_idle(qtbot, window.session)
    saved = next(i for i in view.plan.items if i.id == first.id)
    assert (saved.planned_month, saved.note) == (new_month, "book early")
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        view.open_plan(view.plan.id)
    again = next(i for i in view.plan.items if i.id == first.id)
    assert again.planned_month == new_month and not model.pending()
    assert "·" in view.progress.text()
    qtmodeltester.check(model)

    due_path, plan_path = tmp_path / "due.xlsx", tmp_path / "plan.xlsx"
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export_due(due_path)
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export_plan(plan_path)
    for path, rows, date_col in ((due_path, len(view.due), 1), (plan_path, model.rowCount(), 12)):
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[1]
        assert sheet.freeze_panes == "A2"
        values = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(r)]
        assert len(values) == rows
        if rows:
            assert isinstance(values[0][date_col - 1], datetime | date)
    shoot(view, "plan_planning_en")
    texts = [view.plans.itemText(i) for i in range(view.plans.count())]
    assert texts and all(t.endswith(("[draft]", "[approved]")) for t in texts)
    assert i18n.install_language("zh_CN")
    qtbot.wait(50)
    # the plan chooser follows a live switch too (it read "[draft]" inside the Chinese page)
    assert all(
        view.plans.itemText(i).endswith(("[草稿]", "[已批准]")) for i in range(view.plans.count())
    )
    shoot(view, "plan_planning_zh")


def test_intermediate_checks_due_follow_the_window(qtbot, qtmodeltester, window) -> None:
    from labapp.ui.checks import CHECKS

    view = _planning(qtbot, window)
    qtmodeltester.check(view.checks_model)
    shown: dict[DueWindow, set[int]] = {}
    for index, (due_window, _text) in enumerate(WINDOWS):
        with qtbot.waitSignal(view.checks_loaded, timeout=30_000):
            view.window.setCurrentIndex(index)
        expected = _service(
            window, lambda db, w=due_window: planning.due_checks(db, w, date.today())
        )
        rows = [view.checks_model.row_at(r).id for r in range(view.checks_model.rowCount())]
        assert rows == [p.id for p in expected], due_window
        assert str(len(rows)) in view.checks_box.title()
        shown[due_window] = set(rows)
    assert shown[DueWindow.NEXT_30] <= shown[DueWindow.NEXT_90]
    busiest = max(shown, key=lambda w: len(shown[w]))
    if shown[busiest]:  # double-click opens the Intermediate checks page
        view.window.setCurrentIndex([w for w, _ in WINDOWS].index(busiest))
        wait_idle(qtbot, window.session)
        with qtbot.waitSignal(view.navigate, timeout=5_000) as opened:
            view.checks_table.doubleClicked.emit(view.checks_model.index(0, 0))
        assert opened.args == [CHECKS, view.checks_model.row_at(0).id]
    qtmodeltester.check(view.checks_model)


def test_sealed_and_out_of_service_only_when_asked(qtbot, window) -> None:
    from labapp.services.planning import PlanFilter

    view = _planning(qtbot, window)
    year = next(i for i, (w, _) in enumerate(WINDOWS) if w is DueWindow.YEAR)
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        view.window.setCurrentIndex(year)
    assert view.current_filter().include_idle is False
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        view.include_idle.setChecked(True)
    every = _service(window, lambda db: planning.due_items(
        db, DueWindow.YEAR, date.today(), PlanFilter(include_idle=True)))  # fmt: skip
    assert [i.instrument_id for i in view.due] == [i.instrument_id for i in every]
