"""Accreditation cycles and sub-discipline coverage (pure rules, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from labapp.domain.proficiency import Coverage, Cycle, coverage_of, current_cycle


def test_a_cycle_ends_the_day_before_its_anniversary() -> None:
    assert Cycle(date(2024, 3, 1), 6).ends_on == date(2030, 2, 28)
    assert Cycle(date(2024, 2, 29), 4).ends_on == date(2028, 2, 28)  # leap day start


def test_cycles_repeat_from_the_first_start() -> None:
    first = Cycle(date(2020, 7, 1), 4)
    assert current_cycle(first.starts_on, 4, date(2023, 1, 1)) == first
    second = current_cycle(first.starts_on, 4, date(2024, 7, 1))
    assert second.starts_on == date(2024, 7, 1) and second.ends_on == date(2028, 6, 30)
    assert current_cycle(first.starts_on, 4, date(2019, 1, 1)) == first  # before: the first
    with pytest.raises(ValueError):
        current_cycle(first.starts_on, 0, date(2023, 1, 1))


def test_coverage_states() -> None:
    cycle = Cycle(date(2022, 1, 1), 6)  # to 2027-12-31
    inside, before = date(2023, 5, 1), date(2021, 5, 1)
    assert coverage_of([before, inside], cycle, date(2024, 1, 1)) is Coverage.COVERED
    assert coverage_of([cycle.starts_on], cycle, date(2024, 1, 1)) is Coverage.COVERED
    assert coverage_of([cycle.ends_on], cycle, date(2024, 1, 1)) is Coverage.COVERED
    assert coverage_of([before], cycle, date(2026, 12, 31)) is Coverage.DUE
    assert coverage_of([before], cycle, date(2027, 1, 1)) is Coverage.DUE_SOON
    assert coverage_of([], cycle, date(2028, 1, 1)) is Coverage.OVERDUE
