"""One row of the register as the table reads it: the database row kept as is, cells typed on read.

A screenful of the register is 200 rows of 25 columns.  Typing every cell up front (dates,
exact decimals, enums, the range and accuracy texts) cost more than running the query on the
100 000-item lab, while the view paints about 30 rows.  So :class:`RegisterItem` keeps the row
the driver returned and types the row when one of its cells is first read: the same values,
typed the same way, only later (``benchmarks/bench_register.py`` prints both costs).

The driver gives dates and exact decimals as text on SQLite and as ``date`` / ``Decimal`` on
PostgreSQL; the converters below accept both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NoReturn

from labapp.domain.due import DueState, due_state
from labapp.domain.enums import (
    AccuracyKind,
    EventResult,
    InstrumentStatus,
    Role,
    StandardLevel,
)

__all__ = ["REGISTER_FIELDS", "RegisterItem", "accuracy_text", "range_text"]

#: The columns of a register row, in the order the query selects them.
REGISTER_FIELDS = (
    "id",
    "asset_tag",
    "name",
    "model",
    "serial",
    "manufacturer",
    "quantity",
    "range_low_value",
    "range_low_unit",
    "range_high_value",
    "range_high_unit",
    "accuracy_kind",
    "accuracy_value",
    "accuracy_unit",
    "accuracy_class",
    "role",
    "level",
    "custodian",
    "location",
    "status",
    "mandatory_verification",
    "last_calibrated_on",
    "due_on",
    "version",
    "last_result",
)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


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


def _typed(row: Sequence[Any], today: date, lead_days: int) -> tuple[Any, ...]:
    """The cells :class:`RegisterItem` converts, in the order of its ``_T_*`` indices."""
    due = _date(row[22])
    return (
        range_text(_decimal(row[7]), row[8], _decimal(row[9]), row[10]),
        accuracy_text(
            None if row[11] is None else AccuracyKind(row[11]), _decimal(row[12]), row[13], row[14]
        ),
        Role(row[15]),
        None if row[16] is None else StandardLevel(row[16]),
        InstrumentStatus(row[19]),
        bool(row[20]),
        _date(row[21]),
        due,
        due_state(due, today, lead_days),
        None if row[24] is None else EventResult(row[24]),
    )


(_T_RANGE, _T_ACCURACY, _T_ROLE, _T_LEVEL, _T_STATUS, _T_MANDATORY, _T_LAST_ON) = range(7)
(_T_DUE_ON, _T_DUE_STATE, _T_LAST_RESULT) = range(7, 10)


class RegisterItem:
    """One row of the register table (everything sortable is a column in SQL); read-only.

    The row's cells are typed together the first time one of them is read (the view reads
    the rows it paints), then kept.

    Parameters
    ----------
    row
        The database row, columns in :data:`REGISTER_FIELDS` order, as the driver gave them.
    today, lead_days
        For :attr:`due_state` (the day the page was queried for).
    """

    __slots__ = ("_lead_days", "_row", "_today", "_typed")
    _row: Sequence[Any]
    _today: date
    _lead_days: int
    _typed: tuple[Any, ...] | None

    def __init__(self, row: Sequence[Any], today: date, lead_days: int) -> None:
        object.__setattr__(self, "_row", row)
        object.__setattr__(self, "_today", today)
        object.__setattr__(self, "_lead_days", lead_days)
        object.__setattr__(self, "_typed", None)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"RegisterItem is read-only ({name})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RegisterItem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"RegisterItem(id={self.id}, asset_tag={self.asset_tag!r})"

    def _key(self) -> tuple[Any, ...]:
        return (tuple(self._row), self._today, self._lead_days)

    def _cell(self, index: int) -> Any:
        typed = self._typed
        if typed is None:
            typed = _typed(self._row, self._today, self._lead_days)
            object.__setattr__(self, "_typed", typed)
        return typed[index]

    @property
    def id(self) -> int:
        """The instrument's id."""
        return int(self._row[0])

    @property
    def asset_tag(self) -> str:
        """The asset tag (unique)."""
        return str(self._row[1])

    @property
    def name(self) -> str:
        """The instrument's name."""
        return str(self._row[2])

    @property
    def model(self) -> str | None:
        """Model / type designation."""
        return self._row[3]  # type: ignore[no-any-return]

    @property
    def serial(self) -> str | None:
        """Serial number."""
        return self._row[4]  # type: ignore[no-any-return]

    @property
    def manufacturer(self) -> str | None:
        """Manufacturer."""
        return self._row[5]  # type: ignore[no-any-return]

    @property
    def quantity(self) -> str | None:
        """The quantity key (``voltage``, ``temperature`` …)."""
        return self._row[6]  # type: ignore[no-any-return]

    @property
    def range_text(self) -> str:
        """``"0 … 1000 V"`` or ``""``."""
        return str(self._cell(_T_RANGE))

    @property
    def accuracy_text(self) -> str:
        """``"MPE ±0.05 %"`` / ``"class 0.2"`` / ``"U 2.0 mK"`` or ``""``."""
        return str(self._cell(_T_ACCURACY))

    @property
    def role(self) -> Role:
        """Standard or working instrument."""
        return self._cell(_T_ROLE)  # type: ignore[no-any-return]

    @property
    def level(self) -> StandardLevel | None:
        """The standard's level (None for working instruments)."""
        return self._cell(_T_LEVEL)  # type: ignore[no-any-return]

    @property
    def custodian(self) -> str | None:
        """The custodian's name."""
        return self._row[17]  # type: ignore[no-any-return]

    @property
    def location(self) -> str | None:
        """The location's name."""
        return self._row[18]  # type: ignore[no-any-return]

    @property
    def status(self) -> InstrumentStatus:
        """In service, out of service, retired …"""
        return self._cell(_T_STATUS)  # type: ignore[no-any-return]

    @property
    def mandatory_verification(self) -> bool:
        """Subject to mandatory verification (强制检定)."""
        return bool(self._cell(_T_MANDATORY))

    @property
    def last_calibrated_on(self) -> date | None:
        """Date of the last approved verification or calibration."""
        return self._cell(_T_LAST_ON)  # type: ignore[no-any-return]

    @property
    def due_on(self) -> date | None:
        """The due date."""
        return self._cell(_T_DUE_ON)  # type: ignore[no-any-return]

    @property
    def due_state(self) -> DueState:
        """Overdue / due soon / ok / none on the day the page was queried for."""
        return self._cell(_T_DUE_STATE)  # type: ignore[no-any-return]

    @property
    def last_result(self) -> EventResult | None:
        """The latest approved event's result (drafts are not results yet)."""
        return self._cell(_T_LAST_RESULT)  # type: ignore[no-any-return]

    @property
    def version(self) -> int:
        """The row version (optimistic locking)."""
        return int(self._row[23])
