"""Column types keep what was stored: decimal digits, UTC instants, enum values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from labapp.domain.enums import Role
from labapp.persistence.models import InstrumentRow
from labapp.persistence.types import normalise_decimal

DIGITS = [
    ("10.00", "10.00"),
    ("0.12345678901234567890", "0.12345678901234567890"),
    ("1E-7", "1E-7"),
    ("-0.000", "0.000"),  # PostgreSQL numeric has no negative zero: normalised on both
    ("-12.3400", "-12.3400"),
    ("1E+3", "1000"),  # numeric has no positive scale: expanded on both
    ("123456789012345678901234567890.5", "123456789012345678901234567890.5"),
]


@pytest.mark.parametrize(("typed", "expected"), DIGITS)
def test_decimals_keep_their_digits(migrated_engine: Engine, typed: str, expected: str) -> None:
    with Session(migrated_engine) as session:
        row = InstrumentRow(asset_tag="D-1", name="x", accuracy_value=Decimal(typed))
        session.add(row)
        session.commit()
        row_id = row.id
    with Session(migrated_engine) as session:
        stmt = select(InstrumentRow.accuracy_value).where(InstrumentRow.id == row_id)
        value = session.scalar(stmt)
    assert isinstance(value, Decimal)
    assert str(value) == expected
    assert value == Decimal(typed)


def test_sqlite_stores_decimal_text_exactly(migrated_engine: Engine) -> None:
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite storage detail")
    with Session(migrated_engine) as session:
        session.add(InstrumentRow(asset_tag="D-2", name="x", accuracy_value=Decimal("10.00")))
        session.commit()
    with migrated_engine.connect() as conn:
        raw = conn.execute(text("SELECT accuracy_value, typeof(accuracy_value) FROM instruments"))
        assert raw.one() == ("10.00", "text")


def test_float_is_refused_before_it_loses_digits(migrated_engine: Engine) -> None:
    with Session(migrated_engine) as session:
        session.add(InstrumentRow(asset_tag="D-3", name="x", accuracy_value=0.1))
        with pytest.raises(StatementError, match="refusing float"):
            session.flush()


def test_normalise_decimal_refuses_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        normalise_decimal(Decimal("NaN"))


def test_timestamps_come_back_aware_utc(migrated_engine: Engine) -> None:
    beijing = timezone(timedelta(hours=8))
    at = datetime(2026, 3, 1, 9, 30, tzinfo=beijing)
    table = InstrumentRow.__table__  # Core: no flush listener stamps the time over ours
    with migrated_engine.begin() as conn:
        conn.execute(table.insert().values(
            asset_tag="T-1", name="x", role="working", mandatory_verification=False,
            status="in_service", version=1, created_at=at, created_by="u", updated_at=at,
            updated_by="u",
        ))  # fmt: skip
    with Session(migrated_engine) as session:
        stored = session.scalar(select(InstrumentRow.created_at))
    assert stored == at
    assert stored is not None and stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)
    assert stored == datetime(2026, 3, 1, 1, 30, tzinfo=UTC)


def test_enum_values_are_stored_as_lowercase_text(migrated_engine: Engine) -> None:
    with Session(migrated_engine) as session:
        session.add(InstrumentRow(asset_tag="E-1", name="x", role=Role.STANDARD))
        session.commit()
    with migrated_engine.connect() as conn:
        assert conn.execute(text("SELECT role, status FROM instruments")).one() == (
            "standard",
            "in_service",
        )
        with pytest.raises(IntegrityError):
            conn.execute(text("UPDATE instruments SET role = 'STANDARD'"))
