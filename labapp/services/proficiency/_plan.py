"""The PT plan (能力验证计划): sub-disciplines, accreditation cycles, coverage and score history.

Every sub-discipline (子领域) of the scope is to be covered by proficiency testing at least once per
accreditation cycle (CNAS-RL02; cycle length configurable, typically 4 or 6 years).  A comparison
covers the sub-discipline it is linked to on its end date (its start date while running).  The
history lists the laboratory's own En and z (z′ when available) per comparison, scored by
:func:`labapp.services.comparisons.score_comparison` with each comparison's stored method and σ_pt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.proficiency import Coverage, Cycle, coverage_of, current_cycle
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow
from labapp.persistence.models_pt import ComparisonScopeRow, PtCycleRow, SubdisciplineRow
from labapp.services import comparisons
from labapp.services.database import Database
from labapp.services.proficiency._dto import (
    ComparisonScope,
    CoverageLine,
    CycleInfo,
    HistoryPoint,
    PtPlan,
    SubdisciplineInfo,
    SubdisciplineInput,
)

__all__ = [
    "DEFAULT_CYCLE_YEARS",
    "get_cycle",
    "list_scopes",
    "list_subdisciplines",
    "pt_plan",
    "save_subdiscipline",
    "score_history",
    "set_cycle",
    "set_scope",
]

#: Years of an accreditation cycle offered first (CNAS: 6 years; 4 in other schemes).
DEFAULT_CYCLE_YEARS = 6


def _info(row: SubdisciplineRow) -> SubdisciplineInfo:
    return SubdisciplineInfo(row.id, row.version, row.name, row.quantity, row.note, row.active)


def list_subdisciplines(db: Database, *, active_only: bool = False) -> list[SubdisciplineInfo]:
    """The sub-disciplines by name (only the active ones when ``active_only``)."""
    stmt = select(SubdisciplineRow).order_by(SubdisciplineRow.name)
    if active_only:
        stmt = stmt.where(SubdisciplineRow.active.is_(True))
    with db.read() as session:
        return [_info(r) for r in session.scalars(stmt)]


def save_subdiscipline(
    db: Database,
    user: str,
    data: SubdisciplineInput,
    subdiscipline_id: int | None = None,
    version: int | None = None,
) -> SubdisciplineInfo:
    """Add a sub-discipline (``subdiscipline_id`` None) or change one read at ``version``.

    Raises
    ------
    ValidationError
        ``name`` empty (``required``) or already used (``duplicate``).
    """
    name = data.name.strip()
    if not name:
        raise ValidationError("name", "a name is required", code="required")
    with db.unit_of_work(user) as uow:
        same = select(SubdisciplineRow.id).where(SubdisciplineRow.name == name)
        if uow.session.scalars(same.where(SubdisciplineRow.id != (subdiscipline_id or 0))).first():
            raise ValidationError("name", f"{name!r} exists", code="duplicate")
        if subdiscipline_id is None:
            row = SubdisciplineRow()
            uow.session.add(row)
        else:
            row = _subdiscipline(uow.session, subdiscipline_id)
            uow.check_version(row, version)
        row.name, row.active = name, data.active
        row.quantity = (data.quantity or "").strip() or None
        row.note = (data.note or "").strip() or None
        uow.commit()
        return _info(row)


def _subdiscipline(session: Session, subdiscipline_id: int) -> SubdisciplineRow:
    row = session.get(SubdisciplineRow, subdiscipline_id)
    if row is None:
        raise NotFoundError("sub-discipline", subdiscipline_id)
    return row


# --- the accreditation cycle -----------------------------------------------------------------


def get_cycle(db: Database, today: date) -> CycleInfo | None:
    """The cycle setting in force today (the latest one starting on or before today, else the
    first) and the cycle it gives; None until a cycle is set."""
    with db.read() as session:
        rows = session.scalars(select(PtCycleRow).order_by(PtCycleRow.starts_on)).all()
        if not rows:
            return None
        started = [r for r in rows if r.starts_on <= today]
        row = started[-1] if started else rows[0]
        current = current_cycle(row.starts_on, row.years, today)
        return CycleInfo(row.id, row.version, row.starts_on, row.years, current)


def set_cycle(db: Database, user: str, starts_on: date, years: int, today: date) -> CycleInfo:
    """Set the accreditation cycle: ``years`` (1 to 10) from ``starts_on``.

    A setting with the same start is changed, another start adds a setting (the older cycles
    stay as they were).

    Raises
    ------
    ValidationError
        ``years`` outside 1 to 10 (``out_of_range``).
    """
    if not 1 <= years <= 10:
        raise ValidationError(
            "years", "between 1 and 10", code="out_of_range", params={"low": 1, "high": 10}
        )
    with db.unit_of_work(user) as uow:
        stmt = select(PtCycleRow).where(PtCycleRow.starts_on == starts_on)
        row = uow.session.scalars(stmt).first() or PtCycleRow(starts_on=starts_on)
        row.years = years
        uow.session.add(row)
        uow.commit()
    info = get_cycle(db, today)
    assert info is not None  # just stored
    return info


# --- comparisons and their sub-disciplines ---------------------------------------------------


def _comparison_day(row: ComparisonRow) -> date | None:
    return row.ended_on or row.started_on


def list_scopes(db: Database) -> list[ComparisonScope]:
    """Every comparison (newest first) with the sub-discipline and quantity it covered."""
    stmt = (
        select(ComparisonRow, ComparisonScopeRow, SubdisciplineRow)
        .outerjoin(ComparisonScopeRow, ComparisonScopeRow.comparison_id == ComparisonRow.id)
        .outerjoin(SubdisciplineRow, SubdisciplineRow.id == ComparisonScopeRow.subdiscipline_id)
    )
    with db.read() as session:
        rows = session.execute(stmt).all()
        scopes = [
            ComparisonScope(
                c.id, c.title, _comparison_day(c), s.subdiscipline_id if s else None,
                d.name if d else None, s.quantity if s else c.measurand,
            )
            for c, s, d in rows
        ]  # fmt: skip
    return sorted(scopes, key=lambda s: (s.on or date.min, s.comparison_id), reverse=True)


def set_scope(
    db: Database, user: str, comparison_id: int, subdiscipline_id: int | None, quantity: str = ""
) -> ComparisonScope:
    """Link a comparison to a sub-discipline and quantity (``subdiscipline_id`` None unlinks).

    An empty ``quantity`` means the comparison's measurand.
    """
    with db.unit_of_work(user) as uow:
        comparison = uow.session.get(ComparisonRow, comparison_id)
        if comparison is None:
            raise NotFoundError("comparison", comparison_id)
        stmt = select(ComparisonScopeRow).where(ComparisonScopeRow.comparison_id == comparison_id)
        row = uow.session.scalars(stmt).first()
        if subdiscipline_id is None:
            if row is not None:
                uow.session.delete(row)
        else:
            _subdiscipline(uow.session, subdiscipline_id)
            row = row or ComparisonScopeRow(comparison_id=comparison_id)
            row.subdiscipline_id = subdiscipline_id
            row.quantity = quantity.strip() or comparison.measurand
            uow.session.add(row)
        uow.commit()
    return next(s for s in list_scopes(db) if s.comparison_id == comparison_id)


# --- the plan ----------------------------------------------------------------------------------


def _line(
    sub: SubdisciplineInfo, scopes: Sequence[ComparisonScope], cycle: Cycle, today: date
) -> CoverageLine:
    mine = [s for s in scopes if s.subdiscipline_id == sub.id and s.on is not None]
    days = [s.on for s in mine if s.on is not None]
    inside = tuple(s.title for s in mine if s.on is not None and cycle.contains(s.on))
    state = coverage_of(days, cycle, today) if sub.active else Coverage.NOT_IN_SCOPE
    return CoverageLine(sub, state, inside, max(days, default=None), cycle.ends_on)


def pt_plan(db: Database, today: date) -> PtPlan:
    """Coverage of every sub-discipline in the cycle holding ``today`` (those taken out of the
    scope last, ``NOT_IN_SCOPE``, never due).

    Without a cycle setting, a cycle of :data:`DEFAULT_CYCLE_YEARS` years starting on 1 January
    of this year is assumed for the lines, and ``cycle`` is None so the UI asks for one.
    """
    info = get_cycle(db, today)
    cycle = info.current if info else Cycle(date(today.year, 1, 1), DEFAULT_CYCLE_YEARS)
    scopes = list_scopes(db)
    subs = sorted(list_subdisciplines(db), key=lambda s: not s.active)  # stable: by name
    return PtPlan(info, tuple(_line(s, scopes, cycle, today) for s in subs))


# --- the history of the laboratory's scores ----------------------------------------------------


def _own_participants(db: Database) -> dict[int, int]:
    stmt = select(ComparisonParticipantRow.comparison_id, ComparisonParticipantRow.id).where(
        ComparisonParticipantRow.is_own_lab.is_(True)
    )
    with db.read() as session:
        return {c: p for c, p in session.execute(stmt)}


def _point(db: Database, scope: ComparisonScope, participant_id: int | None) -> HistoryPoint:
    if participant_id is None:
        none = ValidationError("participants", "no result of this laboratory", code="no_own_result")
        return HistoryPoint(scope, None, None, None, None, None, False, none)
    try:
        result = comparisons.score_comparison(db, scope.comparison_id)
    except ValidationError as exc:
        return HistoryPoint(scope, participant_id, None, None, None, None, False, exc)
    own = next(s for s in result.scores if s.is_own_lab)
    z, z_class = (
        (own.z_prime, own.z_prime_class) if own.z_prime is not None else (own.z, own.z_class)
    )
    return HistoryPoint(
        scope, participant_id, own.en, own.en_class, z, z_class, own.unsatisfactory, None
    )


def score_history(db: Database, quantity: str | None = None) -> list[HistoryPoint]:
    """The laboratory's own scores in every comparison, oldest first.

    ``quantity`` keeps the comparisons of that quantity only.  A comparison that cannot be
    scored (a participant without U, too few results ...) or without the laboratory's own result
    is listed with its ``problem`` (so that it can still be linked to a sub-discipline).
    """
    own = _own_participants(db)
    scopes = list_scopes(db)
    if quantity is not None:
        scopes = [s for s in scopes if s.quantity == quantity]
    scopes.sort(key=lambda s: (s.on or date.min, s.comparison_id))
    return [_point(db, s, own.get(s.comparison_id)) for s in scopes]
