"""Who may do what: one rule, asked of a logged-in actor or of the login a change is made as.

A person may do a thing when they hold one of the roles it needs (:func:`holds_role`).  The rule
is asked in two places, and each refuses with its own typed error:

* :func:`require_role`: of an :class:`~labapp.services.accounts.Actor`, who proved who they are
  with a password (accounts, signatures, the CLI's ``lab set``); refused with
  ``PermissionDeniedError("role")``.
* :func:`require_login_role`: of the login a unit of work acts as (the master data, the lab's
  settings), looked up in the database; refused with ``ValidationError`` ``not_permitted`` naming
  the roles.  A database without any account yet (the first run, before the set-up wizard's
  administrator) takes the change from anyone: there is nobody to ask.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.domain.enums import PersonRole
from labapp.domain.errors import PermissionDeniedError, ValidationError
from labapp.persistence.models import PersonRow
from labapp.persistence.models_accounts import AccountRow

__all__ = ["ADMINS", "RoleHolder", "holds_role", "require_login_role", "require_role"]

#: Who keeps the people and the laboratory's settings (their roles decide who may sign).
ADMINS = frozenset({PersonRole.ADMIN})


class RoleHolder(Protocol):
    """Someone with a login and roles (an ``Actor``)."""

    @property
    def login(self) -> str: ...

    @property
    def roles(self) -> frozenset[PersonRole]: ...


def holds_role(roles: Iterable[PersonRole], allowed: Collection[PersonRole]) -> bool:
    """True when ``roles`` hold one of ``allowed``: the one rule of who may do what."""
    return any(role in allowed for role in roles)


def require_role(actor: RoleHolder, *allowed: PersonRole) -> None:
    """Refuse unless ``actor`` holds one of ``allowed``.

    Raises
    ------
    PermissionDeniedError
        ``code="role"``, ``params`` the login and the role(s) needed.
    """
    if not holds_role(actor.roles, allowed):
        needed = ", ".join(role.value for role in allowed)
        raise PermissionDeniedError("role", {"role": needed, "login": actor.login})


def require_login_role(session: Session, login: str, allowed: Collection[PersonRole]) -> None:
    """Refuse ``login`` unless an active person holding one of ``allowed`` (or no account yet).

    Raises
    ------
    ValidationError
        ``code="not_permitted"``, ``field="user"``, ``params`` the login and the roles.
    """
    if not session.scalar(select(func.count()).select_from(AccountRow)):
        return
    person = session.scalars(select(PersonRow).where(PersonRow.login == login)).one_or_none()
    roles = {r.role for r in person.roles} if person is not None and person.active else set()
    if not holds_role(roles, allowed):
        raise ValidationError(
            "user",
            f"{login} may not change the master data",
            code="not_permitted",
            params={"login": login, "roles": ", ".join(sorted(r.value for r in allowed))},
        )
