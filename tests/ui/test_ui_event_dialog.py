"""The event dialog on a seeded lab, driven as a user drives it: typing points in mixed units,
undo/redo, saving, the four-eyes workflow, overridden standards and corrections."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit
from uihelpers import log_in, shoot

from labapp.domain.enums import Decision, EventKind, EventStatus
from labapp.ui.common import i18n, settings
from labapp.ui.events import EventDialog, event_dialog
from labapp.ui.events._points_model import (
    COL_DECISION,
    COL_ERROR,
    COL_INDICATION,
    COL_K,
    COL_MPE,
    COL_REFERENCE,
    COL_U,
)

WORKER_TIMEOUT = 30_000


def login(qtbot, window, name: str) -> None:
    """Who works in the GUI: ``name`` logs in (every demo account's password is demo)."""
    log_in(qtbot, window.session, name)


def working_instrument(db, prefix: str = "DX"):
    """An electrical working instrument in service (points in V and mV make sense for it)."""
    from labapp.services.register import list_instruments

    rows = list_instruments(db, limit=500)
    return next(
        r
        for r in rows
        if r.role == "working" and r.status == "in_service" and r.asset_tag.startswith(prefix)
    )


def open_dialog(qtbot, window, **kwargs) -> EventDialog:
    dialog = event_dialog(window.session, window, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WORKER_TIMEOUT):
        dialog.show()
    return dialog


def type_cell(qtbot, dialog: EventDialog, row: int, column: int, text: str, commit=True):
    """Double-click a cell, type ``text`` key by key, press Enter."""
    table = dialog.points.table
    index = dialog.model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [e for e in table.findChildren(QLineEdit, "pointEditor") if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if commit:
        press_return(qtbot, dialog, editor, index, text)
    return editor


def press_return(qtbot, dialog, editor, index, text) -> None:
    """Enter commits the editor (Qt queues the commit: wait for it)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.EditRole) == text)


def cell(dialog, row, column, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.index(row, column).data(role)


def test_points_evaluate_as_typed_with_undo_and_modified_marker(qtbot, qtmodeltester, window):
    login(qtbot, window, "liuyang")
    item = working_instrument(window.session.db)
    dialog = open_dialog(qtbot, window, instrument_id=item.id)
    assert "[*]" in dialog.windowTitle() and not dialog.isWindowModified()
    type_cell(qtbot, dialog, 0, COL_REFERENCE, "10000.2 mV")
    editor = type_cell(qtbot, dialog, 0, COL_INDICATION, "10.0005 V", commit=False)
    assert cell(dialog, 0, COL_ERROR) == "0.0003 V"  # while the editor is still open
    press_return(qtbot, dialog, editor, dialog.model.index(0, COL_INDICATION), "10.0005 V")
    assert cell(dialog, 0, COL_INDICATION) == "10.0005 V"  # the typed digits kept
    assert cell(dialog, 0, COL_DECISION) == "No decision"
    type_cell(qtbot, dialog, 0, COL_U, "0.2 mV")
    type_cell(qtbot, dialog, 0, COL_K, "2")
    type_cell(qtbot, dialog, 0, COL_MPE, "0.5 mV")
    assert cell(dialog, 0, COL_DECISION) == "Pass"
    assert dialog.isWindowModified()
    # text in a number cell: red, the reason in the tooltip, the typed text kept
    type_cell(qtbot, dialog, 0, COL_U, "abc")
    assert cell(dialog, 0, COL_U) == "abc"
    assert "not a number with a known unit" in cell(dialog, 0, COL_U, Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 0, COL_U, Qt.ItemDataRole.BackgroundRole).color().name() == "#f4b6b6"
    qtbot.keyClick(dialog.points.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(dialog, 0, COL_U) == "0.2 mV"
    assert cell(dialog, 0, COL_DECISION) == "Pass"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog.points.table, Qt.Key.Key_Z, redo)
    assert cell(dialog, 0, COL_U) == "abc"
    dialog.undo_stack.undo()
    # incommensurable units
    type_cell(qtbot, dialog, 0, COL_MPE, "0.5 A")
    assert "cannot be compared" in cell(dialog, 0, COL_MPE, Qt.ItemDataRole.ToolTipRole)
    dialog.undo_stack.undo()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.standards.model)
    # undo everything: no longer modified
    while dialog.undo_stack.canUndo():
        dialog.undo_stack.undo()
    assert not dialog.isWindowModified()
    dialog.undo_stack.redo()
    assert dialog.isWindowModified()


def fill_calibration(qtbot, dialog: EventDialog, certificate: str) -> None:
    """A calibration with one conditional point (guard band) and one passing point."""
    qtbot.keyClicks(dialog.form.certificate_no, certificate)
    qtbot.keyClicks(dialog.form.temperature, "20.1 °C")
    qtbot.keyClicks(dialog.form.humidity, "45 %RH")
    for column, text in (
        (COL_REFERENCE, "10000.2 mV"),
        (COL_INDICATION, "10.0007 V"),
        (COL_U, "0.3 mV"),
        (COL_K, "2"),
        (COL_MPE, "0.5 mV"),
    ):
        type_cell(qtbot, dialog, 0, column, text)
    qtbot.mouseClick(dialog.points.add_button, Qt.MouseButton.LeftButton)
    for column, text in (
        (COL_REFERENCE, "1.00001 V"),
        (COL_INDICATION, "1000.02 mV"),
        (COL_U, "0.02 mV"),
        (COL_K, "2"),
        (COL_MPE, "0.1 mV"),
    ):
        type_cell(qtbot, dialog, 1, column, text)


def click_and_wait(qtbot, dialog: EventDialog, button, signal="saved"):
    with qtbot.waitSignal(getattr(dialog, signal), timeout=WORKER_TIMEOUT) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def sign_and_wait(qtbot, dialog: EventDialog, button, signal="saved", password="demo"):
    """Check…/Approve…: the signature dialog opens; the password signs."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    signature = dialog.signature
    assert signature is not None and signature.isVisible()
    signature.password_edit.setText(password)
    with qtbot.waitSignal(getattr(dialog, signal), timeout=WORKER_TIMEOUT) as blocker:
        signature.sign_button.click()
    return blocker.args[0]


def register_due(db, instrument_id):
    from labapp.services.register import get_instrument

    return get_instrument(db, instrument_id).due_on


def test_draft_check_approve_four_eyes_and_correct(qtbot, window):
    settings.put(settings.DECISION_RULE, "guard_band")
    login(qtbot, window, "liuyang")
    db = window.session.db
    item = working_instrument(db)
    due_before = register_due(db, item.id)
    dialog = open_dialog(qtbot, window, instrument_id=item.id)
    assert dialog.form.performer.currentText() == "刘洋"  # the user performs by default
    fill_calibration(qtbot, dialog, "UI-2026-0001")
    assert cell(dialog, 0, COL_ERROR) == "0.0005 V"
    assert cell(dialog, 0, COL_DECISION) == "Conditional pass"
    assert cell(dialog, 1, COL_DECISION) == "Pass"
    assert "Conditional" in dialog.result_label.text()
    assert "next due" in dialog.result_label.text()
    shoot(dialog, "event_dialog_en")
    assert i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: dialog.save_button.text() == "保存草稿")
    assert cell(dialog, 0, COL_DECISION) == "有条件合格"
    shoot(dialog, "event_dialog_zh")
    assert i18n.install_language("en")
    qtbot.waitUntil(lambda: dialog.save_button.text() == "Save draft")
    detail = click_and_wait(qtbot, dialog, dialog.save_button)
    assert detail.status == EventStatus.DRAFT and not dialog.isWindowModified()
    assert [p.decision for p in detail.points] == [Decision.CONDITIONAL_PASS, Decision.PASS]
    assert dialog.model.index(0, COL_REFERENCE).data() == "10000.2 mV"
    # the performer cannot check their own work: refused, the message shown
    failure = sign_and_wait(qtbot, dialog, dialog.check_button, "failed")
    assert failure.code == "four_eyes"
    assert "Four eyes" in dialog.error_label.text()
    login(qtbot, window, "zhangwei")
    detail = sign_and_wait(qtbot, dialog, dialog.check_button)
    assert detail.status == EventStatus.CHECKED and detail.checker == "张伟"
    login(qtbot, window, "liuyang")
    failure = sign_and_wait(qtbot, dialog, dialog.approve_button, "failed")
    assert failure.code == "four_eyes" and "Four eyes" in dialog.error_label.text()
    login(qtbot, window, "liming")
    detail = sign_and_wait(qtbot, dialog, dialog.approve_button)
    assert detail.status == EventStatus.APPROVED
    assert dialog.correct_button.isEnabled() and not dialog.save_button.isEnabled()
    assert register_due(db, item.id) == detail.valid_until != due_before
    # correct: the reason asked in a prompt, revision 2 opened, revision 1 in the history
    prompt = dialog.correct()
    prompt.setTextValue("certificate number mistyped")
    with qtbot.waitSignal(dialog.saved, timeout=WORKER_TIMEOUT) as blocker:
        prompt.accept()
    corrected = blocker.args[0]
    assert corrected.revision == 2 and corrected.status == EventStatus.DRAFT
    assert dialog.history.topLevelItemCount() == 2
    assert dialog.save_button.isEnabled()
    assert "revision 2" in dialog.windowTitle()


def test_standard_not_valid_needs_a_reason(qtbot, window):
    from labapp.domain.point_values import parse_point
    from labapp.services.events import EventInput
    from labapp.services.events._draft import approve_event, check_event, save_draft

    db = window.session.db
    login(qtbot, window, "liuyang")  # writes need a logged-in person
    dialog_item = working_instrument(db)
    options = [o for o in _options(db) if o.valid]
    standard = options[0]
    failed = save_draft(
        db,
        "liuyang",
        EventInput(
            instrument_id=standard.instrument_id,
            kind=EventKind.CALIBRATION,
            performed_on=date.today(),
            points=(parse_point("10 V", "10.1 V", mpe="1 mV"),),
        ),
    )
    failed = check_event(db, "zhangwei", failed.id, failed.version, "demo")
    approve_event(db, "liming", failed.id, failed.version, "demo")
    login(qtbot, window, "liuyang")
    dialog = open_dialog(qtbot, window, instrument_id=dialog_item.id)
    model = dialog.standards.model
    row = model.row_of(standard.instrument_id)
    assert not model.option(row).valid
    assert model.index(row, 4).data() == "not in service"  # a FAIL suspends the standard
    index = model.index(row, 0)
    assert not model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    prompt = dialog.findChild(QInputDialog, "overrideReason")
    assert standard.asset_tag in prompt.labelText()
    prompt.setTextValue("only standard in the range; drift checked against CD-000002")
    prompt.accept()
    assert model.selection() == {
        standard.instrument_id: "only standard in the range; drift checked against CD-000002"
    }
    assert dialog.isWindowModified()
    fill_calibration(qtbot, dialog, "UI-2026-0002")
    detail = click_and_wait(qtbot, dialog, dialog.save_button)
    assert [s.override_reason for s in detail.standards] == [
        "only standard in the range; drift checked against CD-000002"
    ]
    qtmodeltester_check(model)


def _options(db):
    from labapp.services.events import valid_standards

    return valid_standards(db, date.today())


def qtmodeltester_check(model) -> None:
    from pytestqt.modeltest import ModelTester

    ModelTester(None).check(model)


def test_form_labels_are_not_clipped_after_a_language_switch(qtbot, window):
    # 上级计量机构 is wider than every English label: the label column must grow to it
    login(qtbot, window, "liuyang")
    dialog = open_dialog(qtbot, window, instrument_id=working_instrument(window.session.db).id)
    shoot(dialog, "event_form_labels_en")
    try:
        assert i18n.install_language("zh_CN")
        qtbot.waitUntil(lambda: dialog.form.labels["provider"].text().startswith("上级计量机构"))
        for key, name in dialog.form.labels.items():
            needed = name.fontMetrics().horizontalAdvance(name.text())
            assert name.width() >= needed, (key, name.text(), name.width(), needed)
        shoot(dialog, "event_form_labels_zh")
    finally:
        assert i18n.install_language("en")


def test_a_stored_attachment_opens_in_the_system_viewer(qtbot, window, monkeypatch):
    from labapp.services.attachments._files import add_attachment
    from labapp.services.register import get_instrument_detail
    from labapp.ui.events import _attachments as event_attachments

    db = window.session.db
    item = working_instrument(db)
    event = get_instrument_detail(db, item.id).events[0]
    add_attachment(db, "admin", event_id=event.id, filename="report.pdf", content=b"%PDF-1.7")
    shown = []
    monkeypatch.setattr(
        event_attachments.QDesktopServices, "openUrl", lambda url: shown.append(url) or True
    )
    dialog = open_dialog(qtbot, window, event_id=event.id)
    tree = dialog.attachments.tree
    row = next(
        i for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0) == "report.pdf"
    )
    with qtbot.waitSignal(dialog.attachments.opened, timeout=WORKER_TIMEOUT) as opened:
        tree.setCurrentItem(tree.topLevelItem(row))
        qtbot.mouseClick(dialog.attachments.open_button, Qt.MouseButton.LeftButton)
    path = opened.args[0]
    assert path.name == "report.pdf" and path.read_bytes() == b"%PDF-1.7"
    assert [url.toLocalFile() for url in shown] == [str(path)]
    dialog.close()


def test_conditions_are_parsed_in_the_dialog_and_a_typo_stays_there(qtbot, window):
    """Temperature and humidity are read once, in the form: a wrong unit is shown next to its
    field without a database call, and a good value reaches the record typed (digits kept)."""
    login(qtbot, window, "liuyang")
    item = working_instrument(window.session.db)
    dialog = open_dialog(qtbot, window, instrument_id=item.id)
    fill_calibration(qtbot, dialog, "UI-2026-0077")
    dialog.form.temperature.setText("20,10 %RH")  # humidity typed as the temperature
    submitted = []
    dialog.submitted.connect(submitted.append)
    assert dialog.save_draft() is False and submitted == []
    assert dialog.form.temperature.text() == "20,10 %RH"  # nothing typed is lost
    assert "%RH" in dialog.error_label.text() and "°C" in dialog.error_label.text()
    dialog.form.temperature.setText("20,10 °C")
    detail = click_and_wait(qtbot, dialog, dialog.save_button)
    assert detail.temperature == "20.10 °C" and detail.humidity == "45 %RH"
