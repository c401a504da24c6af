"""The instrument register: list (SQL filter/sort/page), read, create, update, retire.

Kept basic on purpose; the full register (events, traceability, plans) builds on top.  Every
change goes through a unit of work, so it is audited and version-checked.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from labapp.domain.due import due_on
from labapp.domain.enums import AuditAction, InstrumentStatus
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.rules import check_specification
from labapp.persistence.models import InstrumentRow, LocationRow, PersonRow
from labapp.services.common import due_for
from labapp.services.database import Database
from labapp.services.register._dto import InstrumentData, InstrumentDetail, InstrumentSummary
from labapp.services.register._search import search_condition

__all__ = [
    "EDITABLE_FIELDS",
    "ORDERS",
    "SPECIFICATION_FIELDS",
    "create_instrument",
    "detail_of",
    "duplicate_instrument",
    "get_instrument",
    "list_instruments",
    "retire_instrument",
    "similar_data",
    "update_instrument",
]

ENTITY = "instruments"
EDITABLE_FIELDS = frozenset(f.name for f in fields(InstrumentData))
_REQUIRED_TEXT = ("asset_tag", "name")
#: What "add similar" copies: the specification and where it lives, never identity or history.
SPECIFICATION_FIELDS = EDITABLE_FIELDS - {"asset_tag", "serial_no", "last_calibrated_on", "notes"}

#: ``order_by`` keys → SQL ordering (always ending on the unique asset tag, so pages are stable).
ORDERS: dict[str, tuple[Any, ...]] = {
    "asset_tag": (InstrumentRow.asset_tag,),
    "name": (InstrumentRow.name, InstrumentRow.asset_tag),
    "due_on": (InstrumentRow.due_on.is_(None), InstrumentRow.due_on, InstrumentRow.asset_tag),
    "status": (InstrumentRow.status, InstrumentRow.asset_tag),
}


def _summary_query() -> Any:
    custodian = aliased(PersonRow)
    return (
        select(InstrumentRow, LocationRow.name, custodian.name)
        .outerjoin(LocationRow, InstrumentRow.location_id == LocationRow.id)
        .outerjoin(custodian, InstrumentRow.custodian_id == custodian.id)
    )


def _summary(row: InstrumentRow, location: str | None, custodian: str | None) -> InstrumentSummary:
    return InstrumentSummary(
        id=row.id,
        asset_tag=row.asset_tag,
        name=row.name,
        manufacturer=row.manufacturer,
        model=row.model,
        serial=row.serial_no,
        quantity=row.quantity,
        role=row.role,
        level=row.level,
        status=row.status,
        mandatory_verification=row.mandatory_verification,
        location=location,
        custodian=custodian,
        interval_months=row.interval_months,
        last_calibrated_on=row.last_calibrated_on,
        due_on=row.due_on,
        version=row.version,
    )


def list_instruments(
    db: Database,
    *,
    search: str | None = None,
    limit: int = 200,
    offset: int = 0,
    order_by: str = "asset_tag",
) -> list[InstrumentSummary]:
    """One page of the register, filtered, sorted and limited in SQL.

    Parameters
    ----------
    search
        Text matched as the register's search does (:mod:`labapp.services.register._search`:
        asset tag, name, model, serial number, manufacturer, quantity, location, custodian).
    limit, offset
        The page.
    order_by
        One of :data:`ORDERS` (``asset_tag``, ``name``, ``due_on``, ``status``).
    """
    if order_by not in ORDERS:
        raise ValidationError("order_by", f"unknown order {order_by!r}")
    stmt = _summary_query().order_by(*ORDERS[order_by]).limit(limit).offset(offset)
    if search and search.strip():
        stmt = stmt.where(search_condition(search.strip(), db.engine.dialect.name))
    with db.read() as session:
        return [_summary(row, loc, who) for row, loc, who in session.execute(stmt)]


def _check_free(uow: Any, asset_tag: str) -> None:
    if uow.instruments.by_asset_tag(asset_tag) is not None:
        raise ValidationError(
            "asset_tag",
            f"{asset_tag!r} is already used",
            code="duplicate",
            params={"asset_tag": asset_tag},
        )


def detail_of(row: InstrumentRow) -> InstrumentDetail:
    """The instrument dialog's DTO of a row (without events, attachments, history)."""
    return _detail(row)


def _data(row: InstrumentRow) -> InstrumentData:
    return InstrumentData(**{name: getattr(row, name) for name in EDITABLE_FIELDS})


def _detail(row: InstrumentRow) -> InstrumentDetail:
    return InstrumentDetail(
        id=row.id,
        data=_data(row),
        due_on=row.due_on,
        retired_reason=row.retired_reason,
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def get_instrument(db: Database, instrument_id: int) -> InstrumentDetail:
    """The instrument with its version; :class:`NotFoundError` if there is none."""
    with db.read() as session:
        row = session.get(InstrumentRow, instrument_id)
        if row is None:
            raise NotFoundError(ENTITY, instrument_id)
        return _detail(row)


def validate_instrument(data: InstrumentData) -> InstrumentData:
    """Check an instrument's data against the register's rules (required text, a positive
    interval, range order across units, accuracy against range); return it or raise
    :class:`ValidationError`."""
    for name in _REQUIRED_TEXT:
        value = getattr(data, name)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(name, "required", code="required")
    if data.interval_months is not None and data.interval_months <= 0:
        raise ValidationError(
            "interval_months", "must be a positive number of months", code="not_positive"
        )
    check_specification(
        data.range_low_value,
        data.range_low_unit,
        data.range_high_value,
        data.range_high_unit,
        data.accuracy_value,
        data.accuracy_unit,
    )
    return replace(data, asset_tag=data.asset_tag.strip(), name=data.name.strip())


def _computed_due(uow: Any, row: InstrumentRow, data: InstrumentData) -> date | None:
    """The interval's due date, none for a failed, suspended, retired or scrapped instrument."""
    return due_for(uow.session, row, due_on(data.last_calibrated_on, data.interval_months))


def create_instrument(db: Database, user: str, data: InstrumentData) -> InstrumentDetail:
    """Add an instrument; the due date is computed from the last calibration and the interval.

    Raises
    ------
    ValidationError
        A required field is empty, the interval is not positive, or the asset tag is taken.
    """
    data = validate_instrument(data)
    with db.unit_of_work(user) as uow:
        _check_free(uow, data.asset_tag)
        row = InstrumentRow(**{name: getattr(data, name) for name in EDITABLE_FIELDS})
        row.due_on = _computed_due(uow, row, data)
        uow.instruments.add(row)
        commit_instruments(uow)
        return _detail(row)


def update_instrument(
    db: Database,
    user: str,
    instrument_id: int,
    expected_version: int,
    changes: dict[str, Any],
    reason: str | None = None,
) -> InstrumentDetail:
    """Apply ``changes`` (field → new value) to the version the caller read.

    Raises
    ------
    ConcurrentModificationError
        Someone saved the instrument after ``expected_version`` was read (names who and when).
    ValidationError
        An unknown or non-editable field, or an invalid value.
    NotFoundError
        No such instrument.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not an editable field")
    with db.unit_of_work(user, reason) as uow:
        row = _load(uow, instrument_id)
        uow.check_version(row, expected_version)
        current = _data(row)
        data = validate_instrument(replace(current, **changes))
        for name in changes:
            setattr(row, name, getattr(data, name))
        row.due_on = _computed_due(uow, row, data)
        commit_instruments(uow)
        return _detail(row)


def retire_instrument(
    db: Database, user: str, instrument_id: int, expected_version: int, reason: str
) -> InstrumentDetail:
    """Retire an instrument (it stays in the register and its history; never deleted).

    Raises
    ------
    ValidationError
        No reason given (``field="reason"``).
    ConcurrentModificationError, NotFoundError
        As for :func:`update_instrument`.
    """
    if not reason or not reason.strip():
        raise ValidationError(
            "reason", "a reason is required to retire an instrument", code="required"
        )
    with db.unit_of_work(user, reason.strip()) as uow:
        row = _load(uow, instrument_id)
        uow.check_version(row, expected_version)
        row.status = InstrumentStatus.RETIRED
        row.retired_reason = reason.strip()
        row.due_on = None  # a retired instrument never falls due
        uow.audit(row, AuditAction.RETIRE)
        commit_instruments(uow)
        return _detail(row)


def similar_data(data: InstrumentData) -> InstrumentData:
    """What "add similar" starts from: ``data``'s :data:`SPECIFICATION_FIELDS`, in service.

    No asset tag, serial number, last calibration or notes: the new item has its own.  The
    instrument dialog prefills its form with this, and :func:`duplicate_instrument` builds the
    copy from it, so both copy the same fields (one rule).
    """
    spec = {name: getattr(data, name) for name in SPECIFICATION_FIELDS}
    spec["status"] = InstrumentStatus.IN_SERVICE
    return replace(InstrumentData(asset_tag="", name=""), **spec)


def duplicate_instrument(
    db: Database,
    user: str,
    instrument_id: int,
    new_asset_tag: str,
    changes: dict[str, Any] | None = None,
) -> InstrumentDetail:
    """ "Add similar": a new in-service instrument with the specification of ``instrument_id``.

    Copies what :func:`similar_data` copies (name, make, model, quantity, range, accuracy, role,
    level, interval, provider, procedure, location, custodian, laboratory); never the serial
    number, asset tag, notes, history, status or dates.  ``changes`` (field → value) are what
    the user changed on the copy before saving it (the serial number, say).

    Raises
    ------
    ValidationError
        The new asset tag is empty or taken (``code="duplicate"``), a change names a field that
        is not editable, or the result is invalid (as for :func:`create_instrument`).
    NotFoundError
        No such instrument.
    """
    changes = dict(changes or {})
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not an editable field")
    with db.read() as session:
        source = session.get(InstrumentRow, instrument_id)
        if source is None:
            raise NotFoundError(ENTITY, instrument_id)
        base = similar_data(_data(source))
    changes["asset_tag"] = new_asset_tag
    return create_instrument(db, user, replace(base, **changes))


def _load(uow: Any, instrument_id: int) -> InstrumentRow:
    row = uow.instruments.get(instrument_id)
    if row is None:
        raise NotFoundError(ENTITY, instrument_id)
    return row  # type: ignore[no-any-return]


def commit_instruments(uow: Any) -> None:
    """Commit the unit of work; a duplicate asset tag becomes a :class:`ValidationError`."""
    try:
        uow.commit()
    except IntegrityError as exc:
        if "asset_tag" in str(exc.orig):
            raise ValidationError("asset_tag", "already used", code="duplicate") from exc
        raise
