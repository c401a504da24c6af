"""Due dates with calendar months, and the due state against today."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from labapp.domain.due import DueState, due_on, due_state
from labapp.domain.quantities import Measured


@pytest.mark.parametrize(
    ("performed", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 15), 12, date(2026, 3, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
    ],
)
def test_due_on_uses_calendar_months(performed: date, months: int, expected: date) -> None:
    assert due_on(performed, months) == expected


@pytest.mark.parametrize(
    ("performed", "months"), [(None, 12), (date(2025, 1, 1), None), (date(2025, 1, 1), 0)]
)
def test_no_due_date_without_both_inputs(performed: date | None, months: int | None) -> None:
    assert due_on(performed, months) is None


def test_due_state_boundaries() -> None:
    today = date(2026, 3, 1)
    assert due_state(None, today) is DueState.NONE
    assert due_state(date(2026, 2, 28), today) is DueState.OVERDUE
    assert due_state(today, today) is DueState.DUE_SOON  # valid on its due day
    assert due_state(date(2026, 3, 31), today, lead_days=30) is DueState.DUE_SOON
    assert due_state(date(2026, 4, 1), today, lead_days=30) is DueState.OK
    assert due_state(date(2026, 3, 10), today, lead_days=0) is DueState.OK


def test_measured_keeps_digits_and_prints_with_unit() -> None:
    value = Measured(Decimal("10.00"), "V")
    assert str(value) == "10.00 V"
    assert Measured.of(None, "V") is None
    assert Measured.of(Decimal("1"), None) == Measured(Decimal("1"), "")
