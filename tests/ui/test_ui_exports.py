"""Export buttons as a user meets them: Traceability → Export… and Overview → Export figures….

The save dialog is patched to a path; the workbook is then opened with openpyxl and compared with
what the page shows.  Cancel is pressed on the progress dialog while the worker is still busy, so
the export starts already cancelled: no file, and a message saying so.
"""

from __future__ import annotations

import threading

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from uihelpers import shoot, wait_idle

from labapp.services.register import list_instruments
from labapp.services.traceability import TraceFilter, count_trace_items
from labapp.ui.common import i18n, settings
from labapp.ui.common.view import OVERVIEW, TRACEABILITY
from labapp.ui.traceability._view import SCOPE_ITEM, SCOPE_LAB

TIMEOUT = 30_000


def save_to(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def nodes(node):
    yield node
    for child in node.children:
        yield from nodes(child)


def click_export(qtbot, view, button):
    with qtbot.waitSignal(view.exported, timeout=TIMEOUT) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def test_traceability_export_of_the_item_shown(qtbot, window, tmp_path, monkeypatch):
    window.show_page(TRACEABILITY)
    view = window.views[TRACEABILITY]
    view.export_scope.setCurrentIndex(SCOPE_ITEM)
    assert not view.export_button.isEnabled()  # no chain shown yet
    item = next(r for r in list_instruments(window.session.db, search="CD-000003", limit=5))
    with qtbot.waitSignal(view.chain_loaded, timeout=TIMEOUT):
        window.show_traceability(item.id)
    assert view.export_button.isEnabled()
    target = tmp_path / "chain.xlsx"
    save_to(monkeypatch, target)
    result = click_export(qtbot, view, view.export_button)
    message = view.export_job.message
    assert message.isVisible() and str(target) in message.text()
    shoot(window, "trace_export_done_en")
    shoot(message, "trace_export_done_message")
    message.accept()
    rows = list(openpyxl.load_workbook(target).worksheets[1].iter_rows(values_only=True))
    assert rows[0][:4] == ("Item", "Item name", "Quantity", "Level")
    tree = list(nodes(view.chain))
    assert len(rows) - 1 == len(tree) == sum(result.rows_per_sheet.values())
    assert [r[3] for r in rows[1:]] == [n.depth for n in tree]
    assert [r[4] for r in rows[1:]] == [None] + [n.instrument.asset_tag for n in tree[1:]]


def test_traceability_export_of_the_whole_lab_in_chinese(qtbot, window, tmp_path, monkeypatch):
    window.show_page(TRACEABILITY)
    view = window.views[TRACEABILITY]
    settings.put(settings.LANGUAGE, "zh_CN")  # as Preferences does: files follow the UI
    assert i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: view.title.text() == "量值溯源")
    view.export_scope.setCurrentIndex(SCOPE_LAB)
    qtbot.waitUntil(lambda: view.at_label.width() >= view.at_label.sizeHint().width())
    shoot(window, "trace_export_zh")
    target = tmp_path / "lab.xlsx"
    save_to(monkeypatch, target)
    click_export(qtbot, view, view.export_button)
    view.export_job.message.accept()
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["封面", "量值溯源表"]
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    assert rows[0][:4] == ("器具编号", "器具名称", "测量量", "层级")
    at = view.at.date().toPython()
    items = count_trace_items(window.session.db, TraceFilter(at=at))
    assert len({r[0] for r in rows[1:]}) == items == sum(1 for r in rows[1:] if r[3] == 0)


def test_cancel_on_the_progress_dialog_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    window.show_page(TRACEABILITY)
    view = window.views[TRACEABILITY]
    release = threading.Event()
    window.session.run(lambda db: release.wait(10))  # the worker is busy: the export waits
    target = tmp_path / "cancelled.xlsx"
    save_to(monkeypatch, target)
    with qtbot.waitSignal(view.exported, timeout=TIMEOUT) as signal:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        dialog = view.export_job.dialog
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)  # after its 0.5 s minimum duration
        shoot(dialog, "trace_export_progress")
        qtbot.mouseClick(dialog.findChild(type(view.export_button)), Qt.MouseButton.LeftButton)
        release.set()
    assert signal.args[0].cancelled
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert "cancelled" in view.export_job.message.text()
    view.export_job.message.accept()
    wait_idle(qtbot, window.session)


def test_export_figures_from_the_overview(qtbot, window, tmp_path, monkeypatch):
    view = window.views[OVERVIEW]
    window.show_page(OVERVIEW)
    qtbot.waitUntil(lambda: view.rate is not None and view.counts is not None, timeout=TIMEOUT)
    shoot(window, "overview_export_button")
    target = tmp_path / "figures.xlsx"
    save_to(monkeypatch, target)
    click_export(qtbot, view, view.export_button)
    view.export_job.message.accept()
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:3] == ["Cover", "Figures", f"On-time rate {view.rate.year}"]
    figures = {r[0]: r[1] for r in book["Figures"].iter_rows(min_row=2, values_only=True)}
    assert figures["Broken traceability chains"] == view.counts.broken_chains
    assert figures["Overdue"] == view.overview.overdue
    chart_sheet = book[f"On-time rate {view.rate.year} by month"]
    assert len(chart_sheet._images) == 1
    months = list(chart_sheet.iter_rows(min_row=2, values_only=True))
    assert [(m[2], m[3]) for m in months] == [(p.on_time, p.due) for p in view.rate.months]
