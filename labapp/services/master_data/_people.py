"""People of the laboratory: name, login, roles, department and licences (e.g. 检定员证).

A person who has signed anything (performed, checked or approved an event, performed an
intermediate check) is part of the record: such a person can be disabled, never deleted, and
keeps the login the audit trail names.  Being an instrument's custodian is not a signature, but
a custodian cannot be deleted before the instruments have another one; nor can a person with an
account (disable it).

Once the database has accounts, only an administrator changes people (their roles decide who may
sign), and no change may leave it without an active administrator.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from labapp.domain.enums import AuditAction
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import (
    EventRow,
    InstrumentRow,
    IntermediateCheckRow,
    PersonRoleRow,
    PersonRow,
    QualificationRow,
)
from labapp.persistence.models_accounts import AccountRow, SignatureRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.accounts import ADMINS, require_login_role
from labapp.services.database import Database
from labapp.services.master_data._common import (
    clean,
    ensure_an_admin_remains,
    ensure_unique,
    load,
    required,
)
from labapp.services.master_data._customers import check_email
from labapp.services.master_data._dto import PersonInput, PersonRecord, QualificationRecord

__all__ = [
    "LOGIN_PATTERN",
    "create_person",
    "delete_person",
    "get_person",
    "list_people",
    "person_has_signed",
    "set_person_active",
    "update_person",
]

#: A login: lower-case letters, digits, ``.``, ``_``, ``-``, starting with a letter or digit,
#: 2–63 long (the accounts' rule: a login becomes a PostgreSQL role, which folds to lower case).
LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")


def person_has_signed(source: Session | Database, person_id: int) -> bool:
    """True when ``person_id`` performed, checked or approved an event, performed a check, or
    gave an electronic signature.

    ``source`` is an open session (inside a unit of work) or a :class:`Database`.
    """
    if not isinstance(source, Session):
        with source.read() as session:
            return _has_signed(session, person_id)
    return _has_signed(source, person_id)


def _has_signed(session: Session, person_id: int) -> bool:
    # One indexed probe per signer column (an OR across columns may scan the whole table).
    columns = (
        EventRow.performer_id,
        EventRow.checker_id,
        EventRow.approver_id,
        IntermediateCheckRow.performer_id,
        SignatureRow.person_id,
    )
    return any(
        session.scalars(select(column).where(column == person_id).limit(1)).first() is not None
        for column in columns
    )


def _record(row: PersonRow, signed: bool, department: str | None) -> PersonRecord:
    quals = tuple(
        QualificationRecord(q.id, q.kind, q.number, q.quantity, q.scope, q.issued_on, q.valid_until)
        for q in sorted(row.qualifications, key=lambda q: q.id or 0)
    )
    roles = tuple(sorted(r.role for r in row.roles))
    return PersonRecord(
        row.id,
        row.version,
        row.name,
        row.login,
        row.email,
        row.active,
        roles,
        row.department_id,
        department,
        quals,
        signed,
    )


def _query() -> object:
    return select(PersonRow).options(
        selectinload(PersonRow.roles), selectinload(PersonRow.qualifications)
    )


def list_people(db: Database, *, include_inactive: bool = True) -> list[PersonRecord]:
    """Every person (or only the active ones), by name, with roles and licences."""
    stmt = _query().order_by(PersonRow.name, PersonRow.id)  # type: ignore[attr-defined]
    if not include_inactive:
        stmt = stmt.where(PersonRow.active.is_(True))
    with db.read() as session:
        names = dict(session.execute(select(DepartmentRow.id, DepartmentRow.name)).all())
        return [
            _record(r, _has_signed(session, r.id), names.get(r.department_id))
            for r in session.scalars(stmt)
        ]


def get_person(db: Database, person_id: int) -> PersonRecord:
    """One person (NotFoundError when there is none)."""
    with db.read() as session:
        return _current(session, load(session, PersonRow, person_id, "person"))


def _current(session: Session, row: PersonRow) -> PersonRecord:
    dept = session.get(DepartmentRow, row.department_id) if row.department_id else None
    return _record(row, _has_signed(session, row.id), dept.name if dept else None)


def _login(session: Session, row: PersonRow, value: str) -> str:
    login = required("login", value)
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(
            "login",
            f"{login!r}: use a-z, 0-9, '.', '_', '-'",
            code="login_format",
            params={"login": login},
        )
    ensure_unique(session, PersonRow.login, login, row.id, "login")
    if row.id is not None and login != row.login and _has_signed(session, row.id):
        raise ValidationError(
            "login",
            "the records name this login",
            code="login_fixed",
            params={"login": row.login},
        )
    return login


def _apply(session: Session, row: PersonRow, data: PersonInput) -> None:
    row.name = required("name", data.name)
    row.login = _login(session, row, data.login)
    row.email = check_email(data.email)
    if data.department_id is not None:
        load(session, DepartmentRow, data.department_id, "department")
    row.department_id = data.department_id
    wanted = set(data.roles)
    for gone in [r for r in row.roles if r.role not in wanted]:
        session.delete(gone)  # explicitly: an orphan removed at flush time is not audited
    row.roles = [r for r in row.roles if r.role in wanted]
    have = {r.role for r in row.roles}
    row.roles.extend(PersonRoleRow(role=role) for role in sorted(wanted - have))
    _set_qualifications(session, row, data)


def _set_qualifications(session: Session, row: PersonRow, data: PersonInput) -> None:
    existing = {q.id: q for q in row.qualifications}
    kept: list[QualificationRow] = []
    for item in data.qualifications:
        if item.id is None:
            qual = QualificationRow()
        elif item.id in existing:
            qual = existing[item.id]
        else:
            raise NotFoundError("qualification", item.id)
        qual.kind = required("qualification_kind", item.kind)
        qual.number = required("qualification_number", item.number)
        qual.quantity, qual.scope = clean(item.quantity), clean(item.scope)
        if item.issued_on and item.valid_until and item.issued_on > item.valid_until:
            raise ValidationError(
                "valid_until",
                "a licence ends after it is issued",
                code="date_order",
                params={"number": qual.number},
            )
        qual.issued_on, qual.valid_until = item.issued_on, item.valid_until
        kept.append(qual)
    for gone in set(existing.values()) - set(kept):
        session.delete(gone)
    row.qualifications = kept


def create_person(db: Database, user: str, data: PersonInput) -> PersonRecord:
    """Add an active person with roles and licences.

    Raises
    ------
    ValidationError
        ``required``, ``login_format``, ``duplicate`` (login), ``email_format``,
        ``date_order`` (a licence valid until before it was issued).
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, ADMINS)
        row = PersonRow(active=True, roles=[], qualifications=[])
        _apply(uow.session, row, data)
        uow.session.add(row)
        uow.flush()
        record = _current(uow.session, row)
        uow.commit()
    return record


def update_person(
    db: Database, user: str, person_id: int, data: PersonInput, expected_version: int
) -> PersonRecord:
    """Change a person read at ``expected_version``: every field, roles and licences.

    The person's version moves on any change, roles and licences included, so a concurrent
    edit of the same person is a :class:`ConcurrentModificationError`.  A person who has
    signed keeps the login (``login_fixed``).
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, ADMINS)
        row = load(uow.session, PersonRow, person_id, "person")
        uow.check_version(row, expected_version)
        _apply(uow.session, row, data)
        flag_modified(row, "name")  # roles/licences are other rows: bump the person's version
        uow.flush()
        ensure_an_admin_remains(uow.session)
        record = _current(uow.session, row)
        uow.commit()
    return record


def set_person_active(
    db: Database, user: str, person_id: int, active: bool, expected_version: int | None
) -> PersonRecord:
    """Disable (``active=False``) or enable again a person; a disabled person cannot sign."""
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, ADMINS)
        row = load(uow.session, PersonRow, person_id, "person")
        uow.check_version(row, expected_version)
        row.active = active
        if not active:
            uow.audit(row, AuditAction.RETIRE)
        uow.flush()
        ensure_an_admin_remains(uow.session)
        record = _current(uow.session, row)
        uow.commit()
    return record


def delete_person(db: Database, user: str, person_id: int, expected_version: int | None) -> None:
    """Delete a person who never signed anything and keeps no instrument.

    Raises
    ------
    ValidationError
        ``person_signed`` (disable instead), ``custodian`` (with ``count`` instruments),
        ``has_account``, ``not_permitted``, ``last_admin``.
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, ADMINS)
        row = load(uow.session, PersonRow, person_id, "person")
        uow.check_version(row, expected_version)
        if _has_signed(uow.session, person_id):
            raise ValidationError(
                "person",
                f"{row.login} has signed records: disable instead",
                code="person_signed",
                params={"login": row.login},
            )
        count = uow.session.scalar(
            select(func.count()).where(InstrumentRow.custodian_id == person_id)
        )
        if count:
            raise ValidationError(
                "person",
                f"{row.login} keeps {count} instruments",
                code="custodian",
                params={"login": row.login, "count": count},
            )
        if uow.session.scalar(select(AccountRow.id).where(AccountRow.person_id == person_id)):
            raise ValidationError(
                "person",
                f"{row.login} has an account: disable the person instead",
                code="has_account",
                params={"login": row.login},
            )
        uow.session.delete(row)
        uow.flush()
        ensure_an_admin_remains(uow.session)
        uow.commit()
