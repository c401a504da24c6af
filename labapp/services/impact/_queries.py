"""Read side of the impact investigations: lists, details, and what can trigger a new one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from labapp.domain.enums import EventResult, EventStatus
from labapp.domain.impact import Assessment
from labapp.domain.quantities import Measured
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    IntermediateCheckRow,
)
from labapp.persistence.models_impact import ImpactInvestigationRow, ImpactItemRow, ImpactPointRow
from labapp.services.database import Database
from labapp.services.impact._dto import (
    FailedSource,
    ImpactItem,
    ImpactPoint,
    InvestigationDetail,
    InvestigationSummary,
    StandardChoice,
)

__all__ = [
    "detail_of",
    "failed_sources",
    "list_investigations",
    "standards_with_failures",
    "summaries",
]


def _counts(session: Session, ids: Sequence[int]) -> dict[int, tuple[Counter[Assessment], int]]:
    item = ImpactItemRow
    at_risk = item.assessment.in_((Assessment.AFFECTED, Assessment.POSSIBLY_AFFECTED))
    undecided = func.sum(case((at_risk & item.action.is_(None), 1), else_=0))
    stmt = (
        select(item.investigation_id, item.assessment, func.count(), undecided)
        .where(item.investigation_id.in_(ids))
        .group_by(item.investigation_id, item.assessment)
    )
    counts: dict[int, tuple[Counter[Assessment], int]] = {i: (Counter(), 0) for i in ids}
    for inv, assessment, n, open_n in session.execute(stmt):
        counter, pending = counts[inv]
        counter[Assessment(assessment)] = n
        counts[inv] = (counter, pending + int(open_n or 0))
    return counts


def summaries(session: Session, stmt: Select[Any]) -> list[InvestigationSummary]:
    """The investigations ``stmt`` selects (rows of ImpactInvestigationRow), newest first."""
    rows = session.scalars(stmt.order_by(ImpactInvestigationRow.id.desc())).all()
    wanted = select(InstrumentRow).where(InstrumentRow.id.in_({r.standard_id for r in rows}))
    items = {i.id: i for i in session.scalars(wanted)}
    counts = _counts(session, [r.id for r in rows])
    return [_summary(r, items[r.standard_id], *counts[r.id]) for r in rows]


def _summary(
    row: ImpactInvestigationRow, std: InstrumentRow, counts: Counter[Assessment], undecided: int
) -> InvestigationSummary:
    is_event = row.trigger_event_id is not None
    trigger_id = row.trigger_event_id if is_event else row.trigger_check_id
    return InvestigationSummary(
        row.id, row.version, row.status, row.standard_id, std.asset_tag, std.name,
        "event" if is_event else "check", trigger_id or 0, row.window_end,
        row.opened_by, row.opened_at,
        counts[Assessment.AFFECTED], counts[Assessment.POSSIBLY_AFFECTED],
        counts[Assessment.NOT_AFFECTED], counts[Assessment.NOT_ASSESSABLE], undecided,
    )  # fmt: skip


def list_investigations(db: Database) -> list[InvestigationSummary]:
    """Every investigation, newest first, with its counts per assessment and undecided items."""
    with db.read() as session:
        return summaries(session, select(ImpactInvestigationRow))


def _point(p: ImpactPointRow) -> ImpactPoint:
    return ImpactPoint(
        p.seq, Measured.of(p.nominal_value, p.nominal_unit),
        Measured.of(p.reference_value, p.reference_unit),
        Measured.of(p.indication_value, p.indication_unit), Measured.of(p.mpe_value, p.mpe_unit),
        p.error, p.u_before, p.u_after, p.shift, p.unit, p.decision_before, p.decision_after,
        p.assessment, p.reason, p.error_from,
    )  # fmt: skip


def _items(session: Session, investigation_id: int) -> tuple[ImpactItem, ...]:
    item, via = aliased(InstrumentRow), aliased(InstrumentRow)
    stmt = (
        select(ImpactItemRow, item.asset_tag, item.name, via.asset_tag, EventRow.certificate_no)
        .join(item, item.id == ImpactItemRow.instrument_id)
        .join(via, via.id == ImpactItemRow.via_instrument_id)
        .join(EventRow, EventRow.id == ImpactItemRow.event_id)
        .where(ImpactItemRow.investigation_id == investigation_id)
        .options(selectinload(ImpactItemRow.points))
        .order_by(ImpactItemRow.depth, ImpactItemRow.performed_on, ImpactItemRow.event_id)
    )
    rows = session.execute(stmt).all()
    assessed = {r[0].event_id: r[0].assessment for r in rows}
    return tuple(
        ImpactItem(
            i.id, i.version, i.event_id, i.instrument_id, tag, name, i.performed_on, cert,
            i.depth, via_tag, i.upstream_event_id, assessed.get(i.upstream_event_id or -1),
            i.assessment, i.reason, i.action, i.action_reason, i.decided_by, i.decided_at,
            tuple(_point(p) for p in i.points),
        )
        for i, tag, name, via_tag, cert in rows
    )  # fmt: skip


def detail_of(session: Session, row: ImpactInvestigationRow) -> InvestigationDetail:
    """The detail DTO of an investigation row (its items and points read in two queries)."""
    summary = summaries(session, select(ImpactInvestigationRow).where(
        ImpactInvestigationRow.id == row.id))[0]  # fmt: skip
    return InvestigationDetail(
        summary, row.good_event_id, row.window_start, row.window_end,
        Measured(row.error_value, row.error_unit), row.error_reference_unit, row.error_source,
        row.rule, row.guard_band_factor, row.summary, row.closed_by, row.closed_at,
        row.conclusion, _items(session, row.id),
    )  # fmt: skip


def _served() -> Any:
    return select(EventStandardRow.instrument_id).distinct()


def standards_with_failures(db: Database) -> list[StandardChoice]:
    """Standards that served a result and have a failed event or check, by asset tag."""
    failed_event = select(EventRow.instrument_id).where(
        (EventRow.as_found == EventResult.FAIL) | (EventRow.result == EventResult.FAIL),
        EventRow.status != EventStatus.SUPERSEDED,
    )
    failed_check = select(IntermediateCheckRow.instrument_id).where(
        IntermediateCheckRow.verdict == "fail"
    )
    i = InstrumentRow
    stmt = select(i.id, i.asset_tag, i.name).where(
        i.id.in_(_served()), i.id.in_(failed_event.union(failed_check))
    )
    with db.read() as session:
        return [StandardChoice(*r) for r in session.execute(stmt.order_by(i.asset_tag))]


def failed_sources(db: Database, standard_id: int) -> list[FailedSource]:
    """The standard's failed events and failed checks, newest first (a new investigation's
    trigger), each with the open investigation it already has, if any."""
    e, c, inv = EventRow, IntermediateCheckRow, ImpactInvestigationRow
    open_inv = inv.status == "open"
    events = (
        select(e.id, e.performed_on, e.certificate_no, inv.id)
        .outerjoin(inv, (inv.trigger_event_id == e.id) & open_inv)
        .where(e.instrument_id == standard_id, e.status != EventStatus.SUPERSEDED,
               (e.as_found == EventResult.FAIL) | (e.result == EventResult.FAIL))
    )  # fmt: skip
    checks = (
        select(c.id, c.performed_on, inv.id)
        .outerjoin(inv, (inv.trigger_check_id == c.id) & open_inv)
        .where(c.instrument_id == standard_id, c.verdict == "fail")
    )
    with db.read() as session:
        tag = session.scalars(select(InstrumentRow.asset_tag).where(
            InstrumentRow.id == standard_id)).one()  # fmt: skip
        found = [FailedSource("event", i, standard_id, tag, on, no, open_id)
                 for i, on, no, open_id in session.execute(events)]  # fmt: skip
        found += [FailedSource("check", i, standard_id, tag, on, None, open_id)
                  for i, on, open_id in session.execute(checks)]  # fmt: skip
    return sorted(found, key=lambda s: (s.performed_on, s.kind == "event"), reverse=True)
