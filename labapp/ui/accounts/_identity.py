"""Who works in the window: login on opening a database, the first-run wizard, the idle lock.

:class:`Identity` belongs to the main window.  When a database opens it asks the worker whether the
database has accounts: if so the login dialog opens, if not (a new, empty database) the set-up
wizard does.  Once someone is logged in, a timer locks the session after the laboratory's idle
time without keyboard or mouse input: the person's unlocked key is forgotten (``db.sign_out``) and
the lock dialog asks for the same person's password, or logs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from labapp.domain.enums import PersonRole
from labapp.ui.accounts._login import ChangePasswordDialog, LockDialog, LoginDialog
from labapp.ui.common.errors import describe

if TYPE_CHECKING:  # imported when first opened: they load the account and laboratory services
    from labapp.ui.accounts._accounts_dialog import AccountsDialog
    from labapp.ui.accounts._setup_wizard import SetupWizard

__all__ = ["Identity", "OpenedState"]

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


@dataclass(frozen=True)
class OpenedState:
    """What a newly opened database says about its accounts (fetched on the worker)."""

    has_accounts: bool
    idle_lock_minutes: int
    demo: bool


def opened_state(db: Any) -> OpenedState:
    """Worker job: does ``db`` have accounts, its idle time, and is it the demo file."""
    from labapp import paths
    from labapp.services.accounts import has_accounts
    from labapp.services.laboratory import get_lab_settings

    db.require_login = True  # from now on only a logged-in person writes (none yet)
    lab = get_lab_settings(db)
    path = db.info.path
    demo = path is not None and path.resolve() == paths.demo_database_path().resolve()
    return OpenedState(has_accounts(db), lab.idle_lock_minutes if lab else 15, demo)


class Identity(QObject):
    """The login, set-up and lock dialogs of one window over its session.

    ``ask`` false (the self-test) opens no dialog when a database opens.
    """

    def __init__(self, window: QWidget, session: Any) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.ask = True
        self.dialog: Any = None  # the login, lock, password dialog or wizard on screen
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock_now)
        self.idle_timer.setInterval(15 * 60_000)
        session.database_changed.connect(self._database_changed)
        session.actor_changed.connect(self._actor_changed)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- the File menu's actions --------------------------------------------------------------
    def add_actions(self, menu: QMenu) -> list[QAction]:
        """Log in…, Log out, Change password…, Accounts… in ``menu`` (texts: ``retranslate``)."""
        slots = (self.ask_login, self.log_out, self.change_password, self.accounts_dialog)
        self.actions = []
        for slot in slots:
            action = QAction(menu)
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
            self.actions.append(action)
        self.retranslate()
        return self.actions

    def retranslate(self) -> None:
        """The actions' texts in the current language."""
        texts = (
            QT_TRANSLATE_NOOP("MainWindow", "&Log in…"),
            QT_TRANSLATE_NOOP("MainWindow", "Log &out"),
            QT_TRANSLATE_NOOP("MainWindow", "&Change password…"),
            QT_TRANSLATE_NOOP("MainWindow", "&Accounts…"),
        )
        for action, text in zip(self.actions, texts, strict=True):
            action.setText(QCoreApplication.translate("MainWindow", text))

    def update_actions(self) -> None:
        """Which actions the person logged in (or nobody) may use."""
        actor = self.session.actor
        admin = actor is not None and actor.has(PersonRole.ADMIN)
        nobody = self.session.db is not None and actor is None
        enabled = (nobody, actor is not None, actor is not None, admin)
        for action, on in zip(self.actions, enabled, strict=True):
            action.setEnabled(on)
        self.retranslate()

    def accounts_dialog(self) -> AccountsDialog:
        """File → Accounts… (administrators; returns the dialog, already shown)."""
        from labapp.ui.accounts._flow import accounts_dialog

        dialog = accounts_dialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- opening a database -------------------------------------------------------------------
    def _database_changed(self, _info: Any) -> None:
        self.idle_timer.stop()
        self._close_dialog()
        if self.session.db is not None:
            self.session.run(opened_state, self._state_known)

    def recheck(self) -> None:
        """Ask again who works (after the demo was seeded into the database just opened)."""
        self.ask = True
        self._database_changed(self.session.info)

    def _state_known(self, state: OpenedState) -> None:
        self.idle_timer.setInterval(state.idle_lock_minutes * 60_000)
        self.demo = state.demo
        if not self.ask:
            return
        if state.has_accounts:
            self.ask_login()
        else:
            self.start_setup()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog.hide()
            self.dialog = None

    def _show(self, dialog: Any) -> Any:
        self._close_dialog()
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- login --------------------------------------------------------------------------------
    def ask_login(self) -> LoginDialog:
        """Open the login dialog for the open database (File → Log in…)."""
        info = self.session.info
        name = info.display_name if info is not None else ""
        dialog = LoginDialog(name, getattr(self, "demo", False), self.window)
        dialog.submitted.connect(lambda: self._log_in(dialog))
        dialog.rejected.connect(self._close_dialog)
        return self._show(dialog)

    def _log_in(self, dialog: LoginDialog) -> None:
        login, password = dialog.values()
        dialog.set_busy(True)
        self.session.log_in(
            login,
            password,
            lambda actor: self._logged_in(dialog, actor),
            lambda exc: dialog.show_problem(describe(exc)),
        )

    def _logged_in(self, dialog: LoginDialog, actor: Any) -> None:
        self._done(dialog)
        if actor.must_change_password:  # an administrator reset it: the person sets their own
            self.change_password()

    def _done(self, dialog: Any) -> None:
        if dialog is self.dialog:
            dialog.accept()
            self._close_dialog()

    def log_out(self) -> None:
        """File → Log out: forget the person, then ask who works next."""
        self.idle_timer.stop()
        self.session.log_out()
        if self.ask and self.session.db is not None:
            self.ask_login()

    # --- first run ----------------------------------------------------------------------------
    def start_setup(self) -> SetupWizard:
        """Open the set-up wizard on the (empty) open database."""
        from labapp.ui.accounts._setup_wizard import SetupWizard

        info = self.session.info
        wizard = SetupWizard(info.display_name if info is not None else "", self.window)
        wizard.submitted.connect(lambda lab, admin: self._set_up(wizard, lab, admin))
        wizard.rejected.connect(self._close_dialog)
        return self._show(wizard)

    def _set_up(self, wizard: SetupWizard, lab: Any, admin: Any) -> None:
        def job(db: Any) -> Any:
            from labapp.services.accounts import connect_as, create_login_role
            from labapp.services.laboratory import setup_laboratory

            db.require_login = True
            actor = setup_laboratory(db, lab, admin)
            # PostgreSQL (no-ops on SQLite): the administrator becomes a login role and the
            # window works as that role from now on, not as the owner who ran db upgrade
            create_login_role(db, admin.login, admin.password)
            connect_as(db, admin.login, admin.password)
            db.sign_in(actor)
            return actor

        def stored(actor: Any) -> None:
            self.idle_timer.setInterval(lab.idle_lock_minutes * 60_000)
            self.session.set_actor(actor)
            wizard.finish()
            self._close_dialog()

        self.session.run(
            job, stored, lambda exc: wizard.show_problem(exc, describe(exc)),
            QCoreApplication.translate("Identity", "Setting up the laboratory…"), wizard,
        )  # fmt: skip

    # --- password -----------------------------------------------------------------------------
    def change_password(self) -> ChangePasswordDialog | None:
        """File → Change password… (the logged-in person's own)."""
        actor = self.session.actor
        if actor is None:
            return None
        dialog = ChangePasswordDialog(actor.login, self.window)
        login = actor.login

        def submit() -> None:
            from labapp.services.accounts import change_password

            old, new = dialog.values()
            dialog.set_busy(True)
            self.session.run(
                lambda db: change_password(db, login, old, new),
                lambda changed: (self.session.set_actor(changed), self._done(dialog)),
                lambda exc: dialog.show_problem(describe(exc)),
            )

        dialog.submitted.connect(submit)
        dialog.rejected.connect(self._close_dialog)
        return self._show(dialog)

    # --- idle lock ----------------------------------------------------------------------------
    def _actor_changed(self, actor: Any) -> None:
        if actor is None:
            self.idle_timer.stop()
        else:
            self.idle_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.idle_timer.isActive():
            self.idle_timer.start()
        return False

    def lock_now(self) -> LockDialog | None:
        """The idle time passed: lock the session and ask the same person's password."""
        actor = self.session.actor
        if actor is None or self.session.locked:
            return None
        self.session.lock()
        dialog = LockDialog(actor.name, actor.login, self.window)
        dialog.submitted.connect(lambda: self._unlock(dialog, actor.login))
        dialog.log_out_requested.connect(lambda: (self._close_dialog(), self.log_out()))
        self._close_dialog()
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # every window waits
        dialog.show()
        return dialog

    def _unlock(self, dialog: LockDialog, login: str) -> None:
        from labapp.services.accounts import authenticate

        password = dialog.values()
        dialog.set_busy(True)
        self.session.run(
            lambda db: authenticate(db, login, password),
            lambda actor: (self.session.set_actor(actor), self._done(dialog)),
            lambda exc: dialog.show_problem(describe(exc)),
        )
