"""Who is working: the login dialog, the idle-lock dialog and the change-password dialog.

Each dialog only collects what is typed and says what went wrong (:meth:`show_problem`); the
main window's :class:`labapp.ui.accounts.Identity` runs the login on the worker and closes the
dialog when it succeeded, so a wrong password keeps the dialog open with the reason under it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ChangePasswordDialog", "LockDialog", "LoginDialog", "password_edit"]


def password_edit(name: str) -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("loginProblem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


class _PasswordDialog(QDialog):
    """A form, a problem line and OK/Cancel; ``submitted`` instead of closing on OK."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.problem = _problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _submit(self) -> None:
        self.problem.hide()
        self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        """Disable OK while the worker checks the password."""
        self.ok_button.setEnabled(not busy)

    def show_problem(self, text: str) -> None:
        """Say why the password was refused (the dialog stays open)."""
        self.set_busy(False)
        self.problem.setText(text)
        self.problem.show()


class LoginDialog(_PasswordDialog):
    """Login and password for the database just opened (``demo``: say the demo's logins)."""

    def __init__(self, database: str, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.login = QLineEdit()
        self.login.setObjectName("loginName")
        self.password = password_edit("loginPassword")
        self.form.addRow(self.tr("Login:"), self.login)
        self.form.addRow(self.tr("Password:"), self.password)
        self.setWindowTitle(self.tr("Log in — {0}").format(database))
        self.ok_button.setText(self.tr("Log in"))
        if demo:
            self.note.setText(
                self.tr("Demo: every account's password is demo, the administrator is admin.")
            )
            self.note.show()
        self.login.setFocus()

    def values(self) -> tuple[str, str]:
        """(login, password) as typed (the login trimmed and in lower case)."""
        return self.login.text().strip().lower(), self.password.text()


class LockDialog(_PasswordDialog):
    """The idle lock: the same person's password, or log out."""

    log_out_requested = Signal()

    def __init__(self, name: str, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("LabApp is locked"))
        self.note.setText(
            self.tr(
                "Locked after a time without use. {0} ({1}): enter your password to go on."
            ).format(name, login)
        )
        self.note.show()
        self.password = password_edit("lockPassword")
        self.form.addRow(self.tr("Password:"), self.password)
        self.ok_button.setText(self.tr("Unlock"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Log out"))
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self.log_out_requested.emit)

    def values(self) -> str:
        """The password as typed."""
        return self.password.text()

    def reject(self) -> None:
        """Escape does not close the lock: only the password or Log out do."""


class ChangePasswordDialog(_PasswordDialog):
    """The old password, the new one twice."""

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password — {0}").format(login))
        self.old = password_edit("oldPassword")
        self.new = password_edit("newPassword")
        self.again = password_edit("newPasswordAgain")
        self.form.addRow(self.tr("Current password:"), self.old)
        self.form.addRow(self.tr("New password:"), self.new)
        self.form.addRow(self.tr("New password again:"), self.again)

    def _submit(self) -> None:
        if self.new.text() != self.again.text():
            self.show_problem(self.tr("The two new passwords differ."))
            return
        super()._submit()

    def values(self) -> tuple[str, str]:
        """(old password, new password)."""
        return self.old.text(), self.new.text()
