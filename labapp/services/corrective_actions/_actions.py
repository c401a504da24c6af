"""Corrective actions (纠正措施) after an unsatisfactory PT or comparison score.

An action belongs to one comparison participant (normally the laboratory's own entry) and names
the standards involved; while it is open those standards are "at risk" (:func:`standard_risk`).
Closing needs the verification of effectiveness.  Every change is audited by the unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.proficiency import CorrectiveStatus
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow, InstrumentRow
from labapp.persistence.models_pt import CorrectiveActionRow, CorrectiveActionStandardRow
from labapp.services.corrective_actions._dto import (
    ActionInfo,
    ActionInput,
    StandardRef,
    StandardRisk,
)
from labapp.services.database import Database

__all__ = [
    "actions_of_participant",
    "close_action",
    "get_action",
    "list_actions",
    "open_action",
    "standard_risk",
    "update_action",
]


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _info(session: Session, row: CorrectiveActionRow) -> ActionInfo:
    part = session.get(ComparisonParticipantRow, row.participant_id)
    assert part is not None  # the foreign key keeps it
    comparison = session.get(ComparisonRow, part.comparison_id)
    assert comparison is not None
    ids = [s.instrument_id for s in row.standards]
    items = session.scalars(select(InstrumentRow).where(InstrumentRow.id.in_(ids))).all()
    refs = tuple(sorted((StandardRef(i.id, i.asset_tag, i.name) for i in items),
                        key=lambda r: r.asset_tag))  # fmt: skip
    return ActionInfo(
        row.id, row.version, part.id, part.code, comparison.id, comparison.title, row.opened_by,
        row.opened_on, row.description, row.root_cause, row.action_taken, row.verification,
        row.status, row.closed_by, row.closed_on, refs,
    )  # fmt: skip


def _query() -> Select[CorrectiveActionRow]:
    return select(CorrectiveActionRow).options(selectinload(CorrectiveActionRow.standards))


def list_actions(db: Database) -> list[ActionInfo]:
    """Every corrective action: the open ones first, then newest first."""
    stmt = _query().order_by(
        CorrectiveActionRow.status != CorrectiveStatus.OPEN,
        CorrectiveActionRow.opened_on.desc(),
        CorrectiveActionRow.id.desc(),
    )
    with db.read() as session:
        return [_info(session, r) for r in session.scalars(stmt)]


def actions_of_participant(db: Database, participant_id: int) -> list[ActionInfo]:
    """The corrective actions opened on one participant's result, oldest first."""
    stmt = _query().where(CorrectiveActionRow.participant_id == participant_id)
    with db.read() as session:
        return [_info(session, r) for r in session.scalars(stmt.order_by(CorrectiveActionRow.id))]


def get_action(db: Database, action_id: int) -> ActionInfo:
    """One corrective action (NotFoundError when there is none)."""
    with db.read() as session:
        return _info(session, _load(session, action_id))


def _load(session: Session, action_id: int) -> CorrectiveActionRow:
    row = session.get(CorrectiveActionRow, action_id)
    if row is None:
        raise NotFoundError("corrective action", action_id)
    return row


def _apply(session: Session, row: CorrectiveActionRow, data: ActionInput) -> None:
    description = _text(data.description)
    if description is None:
        raise ValidationError("description", "describe the nonconformity", code="required")
    row.description = description
    row.root_cause = _text(data.root_cause)
    row.action_taken = _text(data.action_taken)
    row.verification = _text(data.verification)
    _set_standards(session, row, data.instrument_ids)


def _set_standards(session: Session, row: CorrectiveActionRow, ids: Iterable[int]) -> None:
    wanted = set(ids)
    for instrument_id in wanted:
        if session.get(InstrumentRow, instrument_id) is None:
            raise NotFoundError("instrument", instrument_id)
    row.standards = [s for s in row.standards if s.instrument_id in wanted]
    have = {s.instrument_id for s in row.standards}
    for instrument_id in sorted(wanted - have):
        row.standards.append(CorrectiveActionStandardRow(instrument_id=instrument_id))


def open_action(
    db: Database, user: str, participant_id: int, data: ActionInput, today: date
) -> ActionInfo:
    """Open a corrective action on a participant's result, opened by ``user`` on ``today``.

    Raises
    ------
    ValidationError
        No description (``required``).
    NotFoundError
        No such participant or instrument.
    """
    with db.unit_of_work(user) as uow:
        if uow.session.get(ComparisonParticipantRow, participant_id) is None:
            raise NotFoundError("comparison participant", participant_id)
        row = CorrectiveActionRow(
            participant_id=participant_id, opened_by=user, opened_on=today,
            status=CorrectiveStatus.OPEN, standards=[],
        )  # fmt: skip
        _apply(uow.session, row, data)
        uow.session.add(row)
        uow.flush()
        new_id = row.id
        uow.commit()
    return get_action(db, new_id)


def update_action(
    db: Database, user: str, action_id: int, data: ActionInput, version: int
) -> ActionInfo:
    """Change an action read at ``version`` (a closed one cannot change: ``closed``)."""
    with db.unit_of_work(user) as uow:
        row = _load(uow.session, action_id)
        uow.check_version(row, version)
        if row.status == CorrectiveStatus.CLOSED:
            raise ValidationError("status", "the action is closed", code="closed")
        _apply(uow.session, row, data)
        uow.commit()
    return get_action(db, action_id)


def close_action(
    db: Database, user: str, action_id: int, data: ActionInput, version: int, today: date
) -> ActionInfo:
    """Save ``data`` and close the action by ``user`` on ``today``.

    Raises
    ------
    ValidationError
        ``verification`` empty (``required``): effectiveness must be verified before closing;
        ``action_taken`` empty (``required``); already closed (``closed``).
    """
    if _text(data.action_taken) is None:
        raise ValidationError("action_taken", "say what was done", code="required")
    if _text(data.verification) is None:
        raise ValidationError(
            "verification", "verify the action's effectiveness before closing", code="required"
        )
    with db.unit_of_work(user) as uow:
        row = _load(uow.session, action_id)
        uow.check_version(row, version)
        if row.status == CorrectiveStatus.CLOSED:
            raise ValidationError("status", "the action is closed", code="closed")
        _apply(uow.session, row, data)
        row.status, row.closed_by, row.closed_on = CorrectiveStatus.CLOSED, user, today
        uow.commit()
    return get_action(db, action_id)


def standard_risk(db: Database, instrument_id: int) -> StandardRisk:
    """The open corrective actions naming a standard (its detail shows it "at risk")."""
    stmt = (
        _query()
        .join(CorrectiveActionStandardRow)
        .where(CorrectiveActionStandardRow.instrument_id == instrument_id)
        .where(CorrectiveActionRow.status == CorrectiveStatus.OPEN)
        .order_by(CorrectiveActionRow.opened_on)
    )
    with db.read() as session:
        actions = tuple(_info(session, r) for r in session.scalars(stmt))
    return StandardRisk(instrument_id, actions)
