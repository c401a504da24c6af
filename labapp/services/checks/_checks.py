"""Intermediate checks of measurement standards (期间核查, ISO/IEC 17025 6.4.10, JJF 1033).

Use cases (the plans themselves are in :mod:`labapp.services.checks._plans`): recording a check
(readings converted to the plan's unit, mean kept as Decimal, verdict against the plan's limits;
a failing check suspends the standard in the same transaction), the individuals control chart
with limits FIXED from a chosen baseline period, and the JJF 1033 stability and repeatability tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from labapp.domain.enums import AuditAction, Decision, InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.domain.point_values import quantity_of
from labapp.domain.points import unit_text
from labapp.domain.quantities import Measured
from labapp.io.checks import CheckHistoryRow, write_check_workbook
from labapp.io.excel import CoverInfo, ExportResult, Language
from labapp.metrology.control_charts import (
    StabilityCriterion,
    individuals_limits,
    repeatability_test,
    run_rules,
    stability_test,
)
from labapp.metrology.errors import MetrologyError
from labapp.metrology.units import check_commensurable, parse_quantity, to_unit
from labapp.persistence.models import (
    CheckPlanRow,
    CheckReadingRow,
    InstrumentRow,
    IntermediateCheckRow,
)
from labapp.services.checks._dto import (
    ChartData,
    CheckInput,
    CheckRecord,
    RecordResult,
    RepeatabilityOutcome,
    StabilityOutcome,
)
from labapp.services.checks._plans import instrument_row, plan_row, plan_unit
from labapp.services.common import with_laboratory
from labapp.services.database import Database
from labapp.services.laboratory import figure_settings

__all__ = [
    "control_chart_data",
    "export_checks",
    "list_checks",
    "record_check",
    "repeatability",
    "stability",
]


def _record(row: IntermediateCheckRow) -> CheckRecord:
    return CheckRecord(
        row.id, row.plan_id, row.performed_on, tuple(r.value for r in row.readings),
        row.check_value, row.check_unit, row.reference_value,
        row.lower_limit_value, row.upper_limit_value, row.verdict, row.remarks,
    )  # fmt: skip


def list_checks(db: Database, plan_id: int) -> list[CheckRecord]:
    """The plan's checks, oldest first."""
    stmt = select(IntermediateCheckRow).where(IntermediateCheckRow.plan_id == plan_id)
    with db.read() as session:
        rows = session.scalars(stmt.order_by(IntermediateCheckRow.performed_on)).all()
        return [_record(r) for r in rows]


def parse_reading(text: str, unit: str | None, field: str, **params: Any) -> Measured:
    """A reading or value as typed (``"10.0002 V"``; a bare number is in ``unit``), parsed once.

    This is the boundary: the dialog (and a script) turn text into a ``Measured`` here, keeping
    the typed digits and unit; the services take the typed value.

    Raises
    ------
    ValidationError
        ``not_a_quantity`` (``field``; ``params`` plus the ``text``) for text that is not a
        number with a unit LabApp knows.
    """
    try:
        q = parse_quantity(text, default_unit=unit)
    except MetrologyError as exc:
        raise ValidationError(
            field, str(exc), code="not_a_quantity", params={**params, "text": text}
        ) from exc
    return Measured(Decimal(q.magnitude), unit_text(q.units))


def parse_readings(texts: Sequence[str], unit: str | None) -> tuple[Measured, ...]:
    """Each typed reading parsed once (:func:`parse_reading`), ``field="readings[i]"`` (0-based)
    and ``params["reading"]`` the 1-based number on a refusal."""
    return tuple(
        parse_reading(text, unit, f"readings[{i}]", reading=i + 1) for i, text in enumerate(texts)
    )


def convert_readings(values: Sequence[Measured], unit: str | None) -> list[Decimal]:
    """Each typed reading as a Decimal in ``unit`` (the plan's), digits kept.

    Raises
    ------
    ValidationError
        ``field="readings[i]"`` (0-based) for a wrong-unit (``incommensurable``) reading;
        ``params`` hold the 1-based ``reading`` number, the ``text``, the typed ``unit`` and the
        ``expected`` one; ``required`` without any reading.
    """
    converted = [
        _in_unit(value, unit, f"readings[{i}]", reading=i + 1) for i, value in enumerate(values)
    ]
    if not converted:
        raise ValidationError("readings", "at least one reading", code="required")
    return converted


def _in_unit(value: Measured, unit: str | None, field: str, **params: Any) -> Decimal:
    """``value`` as a Decimal in ``unit``, refused with the codes the GUI's error wording knows."""
    q = quantity_of(value, field)
    if unit is not None:
        try:
            check_commensurable(q.units, unit, field)
            q = to_unit(q, unit)
        except MetrologyError as exc:
            typed = {"text": str(value), "unit": value.unit, "expected": unit}
            raise ValidationError(
                field, str(exc), code="incommensurable", params={**params, **typed}
            ) from exc
    return Decimal(q.magnitude)


def mean_of(values: Sequence[Decimal]) -> Decimal:
    """The mean, with the digits of the finest reading (never more digits than were read)."""
    exponent = min(int(v.as_tuple().exponent) for v in values)
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal(1).scaleb(exponent))


def verdict_of(value: Decimal, lower: Decimal | None, upper: Decimal | None) -> Decision:
    """PASS inside the plan's limits (limits included), FAIL outside, NONE without limits."""
    if lower is None and upper is None:
        return Decision.NONE
    inside = (lower is None or value >= lower) and (upper is None or value <= upper)
    return Decision.PASS if inside else Decision.FAIL


def _suspend(uow: Any, item: InstrumentRow, check: IntermediateCheckRow) -> None:
    item.status = InstrumentStatus.SUSPENDED
    reason = (
        f"intermediate check {check.id} on {check.performed_on.isoformat()} failed: "
        f"{check.check_value} {check.check_unit or ''} outside "
        f"[{check.lower_limit_value}, {check.upper_limit_value}]"
    )
    uow.audit(item, AuditAction.UPDATE, reason)


def record_check(db: Database, user: str, data: CheckInput) -> RecordResult:
    """Record a check; a FAIL suspends the standard (audited, same transaction).

    Raises
    ------
    ValidationError
        A reading (``readings[i]``) or the reference value in the wrong unit.
        ``plan_ended``: the check is dated on or after the plan's end.
    NotFoundError
        No such plan.
    """
    with db.unit_of_work(user) as uow:
        plan = plan_row(uow.session, data.plan_id)
        if plan.ended_on is not None and data.performed_on >= plan.ended_on:
            raise ValidationError(
                "plan", "the plan has ended", code="plan_ended",
                params={"ended_on": plan.ended_on.isoformat()},
            )  # fmt: skip
        unit = plan_unit(plan)
        values = convert_readings(data.readings, unit)
        reference = _reference(data.reference_value, unit)
        value = mean_of(values)
        row = IntermediateCheckRow(
            instrument_id=plan.instrument_id, plan_id=plan.id, performed_on=data.performed_on,
            check_value=value, check_unit=unit,
            reference_value=reference, reference_unit=unit if reference is not None else None,
            lower_limit_value=plan.lower_limit_value, lower_limit_unit=plan.lower_limit_unit,
            upper_limit_value=plan.upper_limit_value, upper_limit_unit=plan.upper_limit_unit,
            verdict=verdict_of(value, plan.lower_limit_value, plan.upper_limit_value),
            remarks=data.remarks.strip() or None,
            readings=[
                CheckReadingRow(seq=i, value=v, unit=unit or "") for i, v in enumerate(values, 1)
            ],
        )  # fmt: skip
        uow.session.add(row)
        uow.flush()
        item = instrument_row(uow.session, plan.instrument_id)
        failed = row.verdict is Decision.FAIL
        if failed:
            _suspend(uow, item, row)
        uow.commit()
        return RecordResult(_record(row), item.status, failed)


def _reference(
    value: Measured | None, unit: str | None, field: str = "reference_value"
) -> Decimal | None:
    return None if value is None else _in_unit(value, unit, field)


def _mpe(plan: CheckPlanRow) -> Decimal | None:
    """|MPE| of the plan: half the width of its limits, or the one limit's magnitude."""
    lo, hi = plan.lower_limit_value, plan.upper_limit_value
    if lo is not None and hi is not None:
        return (hi - lo) / 2
    one = hi if hi is not None else lo
    return None if one is None else abs(one)


def control_chart_data(
    db: Database, plan_id: int, baseline_from: date, baseline_to: date
) -> ChartData:
    """Every check of the plan, with individuals-chart limits FIXED from the baseline period.

    The limits come only from the checks performed within ``[baseline_from, baseline_to]``;
    points outside it (later checks) are judged against them, never fed back.

    Raises
    ------
    ValidationError
        ``baseline``: fewer than 2 checks in the baseline period.
    """
    checks = [c for c in list_checks(db, plan_id) if c.check_value is not None]
    baseline = [c.check_value for c in checks if baseline_from <= c.performed_on <= baseline_to]
    if len(baseline) < 2:
        raise ValidationError(
            "baseline", "needs at least 2 checks", code="baseline_too_small",
            params={"count": len(baseline)},
        )  # fmt: skip
    limits = individuals_limits(baseline)  # type: ignore[arg-type]
    values = tuple(c.check_value for c in checks if c.check_value is not None)
    violations = tuple(run_rules(values, limits)) if limits.sigma > 0 else ()
    with db.read() as session:
        plan = plan_row(session, plan_id)
        unit, mpe = plan_unit(plan) or "", _mpe(plan)
    reference = next(
        (c.reference_value for c in reversed(checks) if c.reference_value is not None), None
    )
    return ChartData(
        tuple(c.performed_on for c in checks), values, limits, violations,
        baseline_from, baseline_to, reference, mpe, unit, len(baseline),
        figure_settings(db).control_min_baseline,
    )  # fmt: skip


def stability(db: Database, plan_id: int, groups: int | None = None) -> StabilityOutcome:
    """JJF 1033 stability test: max - min of the last ``groups`` check means against |MPE|.

    Each check is one group of readings; its mean is the group mean.  ``groups=None`` takes
    every check (JJF 1033 asks a new standard for m ≥ 4 groups at least a month apart).

    Raises
    ------
    ValidationError
        ``groups``: fewer than 2 checks, or the plan has no limits (no MPE).
    """
    checks = [c for c in list_checks(db, plan_id) if c.check_value is not None]
    chosen = checks if groups is None else checks[-groups:]
    if len(chosen) < 2:
        raise ValidationError(
            "groups",
            "needs at least 2 checks",
            code="too_few",
            params={"count": len(chosen), "needed": 2},
        )
    with db.read() as session:
        plan = plan_row(session, plan_id)
        mpe, unit = _mpe(plan), plan_unit(plan) or ""
    if mpe is None:
        raise ValidationError("limit", "the plan has no limits", code="required")
    means = tuple(c.check_value for c in chosen if c.check_value is not None)
    result = stability_test(means, mpe, StabilityCriterion.MPE)
    return StabilityOutcome(tuple(c.performed_on for c in chosen), means, result, unit)


def repeatability(
    db: Database | None, readings: Sequence[Measured], unit: str, limit: Measured | None = None
) -> RepeatabilityOutcome:
    """JJF 1033 repeatability test: n readings (typed values), Bessel s against a limit.

    ``db`` is unused (the test needs no stored data) but kept so every use case has one shape.

    Raises
    ------
    ValidationError
        A reading (``readings[i]``) or the limit in the wrong unit; n < 2.
    """
    del db
    values = convert_readings(readings, unit)
    if len(values) < 2:
        raise ValidationError(
            "readings",
            "needs at least 2 readings",
            code="too_few",
            params={"count": len(values), "needed": 2},
        )
    bound = _reference(limit, unit, "limit")
    if bound is not None and bound < 0:
        raise ValidationError("limit", "must not be negative", code="positive")
    return RepeatabilityOutcome(tuple(values), repeatability_test(values, bound), unit)


def export_checks(
    db: Database,
    plan_id: int,
    path: str,
    cover: CoverInfo,
    *,
    repeatability_outcome: RepeatabilityOutcome | None = None,
    language: Language = "en",
) -> ExportResult:
    """Write the plan's check history, its stability test (when ≥ 2 checks and limits) and the
    repeatability test given, to an Excel workbook with a cover sheet."""
    cover = with_laboratory(db, cover)  # a GUI cover names the lab too
    history = list_checks(db, plan_id)
    with db.read() as session:
        unit = plan_unit(plan_row(session, plan_id)) or ""
    rows = [
        CheckHistoryRow(
            c.performed_on, c.readings, c.check_value, c.reference_value,
            c.lower_limit, c.upper_limit, c.verdict,
        )
        for c in history
    ]  # fmt: skip
    try:
        stab = stability(db, plan_id)
        stab_data = (stab.dates, stab.means, stab.result)
    except ValidationError:
        stab_data = None
    rep = repeatability_outcome
    return write_check_workbook(
        path, cover, unit, rows, stability=stab_data,
        repeatability=None if rep is None else (rep.readings, rep.result), language=language,
    )  # fmt: skip
