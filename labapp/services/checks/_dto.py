"""Frozen data of intermediate checks (期间核查): plans, checks, charts, JJF 1033 tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from labapp.domain.due import DueState
from labapp.domain.enums import Decision, InstrumentStatus
from labapp.domain.quantities import Measured
from labapp.metrology.control_charts import (
    ControlLimits,
    RepeatabilityResult,
    RuleViolation,
    StabilityResult,
)

__all__ = [
    "ChartData",
    "CheckInput",
    "CheckPlanInfo",
    "CheckPlanInput",
    "CheckRecord",
    "RecordResult",
    "RepeatabilityOutcome",
    "StabilityOutcome",
]


@dataclass(frozen=True)
class CheckPlanInfo:
    """A check plan with its standard and where it stands against its frequency."""

    id: int
    version: int
    instrument_id: int
    asset_tag: str
    instrument_name: str
    instrument_status: InstrumentStatus
    check_instrument_id: int | None
    point: str
    frequency_months: int
    lower_limit: Decimal | None
    upper_limit: Decimal | None
    unit: str | None
    last_checked_on: date | None
    due_on: date | None
    due_state: DueState
    ended_on: date | None = None  # no check falls due from this day on
    check_count: int = 0  # checks recorded against the plan (then it cannot be deleted)


@dataclass(frozen=True)
class CheckPlanInput:
    """A check plan as typed: limits are text with units ("-0.5 mV"), or empty.

    ``frequency_months`` 0 means no fixed frequency (checked when needed: never overdue).
    """

    instrument_id: int
    point: str
    frequency_months: int
    lower_limit: str = ""
    upper_limit: str = ""
    check_instrument_id: int | None = None


@dataclass(frozen=True)
class CheckInput:
    """One intermediate check: its readings and the reference value as typed values (parsed once
    at the boundary, :func:`~labapp.services.checks.parse_readings`), in any unit of the plan's
    quantity."""

    plan_id: int
    performed_on: date
    readings: tuple[Measured, ...]
    reference_value: Measured | None = None
    remarks: str = ""


@dataclass(frozen=True)
class CheckRecord:
    """A recorded check: readings and values in the plan's unit, digits kept."""

    id: int
    plan_id: int | None
    performed_on: date
    readings: tuple[Decimal, ...]
    check_value: Decimal | None
    unit: str | None
    reference_value: Decimal | None
    lower_limit: Decimal | None
    upper_limit: Decimal | None
    verdict: Decision
    remarks: str | None


@dataclass(frozen=True)
class RecordResult:
    """What :func:`labapp.services.checks.record_check` did.

    ``impact_suggested`` is True when the check failed and the standard was suspended: the UI
    offers the impact investigation of the failed standard.
    """

    check: CheckRecord
    instrument_status: InstrumentStatus
    impact_suggested: bool


@dataclass(frozen=True)
class ChartData:
    """Points of a plan's individuals chart, limits FIXED from the baseline period, violations."""

    dates: tuple[date, ...]
    values: tuple[Decimal, ...]
    limits: ControlLimits
    violations: tuple[RuleViolation, ...]
    baseline_from: date
    baseline_to: date
    reference: Decimal | None
    mpe: Decimal | None
    unit: str
    baseline_points: int = 0  # checks the limits were computed from
    min_baseline: int = 0  # the lab's minimum (a lab setting); fewer: the chart says so


@dataclass(frozen=True)
class StabilityOutcome:
    """JJF 1033 stability test: the group means (dates, values) and the result."""

    dates: tuple[date, ...]
    means: tuple[Decimal, ...]
    result: StabilityResult
    unit: str


@dataclass(frozen=True)
class RepeatabilityOutcome:
    """JJF 1033 repeatability test of n readings, in ``unit``."""

    readings: tuple[Decimal, ...]
    result: RepeatabilityResult
    unit: str
