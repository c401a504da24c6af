"""Who works in the GUI: the first-run wizard on an empty database, the login dialog (wrong
password, lockout), the idle lock, electronic signatures by three different people, and the red
banner on a record whose seal was broken outside LabApp."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from uihelpers import log_in, shoot, wait_idle

from labapp.domain.enums import EventKind, EventStatus, PersonRole
from labapp.ui.accounts._login import LockDialog, LoginDialog
from labapp.ui.accounts._setup_wizard import SetupWizard
from labapp.ui.common import i18n
from labapp.ui.events import EventDialog, event_dialog
from labapp.ui.events._points_model import COL_INDICATION, COL_MPE, COL_REFERENCE

TIMEOUT = 30_000


@pytest.fixture
def empty_window(qtbot, session, tmp_path: Path):
    """The main window on a NEW, empty database: the set-up wizard opens."""
    from labapp.ui.shell.mainwindow import MainWindow

    errors: list[BaseException] = []
    win = MainWindow(session)
    session.worker.set_error_handler(errors.append)
    qtbot.addWidget(win)
    win.show()
    session.open(str(tmp_path / "new-lab.sqlite3"), parent=win)
    qtbot.waitUntil(lambda: isinstance(win.identity.dialog, SetupWizard), timeout=TIMEOUT)
    win.errors = errors
    yield win
    assert not errors, errors


def fill_wizard(qtbot, wizard: SetupWizard, shots: str | None = None) -> None:
    lab = wizard.lab_page
    lab.name.setText("华东计量检测中心")
    qtbot.keyClicks(lab.code, "HDJL")
    lab.body.setText("CNAS")
    lab.number.setText("L1234")
    lab.pattern.clear()
    qtbot.keyClicks(lab.pattern, "JD{yyyy}-{seq")
    assert not lab.isComplete() and not lab.pattern_ok  # said in red under the field
    qtbot.keyClicks(lab.pattern, ":04}")
    # the example is the first certificate of this year, the sequence padded to 4 digits
    assert lab.example.text().endswith(f"JD{date.today().year}-0001")
    assert lab.isComplete()
    lab.idle.setValue(10)
    if shots:
        shoot(wizard, f"wizard-lab-{shots}")
    wizard.next()
    admin = wizard.admin_page
    admin.name.setText("孙丽")
    qtbot.keyClicks(admin.login, "admin")
    admin.password.setText("admin-pass-1")
    admin.again.setText("admin-pass-2")
    assert not admin.validatePage() and admin.problem.text()
    admin.again.setText("admin-pass-1")
    if shots:
        shoot(wizard, f"wizard-admin-{shots}")


def finish_wizard(qtbot, win, wizard: SetupWizard):
    with qtbot.waitSignal(win.session.actor_changed, timeout=TIMEOUT) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return blocker.args[0]


def login_dialog(qtbot, win) -> LoginDialog:
    qtbot.waitUntil(lambda: isinstance(win.identity.dialog, LoginDialog), timeout=TIMEOUT)
    return win.identity.dialog


def answer_login(qtbot, win, login: str, password: str) -> None:
    dialog = login_dialog(qtbot, win)
    dialog.login.setText(login)
    dialog.password.setText(password)
    with qtbot.waitSignal(win.session.actor_changed, timeout=TIMEOUT):
        dialog.ok_button.click()


def switch_to(qtbot, win, login: str, password: str) -> None:
    """File → Log out, then the next person logs in through the login dialog."""
    win.log_out_action.trigger()
    answer_login(qtbot, win, login, password)
    assert win.session.user == login and f"({login})" in win.user_label.text()


def sign(qtbot, dialog: EventDialog, button, password: str, signal: str = "saved"):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    signature = dialog.signature
    assert signature is not None and signature.isVisible()
    signature.password_edit.setText(password)
    with qtbot.waitSignal(getattr(dialog, signal), timeout=TIMEOUT) as blocker:
        signature.sign_button.click()
    return blocker.args[0]


def type_point(qtbot, dialog: EventDialog) -> None:
    table = dialog.points.table
    for column, text in ((COL_REFERENCE, "10.0000 V"), (COL_INDICATION, "10.0003 V"),
                         (COL_MPE, "0.5 mV")):  # fmt: skip
        index = dialog.model.index(0, column)
        dialog.model.setData(index, text, Qt.ItemDataRole.EditRole)
        assert index.data(Qt.ItemDataRole.EditRole) == text
    table.viewport().update()


def test_empty_database_to_a_calibration_signed_by_three_people(qtbot, empty_window) -> None:
    from labapp.services.accounts import NewAccount, create_account, verify_integrity
    from labapp.services.laboratory import get_lab_settings
    from labapp.services.register import InstrumentData, create_instrument

    win = empty_window
    wizard = win.identity.dialog
    fill_wizard(qtbot, wizard)
    admin = finish_wizard(qtbot, win, wizard)
    assert admin.login == "admin" and admin.has(PersonRole.ADMIN)
    assert win.identity.dialog is None and "孙丽" in win.windowTitle()
    db = win.session.db
    lab = get_lab_settings(db)
    assert (lab.name, lab.accreditation_no, lab.certificate_pattern, lab.idle_lock_minutes) == (
        "华东计量检测中心", "L1234", "JD{yyyy}-{seq:04}", 10)  # fmt: skip
    assert win.identity.idle_timer.interval() == 10 * 60_000
    # the administrator creates the three people who will do and sign the work
    for login, name, role in (("liuyang", "刘洋", PersonRole.METROLOGIST),
                              ("zhangwei", "张伟", PersonRole.CHECKER),
                              ("liming", "李明", PersonRole.APPROVER)):  # fmt: skip
        create_account(db, admin, NewAccount(login, name, (role,), f"{login}-pass"))
    item = create_instrument(db, "admin", InstrumentData(
        asset_tag="DMM-0001", name="Digital multimeter", quantity="voltage",
        interval_months=12))  # fmt: skip
    # the metrologist records the calibration
    switch_to(qtbot, win, "liuyang", "liuyang-pass")
    dialog = win.record_event(item.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.instrument is not None, timeout=TIMEOUT)
    assert dialog.form.performer.currentText() == "刘洋"
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData(EventKind.CALIBRATION.value))
    qtbot.keyClicks(dialog.form.certificate_no, "JD-0001")
    type_point(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    draft = saved.args[0]
    assert draft.status == EventStatus.DRAFT and draft.performer == "刘洋"
    # the checker signs: the dialog says what is signed and who signs
    switch_to(qtbot, win, "zhangwei", "zhangwei-pass")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=TIMEOUT)
    checked = sign(qtbot, dialog, dialog.check_button, "zhangwei-pass")
    assert checked.status == EventStatus.CHECKED and checked.checker == "张伟"
    # the approver signs
    switch_to(qtbot, win, "liming", "liming-pass")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.approve_button.isEnabled(), timeout=TIMEOUT)
    signature_text = ""

    def remember() -> None:
        nonlocal signature_text
        signature_text = dialog.signature.signer_label.text()

    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    remember()
    assert signature_text == "李明 (liming)"
    assert "approved (批准)" in dialog.signature.meaning_label.text()
    assert "JD-0001" in dialog.signature.record_label.text()
    dialog.signature.password_edit.setText("liming-pass")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as approved_signal:
        dialog.signature.sign_button.click()
    approved = approved_signal.args[0]
    assert approved.status == EventStatus.APPROVED
    names = {approved.performer, approved.checker, approved.approver}
    assert names == {"刘洋", "张伟", "李明"}
    meanings = {(s.meaning, s.login) for s in approved.signatures}
    assert meanings == {("check", "zhangwei"), ("approve", "liming")}
    shown = dialog.signed_label.text()
    assert "checked (核验) by 张伟 (zhangwei)" in shown and "approved (批准) by 李明" in shown
    assert "Simple acceptance" in shown
    wait_idle(qtbot, win.session)
    assert not dialog.seal_banner.isVisible()
    report = verify_integrity(db)
    assert report.ok, report.problems
    assert report.events == 1
    dialog.close()


def test_cancelling_the_wizard_leaves_the_database_empty(qtbot, empty_window) -> None:
    from labapp.services.accounts import has_accounts
    from labapp.services.laboratory import get_lab_settings

    win = empty_window
    win.identity.dialog.reject()
    assert win.identity.dialog is None and win.session.actor is None
    db = win.session.db
    assert not has_accounts(db) and get_lab_settings(db) is None
    assert win.open_action.isEnabled() and win.user_label.text() == "Not logged in"


def test_wrong_password_and_lockout_are_said_in_the_users_language(qtbot, window) -> None:
    win = window
    win.log_out_action.trigger()
    dialog = login_dialog(qtbot, win)
    assert "Demo" not in dialog.note.text()  # the seeded copy is not the demo file
    dialog.login.setText("liuyang")
    for attempt in range(5):
        dialog.password.setText(f"wrong-{attempt}")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.problem.isVisible() and dialog.ok_button.isEnabled(),
                        timeout=TIMEOUT)  # fmt: skip
        if attempt < 4:
            assert "The login or the password is wrong" in dialog.problem.text()
            dialog.problem.hide()
    assert "locked after too many wrong passwords until" in dialog.problem.text()
    dialog.problem.hide()
    dialog.password.setText("demo")  # the right password does not open a locked account
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=TIMEOUT)
    assert "is locked" in dialog.problem.text() and win.session.actor is None
    dialog.login.setText("admin")
    with qtbot.waitSignal(win.session.actor_changed, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert win.session.user == "admin"


def test_idle_lock_asks_the_same_persons_password(qtbot, window) -> None:
    win = window
    db = win.session.db
    assert win.identity.idle_timer.isActive()
    win.identity.idle_timer.setInterval(5)  # a tiny idle time, driven by Qt's timer
    win.identity.idle_timer.start()
    qtbot.waitUntil(lambda: isinstance(win.identity.dialog, LockDialog), timeout=TIMEOUT)
    lock = win.identity.dialog
    wait_idle(qtbot, win.session)
    assert win.session.locked and "admin" not in db.signers  # the key is forgotten
    assert "(admin)" in lock.note.text()
    assert lock.windowModality() == Qt.WindowModality.ApplicationModal  # every window waits
    lock.password.setText("wrong")
    lock.ok_button.click()
    qtbot.waitUntil(lambda: lock.problem.isVisible(), timeout=TIMEOUT)
    assert "wrong" in lock.problem.text() and win.session.locked
    lock.reject()  # Escape does not close the lock
    assert lock.isVisible()
    lock.password.setText("demo")
    with qtbot.waitSignal(win.session.actor_changed, timeout=TIMEOUT):
        lock.ok_button.click()
    assert not win.session.locked and "admin" in db.signers
    assert win.identity.dialog is None
    # Log out from the lock: nobody is logged in, the login dialog asks
    win.identity.idle_timer.setInterval(60_000)
    lock = win.identity.lock_now()
    lock.buttons.rejected.emit()
    assert win.session.actor is None and isinstance(win.identity.dialog, LoginDialog)


def approved_event_id(db) -> int:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT e.id FROM events e JOIN measurement_points p ON p.event_id = e.id "
                 "WHERE e.status = 'approved' ORDER BY e.id DESC LIMIT 1")
        ).scalar_one()  # fmt: skip


def open_event(qtbot, win, event_id: int) -> EventDialog:
    dialog = event_dialog(win.session, win, event_id=event_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.seal_checked, timeout=TIMEOUT) as checked:
        dialog.show()
    dialog.problems = checked.args[0]
    return dialog


def test_a_record_changed_outside_labapp_shows_a_red_banner(qtbot, window, lab_path) -> None:
    win = window
    event_id = approved_event_id(win.session.db)
    intact = open_event(qtbot, win, event_id)
    assert intact.problems == [] and not intact.seal_banner.isVisible()
    assert "kept with the record" in intact.signed_label.text()
    intact.close()
    with sqlite3.connect(lab_path) as conn:  # outside LabApp: the trigger dropped first
        conn.execute("DROP TRIGGER labapp_measurement_points_upd")
        conn.execute(
            "UPDATE measurement_points SET indication_value = '9.999' WHERE event_id = ?",
            (event_id,),
        )
    dialog = open_event(qtbot, win, event_id)
    assert dialog.problems and dialog.seal_banner.isVisible()
    assert "SEAL BROKEN" in dialog.seal_banner.text()
    assert f"Event {event_id}" in dialog.seal_banner.text()
    shoot(dialog, "seal-broken-en")
    assert i18n.install_language("zh_CN")
    reopened = open_event(qtbot, win, event_id)
    shoot(reopened, "seal-broken-zh")
    assert i18n.install_language("en")
    # the instrument's history marks the event red
    from labapp.services.register import get_instrument_detail
    from labapp.ui.register._detail import InstrumentDetailPane

    pane = InstrumentDetailPane(win.session)
    qtbot.addWidget(pane)
    detail = get_instrument_detail(win.session.db, dialog.detail.instrument_id)
    with qtbot.waitSignal(pane.seals_checked, timeout=TIMEOUT) as marked:
        pane.show_detail(detail)
    assert marked.args[0] == {event_id}
    model = pane.events_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == event_id)
    assert model.index(row, model.COL_STATUS).data().endswith("SEAL BROKEN")
    others = [r for r in range(model.rowCount()) if r != row]
    assert all("SEAL BROKEN" not in model.index(r, model.COL_STATUS).data() for r in others)
    # the Audit page's Verify integrity lists it
    win.show_page("audit")
    view = win.views["audit"]
    with qtbot.waitSignal(view.integrity_verified, timeout=TIMEOUT) as verified:
        view.verify_button.click()
    box = verified.args[0]
    assert "broken, altered or forged" in box.text()
    assert f"Event {event_id}" in box.informativeText()
    box.close()


def test_screenshots_of_the_identity_dialogs(qtbot, empty_window, lab_path) -> None:
    from labapp.ui.accounts import SignatureDialog

    win = empty_window
    for lang in ("en", "zh_CN"):
        assert i18n.install_language(lang)
        wizard = SetupWizard("new-lab.sqlite3", win)
        qtbot.addWidget(wizard)
        wizard.show()
        fill_wizard(qtbot, wizard, shots=lang)
        wizard.close()
        login = LoginDialog("demo.sqlite3", demo=True, parent=win)
        qtbot.addWidget(login)
        login.show()
        assert "every account's password is demo" in login.note.text() or lang != "en"
        login.login.setText("admin")
        shoot(login, f"login-{lang}")
        login.close()
        signature = SignatureDialog(
            "Calibration, revision 1, performed 2026-12-01, certificate JD2026-0001",
            "DMM-0001 Digital multimeter", "approve", "李明 (liming)", win,
        )  # fmt: skip
        qtbot.addWidget(signature)
        signature.show()
        signature.password_edit.setText("secret")
        assert signature.sign_button.isEnabled()
        shoot(signature, f"signature-{lang}")
        signature.close()
        lock = LockDialog("孙丽", "admin", win)
        qtbot.addWidget(lock)
        lock.show()
        shoot(lock, f"lock-{lang}")
        lock.close()
    assert i18n.install_language("en")


def test_refused_signatures_are_worded_under_the_form(qtbot, window) -> None:
    from labapp.services.register import list_instruments

    win = window
    item = next(r for r in list_instruments(win.session.db, limit=500)
                if r.role == "working" and r.status == "in_service")  # fmt: skip
    log_in(qtbot, win.session, "liuyang")
    dialog = win.record_event(item.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.instrument is not None, timeout=TIMEOUT)
    type_point(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()
    log_in(qtbot, win.session, "zhangwei")
    assert "liuyang" not in win.session.db.signers  # one person at a time
    refused = sign(qtbot, dialog, dialog.check_button, "not-my-password", "failed")
    assert refused.code == "wrong_credentials"
    assert "The login or the password is wrong" in dialog.error_label.text()
    assert dialog.status() == EventStatus.DRAFT
    log_in(qtbot, win.session, "liming")  # an approver, not a checker
    refused = sign(qtbot, dialog, dialog.check_button, "demo", "failed")
    assert refused.code == "role"
    assert "liming does not hold the role checker (核验)" in dialog.error_label.text()
    win.log_out_action.trigger()
    assert dialog.mark_checked() is None  # nobody logged in: no signature dialog at all
    assert "Nobody is logged in" in dialog.error_label.text()
    dialog.close()


def test_change_password_from_the_file_menu(qtbot, window) -> None:
    from labapp.services.accounts import unlock

    win = window
    win.change_password_action.trigger()
    dialog = win.identity.dialog
    dialog.old.setText("demo")
    dialog.new.setText("new-password-1")
    dialog.again.setText("new-password-2")
    dialog.ok_button.click()
    assert "differ" in dialog.problem.text()
    dialog.again.setText("new-password-1")
    dialog.old.setText("wrong")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible() and dialog.ok_button.isEnabled(),
                    timeout=TIMEOUT)  # fmt: skip
    assert "password is wrong" in dialog.problem.text()
    dialog.old.setText("demo")
    with qtbot.waitSignal(win.session.actor_changed, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert win.identity.dialog is None
    assert unlock(win.session.db, "admin", "new-password-1").login == "admin"


def test_the_demo_asks_for_a_login_naming_its_passwords(qtbot, session, lab_path, monkeypatch):
    from labapp import paths
    from labapp.app.main import open_startup_database
    from labapp.ui.shell.mainwindow import MainWindow

    monkeypatch.setattr(paths, "demo_database_path", lambda: lab_path)  # the seeded copy
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    open_startup_database(win, session, str(lab_path), demo=True)
    dialog = login_dialog(qtbot, win)  # after the (here: no-op) seeding, not a wizard
    assert dialog.note.text() == (
        "Demo: every account's password is demo, the administrator is admin.")  # fmt: skip
    answer_login(qtbot, win, "admin", "demo")
    assert win.session.user == "admin"
    wait_idle(qtbot, session)


def test_an_administrator_manages_accounts(qtbot, window) -> None:
    from labapp.services.accounts import unlock

    win = window
    assert win.accounts_action.isEnabled()  # admin is logged in
    dialog = win.identity.accounts_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 3, timeout=TIMEOUT)
    before = dialog.table.rowCount()
    form = dialog.new_account()
    form.login.setText("wu.min")
    form.name.setText("吴敏")
    form.roles[PersonRole.METROLOGIST].setChecked(True)
    form.password.setText("wu-min-pass")
    form.again.setText("wu-min-pass")
    with qtbot.waitSignal(dialog.changed, timeout=TIMEOUT):
        form._check()
    assert dialog.table.rowCount() == before + 1
    assert unlock(win.session.db, "wu.min", "wu-min-pass").has(PersonRole.METROLOGIST)
    row = next(r for r, a in enumerate(dialog.accounts) if a.login == "wu.min")
    dialog.table.selectRow(row)
    prompt = dialog.reset_password()
    prompt.setTextValue("reset-pass-1")
    with qtbot.waitSignal(dialog.changed, timeout=TIMEOUT):
        prompt.accept()
    assert unlock(win.session.db, "wu.min", "reset-pass-1").must_change_password
    row = next(r for r, a in enumerate(dialog.accounts) if a.login == "wu.min")
    assert dialog.table.item(row, 3).text() == "must change the password"
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.changed, timeout=TIMEOUT):
        dialog.toggle_disabled()
    row = next(r for r, a in enumerate(dialog.accounts) if a.login == "wu.min")
    assert dialog.table.item(row, 3).text() == "disabled"
    row = next(r for r, a in enumerate(dialog.accounts) if a.login == "admin")
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT):
        dialog.toggle_disabled()
    assert dialog.problem.text() == "You cannot disable your own account."
    shoot(dialog, "accounts-en")
    assert i18n.install_language("zh_CN")
    again = win.identity.accounts_dialog()
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.table.rowCount() == before + 1, timeout=TIMEOUT)
    shoot(again, "accounts-zh")
    shoot(again.new_account(), "new-account-zh")
    assert i18n.install_language("en")
    again.close()
    dialog.close()


def test_every_identity_refusal_has_its_own_words(qapp) -> None:
    from datetime import UTC, datetime

    from labapp.domain.errors import (
        AuthenticationError,
        IntegrityViolationError,
        PermissionDeniedError,
        ValidationError,
    )
    from labapp.ui.common.conflict import when_text
    from labapp.ui.common.errors import describe

    until = datetime(2026, 12, 1, 8, 15, tzinfo=UTC)
    words = {
        describe(AuthenticationError("wrong_credentials")),
        describe(AuthenticationError("locked", {"login": "liuyang", "until": until})),
        describe(AuthenticationError("disabled", {"login": "liuyang"})),
        describe(AuthenticationError("not_logged_in", {"login": ""})),
        describe(PermissionDeniedError("role", {"role": "approver", "login": "zhangwei"})),
        describe(
            PermissionDeniedError(
                "qualification", {"login": "zhangwei", "quantity": "pressure", "on": "2026-12-01"}
            )
        ),
        describe(IntegrityViolationError("events 5")),
    }
    for code in ("checker_approver", "password_short", "password_same", "login_format",
                 "first_admin", "self_disable", "pattern", "already_set_up"):  # fmt: skip
        text = describe(ValidationError("x", "raw service text", code=code,
                                        params={"min": 8, "login": "Bad Login",
                                                "pattern": "JD-{n}"}))  # fmt: skip
        assert "raw service text" not in text and "Invalid value" not in text
        words.add(text)
    assert len(words) == 15  # one sentence each, none falls back to the raw message
    locked = describe(AuthenticationError("locked", {"login": "liuyang", "until": until}))
    assert when_text(until) in locked  # the lock's end in local time, to the minute
    assert "zhangwei does not hold the role approver (批准) this needs." in words
    assert describe(ValidationError("x", "y", code="pattern", params={"pattern": "JD-{n}"})) == (
        "“JD-{n}” cannot number certificates: use {yyyy}, {yy}, {mm} and {seq} or {seq:04}; "
        "{seq} is required.")  # fmt: skip
