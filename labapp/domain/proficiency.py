"""Proficiency-testing rules (能力验证): accreditation cycles, sub-discipline coverage, actions.

CNAS-RL02 asks an accredited laboratory to take part in proficiency testing for every
sub-discipline (子领域) of its scope at least once per accreditation cycle (typically 4 or 6
years, configurable).  These rules know nothing of the database: the service gives them dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

__all__ = [
    "CorrectiveStatus",
    "Coverage",
    "Cycle",
    "coverage_of",
    "current_cycle",
]


class CorrectiveStatus(StrEnum):
    """State of a corrective action (纠正措施)."""

    OPEN = "open"
    CLOSED = "closed"


class Coverage(StrEnum):
    """How a sub-discipline stands in the current accreditation cycle."""

    COVERED = "covered"  # at least one comparison dated inside the cycle
    DUE = "due"  # not covered yet, more than a year of the cycle left
    DUE_SOON = "due_soon"  # not covered and the cycle ends within a year
    OVERDUE = "overdue"  # the cycle ended without a comparison
    NOT_IN_SCOPE = "not_in_scope"  # taken out of the scope: never due


@dataclass(frozen=True)
class Cycle:
    """An accreditation cycle: ``years`` calendar years from ``starts_on`` (end inclusive)."""

    starts_on: date
    years: int

    @property
    def ends_on(self) -> date:
        """The last day of the cycle."""
        end: date = self.starts_on + relativedelta(years=self.years) - timedelta(days=1)
        return end

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the cycle (both ends included)."""
        return self.starts_on <= day <= self.ends_on


def current_cycle(starts_on: date, years: int, today: date) -> Cycle:
    """The cycle holding ``today`` when cycles of ``years`` repeat from ``starts_on``.

    Before ``starts_on`` the first cycle is returned.

    Raises
    ------
    ValueError
        ``years`` is not positive.
    """
    if years <= 0:
        raise ValueError(f"a cycle lasts at least one year, got {years}")
    cycle = Cycle(starts_on, years)
    while cycle.ends_on < today:
        cycle = Cycle(cycle.ends_on + timedelta(days=1), years)
    return cycle


def coverage_of(dates: list[date], cycle: Cycle, today: date) -> Coverage:
    """Coverage of one sub-discipline from the dates of its comparisons.

    Parameters
    ----------
    dates
        The date of each comparison of the sub-discipline (end date, else start date).
    cycle
        The accreditation cycle judged.
    today
        The day of the judgement (a year before the cycle's end makes it due soon).
    """
    if any(cycle.contains(d) for d in dates):
        return Coverage.COVERED
    if today > cycle.ends_on:
        return Coverage.OVERDUE
    if cycle.ends_on - relativedelta(years=1) < today:
        return Coverage.DUE_SOON
    return Coverage.DUE
