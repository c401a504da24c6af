"""Accounts, logins, electronic signatures and the integrity check (what other features use).

* :mod:`~labapp.services.accounts.accounts`: create, log in, lock out, change/reset, disable.
* :mod:`~labapp.services.accounts.crypto`: argon2id hashes and Ed25519 keys (libraries' primitives).
* :mod:`~labapp.services.accounts.seals`: the canonical form of an event, signing it, and
  ``audit verify`` (every seal and the audit chain).
"""

from labapp.services.accounts.accounts import (
    LOCK_MINUTES,
    MAX_FAILED,
    MIN_PASSWORD_LENGTH,
    AccountInfo,
    Actor,
    NewAccount,
    authenticate,
    change_password,
    create_account,
    has_accounts,
    list_accounts,
    require_role,
    reset_password,
    roles_of,
    set_disabled,
    unlock,
)

__all__ = [
    "LOCK_MINUTES",
    "MAX_FAILED",
    "MIN_PASSWORD_LENGTH",
    "AccountInfo",
    "Actor",
    "NewAccount",
    "authenticate",
    "change_password",
    "create_account",
    "has_accounts",
    "list_accounts",
    "require_role",
    "reset_password",
    "roles_of",
    "set_disabled",
    "unlock",
]
