"""The register of instruments and standards: filter, sort and page in SQL.

Rules:

* Search as you type matches the text, case-insensitively, anywhere in asset tag, name, model,
  serial number, manufacturer, quantity, location and custodian: the one rule of
  :mod:`labapp.services.register._search`, shared with every other instrument search.
* The count for a search stops at :data:`SEARCH_COUNT_CAP` + 1 matches ("more than …"): counting
  every match of "D" on the 100 000-item lab took longer than the page itself.
* ``due_state``: overdue after the due day; due soon within ``lead_days`` (the due day counts as
  valid, see :func:`labapp.domain.due.due_state`); ok later; none without a due date.
* ``last_result`` is the result of the latest *approved* event (drafts are not results yet).
* Sorting by any column key of :data:`SORT_KEYS`, empty values last in both directions, then by
  id, so pages never overlap or skip rows.
* Add / edit / retire / "add similar" live in :mod:`labapp.services.register._instruments` and are
  re-exported here; an item is never deleted (retire it with a reason).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select, type_coerce
from sqlalchemy.orm import aliased
from sqlalchemy.types import NullType

from labapp.domain.due import DueState
from labapp.domain.enums import EventStatus, InstrumentStatus, Role
from labapp.domain.errors import ValidationError
from labapp.persistence.models import EventRow, InstrumentRow, LocationRow, PersonRow
from labapp.services.common import due_condition
from labapp.services.database import Database
from labapp.services.master_data import LocationInfo
from labapp.services.register._dto import RegisterFacets
from labapp.services.register._instruments import (
    create_instrument,
    duplicate_instrument,
    retire_instrument,
    update_instrument,
)
from labapp.services.register._page import get_instrument_detail
from labapp.services.register._row import RegisterItem, accuracy_text, range_text
from labapp.services.register._search import (
    is_common,
    search_condition,
    search_params,
    search_shape,
)

__all__ = [
    "SEARCH_COUNT_CAP",
    "SORT_KEYS",
    "RegisterFilter",
    "RegisterItem",
    "accuracy_text",
    "count_register",
    "create_instrument",
    "duplicate_instrument",
    "get_instrument_detail",
    "query_register",
    "range_text",
    "register_facets",
    "register_where",
    "retire_instrument",
    "search_count_cap",
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


#: How far :func:`count_register` counts the matches of a search (see the module docstring).
SEARCH_COUNT_CAP = 1000


def search_count_cap() -> int:
    """How many matches a search's count goes to before it says "more than" (read when asked,
    so a setting or a test that changes :data:`SEARCH_COUNT_CAP` holds everywhere)."""
    return SEARCH_COUNT_CAP


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


def register_where(
    flt: RegisterFilter, today: date, lead_days: int, dialect: str, *, many: bool = False
) -> list[ColumnElement[bool]]:
    """The register page's filter as SQL conditions (the register export applies the same).

    ``many``: the search text is common (see :func:`register_search.is_common`).
    """
    conditions: list[ColumnElement[bool]] = []
    if flt.search and flt.search.strip():
        conditions.append(search_condition(flt.search.strip(), dialect, many=many))
    if flt.quantity:
        conditions.append(InstrumentRow.quantity == flt.quantity)
    if flt.role is not None:
        conditions.append(InstrumentRow.role == flt.role)
    if flt.status is not None:
        conditions.append(InstrumentRow.status == flt.status)
    if flt.due_state is not None:
        conditions.append(due_condition(DueState(flt.due_state), today, lead_days))
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
    dialect, flt = db.engine.dialect.name, flt or RegisterFilter()
    params = {"page_limit": limit, "page_offset": offset}
    # A Core statement on a plain connection, cells left as the driver gives them: the ORM's row
    # loading and SQLAlchemy's per-cell type processing cost more than the query itself on the
    # 100 000-item lab; RegisterItem types a cell when the view reads it (bench_register.py).
    with db.engine.connect() as conn:
        many = _common_search(conn, flt)
        text = (flt.search or "").strip()
        if text:  # one statement per search shape: the text goes in as its parameters' values
            params.update(search_params(text))
            flt = replace(flt, search=_SHAPES[search_shape(text, many=many)])
        stmt = _page_statement(flt, order_by, descending, today, lead_days, dialect, many)
        rows = conn.execute(stmt, params).fetchall()
    return [RegisterItem(row, today, lead_days) for row in rows]


#: a stand-in text of each search shape (the page statement is cached per shape; the typed text
#: is bound at execution): three characters reach the trigram index, one does not
_SHAPES = {"index": "xxx", "scan": "x"}


@functools.lru_cache(maxsize=64)
def _page_statement(
    flt: RegisterFilter,
    order_by: str,
    descending: bool,
    today: date,
    lead_days: int,
    dialect: str,
    many: bool = False,
) -> Any:
    """The page query for one filter and order, built once: scrolling only changes the page.

    Building the statement cost about as much as running it on the 100 000-item lab.  Every
    column is selected untyped (``NullType``): no result processing, RegisterItem converts.
    """
    ordering = _ordering(order_by, descending)
    # The page's ids first, then its columns: otherwise the database computes the last-result
    # subquery for every matching row before sorting them (ten times slower by due date).
    where = register_where(flt, today, lead_days, dialect, many=many)
    page = _from(select(InstrumentRow.id)).where(*where)
    page = page.order_by(*ordering).limit(bindparam("page_limit"))
    ids = page.offset(bindparam("page_offset")).subquery("page")
    columns = [type_coerce(c, NullType()) for c in (*_COLUMNS, _last_result())]
    stmt = _from(select(*columns)).join(ids, ids.c.id == InstrumentRow.id)
    return stmt.order_by(*ordering)


def count_register(
    db: Database,
    flt: RegisterFilter | None = None,
    today: date | None = None,
    lead_days: int = 30,
    *,
    cap: int | None = None,
) -> int:
    """How many instruments the filter matches (the same WHERE as :func:`query_register`).

    Parameters
    ----------
    cap
        Stop counting after ``cap + 1`` matches (None: count all).  A result above ``cap``
        means "more than ``cap``"; the status line says so (see :data:`SEARCH_COUNT_CAP`).
    """
    flt = flt or RegisterFilter()
    if flt.due_state is not None and today is None:
        raise ValidationError("today", "a due-state filter needs today's date", code="required")
    with db.engine.connect() as conn:
        many = cap is not None and _common_search(conn, flt)  # a capped count stops early
        where = register_where(flt, today or date.today(), lead_days, conn.dialect.name, many=many)
        matches = select(InstrumentRow.id).where(*where)
        if cap is not None:
            matches = matches.limit(cap + 1)
        stmt = select(func.count()).select_from(matches.subquery())
        return int(conn.execute(stmt).scalar_one())


def _common_search(conn: Any, flt: RegisterFilter) -> bool:
    """Whether the filter's search text is common enough to read in page order (SQLite)."""
    return bool(flt.search and flt.search.strip()) and is_common(conn, flt.search.strip())


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
