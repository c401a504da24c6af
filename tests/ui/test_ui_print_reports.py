"""Export PDF… on the Planning, Register, Audit and Impact pages: written on the worker, read back.

Each test prints through the page's own entry point with a path (no file dialog), waits for the
job's ``finished`` signal, reads the PDF with pypdf, and screenshots the page in English and
Chinese.
"""

from __future__ import annotations

import io
import re
import threading
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from uihelpers import shoot, wait_idle

from labapp.services import impact
from labapp.services.audit import audit_trail
from labapp.ui.common import i18n
from labapp.ui.common.view import AUDIT, IMPACT, PLANNING, REGISTER
from labapp.ui.impact._print import print_investigation
from labapp.ui.planning._print import print_plan
from labapp.ui.register._print import start_register_print, visible_columns
from labapp.ui.register._table_model import COL_MODEL


def _text(path: Path) -> str:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))


def _finish(qtbot, job) -> None:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert job.message is not None and job.message.objectName() == "printDone"
    job.message.close()


def _screens(qtbot, view, name: str, button) -> None:
    shoot(view, f"print_{name}_en")
    assert button.text() == "Export PDF…"
    assert i18n.install_language("zh_CN")
    qtbot.wait(50)
    assert button.text() == "导出 PDF…"
    shoot(view, f"print_{name}_zh")


def test_plan_prints_with_its_approval_blocks(qtbot, window, tmp_path: Path) -> None:
    view = window.views[PLANNING]
    with qtbot.waitSignal(view.due_loaded, timeout=30_000):
        window.show_page(PLANNING)
    assert not view.print_plan_button.isEnabled()  # no plan yet
    with qtbot.waitSignal(view.plan_loaded, timeout=30_000):
        view.generate_button.click()
    wait_idle(qtbot, window.session)
    assert view.print_plan_button.isEnabled()
    _finish(qtbot, print_plan(view, tmp_path / "plan.pdf"))
    text = _text(tmp_path / "plan.pdf")
    assert f"Re-verificationplan{view.plan.year}" in text and "Draft(notapproved)" in text
    assert "Preparedby:" in text and all(i.asset_tag in text for i in view.plan.items)
    _screens(qtbot, view, "planning", view.print_plan_button)


def test_register_prints_the_visible_columns(qtbot, window, tmp_path: Path) -> None:
    view = window.views[REGISTER]
    window.show_page(REGISTER)
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    view.table.setColumnHidden(COL_MODEL, True)
    assert "model" not in visible_columns(view.table) and "serial" in visible_columns(view.table)
    _finish(qtbot, start_register_print(view, tmp_path / "register.pdf"))
    text = _text(tmp_path / "register.pdf")
    assert "Registerofinstrumentsandstandards" in text and "Serialnumber" in text
    assert "Model" not in text and f"Items{view.total}" in text
    _screens(qtbot, view, "register", view.print_button)


def test_register_print_shows_progress_of_every_row(qtbot, window, tmp_path: Path) -> None:
    view = window.views[REGISTER]
    window.show_page(REGISTER)
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    release = threading.Event()
    window.session.run(lambda db: release.wait(10))  # the worker is busy: the print waits
    job = start_register_print(view, tmp_path / "register.pdf")
    seen: list[tuple[int, int]] = []
    job._progress.connect(lambda done, total: seen.append((done, total)))
    release.set()
    with qtbot.waitSignal(job.finished, timeout=60_000) as signal:
        pass
    assert signal.args[0] == tmp_path / "register.pdf"
    done, total = seen[-1]
    assert done == total and total > 0 and total % view.total == 0  # every row of every part
    assert job.dialog is None  # closed once done
    job.message.close()


def test_cancel_on_the_print_progress_dialog_leaves_no_file(qtbot, window, tmp_path: Path) -> None:
    view = window.views[REGISTER]
    window.show_page(REGISTER)
    wait_idle(qtbot, window.session)
    release = threading.Event()
    window.session.run(lambda db: release.wait(10))  # the worker is busy: the print waits
    target = tmp_path / "cancelled.pdf"
    job = start_register_print(view, target)
    with qtbot.waitSignal(job.finished, timeout=60_000) as signal:
        qtbot.waitUntil(job.dialog.isVisible, timeout=5_000)  # after its 0.5 s minimum duration
        shoot(job.dialog, "print_progress_en")
        qtbot.mouseClick(job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()
    assert signal.args[0] is None
    assert not target.exists() and list(tmp_path.glob("*.part")) == []  # nor a partial file
    assert "cancelled" in job.message.text()
    job.message.close()
    wait_idle(qtbot, window.session)


def test_audit_trail_prints_and_refuses_dates_in_the_wrong_order(
    qtbot, window, tmp_path: Path
) -> None:
    view = window.views[AUDIT]
    with qtbot.waitSignal(view.rows_loaded, timeout=30_000):
        window.show_page(AUDIT)
    _finish(qtbot, view.print_trail(str(tmp_path / "audit.pdf")))
    today = date.today()
    start = view.date_from.date().toPython()
    trail = audit_trail(window.session.db, date_from=start, date_to=today)
    text = _text(tmp_path / "audit.pdf")
    assert "Audittrail" in text and f"Entries{len(trail.lines)}" in text
    assert all(line.entry.user in text for line in trail.lines)
    job = view.export_trail(str(tmp_path / "audit.xlsx"))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    job.message.close()
    book = openpyxl.load_workbook(tmp_path / "audit.xlsx")
    assert len(list(book["Audit trail"].values)) - 1 == len(trail.lines)
    view.date_from.setDate(view.date_to.date().addDays(1))
    job = view.print_trail(str(tmp_path / "wrong.pdf"))
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        pass
    assert getattr(failed.args[0], "code", None) == "date_order"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "start date is after the end date" in boxes[-1].text()
    for box in boxes:
        box.close()
    assert not (tmp_path / "wrong.pdf").exists()
    _screens(qtbot, view, "audit", view.print_button)


def test_audit_report_prints_what_the_page_filters_show(qtbot, window, tmp_path: Path) -> None:
    view = window.views[AUDIT]
    with qtbot.waitSignal(view.rows_loaded, timeout=30_000):
        window.show_page(AUDIT)
    shown = [view.model.row_at(r) for r in range(view.model.rowCount())]
    login, entity = shown[0].user, shown[0].entity
    view.person.setEditText(login)
    view.entity.setCurrentIndex(view.entity.findData(entity))
    with qtbot.waitSignal(view.rows_loaded, timeout=30_000):
        view.apply()
    rows = view.model.rowCount()
    picked = {(view.model.row_at(r).user, view.model.row_at(r).entity) for r in range(rows)}
    assert rows > 0 and picked == {(login, entity)}
    assert rows < len(shown) or len({(e.user, e.entity) for e in shown}) == 1
    _finish(qtbot, view.print_trail(str(tmp_path / "filtered.pdf")))
    text = _text(tmp_path / "filtered.pdf")
    assert f"Entries{rows}" in text  # the page's entries, no more (fewer than the page's limit)
    assert f"person={login}" in text and "record=" in text


def test_impact_investigation_prints(qtbot, window, tmp_path: Path) -> None:
    db = window.session.db
    (standard,) = impact.standards_with_failures(db)
    (source,) = impact.failed_sources(db, standard.id)
    detail = impact.open_investigation(db, "admin", event_id=source.id)
    view = window.views[IMPACT]
    with qtbot.waitSignal(view.listed, timeout=30_000):
        window.show_page(IMPACT)
    wait_idle(qtbot, window.session)
    with qtbot.waitSignal(view.shown, timeout=30_000):
        view.open_investigation(detail.summary.id)
    assert view.print_button.isEnabled()
    _finish(qtbot, print_investigation(view, tmp_path / "impact.pdf"))
    text = _text(tmp_path / "impact.pdf")
    assert "Impactinvestigationofafailedstandard" in text and standard.asset_tag in text
    assert all(i.asset_tag in text for i in detail.items if i.needs_action)
    _screens(qtbot, view, "impact", view.print_button)
