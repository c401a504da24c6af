"""Migration 0012 (the ledger's columns) on a database holding an instrument, on both databases.

The generic migration tests run every revision on an empty schema; this one checks what matters
for a lab that upgrades: an existing item keeps every value, becomes ``periodic``, the new enum
columns refuse values outside their enum, and a downgrade gives the item back as it was.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from labapp.persistence import migrations

NEW_COLUMNS = {
    "department_id", "calibration_method", "reverification", "last_event_kind", "last_result",
    "last_certificate_no", "last_valid_until", "accuracy_coverage_factor", "accuracy_text",
    "range_text", "purchase_value", "purchased_on",
}  # fmt: skip
OLD_VALUES = {
    "asset_tag": "T-1", "name": "压力表", "role": "working", "mandatory_verification": True,
    "status": "in_service", "interval_months": 12, "last_calibrated_on": date(2026, 6, 1),
    "range_high_value": "1.60", "range_high_unit": "MPa", "notes": "原有备注",
}  # fmt: skip
STAMP = {"version": 1, "created_by": "t", "updated_by": "t"}


def _insert_item(engine: Engine) -> None:
    values = OLD_VALUES | STAMP
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    with engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO instruments ({names}, created_at, updated_at) "
                f"VALUES ({marks}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            values,
        )


def _item(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM instruments WHERE asset_tag = 'T-1'")).one()
    return dict(row._mapping)


def _columns(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("instruments")}


def test_0012_keeps_an_existing_item_and_goes_back(engine: Engine) -> None:
    migrations.upgrade(engine, "0011")
    _insert_item(engine)
    before = _item(engine)
    assert NEW_COLUMNS.isdisjoint(_columns(engine))

    migrations.upgrade(engine, "0012")
    after = _item(engine)
    assert {k: after[k] for k in before} == before
    assert after["reverification"] == "periodic"
    assert all(after[c] is None for c in NEW_COLUMNS - {"reverification"})

    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE instruments SET calibration_method = 'external', last_result = 'limited',"
                " reverification = 'on_failure', last_valid_until = :until,"
                " purchase_value = '12800.00', last_event_kind = 'verification'"
            ),
            {"until": date(2027, 5, 31)},
        )
    stored = _item(engine)
    assert str(stored["last_valid_until"]) == "2027-05-31"  # SQLite: text
    assert Decimal(str(stored["purchase_value"])) == Decimal("12800.00")
    assert str(stored["purchase_value"]) == "12800.00"  # the digits, not a float

    migrations.downgrade(engine, "0011")
    assert NEW_COLUMNS.isdisjoint(_columns(engine))
    assert _item(engine) == before


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("calibration_method", "outsourced"),
        ("reverification", "weekly"),
        ("last_result", "ok"),
        ("last_event_kind", "repair"),
    ],
)
def test_0012_enum_columns_refuse_unknown_values(engine: Engine, column: str, value: str) -> None:
    migrations.upgrade(engine, "0012")
    _insert_item(engine)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text(f"UPDATE instruments SET {column} = :v"), {"v": value})
    assert _item(engine)[column] != value
