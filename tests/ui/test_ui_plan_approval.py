"""Planning page as a quality manager uses it: generate, adjust, approve with a reason, read-only,
start a revision; the buttons follow the plan's state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from uihelpers import shoot, wait_idle

from labapp.services.audit import list_audit
from labapp.ui.common.view import PLANNING
from labapp.ui.planning._models import PlanItemsModel


def _planning(qtbot, window):
    view = window.views[PLANNING]
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        window.show_page(PLANNING)
    wait_idle(qtbot, window.session)
    return view


def _type_reason(qtbot, dialog, text: str) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "no reason yet: OK disabled"
    qtbot.keyClicks(dialog.reason, text)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_approve_then_read_only_then_revise(qtbot, qtmodeltester, window) -> None:
    view = _planning(qtbot, window)
    bar = view.approval_bar
    view.year.setValue(date.today().year)
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.session)
    plan = view.plan
    assert plan.status == "draft" and bar.approve_button.isEnabled()
    assert not bar.revise_button.isEnabled()

    model = view.plan_model
    assert model.setData(model.index(0, PlanItemsModel.COL_NOTE), "book early")
    assert not bar.approve_button.isEnabled(), "unsaved edits block approval"
    assert bar.approve_button.toolTip()
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.session)
    assert bar.approve_button.isEnabled()

    qtbot.mouseClick(bar.approve_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.approval_loaded, timeout=30_000):
        _type_reason(qtbot, bar.dialog, "Budget agreed with the director")
    wait_idle(qtbot, window.session)
    assert view.plan.id == plan.id and view.plan.status == "approved"
    assert "Budget agreed with the director" in bar.status.text()
    assert window.session.user in bar.status.text()
    assert not bar.approve_button.isEnabled() and bar.revise_button.isEnabled()
    assert "[approved]" in view.plans.currentText()
    entry = list_audit(window.session.db, entity="plans", entity_id=plan.id)[0]
    assert (entry.action.value, entry.reason) == ("approve", "Budget agreed with the director")

    note = model.index(0, PlanItemsModel.COL_NOTE)
    assert not model.flags(note) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(note, "changed after approval")
    view.plan_table.doubleClicked.emit(note)
    box = view.findChild(QMessageBox, "errorBox")
    assert box is not None and "read-only" in box.text()
    box.close()
    assert not view.save_button.isEnabled()
    qtmodeltester.check(model)
    shoot(view, "plan_approved_en")

    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        qtbot.mouseClick(bar.revise_button, Qt.MouseButton.LeftButton)
        _type_reason(qtbot, bar.dialog, "External provider closed")
    wait_idle(qtbot, window.session)
    revised = view.plan
    assert revised.id != plan.id and revised.status == "draft"
    assert len(revised.items) == len(plan.items)
    assert bar.approve_button.isEnabled() and not bar.revise_button.isEnabled()
    assert model.flags(model.index(0, PlanItemsModel.COL_MONTH)) & Qt.ItemFlag.ItemIsEditable
    assert view.plans.count() == 2


def test_provider_chosen_in_a_combo_and_saved(qtbot, window) -> None:
    from PySide6.QtWidgets import QComboBox

    from labapp.services.master_data import provider_choices

    view = _planning(qtbot, window)
    view.year.setValue(date.today().year)
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window.session)
    model, first = view.plan_model, view.plan_model.item_at(0)
    providers = provider_choices(window.session.db)
    other = next(p for p in providers if p.id != first.provider_id)
    index = model.index(0, PlanItemsModel.COL_PROVIDER)
    view.plan_table.edit(index)
    editor = view.plan_table.findChild(QComboBox, "planProviderEditor")
    assert editor is not None and editor.count() == len(providers)
    editor.setCurrentIndex(editor.findData(other.id))
    view.plan_table.commitData(editor)
    assert model.pending() == {first.id: {"provider_id": other.id}}
    assert index.data() == other.name
    assert not model.setData(model.index(0, PlanItemsModel.COL_COST), "1,234")  # ambiguous
    assert model.setData(model.index(0, PlanItemsModel.COL_COST), "1234.50")
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = next(i for i in view.plan.items if i.id == first.id)
    assert (saved.provider_id, saved.provider, str(saved.estimated_cost)) == (
        other.id,
        other.name,
        "1234.50",
    )
