"""Accounts, logins, electronic signatures and the integrity check (what other features use).

* :mod:`~labapp.services.accounts._accounts`: create, log in, lock out, change/reset, disable.
* :mod:`~labapp.services.accounts._crypto`: argon2id hashes and Ed25519 keys (libraries'
  primitives).
* :mod:`~labapp.services.accounts._roles`: who may do what (one rule, asked of an actor or of a
  login).
* :mod:`~labapp.services.accounts._seals`: the canonical form of an event, signing it, and
  ``audit verify`` (every seal and the audit chain)."""

from __future__ import annotations

from labapp.services.accounts._accounts import (
    LOCK_MINUTES,
    MAX_FAILED,
    MIN_PASSWORD_LENGTH,
    AccountInfo,
    Actor,
    NewAccount,
    authenticate,
    change_password,
    check_new_account,
    create_account,
    has_accounts,
    list_accounts,
    reset_password,
    roles_of,
    set_disabled,
    stage_account,
    unlock,
)
from labapp.services.accounts._crypto import hash_password, new_key_pair
from labapp.services.accounts._pg_roles import (
    connect_as,
    create_login_role,
    set_role_password,
    uses_login_roles,
)
from labapp.services.accounts._roles import (
    ADMINS,
    holds_role,
    require_login_role,
    require_role,
)
from labapp.services.accounts._seals import (
    SEALED_STATUSES,
    IntegrityProblem,
    IntegrityReport,
    event_children,
    event_content,
    event_problems,
    sealed_event_chunks,
    sign_event,
    signature_row,
    verify_integrity,
)

__all__ = [
    "ADMINS",
    "LOCK_MINUTES",
    "MAX_FAILED",
    "MIN_PASSWORD_LENGTH",
    "SEALED_STATUSES",
    "AccountInfo",
    "Actor",
    "IntegrityProblem",
    "IntegrityReport",
    "NewAccount",
    "authenticate",
    "change_password",
    "check_new_account",
    "connect_as",
    "create_account",
    "create_login_role",
    "event_children",
    "event_content",
    "event_problems",
    "has_accounts",
    "hash_password",
    "holds_role",
    "list_accounts",
    "new_key_pair",
    "require_login_role",
    "require_role",
    "reset_password",
    "roles_of",
    "sealed_event_chunks",
    "set_disabled",
    "set_role_password",
    "sign_event",
    "signature_row",
    "stage_account",
    "unlock",
    "uses_login_roles",
    "verify_integrity",
]
