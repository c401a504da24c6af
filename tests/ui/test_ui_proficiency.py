"""The PT plan page and corrective actions on the seeded demo lab, driven as a user would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from uihelpers import shoot, wait_idle

from labapp.domain.proficiency import CorrectiveStatus, Coverage, Cycle
from labapp.metrology import comparison as mc
from labapp.services.comparisons import AssignedMethod
from labapp.ui.common import i18n
from labapp.ui.common.view import COMPARISONS
from labapp.ui.comparisons._dialogs import ParticipantDialog
from labapp.ui.proficiency import PROFICIENCY
from labapp.ui.proficiency._dialogs import CycleDialog, SubdisciplineDialog

TIMEOUT = 30_000


@pytest.fixture
def pt_page(qtbot, window):
    view = window.views[PROFICIENCY]
    with qtbot.waitSignal(view.actions_loaded, timeout=TIMEOUT):
        window.show_page(PROFICIENCY)
    wait_idle(qtbot, window.session)
    return view


def _accept(monkeypatch):
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)


def test_pt_plan_cycle_subdiscipline_scope_and_history(qtbot, pt_page, monkeypatch, qtmodeltester):
    _accept(monkeypatch)
    assert "2022" in pt_page.cycle_label.text()  # the demo lab's CNAS cycle; a newer one follows
    dialog = SubdisciplineDialog(None, pt_page)
    qtbot.keyClicks(dialog.name, "DC voltage")
    qtbot.keyClicks(dialog.quantity, "voltage")
    with qtbot.waitSignal(pt_page.plan_loaded, timeout=TIMEOUT):
        pt_page.add_subdiscipline(dialog)
    wait_idle(qtbot, pt_page.session)
    cycle = CycleDialog(None, 6, pt_page)
    start = date(date.today().year - 2, 1, 1)
    cycle.starts_on.setDate(start)
    cycle.years.setValue(4)
    with qtbot.waitSignal(pt_page.plan_loaded, timeout=TIMEOUT):
        pt_page.set_cycle(cycle)
    wait_idle(qtbot, pt_page.session)
    assert str(start.year) in pt_page.cycle_label.text()
    line = pt_page.coverage_model.row_at(0)
    assert line.subdiscipline.name == "DC voltage" and line.coverage is not Coverage.COVERED
    # the demo comparison has the lab's own result: it is in the history; link it
    assert pt_page.history_model.rowCount() >= 1
    point = pt_page.history_model.row_at(0)
    assert not pt_page.scope_button.isEnabled()  # nothing selected: nothing to link
    pt_page.history_table.selectRow(0)
    assert pt_page.scope_button.isEnabled()
    monkeypatch.setattr(
        type(pt_page), "scope_dialog", lambda self, scope, subs: _scope(self, scope, subs)
    )
    with qtbot.waitSignal(pt_page.plan_loaded, timeout=TIMEOUT):
        pt_page.edit_scope()
    wait_idle(qtbot, pt_page.session)
    linked = pt_page.history_model.row_at(0)
    assert linked.scope.subdiscipline == "DC voltage" and linked.scope.quantity == "10 V"
    expected = (
        Coverage.COVERED
        if point.scope.on and Cycle(start, 4).contains(point.scope.on)
        else line.coverage
    )
    assert pt_page.coverage_model.row_at(0).coverage is expected
    # the history's En is the lab's own En, computed from the metrology function
    detail = _demo_detail(qtbot, pt_page)
    own = next(p for p in detail.participants if p.is_own_lab)
    assert linked.en == pytest.approx(_own_en(detail, own))
    assert pt_page.chart.figure.axes, "the score history chart is drawn"
    pt_page.quantity.setCurrentIndex(pt_page.quantity.findData("10 V"))
    pt_page.quantity.activated.emit(pt_page.quantity.currentIndex())
    assert pt_page.history_model.rowCount() == 1
    for model in (pt_page.coverage_model, pt_page.history_model, pt_page.actions_model):
        qtmodeltester.check(model)
    pt_page.tabs.setCurrentIndex(1)
    pt_page.resize(1200, 800)
    shoot(pt_page, "pt_plan_history")
    i18n.install_language("zh_CN")
    pt_page.tabs.setCurrentIndex(0)
    shoot(pt_page, "pt_plan_coverage_zh_CN")


def _scope(page, scope, subs):
    from labapp.ui.proficiency._dialogs import ScopeDialog

    dialog = ScopeDialog(scope, subs, page)
    dialog.sub.setCurrentIndex(dialog.sub.findText("DC voltage"))
    dialog.quantity.setText("10 V")
    return dialog


def _demo_detail(qtbot, page):
    """The demo comparison, read on the worker as the pages do."""
    from labapp.services.comparisons import get_comparison, list_comparisons

    got = []
    page.session.run(lambda db: get_comparison(db, list_comparisons(db)[-1].id), got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=TIMEOUT)
    return got[0]


def _own_en(detail, own):
    """En of the lab's own result against the provider's value, from the metrology function."""
    assert detail.assigned_value_method is AssignedMethod.PROVIDER
    return mc.en_number(
        float(own.value), float(own.expanded_uncertainty),
        float(detail.assigned_value), float(detail.assigned_uncertainty),
    )  # fmt: skip


def _unsatisfactory_participant(qtbot, page, monkeypatch):
    """Add an outlier through the participant dialog and select its row."""
    _accept(monkeypatch)
    dialog = ParticipantDialog(page.detail.unit, None, page)
    qtbot.keyClicks(dialog.code, "Lab 99")
    qtbot.keyClicks(dialog.value, "9.90")
    qtbot.keyClicks(dialog.uncertainty, "0.40")
    dialog.k.setText("2")
    with qtbot.waitSignal(page.scored, timeout=TIMEOUT):
        page.add_participant(dialog)
    wait_idle(qtbot, page.session)
    row = next(
        r for r in range(page.participants_model.rowCount())
        if page.participants_model.row_at(r).code == "Lab 99"
    )  # fmt: skip
    page.participants.selectRow(row)
    return page.participants_model.row_at(row)


@pytest.fixture
def comparisons(qtbot, window):
    view = window.views[COMPARISONS]
    with qtbot.waitSignal(view.scored, timeout=TIMEOUT):
        window.show_page(COMPARISONS)
    wait_idle(qtbot, window.session)
    # the demo's DC voltage 10 V proficiency test (the demo lab has other comparisons too)
    rows = range(view.list_model.rowCount())
    row = next(r for r in rows if view.list_model.row_at(r).title.startswith("直流电压 10 V"))
    if view.comparisons.currentIndex().row() != row:
        with qtbot.waitSignal(view.scored, timeout=TIMEOUT):
            view.comparisons.selectRow(row)
        wait_idle(qtbot, window.session)
    return view


def test_corrective_action_from_an_unsatisfactory_participant(
    qtbot, window, comparisons, monkeypatch
):
    page = comparisons
    part = _unsatisfactory_participant(qtbot, page, monkeypatch)
    score = next(s for s in page.result.scores if s.code == "Lab 99")
    x_ref, big_u_ref = float(page.detail.assigned_value), float(page.detail.assigned_uncertainty)
    assert score.en == pytest.approx(mc.en_number(9.90, 0.40, x_ref, big_u_ref))
    assert page.unsatisfactory(part) and page.action_button.font().bold()
    expected = {s.code for s in page.result.scores if abs(s.en) > 1 or s.unsatisfactory}
    assert page.participants_model.unsatisfactory == expected and "Lab 99" in expected
    window.resize(1400, 800)
    shoot(window, "comparisons_corrective_action_offered")
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "action_window", None) is not None, timeout=TIMEOUT)
    dialog = page.action_window
    qtbot.keyClicks(dialog.description, f"En = {score.en:.1f} at 10 V")
    with qtbot.waitSignal(page.action_saved, timeout=TIMEOUT) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    action = opened.args[0]
    assert action.status is CorrectiveStatus.OPEN and action.participant_code == "Lab 99"
    # again: the open action comes back; closing without the verification is refused
    page.action_window = None
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.action_window is not None, timeout=TIMEOUT)
    dialog = page.action_window
    assert dialog.action.id == action.id and dialog.close_button.isVisible()
    qtbot.keyClicks(dialog.root_cause, "transcription error in the report")
    qtbot.keyClicks(dialog.action_taken, "report corrected, second reading required")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=TIMEOUT)
    assert "verification" in dialog.error.text().lower() and dialog.isVisible()
    dialog.resize(620, 520)
    shoot(dialog, "corrective_action_refused")
    qtbot.keyClicks(dialog.verification, "re-measured: En = 0.4")
    with qtbot.waitSignal(page.action_saved, timeout=TIMEOUT) as closed:
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    info = closed.args[0]
    assert info.status is CorrectiveStatus.CLOSED and info.closed_by == window.session.user
    assert info.root_cause == "transcription error in the report"
    pt_page = window.views[PROFICIENCY]
    with qtbot.waitSignal(pt_page.actions_loaded, timeout=TIMEOUT):
        window.show_page(PROFICIENCY)
    wait_idle(qtbot, window.session)
    model = pt_page.actions_model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert next(a for a in rows if a.id == info.id).status is CorrectiveStatus.CLOSED
    # the demo's own open action (pressure PT) stays listed first
    assert rows[0].status is CorrectiveStatus.OPEN and rows[0].id != info.id


def test_open_action_is_highlighted_on_the_pt_page(qtbot, window, comparisons, monkeypatch):
    page = comparisons
    _unsatisfactory_participant(qtbot, page, monkeypatch)
    page.corrective_action()
    qtbot.waitUntil(lambda: getattr(page, "action_window", None) is not None, timeout=TIMEOUT)
    qtbot.keyClicks(page.action_window.description, "outlier")
    with qtbot.waitSignal(page.action_saved, timeout=TIMEOUT):
        qtbot.mouseClick(page.action_window.save_button, Qt.MouseButton.LeftButton)
    pt_page = window.views[PROFICIENCY]
    with qtbot.waitSignal(pt_page.actions_loaded, timeout=TIMEOUT):
        window.show_page(PROFICIENCY)
    wait_idle(qtbot, window.session)
    pt_page.tabs.setCurrentIndex(2)
    index = pt_page.actions_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#FFC7CE"
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    pt_page.resize(1200, 500)
    shoot(pt_page, "pt_plan_actions")
