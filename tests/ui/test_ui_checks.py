"""The Intermediate checks page: record checks through the dialog, chart, JJF 1033 tests, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from uihelpers import log_in, shoot, wait_idle

from labapp.domain.enums import Decision, InstrumentStatus
from labapp.services.checks import CheckInput, parse_readings
from labapp.services.checks import _checks as checks
from labapp.ui.checks import ChecksView
from labapp.ui.common import i18n
from labapp.ui.common.chart_canvas import ChartCanvas


@pytest.fixture
def page(qtbot, session, lab_path: Path):
    """The page on the seeded lab, shown and loaded (4 demo plans).

    pytest-qt deletes the page before this fixture's teardown: a test that starts loading
    ends with ``wait_idle`` so no result reaches a deleted page.
    """
    errors: list[BaseException] = []
    session.worker.set_error_handler(errors.append)
    with qtbot.waitSignal(session.database_changed, timeout=30_000):
        session.open(str(lab_path))
    log_in(qtbot, session, "admin")  # the demo's administrator (password demo)
    view = ChecksView(session)
    qtbot.addWidget(view)
    view.resize(1100, 780)
    with qtbot.waitSignal(view.plans_loaded, timeout=30_000):
        view.show()
    wait_idle(qtbot, session)
    view.errors = errors
    yield view
    assert not errors, errors


def _plan(page):
    return page.plans.row_at(page.plans_table.currentIndex().row())


def _record(qtbot, page, *readings: str):
    dialog = page.record_check()
    for edit, text in zip(dialog.edits, readings, strict=False):
        edit.setText(text)
    dialog.count.setValue(len(readings))
    return dialog


def test_models_pass_the_model_tester(qtmodeltester, page) -> None:
    page.readings_edit.setPlainText("1 V\n2 V")
    assert page.plans.rowCount() == 4
    for model in (page.plans, page.history, page.groups):
        qtmodeltester.check(model)


def test_record_a_passing_check(qtbot, page) -> None:
    plan = _plan(page)
    dialog = _record(qtbot, page, *[f"0 {plan.unit}"] * 3)
    assert "Pass" in dialog.verdict_label.text()
    assert dialog.mean_label.text().startswith("Mean of 3 reading(s)")
    with qtbot.waitSignal(dialog.recorded, timeout=30_000) as blocker:
        dialog.save()
    assert blocker.args[0].check.verdict is Decision.PASS
    qtbot.waitUntil(lambda: page.history.rowCount() == 5, timeout=30_000)
    assert page.failure_box is None
    wait_idle(qtbot, page.session)


def test_record_a_failing_check_suspends_the_standard(qtbot, page) -> None:
    plan = _plan(page)
    far = plan.upper_limit * 3
    dialog = _record(qtbot, page, f"{far} {plan.unit}", f"{far} {plan.unit}")
    assert "Fail" in dialog.verdict_label.text()
    with qtbot.waitSignal(dialog.recorded, timeout=30_000) as blocker:
        dialog.save()
    assert blocker.args[0].impact_suggested
    wait_idle(qtbot, page.session)
    qtbot.waitUntil(lambda: _plan(page).instrument_status is InstrumentStatus.SUSPENDED)
    assert "Suspended" in page.status_label.text()
    assert page.failure_box is not None and "suspended" in page.failure_box.text()
    with qtbot.waitSignal(page.navigate) as nav:
        page.investigate_button.click()
    assert nav.args == ["impact", {"new": True, "standard_id": plan.instrument_id, "kind": "check"}]
    page.failure_box.close()


def test_a_reading_in_the_wrong_unit_is_refused_next_to_it(qtbot, page) -> None:
    plan = _plan(page)
    dialog = _record(qtbot, page, f"0 {plan.unit}", "3 kg")
    wrong_unit = f"Reading 2: kg cannot be compared with {plan.unit}."  # errors.py's wording
    assert dialog.errors[1].isVisibleTo(dialog)
    assert dialog.errors[1].text() == wrong_unit
    with qtbot.waitSignal(page.session.worker.idle, timeout=30_000):
        dialog.save()
    assert dialog.isVisible() and dialog.errors[1].text() == wrong_unit
    dialog.reject()


def test_an_unreadable_reading_and_a_wrong_reference_are_worded_once(qtbot, page) -> None:
    plan = _plan(page)
    dialog = _record(qtbot, page, "abc", f"0 {plan.unit}")
    assert dialog.errors[0].text() == (
        "Reading 1: “abc” is not a number with a known unit (e.g. 10.00 mV)."
    )
    dialog.edits[0].setText(f"0 {plan.unit}")
    assert not dialog.errors[0].isVisibleTo(dialog)
    dialog.reference.setText("1 kg")
    with qtbot.waitSignal(page.session.worker.idle, timeout=30_000):
        dialog.save()
    assert dialog.isVisible()
    assert (
        dialog.reference_error.text() == f"Reference value: kg cannot be compared with {plan.unit}."
    )
    dialog.reject()


def test_limits_stay_fixed_when_a_later_point_is_added(qtbot, page) -> None:
    plan = _plan(page)
    qtbot.waitUntil(lambda: page.chart_data is not None and page.canvas.figure is not None)
    before = page.chart_data
    assert len(page.canvas.figure.axes) == 1  # rendered on the worker, shown as an image
    later = date.today()
    data = CheckInput(
        plan.id, later, parse_readings((f"{before.limits.ucl * 10:.6f} {plan.unit}",), plan.unit)
    )
    page.session.run(lambda db: checks.record_check(db, "admin", data))
    wait_idle(qtbot, page.session)
    page.baseline_from.setDate(QDate(before.baseline_from))
    page.baseline_to.setDate(QDate(before.baseline_to))
    with qtbot.waitSignal(page.chart_drawn, timeout=30_000) as blocker:
        page._select(plan)
    after = blocker.args[0]
    assert after.limits == before.limits
    assert len(after.values) == len(before.values) + 1
    assert any(v.index == len(after.values) - 1 and int(v.rule) == 1 for v in after.violations)
    assert "rule 1" in page.violations_label.text()
    wait_idle(qtbot, page.session)


def test_stability_and_repeatability_verdicts(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.groups.rowCount() == 4)
    assert page.stability_verdict.text().endswith(("Pass", "Fail"))
    unit = _plan(page).unit
    page.readings_edit.setPlainText("\n".join(f"{v} {unit}" for v in ("1.0", "1.2", "1.1")))
    page.limit_edit.setText(f"0.5 {unit}")
    with qtbot.waitSignal(page.repeatability_done, timeout=30_000) as blocker:
        page.evaluate_repeatability()
    assert blocker.args[0].result.passed
    assert page.repeatability_verdict.text().endswith("Pass")
    page.limit_edit.setText(f"0.01 {unit}")
    with qtbot.waitSignal(page.repeatability_done, timeout=30_000):
        page.evaluate_repeatability()
    assert page.repeatability_verdict.text().endswith("Fail")
    page.readings_edit.setPlainText(f"1.0 {unit}\n1.2 kg")
    with qtbot.waitSignal(page.session.worker.idle, timeout=30_000):
        page.evaluate_repeatability()
    assert page.repeatability_verdict.text() == f"Reading 2: kg cannot be compared with {unit}."


def test_export_to_excel_reads_back(qtbot, page, tmp_path: Path) -> None:
    unit = _plan(page).unit
    page.readings_edit.setPlainText(f"1.0 {unit}\n1.2 {unit}")
    with qtbot.waitSignal(page.repeatability_done, timeout=30_000):
        page.evaluate_repeatability()
    target = tmp_path / "checks.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_to(target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[1:] == [
        "Check history", "Stability test", "Repeatability test", "Results"
    ]  # fmt: skip
    assert book["Check history"].max_row == 5


def test_a_new_plan_through_the_dialog(qtbot, page) -> None:
    dialog = page.new_plan()
    qtbot.waitUntil(lambda: dialog.standard.count() > 0, timeout=30_000)
    dialog.point.setText("1 V")
    dialog.lower.setText("-1 mV")
    dialog.upper.setText("1 kg")
    with qtbot.waitSignal(page.session.worker.idle, timeout=30_000):
        dialog.save()
    assert dialog.isVisible() and dialog.error.text()
    dialog.upper.setText("1 mV")
    with qtbot.waitSignal(page.plans_loaded, timeout=30_000):
        dialog.save()
    assert page.plans.rowCount() == 5
    wait_idle(qtbot, page.session)


def test_chart_canvas_exports_png_pdf_svg(qtbot, tmp_path: Path) -> None:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.figure.add_subplot().plot([1, 2, 3])
    canvas.redraw()
    for suffix in ("png", "pdf", "svg"):
        assert canvas.export(tmp_path / f"c.{suffix}").stat().st_size > 0
    with pytest.raises(ValueError):
        canvas.export(tmp_path / "c.bmp")


def test_screenshots_in_english_and_chinese(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.chart_data is not None)
    plan = _plan(page)
    far = CheckInput(
        plan.id, date.today(), parse_readings((f"{plan.upper_limit * 2} {plan.unit}",), plan.unit)
    )
    page.session.run(lambda db: checks.record_check(db, "admin", far))
    wait_idle(qtbot, page.session)
    with qtbot.waitSignal(page.plans_loaded, timeout=30_000):
        page.refresh()
    wait_idle(qtbot, page.session)
    assert page.chart_data.violations and "rule 1" in page.violations_label.text()
    for lang in ("en", "zh_CN"):
        assert i18n.install_language(lang)
        for index, name in enumerate(("history", "chart", "stability")):
            page.tabs.setCurrentIndex(index)
            wait_idle(qtbot, page.session)
            qtbot.wait(50)
            shoot(page, f"checks_{name}_{lang}")
        dialog = _record(qtbot, page, "0.1 V", "3 kg")
        shoot(dialog, f"checks_dialog_{lang}")
        dialog.reject()


def test_the_page_is_in_the_navigation(qtbot, window) -> None:
    page = window.views["checks"]
    with qtbot.waitSignal(page.plans_loaded, timeout=30_000):
        window.show_page("checks")
    assert window.current_view() is page and page.plans.rowCount() == 4
    wait_idle(qtbot, window.session)


def test_plan_edit_then_delete_refused_then_ended(qtbot, page) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from labapp.domain.due import DueState

    plan = _plan(page)
    assert plan.check_count > 0  # the demo plans have checks
    dialog = page.edit_plan()
    assert dialog.point.text() == plan.point and not dialog.standard.isEnabled()
    dialog.frequency.setValue(0)  # no fixed frequency: checked when needed
    with qtbot.waitSignal(page.plans_loaded, timeout=30_000):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, page.session)
    edited = _plan(page)
    assert edited.id == plan.id and edited.frequency_months == 0
    assert edited.due_state is DueState.NONE
    assert page.plans.index(page.plans_table.currentIndex().row(), 6).data() == "When needed"
    qtbot.mouseClick(page.delete_plan_button, Qt.MouseButton.LeftButton)
    ask = page.plan_box
    with qtbot.waitSignal(page.session.worker.idle, timeout=30_000):
        qtbot.mouseClick(ask.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan_box is not ask, timeout=30_000)
    refusal = page.plan_box
    assert "cannot be deleted" in refusal.text()
    refusal.resize(600, 200)
    shoot(refusal, "checks_delete_refused")
    end = next(b for b in refusal.buttons() if b.objectName() == "endPlan")
    with qtbot.waitSignal(page.plans_loaded, timeout=30_000):
        qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page.session)
    ended = next(p for p in page.plans._rows if p.id == plan.id)
    assert ended.ended_on == date.today() and ended.due_state is DueState.NONE
    assert plan.id in {p.id for p in page.plans._rows}  # its history stays
    page.select_plan(plan.id)
    wait_idle(qtbot, page.session)
    assert page.end_plan_button.text() == "Resume plan"
    assert not page.record_button.isEnabled()  # no check after the plan's end
    shoot(page, "checks_plan_ended")


def test_unused_plan_is_deleted(qtbot, page) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    dialog = page.new_plan()
    wait_idle(qtbot, page.session)
    dialog.point.setText("1 V")
    dialog.upper.setText("0.2 mV")
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
        dialog.save()
    new_id = saved.args[0].id
    qtbot.waitUntil(lambda: new_id in {p.id for p in page.plans._rows}, timeout=30_000)
    wait_idle(qtbot, page.session)
    page.select_plan(new_id)
    wait_idle(qtbot, page.session)
    page.delete_plan()
    with qtbot.waitSignal(page.plan_removed, timeout=30_000):
        qtbot.mouseClick(
            page.plan_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, page.session)
    assert new_id not in {p.id for p in page.plans._rows}
