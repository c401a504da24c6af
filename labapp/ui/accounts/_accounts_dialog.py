"""File → Accounts… (administrators): every account, a new one, a password reset, disable/enable.

The services check again that the logged-in person is an administrator; every change is audited
there.  The new-account form only collects (:class:`NewAccountDialog`); this dialog runs the
services on the worker and words a refusal under the table.
"""

from __future__ import annotations

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
from labapp.ui.accounts._login import password_edit
from labapp.ui.common.errors import describe, role_name

__all__ = ["AccountsDialog", "NewAccountDialog"]


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

    def value(self) -> Any:
        """The account as the service's ``NewAccount``."""
        from labapp.services.accounts import NewAccount

        roles = tuple(role for role, box in self.roles.items() if box.isChecked())
        return NewAccount(
            self.login.text().strip().lower(), self.name.text().strip(), roles,
            self.password.text(),
        )  # fmt: skip


class AccountsDialog(QDialog):
    """The accounts of the open database and what an administrator does with them."""

    changed = Signal()  # the list was fetched again after a change
    failed = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.session = session
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
        self.refresh()

    def refresh(self) -> None:
        """Fetch the accounts again."""
        from labapp.services.accounts import list_accounts

        self.session.run(list_accounts, self._show)

    def _show(self, accounts: list[Any]) -> None:
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
        self.table.resizeColumnsToContents()
        self.changed.emit()

    def selected(self) -> Any:
        """The account of the selected row (None when none is selected)."""
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _run(self, job: Any) -> None:
        self.problem.clear()
        self.session.run(job, lambda _r: self.refresh(), self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.problem.setText(describe(exc))
        self.failed.emit(exc)

    def new_account(self) -> NewAccountDialog:
        """New account…: the form, then ``create_account`` by the logged-in administrator."""
        from labapp.services.accounts import create_account

        form = NewAccountDialog(self)
        admin = self.session.actor
        form.accepted.connect(lambda: self._run(lambda db: create_account(db, admin, form.value())))
        form.open()
        return form

    def reset_password(self) -> QInputDialog | None:
        """Reset password…: a new password for the selected account (changed at its next login)."""
        from labapp.services.accounts import reset_password

        account, admin = self.selected(), self.session.actor
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
            lambda text: self._run(lambda db: reset_password(db, admin, account.login, text))
        )
        prompt.open()
        return prompt

    def toggle_disabled(self) -> None:
        """Disable the selected account (or enable it again); a disabled person cannot sign."""
        from labapp.services.accounts import set_disabled

        account, admin = self.selected(), self.session.actor
        if account is not None:
            flag = not account.disabled
            self._run(lambda db: set_disabled(db, admin, account.login, flag))
