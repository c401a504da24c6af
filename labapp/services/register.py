"""The register of instruments and standards: filter, sort and page in SQL; the instrument page.

Rules:

* Search as you type matches the text, case-insensitively, anywhere in asset tag, name, model,
  serial number, manufacturer, quantity, location and custodian (``ILIKE`` on PostgreSQL,
  ``lower() LIKE`` on SQLite; ``%``, ``_`` and ``\\`` are matched literally).
* ``due_state``: overdue after the due day; due soon within ``lead_days`` (the due day counts as
  valid, see :func:`labapp.domain.due.due_state`); ok later; none without a due date.
* ``last_result`` is the result of the latest *approved* event (drafts are not results yet).
* Sorting by any column key of :data:`SORT_KEYS`, empty values last in both directions, then by
  id, so pages never overlap or skip rows.
* Add / edit / retire / "add similar" live in :mod:`labapp.services.instruments` and are
  re-exported here; an item is never deleted (retire it with a reason).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, or_, select
from sqlalchemy.orm import aliased

from labapp.domain.due import DueState, due_state
from labapp.domain.enums import (
    AccuracyKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    Role,
)
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import (
    AttachmentRow,
    AuditLogRow,
    EventRow,
    InstrumentRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.audit import audit_entry
from labapp.services.database import Database
from labapp.services.dto import (
    AttachmentInfo,
    EventSummary,
    InstrumentDetail,
    LocationInfo,
    RegisterFacets,
    RegisterItem,
)
from labapp.services.instruments import (
    create_instrument,
    detail_of,
    duplicate_instrument,
    retire_instrument,
    update_instrument,
)

__all__ = [
    "SORT_KEYS",
    "RegisterFilter",
    "accuracy_text",
    "count_register",
    "create_instrument",
    "duplicate_instrument",
    "get_instrument_detail",
    "query_register",
    "range_text",
    "register_facets",
    "retire_instrument",
    "update_instrument",
]

_CUSTODIAN = aliased(PersonRow, name="custodian")

#: ``order_by`` keys (RegisterItem fields that are SQL columns) → column.
SORT_KEYS: dict[str, Any] = {
    "id": InstrumentRow.id,
    "asset_tag": InstrumentRow.asset_tag,
    "name": InstrumentRow.name,
    "model": InstrumentRow.model,
    "serial": InstrumentRow.serial_no,
    "manufacturer": InstrumentRow.manufacturer,
    "quantity": InstrumentRow.quantity,
    "role": InstrumentRow.role,
    "level": InstrumentRow.level,
    "custodian": _CUSTODIAN.name,
    "location": LocationRow.name,
    "status": InstrumentRow.status,
    "mandatory_verification": InstrumentRow.mandatory_verification,
    "last_calibrated_on": InstrumentRow.last_calibrated_on,
    "due_on": InstrumentRow.due_on,
    "due_state": InstrumentRow.due_on,  # the state orders as the date does
    "version": InstrumentRow.version,
}
_NOT_NULL = frozenset({"id", "asset_tag", "name", "role", "status", "version"})


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows; empty/None fields do not filter."""

    search: str = ""
    quantity: str | None = None
    role: Role | None = None
    status: InstrumentStatus | None = None
    due_state: DueState | None = None
    location_id: int | None = None
    mandatory: bool | None = None


def _last_result() -> Any:
    return (
        select(EventRow.result)
        .where(EventRow.instrument_id == InstrumentRow.id, EventRow.status == EventStatus.APPROVED)
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )


_COLUMNS = (
    InstrumentRow.id,
    InstrumentRow.asset_tag,
    InstrumentRow.name,
    InstrumentRow.model,
    InstrumentRow.serial_no,
    InstrumentRow.manufacturer,
    InstrumentRow.quantity,
    InstrumentRow.range_low_value,
    InstrumentRow.range_low_unit,
    InstrumentRow.range_high_value,
    InstrumentRow.range_high_unit,
    InstrumentRow.accuracy_kind,
    InstrumentRow.accuracy_value,
    InstrumentRow.accuracy_unit,
    InstrumentRow.accuracy_class,
    InstrumentRow.role,
    InstrumentRow.level,
    _CUSTODIAN.name,
    LocationRow.name,
    InstrumentRow.status,
    InstrumentRow.mandatory_verification,
    InstrumentRow.last_calibrated_on,
    InstrumentRow.due_on,
    InstrumentRow.version,
)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search(text: str) -> ColumnElement[bool]:
    pattern = f"%{_escape_like(text)}%"
    columns = (
        InstrumentRow.asset_tag,
        InstrumentRow.name,
        InstrumentRow.model,
        InstrumentRow.serial_no,
        InstrumentRow.manufacturer,
        InstrumentRow.quantity,
        LocationRow.name,
        _CUSTODIAN.name,
    )
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def _due(state: DueState, today: date, lead_days: int) -> ColumnElement[bool]:
    due = InstrumentRow.due_on
    horizon = today + timedelta(days=lead_days)
    if state is DueState.OVERDUE:
        return due < today
    if state is DueState.DUE_SOON:
        return and_(due >= today, due <= horizon)
    if state is DueState.OK:
        return due > horizon
    return due.is_(None)


def _where(flt: RegisterFilter, today: date, lead_days: int) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.search and flt.search.strip():
        conditions.append(_search(flt.search.strip()))
    if flt.quantity:
        conditions.append(InstrumentRow.quantity == flt.quantity)
    if flt.role is not None:
        conditions.append(InstrumentRow.role == flt.role)
    if flt.status is not None:
        conditions.append(InstrumentRow.status == flt.status)
    if flt.due_state is not None:
        conditions.append(_due(DueState(flt.due_state), today, lead_days))
    if flt.location_id is not None:
        conditions.append(InstrumentRow.location_id == flt.location_id)
    if flt.mandatory is not None:
        conditions.append(InstrumentRow.mandatory_verification.is_(flt.mandatory))
    return conditions


def _from(stmt: Any) -> Any:
    return stmt.outerjoin(LocationRow, InstrumentRow.location_id == LocationRow.id).outerjoin(
        _CUSTODIAN, InstrumentRow.custodian_id == _CUSTODIAN.id
    )


def _ordering(order_by: str, descending: bool) -> list[Any]:
    if order_by not in SORT_KEYS:
        raise ValidationError(
            "order_by", f"cannot sort by {order_by!r}", code="invalid", params={"key": order_by}
        )
    column = SORT_KEYS[order_by]
    keys: list[Any] = [] if order_by in _NOT_NULL else [column.is_(None)]
    keys.append(column.desc() if descending else column)
    if order_by != "id":
        keys.append(InstrumentRow.id)
    return keys


def _text(value: Decimal) -> str:
    return format(value, "f")


def range_text(
    low: Decimal | None, low_unit: str | None, high: Decimal | None, high_unit: str | None
) -> str:
    """``"0 … 1000 V"`` (one unit when both ends share it), ``""`` when there is no range."""
    if low is None or high is None:
        return ""
    if (low_unit or "") == (high_unit or ""):
        return f"{_text(low)} … {_text(high)} {high_unit or ''}".strip()
    return f"{_text(low)} {low_unit or ''} … {_text(high)} {high_unit or ''}".strip()


def accuracy_text(
    kind: AccuracyKind | None, value: Decimal | None, unit: str | None, klass: str | None
) -> str:
    """``"MPE ±0.05 %"``, ``"class 0.2"``, ``"U 2.0 mK"`` or ``""``."""
    if kind is AccuracyKind.CLASS or (value is None and klass):
        return f"class {klass}" if klass else ""
    if value is None:
        return ""
    label = "U" if kind is AccuracyKind.UNCERTAINTY else "MPE ±"
    separator = " " if label == "U" else ""
    return f"{label}{separator}{_text(value)} {unit or ''}".strip()


def _item(row: Any, today: date, lead_days: int) -> RegisterItem:
    (iid, tag, name, model, serial, make, quantity, lo, lo_u, hi, hi_u) = row[:11]
    (acc_kind, acc, acc_u, klass, role, level, custodian, location) = row[11:19]
    status, mandatory, last_on, due, version, last_result = row[19:]
    return RegisterItem(
        id=iid,
        asset_tag=tag,
        name=name,
        model=model,
        serial=serial,
        manufacturer=make,
        quantity=quantity,
        range_text=range_text(lo, lo_u, hi, hi_u),
        accuracy_text=accuracy_text(acc_kind, acc, acc_u, klass),
        role=role,
        level=level,
        custodian=custodian,
        location=location,
        status=status,
        mandatory_verification=mandatory,
        last_calibrated_on=last_on,
        due_on=due,
        due_state=due_state(due, today, lead_days),
        last_result=None if last_result is None else EventResult(last_result),
        version=version,
    )


def query_register(
    db: Database,
    flt: RegisterFilter | None = None,
    *,
    order_by: str = "asset_tag",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    today: date,
    lead_days: int = 30,
) -> list[RegisterItem]:
    """One page of the register, filtered, sorted and paged in SQL.

    Parameters
    ----------
    flt
        The filter (default: everything).
    order_by, descending
        A key of :data:`SORT_KEYS`; empty values sort last either way; ties by id.
    limit, offset
        The page (``LIMIT``/``OFFSET``).
    today, lead_days
        For ``due_state`` (passed in so views and tests agree on the day).

    Raises
    ------
    ValidationError
        Unknown ``order_by`` key, or a negative page.
    """
    if limit < 0 or offset < 0:
        raise ValidationError("limit", "the page must not be negative", code="invalid")
    stmt = _page_statement(flt or RegisterFilter(), order_by, descending, today, lead_days)
    params = {"page_limit": limit, "page_offset": offset}
    # A Core statement on a plain connection: the ORM's row loading would double the time of a
    # screenful on the 100 000-item lab (benchmarks/bench_register.py).
    with db.engine.connect() as conn:
        return [_item(row, today, lead_days) for row in conn.execute(stmt, params)]


@functools.lru_cache(maxsize=64)
def _page_statement(
    flt: RegisterFilter, order_by: str, descending: bool, today: date, lead_days: int
) -> Any:
    """The page query for one filter and order, built once: scrolling only changes the page.

    Building the statement cost about as much as running it on the 100 000-item lab.
    """
    stmt = _from(select(*_COLUMNS, _last_result()))
    stmt = stmt.where(*_where(flt, today, lead_days)).order_by(*_ordering(order_by, descending))
    return stmt.limit(bindparam("page_limit")).offset(bindparam("page_offset"))


def count_register(
    db: Database, flt: RegisterFilter | None = None, today: date | None = None, lead_days: int = 30
) -> int:
    """How many instruments the filter matches (the same WHERE as :func:`query_register`)."""
    flt = flt or RegisterFilter()
    if flt.due_state is not None and today is None:
        raise ValidationError("today", "a due-state filter needs today's date", code="required")
    where = _where(flt, today or date.today(), lead_days)
    stmt = select(func.count()).select_from(InstrumentRow)
    if flt.search and flt.search.strip():
        stmt = _from(stmt)
    with db.read() as session:
        return int(session.execute(stmt.where(*where)).scalar_one())


def register_facets(db: Database) -> RegisterFacets:
    """Distinct quantities, the locations in use and the statuses present (for filter boxes)."""
    quantities = (
        select(InstrumentRow.quantity)
        .where(InstrumentRow.quantity.is_not(None))
        .distinct()
        .order_by(InstrumentRow.quantity)
    )
    used = select(InstrumentRow.location_id).where(InstrumentRow.location_id.is_not(None))
    locations = (
        select(LocationRow.id, LocationRow.name, LocationRow.department)
        .where(LocationRow.id.in_(used))
        .order_by(LocationRow.name)
    )
    statuses = select(InstrumentRow.status).distinct()
    with db.read() as session:
        return RegisterFacets(
            quantities=tuple(session.scalars(quantities)),
            locations=tuple(LocationInfo(*row) for row in session.execute(locations)),
            statuses=tuple(sorted(InstrumentStatus(s) for s in session.scalars(statuses))),
        )


# --- the instrument page ----------------------------------------------------------------------


def event_summary(row: EventRow) -> EventSummary:
    """An event as one line of a history."""
    return EventSummary(
        id=row.id,
        kind=row.kind,
        status=row.status,
        revision=row.revision,
        performed_on=row.performed_on,
        certificate_no=row.certificate_no,
        provider=row.provider.name if row.provider else None,
        result=row.result,
        valid_until=row.valid_until,
        performer=row.performer.name if row.performer else None,
        version=row.version,
    )


def attachment_info(row: AttachmentRow) -> AttachmentInfo:
    """An attachment without its bytes."""
    return AttachmentInfo(
        id=row.id,
        filename=row.filename,
        size=row.size,
        sha256=row.sha256,
        media_type=row.media_type,
        event_id=row.event_id,
        instrument_id=row.instrument_id,
    )


def _history(session: Any, instrument_id: int, event_ids: list[int]) -> tuple[Any, ...]:
    mine = and_(AuditLogRow.entity == "instruments", AuditLogRow.entity_id == str(instrument_id))
    theirs = and_(
        AuditLogRow.entity == "events", AuditLogRow.entity_id.in_([str(i) for i in event_ids])
    )
    stmt = (
        select(AuditLogRow)
        .where(or_(mine, theirs) if event_ids else mine)
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .limit(1000)
    )
    return tuple(audit_entry(row) for row in session.scalars(stmt))


def get_instrument_detail(db: Database, instrument_id: int) -> InstrumentDetail:
    """The instrument with its events (newest first), attachments and audit history.

    Raises
    ------
    NotFoundError
        No such instrument.
    """
    with db.read() as session:
        row = session.get(InstrumentRow, instrument_id)
        if row is None:
            raise NotFoundError("instruments", instrument_id)
        events = list(
            session.scalars(
                select(EventRow)
                .where(EventRow.instrument_id == instrument_id)
                .order_by(
                    EventRow.performed_on.desc(), EventRow.revision.desc(), EventRow.id.desc()
                )
            )
        )
        files = session.scalars(
            select(AttachmentRow)
            .where(AttachmentRow.instrument_id == instrument_id)
            .order_by(AttachmentRow.id)
        )
        return replace(
            detail_of(row),
            custodian=row.custodian.name if row.custodian else None,
            location=row.location.name if row.location else None,
            provider=_name(session, ProviderRow, row.provider_id),
            procedure=_name(session, ProcedureRow, row.procedure_id, "code"),
            range_text=range_text(
                row.range_low_value, row.range_low_unit, row.range_high_value, row.range_high_unit
            ),
            accuracy_text=accuracy_text(
                row.accuracy_kind, row.accuracy_value, row.accuracy_unit, row.accuracy_class
            ),
            events=tuple(event_summary(e) for e in events),
            attachments=tuple(attachment_info(a) for a in files),
            history=_history(session, instrument_id, [e.id for e in events]),
        )


def _name(session: Any, row_class: Any, key: int | None, attr: str = "name") -> str | None:
    if key is None:
        return None
    row = session.get(row_class, key)
    return None if row is None else str(getattr(row, attr))
