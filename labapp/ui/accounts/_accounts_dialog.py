"""File → Accounts… (administrators): every account, a new one, a password reset, disable/enable.

The services check again that the logged-in person is an administrator; every change is audited
there.  Both dialogs only collect (:mod:`labapp.ui.common.submission`): the new-account form
returns a ``NewAccount``, and the accounts dialog emits each change as a typed value
(``submitted``: a ``NewAccount``, a :class:`PasswordReset` or an :class:`AccountState`) and asks
for the list with ``refresh_wanted``; :mod:`labapp.ui.accounts._flow` runs them on the
worker, and a refusal is worded under the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import PersonRole
from labapp.services.accounts import NewAccount
from labapp.ui.accounts._login import password_edit
from labapp.ui.common.errors import describe, role_name
from labapp.ui.common.tables import fit_columns

__all__ = ["AccountState", "AccountsDialog", "NewAccountDialog", "PasswordReset"]


@dataclass(frozen=True)
class PasswordReset:
    """Reset password…: the account's login and its new password (changed at its next login;
    never shown in a repr or a log)."""

    login: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class AccountState:
    """Disable / enable: the account's login and whether it is to be disabled."""

    login: str
    disabled: bool


class NewAccountDialog(QDialog):
    """Login, name, roles and the first password (twice) of a new account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newAccountDialog")
        self.setWindowTitle(self.tr("New account"))
        self.login = QLineEdit()
        self.name = QLineEdit()
        self.password = password_edit("newAccountPassword")
        self.again = password_edit("newAccountPasswordAgain")
        self.roles = {role: QCheckBox(role_name(role)) for role in PersonRole}
        roles = QVBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Roles:"), roles)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            self.problem.setText(self.tr("The two passwords differ."))
        elif not any(box.isChecked() for box in self.roles.values()):
            self.problem.setText(self.tr("Give the account at least one role."))
        else:
            self.accept()

    def value(self) -> NewAccount:
        """The account as the service's ``NewAccount``."""
        roles = tuple(role for role, box in self.roles.items() if box.isChecked())
        return NewAccount(
            self.login.text().strip().lower(), self.name.text().strip(), roles,
            self.password.text(),
        )  # fmt: skip


class AccountsDialog(QDialog):
    """The accounts of the open database and what an administrator does with them.

    ``refresh_wanted`` asks for the list (answer :meth:`show_accounts`); ``submitted`` carries a
    change (answer :meth:`finish` or :meth:`refuse`).
    """

    refresh_wanted = Signal()
    submitted = Signal(object)
    changed = Signal()  # the list was fetched again after a change
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.accounts: list[Any] = []
        self.setWindowTitle(self.tr("Accounts"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Name"), self.tr("Roles"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.new_button = QPushButton(self.tr("New account…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.disable_button = QPushButton(self.tr("Disable / enable"))
        self.new_button.clicked.connect(lambda: self.new_account())
        self.reset_button.clicked.connect(lambda: self.reset_password())
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.problem = QLabel()
        self.problem.setObjectName("accountsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        row = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.disable_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.resize(760, 420)

    def refresh(self) -> None:
        """Ask for the accounts again."""
        self.refresh_wanted.emit()

    def show_accounts(self, accounts: list[Any]) -> None:
        """Show ``accounts`` (the list the caller fetched)."""
        self.accounts = list(accounts)
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            roles = ", ".join(role_name(r) for r in account.roles)
            if account.disabled:
                state = self.tr("disabled")
            elif account.locked_until is not None:
                state = self.tr("locked")
            elif account.must_change_password:
                state = self.tr("must change the password")
            else:
                state = self.tr("active")
            for column, text in enumerate((account.login, account.name, roles, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.table)
        self.changed.emit()

    def selected(self) -> Any:
        """The account of the selected row (None when none is selected)."""
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _submit(self, change: Any) -> None:
        self.problem.clear()
        self.submitted.emit(change)

    def finish(self, _result: Any = None) -> None:
        """A change was saved: fetch the list again (the dialog stays open)."""
        self.refresh()

    def refuse(self, exc: BaseException) -> None:
        """A change was refused: say why under the table."""
        self.problem.setText(describe(exc))
        self.failed.emit(exc)

    def new_account(self) -> NewAccountDialog:
        """New account…: the form; its account is created by the logged-in administrator."""
        form = NewAccountDialog(self)
        form.accepted.connect(lambda: self._submit(form.value()))
        form.open()
        return form

    def reset_password(self) -> QInputDialog | None:
        """Reset password…: a new password for the selected account (changed at its next login)."""
        account = self.selected()
        if account is None:
            return None
        prompt = QInputDialog(self)
        prompt.setObjectName("resetPassword")
        prompt.setWindowTitle(self.tr("Reset password"))
        prompt.setLabelText(
            self.tr("New password for {0} ({1}); it must be changed at the next login:").format(
                account.name, account.login
            )
        )
        prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
        prompt.textValueSelected.connect(
            lambda text: self._submit(PasswordReset(account.login, text))
        )
        prompt.open()
        return prompt

    def toggle_disabled(self) -> None:
        """Disable the selected account (or enable it again); a disabled person cannot sign."""
        account = self.selected()
        if account is not None:
            self._submit(AccountState(account.login, not account.disabled))
