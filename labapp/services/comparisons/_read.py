"""Reading comparisons: the list, one comparison with its participants, and its stored method."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from labapp.domain.errors import NotFoundError
from labapp.metrology.robust import MIN_VALUES_ALGORITHM_A
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow
from labapp.services.comparisons._dto import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonSummary,
    ParticipantInfo,
)
from labapp.services.database import Database

__all__ = ["get_comparison", "list_comparisons", "load_comparison", "stored_method"]


def list_comparisons(db: Database) -> list[ComparisonSummary]:
    """Every comparison, newest first, with its number of participants."""
    count = (
        select(func.count(ComparisonParticipantRow.id))
        .where(ComparisonParticipantRow.comparison_id == ComparisonRow.id)
        .scalar_subquery()
    )
    stmt = select(ComparisonRow, count).order_by(
        ComparisonRow.started_on.desc().nulls_last(), ComparisonRow.id.desc()
    )
    with db.read() as session:
        return [
            ComparisonSummary(
                r.id, r.title, r.scheme, r.measurand, r.unit, r.role, r.started_on, r.ended_on, n
            )
            for r, n in session.execute(stmt)
        ]


def get_comparison(db: Database, comparison_id: int) -> ComparisonDetail:
    """One comparison with its participants (ordered by code).

    Raises
    ------
    NotFoundError
        No such comparison.
    """
    with db.read() as session:
        return _detail(load_comparison(session, comparison_id))


def load_comparison(session: Session, comparison_id: int) -> ComparisonRow:
    """The comparison row with its participants (NotFoundError when there is none)."""
    stmt = (
        select(ComparisonRow)
        .where(ComparisonRow.id == comparison_id)
        .options(selectinload(ComparisonRow.participants))
    )
    row = session.scalars(stmt).one_or_none()
    if row is None:
        raise NotFoundError("comparison", comparison_id)
    return row


def stored_method(row: ComparisonRow) -> AssignedMethod:
    """The stored method; free text from older records means "given" when a value is stored."""
    try:
        return AssignedMethod(row.assigned_value_method or "")
    except ValueError:
        if row.assigned_value is None and len(row.participants) >= MIN_VALUES_ALGORITHM_A:
            return AssignedMethod.ALGORITHM_A
        return AssignedMethod.PROVIDER


def _participant_info(p: ComparisonParticipantRow) -> ParticipantInfo:
    return ParticipantInfo(
        p.id,
        p.version,
        p.code,
        p.value,
        p.expanded_uncertainty,
        p.coverage_factor,
        p.method,
        p.measured_on,
        p.is_own_lab,
        p.instrument_id,
    )


def _detail(row: ComparisonRow) -> ComparisonDetail:
    participants = sorted(row.participants, key=lambda p: p.code)
    return ComparisonDetail(
        row.id,
        row.version,
        row.title,
        row.scheme,
        row.provider_name,
        row.measurand,
        row.unit,
        row.artefact,
        row.pilot_lab,
        row.protocol,
        row.role,
        row.started_on,
        row.ended_on,
        stored_method(row),
        row.assigned_value,
        row.assigned_uncertainty,
        row.assigned_coverage_factor,
        tuple(_participant_info(p) for p in participants),
        row.sigma_pt,
    )
