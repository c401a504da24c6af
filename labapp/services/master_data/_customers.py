"""Customers (委托单位) of a laboratory that calibrates for others: create, edit, list."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.errors import ValidationError
from labapp.persistence.models import InstrumentRow
from labapp.persistence.models_master import CustomerRow
from labapp.services.accounts import require_login_role
from labapp.services.database import Database
from labapp.services.master_data._common import (
    MANAGERS,
    RecordKind,
    clean,
    create_record,
    ensure_unique,
    load,
    required,
    update_record,
)
from labapp.services.master_data._dto import CustomerInput, CustomerRecord

__all__ = [
    "check_email",
    "create_customer",
    "list_customers",
    "set_instrument_owner",
    "update_customer",
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(value: str | None) -> str | None:
    """The cleaned e-mail address, or ``None``; refuses one without ``name@domain.tld``."""
    text = clean(value)
    if text is not None and not _EMAIL.match(text):
        raise ValidationError("email", f"{text!r} is not an e-mail address", code="email_format")
    return text


def _record(row: CustomerRow) -> CustomerRecord:
    return CustomerRecord(
        row.id, row.version, row.name, row.code, row.address, row.contact, row.email, row.phone
    )


def list_customers(db: Database) -> list[CustomerRecord]:
    """Every customer, by name."""
    with db.read() as session:
        return [_record(r) for r in session.scalars(select(CustomerRow).order_by(CustomerRow.name))]


def _apply(session: Session, row: CustomerRow, data: CustomerInput) -> None:
    name = required("name", data.name)
    code = clean(data.code)
    ensure_unique(session, CustomerRow.name, name, row.id, "name")
    ensure_unique(session, CustomerRow.code, code, row.id, "code")
    row.name, row.code = name, code
    row.address, row.contact = clean(data.address), clean(data.contact)
    row.email, row.phone = check_email(data.email), clean(data.phone)


_KIND = RecordKind(CustomerRow, "customer", _apply, lambda _session, row: _record(row))


def create_customer(db: Database, user: str, data: CustomerInput) -> CustomerRecord:
    """Add a customer.

    Raises
    ------
    ValidationError
        No name (``required``), a name or code taken (``duplicate``), a bad e-mail
        (``email_format``).
    """
    return create_record(db, user, _KIND, data)


def update_customer(
    db: Database, user: str, customer_id: int, data: CustomerInput, expected_version: int
) -> CustomerRecord:
    """Change a customer read at ``expected_version``."""
    return update_record(db, user, _KIND, customer_id, data, expected_version)


def set_instrument_owner(
    db: Database, user: str, asset_tags: Sequence[str], customer_id: int | None
) -> int:
    """Record that customer ``customer_id`` owns the instruments ``asset_tags`` (None: the
    laboratory's own), all or none; return how many.  Audited as updates of the instruments.

    Raises
    ------
    ValidationError
        ``not_found`` (an unknown asset tag: nothing is changed), ``not_permitted``.
    NotFoundError
        No such customer.
    """
    with db.unit_of_work(user) as uow:
        require_login_role(uow.session, user, MANAGERS)
        if customer_id is not None:
            load(uow.session, CustomerRow, customer_id, "customer")
        for asset_tag in asset_tags:
            tag = required("asset_tag", asset_tag)
            stmt = select(InstrumentRow).where(InstrumentRow.asset_tag == tag)
            item = uow.session.scalars(stmt).one_or_none()
            if item is None:
                raise ValidationError(
                    "asset_tag", f"no instrument {tag!r}", code="not_found", params={"value": tag}
                )
            item.customer_id = customer_id
        uow.commit()
    return len(asset_tags)
