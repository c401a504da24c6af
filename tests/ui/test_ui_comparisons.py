"""The Comparisons page on the seeded demo lab: scores by method, import, export, screenshots."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from uihelpers import shoot, wait_idle

from labapp.metrology.comparison import ScoreClass
from labapp.services.comparisons._comparisons import AssignedMethod
from labapp.ui.common import i18n
from labapp.ui.common.view import COMPARISONS
from labapp.ui.comparisons import CLASS_COLOURS

TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, window):
    view = window.views[COMPARISONS]
    with qtbot.waitSignal(view.scored, timeout=TIMEOUT):
        window.show_page(COMPARISONS)
    wait_idle(qtbot, window.session)
    return view


def _choose(qtbot, view, method: AssignedMethod) -> None:
    with qtbot.waitSignal(view.scored, timeout=TIMEOUT):
        view.method.setCurrentIndex(view.method.findData(method.value))
        view.method.activated.emit(view.method.currentIndex())
    wait_idle(qtbot, view.session)


def test_demo_comparison_scores_with_algorithm_a(qtbot, window, page, qtmodeltester):
    from labapp.metrology.comparison import algorithm_a

    assert page.list_model.rowCount() >= 1
    assert page.detail is not None and len(page.detail.participants) == 8
    _choose(qtbot, page, AssignedMethod.ALGORITHM_A)
    values = [float(p.value) for p in page.detail.participants]
    x_star, _ = algorithm_a(values)
    assert page.result.method is AssignedMethod.ALGORITHM_A
    assert page.result.assigned_value == pytest.approx(x_star)
    assert page.scores_model.rowCount() == 8
    assert page.detail.assigned_value_method is AssignedMethod.ALGORITHM_A  # stored
    row = page.scores_model.row_at(0)
    brush = page.scores_model.index(0, 2).data(8)  # BackgroundRole
    assert brush.color().name().upper() == CLASS_COLOURS[row.en_class].upper()
    for model in (page.list_model, page.participants_model, page.scores_model):
        qtmodeltester.check(model)
    assert page.en_chart.figure.axes and page.results_chart.figure.axes


def test_pilot_method_without_the_pilot_says_why(qtbot, page):
    _choose(qtbot, page, AssignedMethod.PILOT)
    assert page.result is None and "pilot" in page.assigned.text().lower()
    _choose(qtbot, page, AssignedMethod.PROVIDER)
    assert page.result.assigned_value == pytest.approx(3.2)


def _workbook(path, rows):
    wb = openpyxl.Workbook()
    wb.active.append(["参加实验室代码", "测量结果", "扩展不确定度", "包含因子", "单位"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_import_participants_from_a_workbook(qtbot, page, tmp_path):
    path = _workbook(tmp_path / "p.xlsx", [["Lab 09", "0.0035", "0.0009", "2.1", "mV"]])
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT):
        page.import_participants(path)
    qtbot.waitUntil(lambda: len(page.detail.participants) == 9, timeout=TIMEOUT)
    wait_idle(qtbot, page.session)
    new = next(p for p in page.detail.participants if p.code == "Lab 09")
    assert float(new.value) == pytest.approx(3.5) and str(new.coverage_factor) == "2.1"


def test_a_bad_workbook_lists_the_cells_and_changes_nothing(qtbot, page, tmp_path):
    before = page.detail
    path = _workbook(
        tmp_path / "bad.xlsx",
        [["Lab 10", "abc", "0.5", 2, None], ["Lab 11", "3.0", "0.5", 0, "kg"]],
    )
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT):
        page.import_participants(path)
    box = page.findChild(QMessageBox, "importErrors")
    assert box is not None and box.isVisible()
    details = box.detailedText()
    assert "Row 2, column B" in details and "Row 3, column D" in details
    assert "Row 3, column E" in details
    save = next(b for b in box.buttons() if b.objectName() == "saveMarkedWorkbook")
    page.import_errors = None
    with qtbot.waitSignal(page.errors_saved, timeout=TIMEOUT) as saved:
        page.save_marked_workbook(tmp_path / "bad-errors.xlsx")
    assert save.text() and saved.args[0] == tmp_path / "bad-errors.xlsx"
    marked = openpyxl.load_workbook(saved.args[0])
    sheet = marked.worksheets[1]
    assert all(sheet[ref].comment is not None for ref in ("B2", "D3", "E3"))
    box.close()
    from labapp.services.comparisons import get_comparison

    assert get_comparison(page.session.db, before.id).participants == before.participants


def test_export_report_with_cover_scores_and_chart_image(qtbot, page, tmp_path):
    target = tmp_path / "report.xlsx"
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT):
        page.export_report(target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:3] == ["Cover", "Inputs", "Scores"]
    assert wb["Cover"]["A1"].value.startswith("Comparison report")
    assert wb["Scores"].max_row == 9
    classes = {c.value for c in wb["Scores"]["E"][1:]}
    assert classes <= {"Satisfactory", "Questionable", "Unsatisfactory"}
    assert sum(len(ws._images) for ws in wb.worksheets) == 2


def test_screenshots_english_and_chinese(qtbot, window, page):
    _choose(qtbot, page, AssignedMethod.ALGORITHM_A)
    window.resize(1400, 860)
    for lang in ("en", "zh_CN"):
        i18n.install_language(lang)
        _choose(qtbot, page, AssignedMethod.ALGORITHM_A)
        for index, name in enumerate(("participants", "scores", "results", "en_chart")):
            page.tabs.setCurrentIndex(index)
            wait_idle(qtbot, page.session)  # a chart tab shown renders at its size
            qtbot.wait(50)
            shoot(window, f"comparisons_{name}_{lang}")
    assert page.tabs.tabText(1) == "评价结果" or page.tabs.tabText(1) == "Scores"
    assert ScoreClass.SATISFACTORY in CLASS_COLOURS


def test_participant_dialog_adds_and_a_bad_k_is_refused_by_name(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = page.participant_dialog()
    dialog.code.setText("Lab 12")
    dialog.value.setText("3.30")
    dialog.uncertainty.setText("0.70")
    dialog.k.setText("2.2")
    with qtbot.waitSignal(page.scored, timeout=TIMEOUT):
        page.add_participant(dialog)
    wait_idle(qtbot, page.session)
    added = next(p for p in page.detail.participants if p.code == "Lab 12")
    assert str(added.value) == "3.30" and str(added.coverage_factor) == "2.2"
    page.participants.selectRow(page.detail.participants.index(added))
    bad = page.participant_dialog(added)
    bad.k.setText("0")
    i18n.install_language("zh_CN")
    bad.retranslate_ui()
    shoot(bad, "comparisons_participant_dialog_zh_CN")
    page.edit_participant(bad)
    qtbot.waitUntil(
        lambda: page.findChild(QMessageBox, "comparisonError") is not None, timeout=TIMEOUT
    )
    box = page.findChild(QMessageBox, "comparisonError")
    assert "Lab 12" in box.text() and "包含因子" in box.text()
    box.close()


def test_new_comparison_dialog_records_one(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from labapp.ui.comparisons._dialogs import ComparisonDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = ComparisonDialog(None, page)
    dialog.title.setText("Gauge block 10 mm")
    dialog.measurand.setText("central length deviation")
    dialog.unit.setText("nm")
    with qtbot.waitSignal(page.comparisons_loaded, timeout=TIMEOUT):
        page.new_comparison(dialog)
    wait_idle(qtbot, page.session)
    titles = [page.list_model.row_at(r).title for r in range(page.list_model.rowCount())]
    assert "Gauge block 10 mm" in titles
    assert page.detail.title == "Gauge block 10 mm" and page.detail.participants == ()


def test_edit_comparison_sets_the_given_assigned_value(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from labapp.ui.comparisons._dialogs import ComparisonDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = ComparisonDialog(page.detail, page)
    assert dialog.assigned_value.text() == "3.20" and dialog.assigned_k.text() == "2"
    dialog.assigned_value.setText("3.25")
    dialog.assigned_k.setText("2.1")
    shoot(dialog, "comparisons_edit_dialog_en")
    with qtbot.waitSignal(page.comparisons_loaded, timeout=TIMEOUT):
        page.edit_comparison(dialog)
    wait_idle(qtbot, page.session)
    assert str(page.detail.assigned_value) == "3.25"
    assert str(page.detail.assigned_coverage_factor) == "2.1"
    assert page.detail.started_on is not None  # the demo's dates survive the round trip


def test_a_given_sigma_pt_scores_z_and_a_bad_one_is_worded(qtbot, page):
    _choose(qtbot, page, AssignedMethod.PROVIDER)
    page.sigma_pt.setText("0.0005 mV")  # 0.5 µV, typed in another unit of the same quantity
    with qtbot.waitSignal(page.scored, timeout=TIMEOUT):
        page.sigma_pt.editingFinished.emit()
    wait_idle(qtbot, page.session)
    first = page.result.scores[0]
    assert page.result.sigma_pt == 0.5 and page.detail.sigma_pt == Decimal("0.5")
    assert page.sigma_pt.text() == "0.5 µV"  # stored in the comparison's unit
    assert first.z == pytest.approx((first.value - 3.2) / 0.5)
    page.sigma_pt.setText("0.5 kg")
    page.sigma_pt.editingFinished.emit()
    qtbot.waitUntil(lambda: getattr(page, "refused", None) is not None, timeout=TIMEOUT)
    assert "σ_pt" in page.refused.text() and "kg" in page.refused.text()
    page.refused.close()
    wait_idle(qtbot, page.session)
    assert page.detail.sigma_pt == Decimal("0.5")  # nothing saved is lost


def test_editing_the_comparison_keeps_its_sigma_pt(qtbot, page, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from labapp.ui.comparisons._dialogs import ComparisonDialog

    page.sigma_pt.setText("0.50")
    with qtbot.waitSignal(page.scored, timeout=TIMEOUT):
        page.sigma_pt.editingFinished.emit()
    wait_idle(qtbot, page.session)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = ComparisonDialog(page.detail, page)
    dialog.artefact.setText("Zener 732B, s/n 1234")
    with qtbot.waitSignal(page.comparisons_loaded, timeout=TIMEOUT):
        page.edit_comparison(dialog)
    wait_idle(qtbot, page.session)
    assert page.detail.artefact == "Zener 732B, s/n 1234"
    assert str(page.detail.sigma_pt) == "0.50"  # the digits typed, kept


def test_iso_13528_annex_e3_reproduces_in_the_scores_table(qtbot, page):
    """The published case loaded through the service; the page's own table read back."""
    import json
    from pathlib import Path

    from labapp.metrology.comparison import algorithm_a, classify_score, u_assigned_robust
    from labapp.services.comparisons import create_comparison
    from labapp.services.comparisons._comparisons import (
        ComparisonInput,
        ParticipantInput,
        import_participants,
    )

    path = Path(__file__).resolve().parents[1] / "data/reference-cases/published-cases.json"
    case = next(c for c in json.loads(path.read_text("utf-8")) if c["id"].endswith("E3_robust"))
    values = case["inputs"]["x"]

    def load(db):
        data = ComparisonInput("ISO 13528 E.3", "atrazine", "mg/kg",
                               assigned_value_method=AssignedMethod.ALGORITHM_A)  # fmt: skip
        cid = create_comparison(db, "admin", data).id
        rows = [
            ParticipantInput(f"{i + 1:02d}", repr(v), "0.02", "2") for i, v in enumerate(values)
        ]
        return import_participants(db, "admin", cid, rows).id

    with qtbot.waitSignal(page.scored, timeout=TIMEOUT):
        page.session.run(load, page.open_comparison)
    wait_idle(qtbot, page.session)
    x_star, s_star = algorithm_a(values)
    expected = case["expected"]["algorithm_A"]
    assert round(x_star, 3) == expected["x_star"] and round(s_star, 4) == expected["s_star"]
    u = u_assigned_robust(s_star, len(values))
    assert round(u, 4) == expected["u_x_pt"]
    assert f"{x_star:.6g}" in page.assigned.text() and f"{u:.3g}" in page.assigned.text()
    model = page.scores_model
    z_col = next(c for c, (key, _h) in enumerate(model.COLUMNS) if key == "z")
    shown = {
        model.index(r, 0).data(): model.index(r, z_col).data() for r in range(model.rowCount())
    }
    assert len(shown) == len(values)
    for i, v in enumerate(values):
        z = (v - x_star) / s_star
        assert shown[f"{i + 1:02d}"] == f"{z:.2f}"
    first = model.row_at(0)
    assert first.z_class is classify_score((values[0] - x_star) / s_star)
