"""Accounts: create, log in (with lockout), change and reset passwords, disable.

Rules:

* Every database holds its own accounts.  The first account of a database needs no login and
  must be an administrator; after that only an administrator creates, resets or disables one.
* A password has at least :data:`MIN_PASSWORD_LENGTH` characters (the demo's ``demo`` accounts
  are made by the seeder, which is allowed to).
* :data:`MAX_FAILED` wrong passwords in a row lock the account for :data:`LOCK_MINUTES`; the
  counter is bookkeeping (not audited), every account change is audited.
* A login is refused with one message for an unknown login and a wrong password, so it does not
  tell which logins exist.
* A password change keeps the signing key (re-encrypted under the new password); an admin's reset
  cannot open the old key, so the person gets a new key pair (the old public key stays, so old
  seals still verify) and must change the password at the next login.

Long module on purpose: the account's whole life cycle shares one set of checks (the login's
form, the password policy, the administrator's role) and one person-and-key layout; split, each
half would import the other's private rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labapp.domain.enums import AuditAction, PersonRole
from labapp.domain.errors import AuthenticationError, ValidationError
from labapp.persistence.audit import SIGNER_KEY
from labapp.persistence.models import PersonRoleRow, PersonRow
from labapp.persistence.models_accounts import AccountRow, PersonKeyRow
from labapp.persistence.types import utcnow
from labapp.persistence.uow import SqlAlchemyUnitOfWork
from labapp.services.accounts import _crypto as crypto
from labapp.services.accounts._roles import require_role
from labapp.services.database import Database

__all__ = [
    "LOCK_MINUTES",
    "MAX_FAILED",
    "MIN_PASSWORD_LENGTH",
    "AccountInfo",
    "Actor",
    "NewAccount",
    "authenticate",
    "change_password",
    "check_new_account",
    "create_account",
    "has_accounts",
    "list_accounts",
    "reset_password",
    "set_disabled",
    "stage_account",
    "unlock",
]

MAX_FAILED = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")


@dataclass(frozen=True)
class Actor:
    """A person who proved who they are: login, roles and the unlocked signing key."""

    login: str
    person_id: int
    name: str
    roles: frozenset[PersonRole]
    key_id: int
    must_change_password: bool = False
    _key: Ed25519PrivateKey | None = field(default=None, repr=False, compare=False)

    def sign(self, data: bytes) -> str:
        """The base64 Ed25519 signature of ``data`` with this person's key."""
        assert self._key is not None, "an actor without a key cannot sign"
        return crypto.sign(self._key, data)

    def has(self, role: PersonRole) -> bool:
        """True when the person holds ``role``."""
        return role in self.roles


@dataclass(frozen=True)
class NewAccount:
    """What creating an account needs (the person is created too unless the login exists)."""

    login: str
    name: str
    roles: tuple[PersonRole, ...]
    password: str
    email: str | None = None


@dataclass(frozen=True)
class AccountInfo:
    """One account as the administration lists it."""

    person_id: int
    login: str
    name: str
    roles: tuple[PersonRole, ...]
    active: bool
    disabled: bool
    locked_until: datetime | None
    must_change_password: bool
    password_changed_at: datetime | None


def has_accounts(db: Database) -> bool:
    """True once the database holds an account (the set-up wizard creates the first)."""
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(AccountRow)))


def _check_password(password: str, *, enforce_policy: bool = True) -> None:
    if enforce_policy and len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            f"a password has at least {MIN_PASSWORD_LENGTH} characters",
            code="password_short",
            params={"min": MIN_PASSWORD_LENGTH},
        )
    if not password:
        raise ValidationError("password", "a password is required", code="required")


def _check_new(new: NewAccount, first: bool) -> None:
    if not _LOGIN.match(new.login):
        raise ValidationError(
            "login",
            "a login is 2-63 lowercase letters, digits, '.', '_' or '-'",
            code="login_format",
            params={"login": new.login},
        )
    if not new.name.strip():
        raise ValidationError("name", "the person's name is required", code="required")
    if first and PersonRole.ADMIN not in new.roles:
        raise ValidationError(
            "roles", "the first account must be an administrator", code="first_admin"
        )


def create_account(
    db: Database, actor: Actor | None, new: NewAccount, *, enforce_policy: bool = True
) -> Actor:
    """Create ``new``'s account (and person); return the new person as a signed-in actor.

    Raises
    ------
    PermissionDeniedError
        ``role``: an account exists already and ``actor`` is not an administrator.
    ValidationError
        ``login_format``, ``password_short``, ``first_admin``, ``duplicate`` (login has one).
    """
    first = not has_accounts(db)
    check_new_account(new, actor, first, enforce_policy=enforce_policy)
    author = actor.login if actor is not None else new.login
    with db.unit_of_work(author, "account created", signer=actor, anonymous=first) as uow:
        made = stage_account(uow, actor, new)
        uow.commit()
    return made


def check_new_account(
    new: NewAccount, actor: Actor | None, first: bool, *, enforce_policy: bool = True
) -> None:
    """Refuse ``new`` before anything is written: its login, name and password, and who creates
    it (``first``: the database has no account yet, so it needs no actor but must be an
    administrator's).

    Raises
    ------
    AuthenticationError
        ``not_logged_in``: not the first account and no ``actor``.
    PermissionDeniedError
        ``role``: ``actor`` is not an administrator.
    ValidationError
        ``login_format``, ``required``, ``password_short``, ``first_admin``.
    """
    _check_new(new, first)
    _check_password(new.password, enforce_policy=enforce_policy)
    if not first:
        if actor is None:
            raise AuthenticationError("not_logged_in", {"login": ""})
        require_role(actor, PersonRole.ADMIN)


def stage_account(uow: SqlAlchemyUnitOfWork, actor: Actor | None, new: NewAccount) -> Actor:
    """Add ``new``'s person, key pair and account in ``uow`` and flush them (the caller commits,
    with whatever else its use case writes); checked by
    :func:`check_new_account` first.  Without ``actor`` (the first account) the new person
    seals the audit entries from here on.

    Raises
    ------
    ValidationError
        ``duplicate``: the login has an account already.
    """
    pair = crypto.new_key_pair(new.password)
    password_hash = crypto.hash_password(new.password)
    session = uow.session
    if actor is None:  # the first administrator seals the chain's first entries
        session.info[SIGNER_KEY] = Actor(new.login, 0, new.name, frozenset(new.roles), 0,
                                         False, pair.private_key)  # fmt: skip
    person = _person_for(session, new)
    key = PersonKeyRow(person_id=person.id, public_key=pair.public_key, created_at=utcnow())
    session.add(key)
    uow.flush()
    made = Actor(new.login, person.id, person.name, frozenset(new.roles), key.id, False,
                 pair.private_key)  # fmt: skip
    if actor is None:
        session.info[SIGNER_KEY] = made
    session.add(
        AccountRow(
            person_id=person.id,
            password_hash=password_hash,
            password_changed_at=utcnow(),
            must_change_password=False,
            failed_attempts=0,
            disabled=False,
            key_id=key.id,
            private_key=pair.private_blob,
        )
    )
    uow.flush()
    return made


def _person_for(session: Session, new: NewAccount) -> PersonRow:
    person = session.scalars(select(PersonRow).where(PersonRow.login == new.login)).one_or_none()
    if person is not None:
        if session.scalar(select(AccountRow.id).where(AccountRow.person_id == person.id)):
            raise ValidationError(
                "login",
                f"{new.login} has an account already",
                code="duplicate",
                params={"login": new.login},
            )
    else:
        person = PersonRow(name=new.name.strip(), login=new.login, email=new.email, active=True)
        session.add(person)
        session.flush()
    held = {r.role for r in person.roles}
    for role in new.roles:
        if role not in held:
            session.add(PersonRoleRow(person_id=person.id, role=role))
    session.flush()
    return person


def _roles(session: Session, person_id: int) -> frozenset[PersonRole]:
    stmt = select(PersonRoleRow.role).where(PersonRoleRow.person_id == person_id)
    return frozenset(session.scalars(stmt))


def _account(session: Session, login: str) -> tuple[PersonRow, AccountRow] | None:
    stmt = (
        select(PersonRow, AccountRow)
        .join(AccountRow, AccountRow.person_id == PersonRow.id)
        .where(PersonRow.login == login)
    )
    found = session.execute(stmt).one_or_none()
    return None if found is None else (found[0], found[1])


def unlock(db: Database, login: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check ``login``'s password and open the signing key (a login, or a signature's re-entry).

    Raises
    ------
    AuthenticationError
        ``wrong_credentials``, ``locked`` (``until``), ``disabled``.
    """
    now = now or utcnow()
    with db.unit_of_work(login or "anonymous", "login", anonymous=True) as uow:
        found = _account(uow.session, login)
        if found is None:
            raise AuthenticationError("wrong_credentials")
        person, account = found
        if account.disabled or not person.active:
            raise AuthenticationError("disabled", {"login": login})
        if account.locked_until is not None and account.locked_until > now:
            raise AuthenticationError("locked", {"login": login, "until": account.locked_until})
        try:
            crypto.verify_password(account.password_hash, password)
        except crypto.WrongPassword:
            _failed(account, now)
            uow.commit()
            if account.locked_until is not None:
                raise AuthenticationError(
                    "locked", {"login": login, "until": account.locked_until}
                ) from None
            raise AuthenticationError("wrong_credentials") from None
        key = crypto.unlock_private_key(account.private_key, password)
        if account.failed_attempts or account.locked_until is not None:
            account.failed_attempts, account.locked_until = 0, None
        if crypto.needs_rehash(account.password_hash):
            account.password_hash = crypto.hash_password(password)
        actor = Actor(login, person.id, person.name, _roles(uow.session, person.id),
                      int(account.key_id or 0), account.must_change_password, key)  # fmt: skip
        uow.session.info[SIGNER_KEY] = actor  # a rehash is an account change: sealed
        uow.commit()
        return actor


def _failed(account: AccountRow, now: datetime) -> None:
    account.failed_attempts = (account.failed_attempts or 0) + 1
    if account.failed_attempts >= MAX_FAILED:
        account.failed_attempts = 0
        account.locked_until = now + timedelta(minutes=LOCK_MINUTES)


def authenticate(db: Database, login: str, password: str) -> Actor:
    """Log ``login`` in: check the password, sign the person in on ``db``, return the actor."""
    actor = unlock(db, login, password)
    db.sign_in(actor)
    return actor


def change_password(db: Database, login: str, old: str, new: str) -> Actor:
    """Change one's own password (the old one proves it); the signing key is kept.

    Raises
    ------
    AuthenticationError
        The old password is wrong (counts as a failed login).
    ValidationError
        ``password_short``, ``password_same``.
    """
    _check_password(new)
    if new == old:
        raise ValidationError("password", "the new password is the old one", code="password_same")
    actor = unlock(db, login, old)
    with db.unit_of_work(login, "password changed", signer=actor) as uow:
        _, account = _account(uow.session, login) or (None, None)
        assert account is not None
        account.private_key = crypto.rewrap_private_key(account.private_key, old, new)
        account.password_hash = crypto.hash_password(new)
        account.password_changed_at = utcnow()
        account.must_change_password = False
        uow.audit(account, AuditAction.UPDATE, "password changed")
        uow.commit()
    changed = Actor(actor.login, actor.person_id, actor.name, actor.roles, actor.key_id, False,
                    actor._key)  # fmt: skip
    db.sign_in(changed)
    return changed


def reset_password(db: Database, admin: Actor, login: str, new_password: str) -> None:
    """An administrator sets a new password; a new key pair; changed at the next login."""
    require_role(admin, PersonRole.ADMIN)
    _check_password(new_password)
    pair = crypto.new_key_pair(new_password)
    with db.unit_of_work(admin.login, f"password of {login} reset", signer=admin) as uow:
        found = _account(uow.session, login)
        if found is None:
            raise ValidationError("login", f"{login} has no account", code="unknown_user",
                                  params={"login": login})  # fmt: skip
        person, account = found
        key = PersonKeyRow(person_id=person.id, public_key=pair.public_key, created_at=utcnow())
        uow.session.add(key)
        uow.flush()
        account.key_id = key.id
        account.private_key = pair.private_blob
        account.password_hash = crypto.hash_password(new_password)
        account.password_changed_at = utcnow()
        account.must_change_password = True
        account.failed_attempts, account.locked_until = 0, None
        uow.commit()


def set_disabled(db: Database, admin: Actor, login: str, disabled: bool) -> None:
    """Disable (or enable again) an account; a disabled person cannot log in or sign."""
    require_role(admin, PersonRole.ADMIN)
    if disabled and login == admin.login:
        raise ValidationError("login", "you cannot disable your own account", code="self_disable")
    reason = f"account of {login} " + ("disabled" if disabled else "enabled")
    with db.unit_of_work(admin.login, reason, signer=admin) as uow:
        found = _account(uow.session, login)
        if found is None:
            raise ValidationError("login", f"{login} has no account", code="unknown_user",
                                  params={"login": login})  # fmt: skip
        found[1].disabled = disabled
        uow.commit()


def list_accounts(db: Database) -> list[AccountInfo]:
    """Every account, by login."""
    stmt = (
        select(PersonRow, AccountRow)
        .join(AccountRow, AccountRow.person_id == PersonRow.id)
        .order_by(PersonRow.login)
    )
    with db.read() as session:
        return [_info(session, p, a) for p, a in session.execute(stmt).all()]


def _info(session: Session, person: PersonRow, account: AccountRow) -> AccountInfo:
    return AccountInfo(
        person.id,
        person.login,
        person.name,
        tuple(sorted(_roles(session, person.id))),
        person.active,
        account.disabled,
        account.locked_until,
        account.must_change_password,
        account.password_changed_at,
    )


def roles_of(roles: Iterable[str]) -> tuple[PersonRole, ...]:
    """Role names (``--role approver``) as roles; an unknown name is a typed error."""
    out: list[PersonRole] = []
    for name in roles:
        try:
            out.append(PersonRole(name.strip().lower()))
        except ValueError:
            raise ValidationError(
                "roles", f"unknown role {name!r}", code="unknown_role",
                params={"role": name, "roles": ", ".join(r.value for r in PersonRole)},
            ) from None  # fmt: skip
    return tuple(dict.fromkeys(out))
