"""Column types that behave the same on SQLite and PostgreSQL.

* :class:`DecimalText` keeps the reported digits of a decimal: TEXT on SQLite (whose ``NUMERIC``
  goes through float), ``NUMERIC`` without precision/scale on PostgreSQL (which keeps the scale).
* :class:`UtcDateTime` stores UTC and always returns timezone-aware UTC datetimes.
* :func:`str_enum` stores a ``StrEnum`` as its lowercase value in a VARCHAR with a CHECK constraint
  (never a native PostgreSQL ENUM, so both databases hold identical schemas);
  :func:`enum_text` does the same for a column made before it (its table states the CHECK).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, Numeric, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["DecimalText", "UtcDateTime", "enum_text", "normalise_decimal", "str_enum", "utcnow"]


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (the only clock persistence uses)."""
    return datetime.now(UTC)


def normalise_decimal(value: Decimal | int | str) -> Decimal:
    """Return the decimal as both databases will give it back.

    Floats are refused (they have already lost the typed digits); NaN and infinities are refused;
    ``-0.000`` becomes ``0.000`` (PostgreSQL ``numeric`` has no negative zero) and a positive
    exponent is expanded (``1E+3`` → ``1000``, ``numeric`` has no positive scale).
    """
    if isinstance(value, float | bool):
        raise TypeError(f"refusing {type(value).__name__} {value!r}: pass a Decimal or a string")
    number = value if isinstance(value, Decimal) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {number}")
    if number.is_zero() and number.is_signed():
        number = number.copy_abs()
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        with localcontext() as ctx:
            ctx.prec = max(ctx.prec, len(number.as_tuple().digits) + exponent)
            number = number.quantize(Decimal(1))
    return number


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal: ``Decimal("10.00")`` comes back as ``Decimal("10.00")`` on both databases.

    Note that on SQLite the column is TEXT: compare and sort these columns in Python (or cast),
    not with SQL ``<``.
    """

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(asdecimal=True))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        number = normalise_decimal(value)
        return number if dialect.name == "postgresql" else str(number)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(str(value))


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, stored as UTC, returned timezone-aware (``tzinfo=UTC``)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"expected a timezone-aware datetime, got {value!r}")
        utc = value.astimezone(UTC)
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


def str_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """A ``StrEnum`` stored as its value in VARCHAR(32) with a CHECK constraint named ``name``."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        validate_strings=True,
        values_callable=lambda cls: [member.value for member in cls],
    )


def enum_text(enum_cls: type[StrEnum], length: int) -> Enum:
    """A ``StrEnum`` read and written as its value in an existing VARCHAR(``length``).

    For a column that was a plain string before its enum existed and whose table already states
    the CHECK constraint (``measurement_points.stage``): the schema stays as migrated, the rows
    come back as members (``Stage.AS_LEFT``) and an unknown value is refused before it is sent.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        validate_strings=True,
        values_callable=lambda cls: [member.value for member in cls],
    )
