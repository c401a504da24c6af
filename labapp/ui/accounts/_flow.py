"""File → Accounts…, run: the accounts are listed and each change an administrator makes is saved
on the worker (:mod:`labapp.ui.common.submission`); the accounts dialog only collects.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from labapp.services.accounts import (
    NewAccount,
    create_account,
    list_accounts,
    reset_password,
    set_disabled,
)
from labapp.ui.accounts._accounts_dialog import AccountsDialog, PasswordReset

__all__ = ["accounts_dialog"]


def apply_change(db: Any, admin: Any, change: Any) -> Any:
    """Worker job: create the account, reset its password, or disable or enable it, as
    ``admin`` (the logged-in ``Actor``; the services check again that it is an administrator)."""
    if isinstance(change, NewAccount):
        return create_account(db, admin, change)
    if isinstance(change, PasswordReset):
        return reset_password(db, admin, change.login, change.password)
    return set_disabled(db, admin, change.login, change.disabled)


def accounts_dialog(session: Any, parent: QWidget) -> AccountsDialog:
    """The accounts dialog (not yet shown), its list loading and its changes wired."""
    dialog = AccountsDialog(parent)
    dialog.refresh_wanted.connect(lambda: session.run(list_accounts, dialog.show_accounts))

    def submitted(change: Any) -> None:
        admin = session.actor
        session.run(lambda db: apply_change(db, admin, change), dialog.finish, dialog.refuse)

    dialog.submitted.connect(submitted)
    dialog.refresh()
    return dialog
