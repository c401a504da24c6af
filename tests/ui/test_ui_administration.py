"""The Administration page on the seeded demo lab, driven as an administrator would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from uihelpers import log_in, shoot, wait_idle

from labapp.domain.enums import PersonRole, ProviderKind
from labapp.domain.points import DecisionRule
from labapp.ui.administration import ADMINISTRATION
from labapp.ui.administration._dialogs import ProcedureDialog, ProviderDialog, WithdrawDialog
from labapp.ui.administration._laboratory_dialog import LaboratoryDialog
from labapp.ui.administration._person_dialog import PersonDialog
from labapp.ui.common import i18n

TIMEOUT = 30_000


@pytest.fixture
def admin(qtbot, window, monkeypatch):
    view = window.views[ADMINISTRATION]
    with qtbot.waitSignal(view.refreshed, timeout=TIMEOUT):
        window.show_page(ADMINISTRATION)
    wait_idle(qtbot, window.session)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(type(view), "confirm", lambda self, text: True)
    return view  # the window fixture logs the demo's administrator (admin) in


def _save(qtbot, page, action) -> None:
    with qtbot.waitSignal(page.refreshed, timeout=TIMEOUT):
        action()
    wait_idle(qtbot, page.session)


def _select(page, key: str, predicate) -> object:
    rows = page.rows(key)
    index = next(n for n, r in enumerate(rows) if predicate(r))
    page.kinds[key].table.selectRow(index)
    return rows[index]


def test_a_metrologist_is_refused(qtbot, admin) -> None:
    log_in(qtbot, admin.session, "liuyang")  # a metrologist logs in on the same window
    dialog = ProcedureDialog(None, admin)
    dialog.code.setText("SOP-99")
    dialog.title_edit.setText("x")
    admin.add("procedures", dialog)
    qtbot.waitUntil(lambda: admin.refused is not None, timeout=TIMEOUT)
    assert admin.refused.text().startswith("liuyang may not change this")
    wait_idle(qtbot, admin.session)
    assert "SOP-99" not in [p.code for p in admin.rows("procedures")]


def test_models_pass_the_model_tester(admin, qtmodeltester) -> None:
    for kind in admin.kinds.values():
        assert kind.model.rowCount() > 0 or kind.model is admin.kinds["customers"].model
        qtmodeltester.check(kind.model)


def test_add_a_person_with_roles_and_a_licence(qtbot, admin) -> None:
    dialog = PersonDialog(None, admin.rows("departments"), admin)
    dialog.name.setText("钱学森")
    qtbot.keyClicks(dialog.login, "qian.xs")
    dialog.role_checks[PersonRole.METROLOGIST].setChecked(True)
    dialog.role_checks[PersonRole.CHECKER].setChecked(True)
    row = dialog.licences.add_line()
    for column, text in enumerate(
        ["检定员证", "JD-2026-001", "DC voltage", "2026-01-01", "2031-01-01"]
    ):
        dialog.licences.table.item(row, column).setText(text)
    _save(qtbot, admin, lambda: admin.add("people", dialog))
    person = next(p for p in admin.rows("people") if p.login == "qian.xs")
    assert person.roles == (PersonRole.CHECKER, PersonRole.METROLOGIST)
    licence = person.qualifications[0]
    assert (licence.number, licence.valid_until) == ("JD-2026-001", date(2031, 1, 1))
    # edit it: the licence keeps its id, the roles become approver only
    _select(admin, "people", lambda p: p.login == "qian.xs")
    edit = PersonDialog(person, admin.rows("departments"), admin)
    for role, check in edit.role_checks.items():
        check.setChecked(role is PersonRole.APPROVER)
    _save(qtbot, admin, lambda: admin.edit("people", edit))
    again = next(p for p in admin.rows("people") if p.login == "qian.xs")
    assert again.roles == (PersonRole.APPROVER,) and again.qualifications[0].id == licence.id


def test_a_bad_login_or_date_is_refused_and_nothing_saved(qtbot, admin) -> None:
    count = len(admin.rows("people"))
    dialog = PersonDialog(None, [], admin)
    dialog.name.setText("Bad")
    dialog.login.setText("Bad Login")
    admin.add("people", dialog)
    qtbot.waitUntil(lambda: admin.refused is not None, timeout=TIMEOUT)
    assert "is not a login" in admin.refused.text()
    # the dialog's own check keeps it open on an unreadable date (nothing typed is lost)
    dated = PersonDialog(None, [], admin)
    dated.licences.add_line(["检定员证", "N-1", "", "", "2031-13-01"])
    dated.accept()
    assert dated.problem.isVisibleTo(dated) and "2031-13-01" in dated.problem.text()
    wait_idle(qtbot, admin.session)
    assert len(admin.rows("people")) == count


def test_add_a_provider_and_a_procedure_then_withdraw_it(qtbot, admin) -> None:
    provider = ProviderDialog(None, admin)
    provider.name.setText("四川省计量测试院")
    provider.kind.select(ProviderKind.ACCREDITED_LAB)
    provider.body.setText("CNAS")
    provider.number.setText("L9999")
    provider.valid_until.setText("2029-12-31")
    provider.scopes.add_line(["DC voltage", "0–1000 V", "2 µV/V"])
    _save(qtbot, admin, lambda: admin.add("providers", provider))
    made = next(p for p in admin.rows("providers") if p.name == "四川省计量测试院")
    assert made.accreditation_valid_until == date(2029, 12, 31)
    assert [(s.quantity, s.cmc) for s in made.scopes] == [("DC voltage", "2 µV/V")]
    procedure = ProcedureDialog(None, admin)
    procedure.code.setText("JJG 9999-2026")
    procedure.title_edit.setText("测试规程")
    _save(qtbot, admin, lambda: admin.add("procedures", procedure))
    record = _select(admin, "procedures", lambda p: p.code == "JJG 9999-2026")
    assert admin.withdraw_button.isEnabled()
    withdraw = WithdrawDialog(record, admin)
    withdraw.on.setDate(QDate(2026, 11, 30))
    withdraw.reason.setText("replaced by JJG 9999-2027")
    _save(qtbot, admin, lambda: admin.withdraw_procedure(withdraw))
    gone = next(p for p in admin.rows("procedures") if p.code == "JJG 9999-2026")
    assert not gone.in_force and gone.withdrawn_on == date(2026, 11, 30)
    shown = admin.kinds["procedures"].model
    row = admin.rows("procedures").index(gone)
    assert shown.data(shown.index(row, 5)) == "Withdrawn 2026-11-30"
    # a new event is no longer offered the withdrawn procedure
    got: list = []
    admin.session.run(_new_event_lookups, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=TIMEOUT)
    offered = [p.code for p in got[0].procedures]
    assert "JJG 9999-2026" not in offered and "JJG 315-1983" in offered


def _new_event_lookups(db):
    from labapp.services.register import query_register
    from labapp.ui.events._loading import load_event

    item = query_register(db, None, limit=1, today=date.today())[0]
    return load_event(db, "admin", item.id, None)


def test_disable_a_person_who_signed_and_delete_is_refused(qtbot, admin) -> None:
    signer = _select(admin, "people", lambda p: p.has_signed and p.active)
    admin.delete_person()
    qtbot.waitUntil(lambda: admin.refused is not None, timeout=TIMEOUT)
    assert admin.refused.text() == (
        f"{signer.login} has signed records: disable the person instead of deleting."
    )
    wait_idle(qtbot, admin.session)
    _select(admin, "people", lambda p: p.id == signer.id)
    _save(qtbot, admin, admin.disable_person)
    after = next(p for p in admin.rows("people") if p.id == signer.id)
    assert not after.active and after.version == signer.version + 1
    table = admin.kinds["people"].table
    table.resize(1100, 600)
    admin.resize(1200, 760)
    shoot(admin, "administration_people")
    i18n.install_language("zh_CN")
    shoot(admin, "administration_people_zh_CN")
    admin.tabs.setCurrentIndex(2)
    shoot(admin, "administration_providers_zh_CN")


def test_laboratory_settings_are_shown_and_edited(qtbot, admin) -> None:
    lab = admin.laboratory.lab
    assert lab is not None and admin.laboratory.values["name"].text() == lab.name
    admin.tabs.setCurrentIndex(5)
    dialog = LaboratoryDialog(lab, admin)
    dialog.pattern.setText("JD{yyyy}-{seq:04}")
    dialog.rule.select(DecisionRule.GUARD_BAND)
    dialog.factor.setText("1,5")  # a decimal comma is read as a decimal point
    dialog.checker_may_approve.setChecked(True)
    _save(qtbot, admin, lambda: admin.edit_laboratory(dialog))
    after = admin.laboratory.lab
    assert after.certificate_pattern == "JD{yyyy}-{seq:04}" and after.checker_may_approve
    assert after.decision_rule is DecisionRule.GUARD_BAND
    assert after.guard_band_factor == Decimal("1.5") and after.version == lab.version + 1
    assert admin.laboratory.values["decision_rule"].text() == "Guard band (r = 1.5)"
    bad = LaboratoryDialog(after, admin)
    bad.pattern.setText("JD{yyyy}")  # no {seq}: certificates could not be numbered
    admin.edit_laboratory(bad)
    qtbot.waitUntil(lambda: admin.refused is not None, timeout=TIMEOUT)
    assert admin.refused.text().startswith("Certificate numbers: use {yyyy}")
    wait_idle(qtbot, admin.session)
    shoot(admin, "administration_laboratory")


def test_add_a_department_a_location_in_it_and_a_customer(qtbot, admin) -> None:
    from labapp.ui.administration._dialogs import CustomerDialog, DepartmentDialog, LocationDialog

    dept = DepartmentDialog(None, admin)
    dept.name.setText("化学室 Chemistry")
    dept.code.setText("HX")
    _save(qtbot, admin, lambda: admin.add("departments", dept))
    made = next(d for d in admin.rows("departments") if d.code == "HX")
    location = LocationDialog(None, admin.rows("departments"), admin)
    location.name.setText("化学实验室")
    location.room.setText("R201")
    location.department.setCurrentIndex(location.department.findData(made.id))
    _save(qtbot, admin, lambda: admin.add("locations", location))
    placed = next(x for x in admin.rows("locations") if x.name == "化学实验室")
    assert (placed.room, placed.department) == ("R201", "化学室 Chemistry")
    assert next(d for d in admin.rows("departments") if d.id == made.id).locations == 1
    customer = CustomerDialog(None, admin)
    customer.name.setText("华电集团")
    customer.email.setText("not an address")
    admin.add("customers", customer)
    qtbot.waitUntil(lambda: admin.refused is not None, timeout=TIMEOUT)
    assert admin.refused.text() == "E-mail: not an e-mail address."
    wait_idle(qtbot, admin.session)
    customer.email.setText("lab@huadian.example")
    _save(qtbot, admin, lambda: admin.add("customers", customer))
    assert [c.name for c in admin.rows("customers")] == ["华电集团"]


def test_a_concurrent_edit_is_a_conflict_and_the_page_reloads(qtbot, admin, monkeypatch) -> None:
    from labapp.ui.administration._dialogs import DepartmentDialog

    shown = []
    monkeypatch.setattr(
        "labapp.ui.administration._view.show_error", lambda parent, exc: shown.append(exc)
    )
    stale = _select(admin, "departments", lambda d: True)
    first = DepartmentDialog(stale, admin)
    first.name.setText("电学 Electrical (1)")
    _save(qtbot, admin, lambda: admin.edit("departments", first))
    admin.kinds["departments"].model.set_rows([stale])  # the page still shows the old version
    admin.kinds["departments"].table.selectRow(0)
    second = DepartmentDialog(stale, admin)
    second.name.setText("电学 Electrical (2)")
    _save(qtbot, admin, lambda: admin.edit("departments", second))
    assert type(shown[0]).__name__ == "ConcurrentModificationError"
    names = [d.name for d in admin.rows("departments")]
    assert "电学 Electrical (1)" in names and "电学 Electrical (2)" not in names
    # Disable applies to an active person only, Enable to a disabled one
    _select(admin, "people", lambda p: p.active)
    assert admin.disable_button.isEnabled() and not admin.enable_button.isEnabled()


def test_laboratory_logo_is_chosen_previewed_refused_and_saved(qtbot, admin, tmp_path) -> None:
    from PIL import Image

    lab = admin.laboratory.lab
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (0, 90, 160)).save(logo, "PNG")
    fake = tmp_path / "fake.png"  # named as a PNG, is text
    fake.write_text("<svg/>")
    dialog = LaboratoryDialog(lab, admin)
    picker = dialog.logo
    assert picker.data is None and picker.preview.text() == "No logo"
    assert picker.load(logo) and picker.data == logo.read_bytes()
    preview = picker.preview.pixmap()
    assert not preview.isNull() and preview.width() / preview.height() == pytest.approx(3, rel=0.05)
    assert not picker.load(fake) and picker.data == logo.read_bytes()  # the good one stays
    assert picker.problem.text() == "the logo is not a PNG or JPEG image"
    assert not picker.load(tmp_path / "missing.png") and "missing.png" in picker.problem.text()
    dialog.show()
    shoot(dialog, "laboratory_logo_dialog")
    i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: picker.choose_button.text() == "徽标…", timeout=TIMEOUT)
    assert not picker.load(fake) and picker.problem.text() == "徽标不是 PNG 或 JPEG 图像"
    shoot(dialog, "laboratory_logo_dialog_zh_CN")
    i18n.install_language("en")
    _save(qtbot, admin, lambda: admin.edit_laboratory(dialog))
    saved = admin.laboratory.lab
    assert saved.logo == logo.read_bytes() and saved.logo_media_type == "image/png"
    size = logo.stat().st_size
    assert admin.laboratory.values["logo"].text() == f"PNG image, {size} bytes"
    removed = LaboratoryDialog(saved, admin)
    removed.logo.remove()
    assert removed.logo.preview.text() == "No logo" and not removed.logo.remove_button.isEnabled()
    _save(qtbot, admin, lambda: admin.edit_laboratory(removed))
    assert admin.laboratory.lab.logo is None and admin.laboratory.values["logo"].text() == "None"
