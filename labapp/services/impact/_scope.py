"""What a failed standard put at risk: the trigger, the window, the as-found error and each result.

Definitions (the investigation stores what they gave, so its report does not move later):

* **Trigger**: an event of the standard S whose as-found result (or overall result) is FAIL, or an
  intermediate check of S whose verdict is FAIL.  Its date ends the window.
* **Last good calibration**: S's latest approved event performed before the trigger's date whose
  result is PASS (within tolerance as left).  Its date starts the window; without one, the window
  starts at S's first use (everything S served up to the trigger is in question).
* **Results reached** (:func:`reached`): the reverse trace of S since the window's start
  (:func:`labapp.services.traceability.reverse_trace`, one recursive CTE, to any depth), keeping the
  depth-1 events performed up to the trigger's date (after it S was adjusted or withdrawn) and the
  deeper events reached through a kept event.
* **As-found errors**: from the trigger event's as-found points (all its points when it has no
  separate as-found stage), or from the failed check (check value − reference value, or − the
  centre of the limits when no reference was recorded): S's error at each calibrated nominal
  (:func:`labapp.domain.impact_transfer.error_tables`; absolute for lengths and temperatures,
  relative otherwise).  The investigation shows the largest
  (:func:`labapp.domain.impact.as_found_errors`) and lists every nominal in ``error_source``.
* **Assessment**: depth 1, each point of the stage the certificate reports (as left when recorded,
  else as found) re-evaluated by :func:`labapp.domain.impact.reassess_point` with S's error at
  that point's nominal, interpolated between S's calibrated nominals, never extrapolated (outside
  them the point is not assessable, ``reason="outside_range"``); the nominal(s) used are stored
  with the point (``error_from``).  The point's error, U, shift and U after are stored in the unit
  of its MPE when that is an absolute difference (a length table reads µm throughout, not mm and
  µm mixed), else in its error unit.  The event takes its worst point;
  deeper, from the assessment of the certificate the upstream item had on the day
  (its latest approved event on or before it): possibly affected when that one is affected or
  possibly affected, not affected when it is not or when the item was re-calibrated since
  (``reason="recalibrated_since"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.enums import EventResult, EventStatus, Stage
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.impact import (
    AsFoundError,
    Assessment,
    NotAssessable,
    PointReassessment,
    as_found_errors,
    downstream_assessment,
    reassess_point,
    worst,
)
from labapp.domain.impact_transfer import ErrorTable, error_tables
from labapp.domain.point_values import PointValues
from labapp.domain.points import DecisionRule, unit_text
from labapp.domain.quantities import Measured
from labapp.metrology.errors import MetrologyError
from labapp.metrology.units import Quantity, check_commensurable, delta_unit, parse_unit, to_unit
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    IntermediateCheckRow,
    MeasurementPointRow,
)
from labapp.persistence.models_impact import ImpactItemRow, ImpactPointRow
from labapp.services.database import Database
from labapp.services.traceability import TraceRow, certificate_at, reverse_trace

__all__ = ["RECALIBRATED_SINCE", "Trigger", "assess", "last_good_event", "reached", "trigger_of"]

#: A deeper result whose upstream item had been re-calibrated before it was used.
RECALIBRATED_SINCE = "recalibrated_since"
#: Deepest level followed (a real lab has 3-5).
MAX_DEPTH = 10


@dataclass(frozen=True)
class Trigger:
    """The failed event or check, its standard and date, and the as-found error it shows."""

    standard_id: int
    event_id: int | None
    check_id: int | None
    on: date
    errors: tuple[AsFoundError, ...]
    source: str
    tables: tuple[ErrorTable, ...] = ()

    @property
    def error(self) -> AsFoundError:
        """The largest as-found error (the one the investigation shows first)."""
        return self.errors[0]


def _describe(tables: tuple[ErrorTable, ...]) -> str:
    """``"1 mm: -0.0000006 mm; 100 mm: -0.0000018 mm"``: S's error at each nominal, no words."""
    return " | ".join(t.describe() for t in tables)


def _failed(row: EventRow) -> bool:
    return EventResult.FAIL in (row.as_found, row.result)


def trigger_of(session: Session, *, event_id: int | None, check_id: int | None) -> Trigger:
    """The trigger of a new investigation: a failed event or a failed check.

    Raises
    ------
    NotFoundError
        No such event or check.
    ValidationError
        ``code="not_failed"`` (the event or check did not fail), ``code="required"`` (no trigger,
        or no as-found value to take the error from).
    """
    if event_id is not None:
        return _event_trigger(session, event_id)
    if check_id is not None:
        return _check_trigger(session, check_id)
    raise ValidationError("trigger", "a failed event or check is required", code="required")


def _event_trigger(session: Session, event_id: int) -> Trigger:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError("event", event_id)
    if not _failed(row) or row.status is EventStatus.SUPERSEDED:
        raise ValidationError("trigger", "the event did not find the standard out of tolerance",
                              code="not_failed", params={"event_id": event_id})  # fmt: skip
    found = [p.values for p in row.points if p.stage is Stage.AS_FOUND]
    found = found or [p.values for p in row.points]
    triples = [
        (p.nominal, p.reference, p.indication) for p in found if p.reference and p.indication
    ]
    errors = as_found_errors((r, i) for _n, r, i in triples)
    tables = error_tables(triples)
    return Trigger(row.instrument_id, row.id, None, row.performed_on, errors, _describe(tables),
                   tables)  # fmt: skip


def _check_trigger(session: Session, check_id: int) -> Trigger:
    row = session.get(IntermediateCheckRow, check_id)
    if row is None:
        raise NotFoundError("intermediate_check", check_id)
    if row.verdict.value != "fail":
        raise ValidationError("trigger", "the check did not fail", code="not_failed",
                              params={"check_id": check_id})  # fmt: skip
    unit = row.check_unit or ""
    reference = row.reference_value
    if reference is None and None not in (row.lower_limit_value, row.upper_limit_value):
        reference = (row.lower_limit_value + row.upper_limit_value) / 2  # type: ignore[operator]
    if row.check_value is None or reference is None:
        raise ValidationError("as_found", "the check has no value to compare", code="required")
    pair = (Measured(reference, unit), Measured(row.check_value, unit))
    errors = as_found_errors([pair])
    tables = error_tables([(None, *pair)])
    return Trigger(row.instrument_id, None, row.id, row.performed_on, errors, _describe(tables),
                   tables)  # fmt: skip


def last_good_event(session: Session, standard_id: int, before: date) -> EventRow | None:
    """S's latest approved PASS event performed before ``before`` (ties: the larger id)."""
    stmt = (
        select(EventRow)
        .where(
            EventRow.instrument_id == standard_id,
            EventRow.status == EventStatus.APPROVED,
            EventRow.result == EventResult.PASS,
            EventRow.performed_on < before,
        )
        .order_by(EventRow.performed_on.desc(), EventRow.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).first()


def reached(db: Database, standard_id: int, since: date | None, until: date) -> list[TraceRow]:
    """The results served by the standard in the window, to any depth (module docstring)."""
    trace = reverse_trace(db, standard_id, since=since or date.min, max_depth=MAX_DEPTH)
    kept: list[TraceRow] = []
    used: dict[int, list[date]] = {}  # instrument -> dates of its kept results
    for row in trace.rows:  # ordered by depth: a level is filtered by the one above it
        if row.depth == 1:
            keep = row.performed_on <= until
        else:
            keep = any(on <= row.performed_on for on in used.get(row.via_standard_id, ()))
        if keep:
            kept.append(row)
            used.setdefault(row.instrument_id, []).append(row.performed_on)
    return kept


def _points_by_event(session: Session, ids: Sequence[int]) -> dict[int, list[MeasurementPointRow]]:
    stmt = select(MeasurementPointRow).where(MeasurementPointRow.event_id.in_(ids))
    grouped: dict[int, list[MeasurementPointRow]] = {}
    for point in session.scalars(stmt.order_by(MeasurementPointRow.seq)):
        grouped.setdefault(point.event_id, []).append(point)
    return {
        event: [p for p in points if p.stage is Stage.AS_LEFT] or points
        for event, points in grouped.items()
    }


def _upstream(session: Session, rows: Sequence[TraceRow]) -> dict[int, int | None]:
    """Event id -> the certificate its via item had on that day (one query for all)."""
    ids = [r.event_id for r in rows if r.depth > 1]
    if not ids:
        return {}
    e, link = EventRow, EventStandardRow
    via = {r.event_id: r.via_standard_id for r in rows}
    cert = certificate_at(link.instrument_id, e.performed_on)
    stmt = (
        select(link.event_id, link.instrument_id, cert)
        .join(e, e.id == link.event_id)
        .where(link.event_id.in_(ids))
    )
    return {event: c for event, item, c in session.execute(stmt) if via.get(event) == item}


def in_mpe_unit(r: PointReassessment, facts: PointValues) -> PointReassessment:
    """``r`` with its error, U, shift and U after in the MPE's unit (exact decimal scaling).

    Only an absolute MPE commensurable with the error unit sets the unit (mm errors against a
    µm MPE read in µm); a relative MPE or none leaves the error unit.
    """
    if facts.mpe is None or r.error is None or not facts.mpe.unit or facts.mpe.unit == r.unit:
        return r
    source, target = delta_unit(parse_unit(r.unit)), delta_unit(parse_unit(facts.mpe.unit))
    if unit_text(target) == "Δ°C":  # a difference of °C reads in K (the points' convention)
        target = parse_unit("K")
    try:
        check_commensurable(source, target)
    except MetrologyError:
        return r

    def scale(value: Decimal | None) -> Decimal | None:
        return None if value is None else to_unit(Quantity(value, source), target).magnitude

    return replace(r, error=scale(r.error), u_before=scale(r.u_before), u_after=scale(r.u_after),
                   shift=scale(r.shift), unit=unit_text(target))  # fmt: skip


def _point_row(
    p: MeasurementPointRow, tables: Sequence[ErrorTable], rule: DecisionRule, factor: float
) -> ImpactPointRow:
    """The point re-evaluated with the standard's error at its nominal, in the MPE's unit."""
    facts = p.values
    r = in_mpe_unit(reassess_point(facts, tables, rule=rule, guard_band_factor=factor), facts)
    return ImpactPointRow(
        point_id=p.id, seq=p.seq,
        nominal_value=p.nominal_value, nominal_unit=p.nominal_unit,
        reference_value=p.reference_value, reference_unit=p.reference_unit,
        indication_value=p.indication_value, indication_unit=p.indication_unit,
        mpe_value=p.mpe_value, mpe_unit=p.mpe_unit,
        error=r.error, u_before=r.u_before, u_after=r.u_after, shift=r.shift, unit=r.unit,
        decision_before=r.decision_before, decision_after=r.decision_after,
        assessment=r.assessment, reason=None if r.reason is None else r.reason.value,
        error_from=r.source,
    )  # fmt: skip


def _direct(item: ImpactItemRow, points: Iterable[ImpactPointRow]) -> None:
    item.points = list(points)
    if not item.points:
        item.assessment, item.reason = Assessment.NOT_ASSESSABLE, NotAssessable.NO_POINTS.value
        return
    item.assessment = worst(p.assessment for p in item.points)
    if item.assessment is Assessment.NOT_ASSESSABLE:
        item.reason = next(p.reason for p in item.points if p.reason is not None)


def assess(
    session: Session,
    rows: Sequence[TraceRow],
    tables: Sequence[ErrorTable],
    rule: DecisionRule,
    guard_band_factor: Decimal,
) -> list[ImpactItemRow]:
    """One :class:`ImpactItemRow` per result reached, assessed (module docstring)."""
    factor = float(guard_band_factor)
    points = _points_by_event(session, [r.event_id for r in rows if r.depth == 1])
    upstream = _upstream(session, rows)
    items: dict[int, ImpactItemRow] = {}
    for row in rows:  # by depth: an upstream result is assessed before those it reaches
        item = ImpactItemRow(
            event_id=row.event_id, instrument_id=row.instrument_id, performed_on=row.performed_on,
            depth=row.depth, via_instrument_id=row.via_standard_id,
        )  # fmt: skip
        if row.depth == 1:
            _direct(
                item, (_point_row(p, tables, rule, factor) for p in points.get(row.event_id, []))
            )
        else:
            _downstream(
                item, items.get(upstream.get(row.event_id) or -1), upstream.get(row.event_id)
            )
        items[row.event_id] = item
    return list(items.values())


def _downstream(item: ImpactItemRow, above: ImpactItemRow | None, cert_id: Any) -> None:
    item.upstream_event_id = cert_id
    if above is None:
        item.assessment, item.reason = Assessment.NOT_AFFECTED, RECALIBRATED_SINCE
        return
    item.assessment = downstream_assessment(above.assessment)
