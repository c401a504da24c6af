"""Failed-standard impact investigations: open, decide an action per result, close, export.

Lifecycle
---------
1. :func:`open_investigation` from a failed event or a failed intermediate check of a standard:
   finds the window and every result the standard served in it, to any depth, re-evaluates them
   (:mod:`labapp.services.impact._scope`) and stores the lot in one transaction (who and when
   opened, the as-found error used and the decision rule applied).  One open investigation per
   trigger.
2. :func:`decide_action` per result: recall, re-calibrate, notify the customer or no action, always
   with a reason (the audit log records it as the change's reason).
3. :func:`close_investigation` with a conclusion, refused while an affected or possibly affected
   result has no action.  A closed investigation is read-only.

Every row is ``Versioned``: the audit listener logs each change, and saving over a row changed
meanwhile raises :class:`~labapp.domain.errors.ConcurrentModificationError`.
Refusals are :class:`~labapp.domain.errors.ValidationError` with ``code`` ``"required"`` (reason,
conclusion), ``"investigation_closed"``, ``"undecided"`` (``params`` ``count`` and ``items``, the
asset tags), ``"investigation_open"`` (``params`` ``investigation_id``) or ``"not_failed"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.impact import InvestigationStatus, ItemAction
from labapp.domain.points import DecisionRule
from labapp.io.excel import CoverInfo, ExportResult, Language
from labapp.io.impact import ImpactReportPoint, ImpactReportSummary, write_impact_workbook
from labapp.persistence.models import EventRow
from labapp.persistence.models_impact import ImpactInvestigationRow, ImpactItemRow
from labapp.persistence.types import utcnow
from labapp.services.common import with_laboratory
from labapp.services.database import Database
from labapp.services.impact._dto import ImpactItem, InvestigationDetail
from labapp.services.impact._queries import (
    detail_of,
    failed_sources,
    list_investigations,
    standards_with_failures,
)
from labapp.services.impact._scope import Trigger, assess, last_good_event, reached, trigger_of

__all__ = [
    "close_investigation",
    "decide_action",
    "decide_actions",
    "export_investigation",
    "failed_sources",
    "get_investigation",
    "list_investigations",
    "open_investigation",
    "report_points",
    "report_summary",
    "standards_with_failures",
]

INVESTIGATION = "impact_investigation"


def _open_for(session: Session, trigger: Trigger) -> int | None:
    row = ImpactInvestigationRow
    same = (
        row.trigger_event_id == trigger.event_id
        if trigger.event_id is not None
        else row.trigger_check_id == trigger.check_id
    )
    stmt = select(row.id).where(same, row.status == InvestigationStatus.OPEN)
    return session.scalars(stmt).first()


def open_investigation(
    db: Database,
    user: str,
    *,
    event_id: int | None = None,
    check_id: int | None = None,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: Decimal = Decimal(1),
    summary: str = "",
) -> InvestigationDetail:
    """Open an investigation of a failed event (``event_id``) or failed check (``check_id``).

    ``rule`` and ``guard_band_factor`` are the lab's decision rule (the one its decisions are made
    with; events do not store it), recorded on the investigation.

    Raises
    ------
    ValidationError
        ``not_failed``, ``required`` (no trigger, no as-found value) or ``investigation_open``.
    NotFoundError
        No such event or check.
    """
    with db.read() as session:
        trigger = trigger_of(session, event_id=event_id, check_id=check_id)
        good = last_good_event(session, trigger.standard_id, trigger.on)
        good_id, since = (None, None) if good is None else (good.id, good.performed_on)
    rows = reached(db, trigger.standard_id, since, trigger.on)
    with db.unit_of_work(user, reason=summary.strip() or None) as uow:
        existing = _open_for(uow.session, trigger)
        if existing is not None:
            raise ValidationError("trigger", f"investigation {existing} is already open",
                                  code="investigation_open",
                                  params={"investigation_id": existing})  # fmt: skip
        row = ImpactInvestigationRow(
            standard_id=trigger.standard_id, trigger_event_id=trigger.event_id,
            trigger_check_id=trigger.check_id, good_event_id=good_id,
            status=InvestigationStatus.OPEN, window_start=since, window_end=trigger.on,
            error_value=trigger.error.value, error_unit=trigger.error.unit,
            error_reference_unit=trigger.error.reference_unit, error_source=trigger.source,
            rule=rule.value, guard_band_factor=guard_band_factor,
            summary=summary.strip() or None, opened_by=user, opened_at=utcnow(),
            items=assess(uow.session, rows, trigger.tables, rule, guard_band_factor),
        )  # fmt: skip
        uow.session.add(row)
        uow.commit()
        new_id = row.id
    return get_investigation(db, new_id)


def get_investigation(db: Database, investigation_id: int) -> InvestigationDetail:
    """One investigation with every result reached and its points.

    Raises
    ------
    NotFoundError
        No such investigation.
    """
    with db.read() as session:
        return detail_of(session, _investigation(session, investigation_id))


def _investigation(session: Session, investigation_id: int) -> ImpactInvestigationRow:
    row = session.get(ImpactInvestigationRow, investigation_id)
    if row is None:
        raise NotFoundError(INVESTIGATION, investigation_id)
    return row


def _refuse_closed(row: ImpactInvestigationRow) -> None:
    if row.status is InvestigationStatus.CLOSED:
        raise ValidationError("status", f"investigation {row.id} is closed",
                              code="investigation_closed",
                              params={"investigation_id": row.id})  # fmt: skip


def _required(text: str, field: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(field, "a value is required", code="required")
    return cleaned


def decide_action(
    db: Database,
    user: str,
    item_id: int,
    expected_version: int,
    action: ItemAction,
    reason: str,
) -> ImpactItem:
    """Record the action on one result, with its reason (required, also for "no action").

    Raises
    ------
    ValidationError
        ``required`` (no reason) or ``investigation_closed``.
    ConcurrentModificationError
        The item changed since it was read at ``expected_version``.
    """
    detail = decide_actions(db, user, {item_id: (action, reason)}, {item_id: expected_version})
    return next(i for i in detail.items if i.id == item_id)


def decide_actions(
    db: Database,
    user: str,
    decisions: Mapping[int, tuple[ItemAction, str]],
    versions: Mapping[int, int],
) -> InvestigationDetail:
    """Record the actions on many results (one action and reason for a selection, or each its
    own) in one unit of work: all are saved, or none.

    Raises
    ------
    ValidationError
        ``required`` (a result without a reason) or ``investigation_closed``.
    ConcurrentModificationError
        A result changed since it was read at its version in ``versions``.
    """
    if not decisions:
        raise ValidationError("items", "choose the results to decide", code="required")
    reasons = {item_id: _required(why, "reason") for item_id, (_a, why) in decisions.items()}
    common = next(iter(reasons.values())) if len(set(reasons.values())) == 1 else None
    with db.unit_of_work(user, reason=common) as uow:
        investigation_id = None
        now = utcnow()
        for item_id, (action, _why) in decisions.items():
            item = uow.session.get(ImpactItemRow, item_id)
            if item is None:
                raise NotFoundError("impact_item", item_id)
            _refuse_closed(item.investigation)
            uow.check_version(item, versions[item_id])
            item.action, item.action_reason = ItemAction(action), reasons[item_id]
            item.decided_by, item.decided_at = user, now
            investigation_id = item.investigation_id
        uow.commit()
    assert investigation_id is not None
    return get_investigation(db, investigation_id)


def close_investigation(
    db: Database, user: str, investigation_id: int, expected_version: int, conclusion: str
) -> InvestigationDetail:
    """Close with a conclusion; refused while an affected or possibly affected result is undecided.

    Raises
    ------
    ValidationError
        ``required`` (no conclusion), ``undecided`` or ``investigation_closed``.
    ConcurrentModificationError
        The investigation changed since it was read at ``expected_version``.
    """
    text = _required(conclusion, "conclusion")
    with db.unit_of_work(user, reason=text) as uow:
        row = _investigation(uow.session, investigation_id)
        _refuse_closed(row)
        uow.check_version(row, expected_version)
        _refuse_undecided(uow.session, row)
        row.status, row.conclusion = InvestigationStatus.CLOSED, text
        row.closed_by, row.closed_at = user, utcnow()
        uow.commit()
    return get_investigation(db, investigation_id)


def _refuse_undecided(session: Session, row: ImpactInvestigationRow) -> None:
    undecided = [i for i in detail_of(session, row).items if i.needs_action and i.action is None]
    if undecided:
        tags = ", ".join(sorted({i.asset_tag for i in undecided}))
        raise ValidationError("items", f"{len(undecided)} results at risk have no action: {tags}",
                              code="undecided",
                              params={"count": len(undecided), "items": tags})  # fmt: skip


# --- export ---------------------------------------------------------------------------------


def _local_date(moment: datetime | None) -> date | None:
    return None if moment is None else moment.astimezone().date()


def report_summary(d: InvestigationDetail, good_on: date | None) -> ImpactReportSummary:
    """The investigation's facts as the reports (Excel and PDF) print them."""
    s = d.summary
    counts = (s.affected, s.possibly_affected, s.not_affected, s.not_assessable)
    return ImpactReportSummary(
        s.asset_tag, s.name, s.trigger_kind, s.trigger_on, d.window_start, d.window_end, good_on,
        d.error, d.error_source, d.rule, d.guard_band_factor, s.status, s.opened_by,
        s.opened_at.astimezone().date(), d.closed_by, _local_date(d.closed_at), d.text,
        d.conclusion, counts,
    )  # fmt: skip


def report_points(item: ImpactItem) -> list[ImpactReportPoint]:
    """One report row per re-evaluated point of ``item`` (one row when it has none)."""
    common = {
        "asset_tag": item.asset_tag, "name": item.name, "depth": item.depth,
        "via": item.via_asset_tag, "performed_on": item.performed_on,
        "certificate_no": item.certificate_no, "assessment": item.assessment,
        "action": item.action, "reason": item.action_reason, "decided_by": item.decided_by,
        "decided_on": _local_date(item.decided_at),
    }  # fmt: skip
    if not item.points:
        return [ImpactReportPoint(**common, **dict.fromkeys(_POINT_FIELDS), unit="")]  # type: ignore[arg-type]
    return [
        ImpactReportPoint(**common, seq=p.seq, nominal=p.nominal, reference=p.reference,  # type: ignore[arg-type]
                          indication=p.indication, error=p.error, u_before=p.u_before,
                          u_after=p.u_after, shift=p.shift, unit=p.unit, mpe=p.mpe,
                          decision_before=p.decision_before, decision_after=p.decision_after,
                          point_assessment=p.assessment, error_from=p.error_from)
        for p in item.points
    ]  # fmt: skip


_POINT_FIELDS = (
    "seq", "nominal", "reference", "indication", "error", "u_before", "u_after", "shift", "mpe",
    "decision_before", "decision_after", "point_assessment",
)  # fmt: skip


def export_investigation(
    db: Database, investigation_id: int, path: str, cover: CoverInfo, language: Language = "en"
) -> ExportResult:
    """Write the investigation's report (cover, summary, one row per point) to ``path``.

    Raises
    ------
    NotFoundError
        No such investigation.
    """
    cover = with_laboratory(db, cover)  # a GUI cover names the lab too
    detail = get_investigation(db, investigation_id)
    good_on = None
    if detail.good_event_id is not None:
        with db.read() as session:
            good = session.get(EventRow, detail.good_event_id)
            good_on = None if good is None else good.performed_on
    points = [row for item in detail.items for row in report_points(item)]
    return write_impact_workbook(
        path, cover, report_summary(detail, good_on), points, language=language
    )
