"""Adding, editing, "add similar" and retiring instruments through the dialogs, as a user types."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from uihelpers import shoot, wait_idle

from labapp.domain.enums import InstrumentStatus
from labapp.services.register import duplicate_instrument, get_instrument_detail, update_instrument
from labapp.ui.common.conflict import ConflictDialog
from labapp.ui.common.view import REGISTER
from labapp.ui.register._table_model import COL_ASSET_TAG, COL_STATUS


def db_first_laboratory(db) -> int:
    """The id of a laboratory of the seeded lab (the form has no laboratory field)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT min(id) FROM laboratories")).scalar_one())


def _register(qtbot, window):
    window.show_page(REGISTER)
    view = window.views[REGISTER]
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: view.total is not None and view.model.rowCount() > 0)
    return view


def _ready(qtbot, dialog):
    qtbot.waitUntil(
        lambda: dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(),
        timeout=10_000,
    )
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _select(qtbot, view, row: int) -> None:
    with qtbot.waitSignal(view.detail_loaded, timeout=10_000):
        view.table.selectRow(row)


def test_add_an_instrument_and_see_it_in_the_table(qtbot, window) -> None:
    view = _register(qtbot, window)
    total = view.total
    dialog = _ready(qtbot, view.new_instrument())
    qtbot.keyClicks(dialog.asset_tag, "DX-900001")
    qtbot.keyClicks(dialog.name, "Bench multimeter")
    qtbot.keyClicks(dialog.manufacturer, "Keysight")
    qtbot.keyClicks(dialog.quantity.lineEdit(), "DC voltage")
    qtbot.keyClicks(dialog.range_low, "0 V")
    qtbot.keyClicks(dialog.range_high, "1000 V")
    dialog.accuracy_kind.setCurrentIndex(1)  # MPE
    qtbot.keyClicks(dialog.accuracy, "0.05 V")
    dialog.interval.setValue(12)
    dialog.custodian.setCurrentIndex(1)
    assert dialog.error_text("range_high") == dialog.error_text("accuracy") == ""
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: view.total == total + 1, timeout=10_000)
    view.search.setText("DX-900001")
    view.requery()
    wait_idle(qtbot, window.session)
    assert view.model.index(0, COL_ASSET_TAG).data() == "DX-900001"
    assert view.model.row_at(0).range_text.endswith("1000 V")


def test_text_in_a_quantity_field_is_refused_next_to_it(qtbot, window) -> None:
    view = _register(qtbot, window)
    dialog = _ready(qtbot, view.new_instrument())
    qtbot.keyClicks(dialog.range_high, "abc")
    # errors.py's wording, named by the field's own label
    assert dialog.error_text("range_high") == (
        "Range to: “abc” is not a number with a known unit (e.g. 10.00 mV)."
    )
    assert dialog.errors["range_high"].isVisible()
    dialog.range_high.clear()
    qtbot.keyClicks(dialog.range_high, "10 Vx")
    assert dialog.error_text("range_high") == "Range to: unknown unit “Vx”."
    dialog.range_high.clear()
    assert dialog.error_text("range_high") == ""
    dialog.reject()


def test_mpe_in_celsius_for_a_voltage_range_is_refused_with_the_why(qtbot, window) -> None:
    view = _register(qtbot, window)
    dialog = _ready(qtbot, view.new_instrument())
    qtbot.keyClicks(dialog.asset_tag, "DX-900002")
    qtbot.keyClicks(dialog.name, "Voltmeter")
    qtbot.keyClicks(dialog.range_low, "0 V")
    qtbot.keyClicks(dialog.range_high, "10 V")
    dialog.accuracy_kind.setCurrentIndex(1)
    qtbot.keyClicks(dialog.accuracy, "0.1 °C")
    message = dialog.error_text("accuracy")
    assert message == "Accuracy: °C cannot be compared with V."
    _ok(qtbot, dialog)  # refused: stays open, nothing typed is lost
    assert dialog.isVisible()
    assert dialog.asset_tag.text() == "DX-900002"
    assert dialog.accuracy.text() == "0.1 °C"
    shoot(dialog, "instrument-dialog-en")
    dialog.reject()


def test_service_refusal_lands_next_to_its_field_and_keeps_the_form(qtbot, window) -> None:
    view = _register(qtbot, window)
    taken = view.model.index(0, COL_ASSET_TAG).data()
    dialog = _ready(qtbot, view.new_instrument())
    qtbot.keyClicks(dialog.asset_tag, taken)
    qtbot.keyClicks(dialog.name, "Another one")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_text("asset_tag") != "", timeout=10_000)
    assert "already used" in dialog.error_text("asset_tag")
    assert dialog.isVisible() and dialog.name.text() == "Another one"
    dialog.reject()


def test_add_similar_copies_the_specification(qtbot, window) -> None:
    view = _register(qtbot, window)
    _select(qtbot, view, 3)
    source = view.detail.detail
    dialog = _ready(qtbot, view.duplicate_selected())
    assert dialog.asset_tag.text() == "" and dialog.serial_no.text() == ""
    assert dialog.name.text() == source.data.name
    qtbot.keyClicks(dialog.asset_tag, "SIM-0001")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        _ok(qtbot, dialog)
    copy = saved.args[0]
    assert copy.data.model == source.data.model
    assert copy.data.range_high_value == source.data.range_high_value
    assert copy.data.status == InstrumentStatus.IN_SERVICE
    wait_idle(qtbot, window.session)
    assert view.detail.detail.id == copy.id


def test_add_similar_saves_what_duplicate_instrument_saves(qtbot, window) -> None:
    # the dialog and the service copy by one rule: the form's copy, with the serial number
    # typed, equals the service's copy of the same source with that serial number
    view = _register(qtbot, window)
    _select(qtbot, view, 2)
    source = view.detail.detail
    db = window.session.db
    lab = db_first_laboratory(db)
    update_instrument(db, "admin", source.id, source.version, {"laboratory_id": lab}, "test")
    dialog = _ready(qtbot, view.duplicate_selected())
    qtbot.keyClicks(dialog.asset_tag, "SIM-0002")
    qtbot.keyClicks(dialog.serial_no, "SN-42")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        _ok(qtbot, dialog)
    by_dialog = saved.args[0].data
    by_service = duplicate_instrument(db, "admin", source.id, "SIM-0003", {"serial_no": "SN-43"})
    assert by_dialog.laboratory_id == lab  # a field the form does not show is copied too
    assert replace(by_service.data, asset_tag="SIM-0002", serial_no="SN-42") == by_dialog


def test_edit_saves_changes_with_a_reason(qtbot, window) -> None:
    view = _register(qtbot, window)
    _select(qtbot, view, 1)
    dialog = _ready(qtbot, view.edit_selected())
    dialog.model_no.clear()
    qtbot.keyClicks(dialog.model_no, "MODEL-X")
    qtbot.keyClicks(dialog.reason, "nameplate read again")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        _ok(qtbot, dialog)
    assert saved.args[0].data.model == "MODEL-X"
    wait_idle(qtbot, window.session)
    assert view.detail.form_values["model"].text() == "MODEL-X"


def test_a_concurrent_change_opens_the_conflict_dialog(qtbot, window) -> None:
    view = _register(qtbot, window)
    _select(qtbot, view, 2)
    item = view.selected_item()
    dialog = _ready(qtbot, view.edit_selected())
    # another user saves the same instrument between open and save
    from labapp.services.accounts import authenticate

    authenticate(window.session.db, "liuyang", "demo")
    update_instrument(window.session.db, "liuyang", item.id, item.version, {"model": "THEIRS"})
    dialog.model_no.clear()
    qtbot.keyClicks(dialog.model_no, "MINE")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.conflict is not None, timeout=10_000)
    box = dialog.conflict
    assert isinstance(box, ConflictDialog)
    assert "Changed by liuyang at" in box.text() and "reload?" in box.text()
    assert get_instrument_detail(window.session.db, item.id).data.model == "THEIRS"
    box.reload_button.click()
    qtbot.waitUntil(lambda: dialog.model_no.text() == "THEIRS", timeout=10_000)
    assert dialog.isVisible()  # never a silent overwrite
    dialog.reject()


def test_retire_needs_a_reason(qtbot, window) -> None:
    view = _register(qtbot, window)
    _select(qtbot, view, 4)
    item = view.selected_item()
    dialog = view.retire_selected()
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "reason is required" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Scrapped after a failed repair")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window.session)
    detail = get_instrument_detail(window.session.db, item.id)
    assert detail.data.status == InstrumentStatus.RETIRED
    assert detail.retired_reason == "Scrapped after a failed repair"
    row = view.model.row_of(item.id)
    assert view.model.index(row, COL_STATUS).data() == "Retired"  # still in the register
    assert view.detail.form_values["retired"].text() == "Scrapped after a failed repair"


def test_register_menu_opens_the_dialogs(qtbot, window) -> None:
    _register(qtbot, window)
    window.new_instrument_action.trigger()
    dialog = QApplication.activeModalWidget() or window.findChild(object, "instrumentDialog")
    assert dialog is not None
    _ready(qtbot, dialog)
    dialog.reject()


def test_screenshot_dialog_with_a_message_in_chinese(qtbot, window) -> None:
    from test_ui_mainwindow import _switch

    view = _register(qtbot, window)
    _switch(qtbot, window, "zh_CN")
    dialog = _ready(qtbot, view.new_instrument())
    qtbot.keyClicks(dialog.asset_tag, "DX-900003")
    qtbot.keyClicks(dialog.range_low, "0 V")
    qtbot.keyClicks(dialog.range_high, "abc")
    dialog.accuracy_kind.setCurrentIndex(1)
    qtbot.keyClicks(dialog.accuracy, "0.1 °C")
    assert dialog.error_text("range_high")
    shoot(dialog, "instrument-dialog-zh_CN")
    dialog.reject()
    _switch(qtbot, window, "en")
