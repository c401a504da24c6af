"""The Calibrations page's certificate actions: PDF and DCC of an approved record, Import DCC."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PySide6.QtWidgets import QMessageBox
from uihelpers import shoot, wait_idle

from labapp.domain.enums import EventKind, EventStatus
from labapp.io.dcc import validate_dcc
from labapp.services.laboratory import get_lab_settings
from labapp.ui.common import i18n
from labapp.ui.common.view import CALIBRATIONS
from labapp.ui.events import EventDialog

TIMEOUT = 30_000
PTB = Path(__file__).resolve().parents[1] / "data" / "reference-cases" / "dcc"


def _page(qtbot, window):
    window.show_page(CALIBRATIONS)
    view = window.views[CALIBRATIONS]
    wait_idle(qtbot, window.session)
    view.since.setDate(view.since.minimumDate())
    qtbot.waitUntil(lambda: view.model.rowCount() > 100, timeout=TIMEOUT)
    wait_idle(qtbot, window.session)
    return view


def _select(view, wanted) -> object:
    row = next(r for r in range(view.model.rowCount()) if wanted(view.model.row_at(r)))
    view.table.selectRow(row)
    return view.model.row_at(row)


def _in_house_approved(lab_name: str):
    certified = (EventKind.CALIBRATION, EventKind.VERIFICATION)
    return lambda e: (e.status is EventStatus.APPROVED and e.kind in certified
                      and e.provider == lab_name)  # fmt: skip


def test_certificate_pdf_and_dcc_of_the_selected_record(qtbot, window, tmp_path, monkeypatch):
    view = _page(qtbot, window)
    lab_name = get_lab_settings(window.session.db).name
    draft = _select(view, lambda e: e.status is EventStatus.DRAFT)
    assert not view.certificate_button.isEnabled() and view.import_dcc_button.isEnabled()
    _select(view, lambda e: e.status is EventStatus.APPROVED and not e.in_house)
    assert not view.certificate_button.isEnabled()  # a provider's certificate is the provider's
    event = _select(view, _in_house_approved(lab_name))
    assert event.in_house and view.certificate_button.isEnabled() and view.dcc_button.isEnabled()
    assert draft.id != event.id
    actions = view.certificates
    pdf, xml = tmp_path / "c.pdf", tmp_path / "c.xml"
    monkeypatch.setattr(actions, "ask_language", lambda: "zh_CN")
    monkeypatch.setattr(actions, "ask_save_path", lambda _s, dcc: xml if dcc else pdf)
    with qtbot.waitSignal(actions.written, timeout=TIMEOUT):
        view.certificate_button.click()
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert event.certificate_no in text and ("校准证书" in text or "检定证书" in text)
    actions.message.close()
    with qtbot.waitSignal(actions.written, timeout=TIMEOUT):
        view.dcc_button.click()
    assert validate_dcc(xml.read_bytes()) == "3.1.2"
    assert "SHA-256" in actions.message.text()
    shoot(view, "certificates_calibrations_en")
    actions.message.close()


def test_import_dcc_opens_the_draft_and_refusals_are_worded_in_chinese(
    qtbot, window, tmp_path, monkeypatch
):
    view = _page(qtbot, window)
    row = _select(view, lambda e: e.kind is EventKind.CALIBRATION)
    actions = view.certificates
    monkeypatch.setattr(actions, "ask_dcc_file", lambda: PTB / "dcc_gp_temperature_typical_v12.xml")
    view.import_dcc_button.click()
    qtbot.waitUntil(lambda: window.findChild(EventDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(EventDialog)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=TIMEOUT)
    assert dialog.detail.status is EventStatus.DRAFT and dialog.detail.asset_tag == row.asset_tag
    assert dialog.detail.certificate_no == "GP_DCC_temperature_typical_1.2"
    dialog.close()

    i18n.install_language("zh_CN")
    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>')
    monkeypatch.setattr(actions, "ask_dcc_file", lambda: hostile)
    view.import_dcc_button.click()
    qtbot.waitUntil(lambda: isinstance(actions.message, QMessageBox), timeout=TIMEOUT)
    assert "出于安全原因拒绝" in actions.message.text()
    assert view.import_dcc_button.text() == "导入 DCC…"
    shoot(view, "certificates_calibrations_zh")
    actions.message.close()
