"""Failed-standard impact investigations on SQLite and PostgreSQL, over a hand-built chain::

S (standard, good 2025-01-10, found +0.012 % out on 2025-12-01)
├─► A  2025-03-01, 5 V point: pass → fail (affected)
│   └─► D  2025-05-01 (depth 2, through A: possibly affected)
├─► B  2025-04-01, 10 V point: pass → conditional (possibly affected)
├─► C  2025-06-01, 1 V point: unchanged (not affected)
├─► X  2024-12-01 (before the last good calibration: not reached)
└─► Y  2026-01-15 (after the failing event: not reached)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from labapp.domain.enums import (
    AuditAction,
    Decision,
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    Role,
)
from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.domain.impact import Assessment, InvestigationStatus, ItemAction
from labapp.domain.points import DecisionRule
from labapp.io.excel import CoverInfo
from labapp.persistence.models import (
    AuditLogRow,
    CheckPlanRow,
    EventRow,
    EventStandardRow,
    InstrumentRow,
    IntermediateCheckRow,
    MeasurementPointRow,
)
from labapp.services.database import Database
from labapp.services.impact import _investigations as impact
from labapp.services.impact._dto import InvestigationDetail

D = Decimal
PointSpec = tuple[str, str, str, str]  # reference, indication, U, MPE (all V)


def item(db: Database, tag: str, role: Role = Role.STANDARD) -> int:
    with db.unit_of_work("admin") as uow:
        row = InstrumentRow(asset_tag=tag, name=f"item {tag}", quantity="DC voltage", role=role,
                            status=InstrumentStatus.IN_SERVICE)  # fmt: skip
        uow.session.add(row)
        uow.commit()
        return row.id


def _point(seq: int, stage: str, spec: PointSpec) -> MeasurementPointRow:
    ref, ind, u, mpe = spec
    return MeasurementPointRow(
        seq=seq, stage=stage, reference_value=D(ref), reference_unit="V",
        indication_value=D(ind), indication_unit="V", expanded_uncertainty_value=D(u),
        expanded_uncertainty_unit="V", coverage_factor=D(2), mpe_value=D(mpe), mpe_unit="V",
        decision=Decision.PASS,
    )  # fmt: skip


def event(
    db: Database,
    instrument_id: int,
    on: date,
    *,
    used: Sequence[int] = (),
    points: Sequence[PointSpec] = (),
    as_found: Sequence[PointSpec] = (),
    result: EventResult = EventResult.PASS,
    found: EventResult | None = None,
) -> int:
    with db.unit_of_work("admin") as uow:
        row = EventRow(
            instrument_id=instrument_id, kind=EventKind.CALIBRATION,
            status=EventStatus.APPROVED, performed_on=on, result=result, as_found=found,
            certificate_no=f"C-{instrument_id}-{on.isoformat()}",
        )  # fmt: skip
        row.standards = [EventStandardRow(instrument_id=s) for s in used]
        row.points = [_point(n, "as_found", p) for n, p in enumerate(as_found, 1)] + [
            _point(n, "as_left", p) for n, p in enumerate(points, 1)
        ]
        uow.session.add(row)
        uow.commit()
        return row.id


@dataclass(frozen=True)
class Chain:
    s: int
    failing: int
    good: int
    a: int
    b: int
    c: int
    d: int
    x: int
    y: int


@pytest.fixture
def chain(db: Database) -> Chain:
    s = item(db, "S")
    a, b, c = item(db, "A"), item(db, "B"), item(db, "C")
    d, x, y = item(db, "D", Role.WORKING), item(db, "X"), item(db, "Y")
    good = event(db, s, date(2025, 1, 10), points=[("10.0000", "10.0001", "0.0001", "0.0010")])
    failing = event(
        db, s, date(2025, 12, 1), result=EventResult.PASS, found=EventResult.FAIL,
        as_found=[("1.00000", "1.00005", "0.00002", "0.00010"),
                  ("10.0000", "10.0012", "0.0001", "0.0010")],
        points=[("10.0000", "10.0001", "0.0001", "0.0010")],
    )  # fmt: skip
    ev_a = event(
        db, a, date(2025, 3, 1), used=[s], points=[("5.0000", "5.0008", "0.0002", "0.0010")]
    )
    ev_b = event(db, b, date(2025, 4, 1), used=[s],
                 points=[("10.0000", "10.0007", "0.0002", "0.0020")])  # fmt: skip
    ev_c = event(db, c, date(2025, 6, 1), used=[s],
                 points=[("1.0000", "1.0001", "0.00005", "0.0010")])  # fmt: skip
    ev_d = event(db, d, date(2025, 5, 1), used=[a], points=[("1.000", "1.001", "0.001", "0.010")])
    ev_x = event(
        db, x, date(2024, 12, 1), used=[s], points=[("5.0000", "5.0008", "0.0002", "0.0010")]
    )
    ev_y = event(
        db, y, date(2026, 1, 15), used=[s], points=[("5.0000", "5.0008", "0.0002", "0.0010")]
    )
    return Chain(s, failing, good, ev_a, ev_b, ev_c, ev_d, ev_x, ev_y)


def _by_event(detail: InvestigationDetail) -> dict[int, Assessment]:
    return {i.event_id: i.assessment for i in detail.items}


def test_open_finds_the_window_and_assesses_each_result(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing, summary="S found high")
    assert detail.summary.status is InvestigationStatus.OPEN
    assert (detail.window_start, detail.window_end) == (date(2025, 1, 10), date(2025, 12, 1))
    assert detail.good_event_id == chain.good
    assert detail.error.unit == "%"
    assert detail.error.value == (D("10.0012") - D("10.0000")) / D("10.0000") * 100
    assert _by_event(detail) == {
        chain.a: Assessment.AFFECTED,
        chain.b: Assessment.POSSIBLY_AFFECTED,
        chain.c: Assessment.NOT_AFFECTED,
        chain.d: Assessment.POSSIBLY_AFFECTED,
    }
    deep = next(i for i in detail.items if i.event_id == chain.d)
    assert (deep.depth, deep.via_asset_tag, deep.upstream_event_id) == (2, "A", chain.a)
    assert deep.upstream_assessment is Assessment.AFFECTED
    counts = detail.summary
    assert (counts.affected, counts.possibly_affected, counts.not_affected) == (1, 2, 1)
    assert counts.undecided == 3


def _shift_at_5_volts() -> Decimal:
    """S's error at A's 5 V, interpolated between S's two as-found points by hand.

    S read 1.00005 V for 1 V (+0.005 %) and 10.0012 V for 10 V (+0.012 %); S's readings are the
    nominals (no nominal recorded).  At 5 V: 0.005 + 0.007·(5 - 1.00005)/(10.0012 - 1.00005)
    = 0.0081107 %, times 5 V = 0.00040553 V, 4 significant digits.  (The old expectation applied
    S's largest relative error, 0.012 % of 10 V, at 5 V: the overstatement this replaces.)
    """
    fraction = (D("5") - D("1.00005")) / (D("10.0012") - D("1.00005"))
    relative = D("0.005") + D("0.007") * fraction
    assert round(5 * relative / 100, 7) == D("0.0004055")
    return D("0.0004055")


def test_points_keep_their_digits_and_the_numbers(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing)
    a = next(i for i in detail.items if i.event_id == chain.a)
    (p,) = a.points
    shift = _shift_at_5_volts()
    assert (p.error, p.u_before, p.shift, p.u_after) == (D("0.0008"), D("0.0002"), shift,
                                                         D("0.0002") + shift)  # fmt: skip
    assert p.error_from == "1.00005 V … 10.0012 V"
    assert p.reference is not None and str(p.reference.value) == "5.0000" and p.unit == "V"
    assert (p.decision_before, p.decision_after) == (Decision.PASS, Decision.FAIL)


def test_a_result_reached_after_its_upstream_was_recalibrated_is_not_affected(
    db: Database, chain: Chain
) -> None:
    a_again = event(db, item_id(db, "A"), date(2025, 6, 10))  # A re-calibrated, without S
    ev_late = event(db, item(db, "E"), date(2025, 7, 1), used=[item_id(db, "A")],
                    points=[("1.000", "1.001", "0.001", "0.010")])  # fmt: skip
    detail = impact.open_investigation(db, "qm", event_id=chain.failing)
    late = next(i for i in detail.items if i.event_id == ev_late)
    assert late.assessment is Assessment.NOT_AFFECTED
    assert (late.reason, late.upstream_event_id) == ("recalibrated_since", a_again)


def item_id(db: Database, tag: str) -> int:
    with db.read() as session:
        return session.scalars(select(InstrumentRow.id).where(InstrumentRow.asset_tag == tag)).one()


def test_guard_band_rule_is_recorded_and_applied(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(
        db, "qm", event_id=chain.failing, rule=DecisionRule.GUARD_BAND, guard_band_factor=D(1)
    )
    assert (detail.rule, detail.guard_band_factor) == ("guard_band", D(1))
    assert _by_event(detail)[chain.a] is Assessment.AFFECTED


def test_actions_reasons_and_closing(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing)
    inv = detail.summary
    with pytest.raises(ValidationError) as refused:
        impact.close_investigation(db, "qm", inv.id, inv.version, "done")
    assert refused.value.code == "undecided" and refused.value.params["count"] == 3
    assert refused.value.params["items"] == "A, B, D"
    at_risk = [i for i in detail.items if i.needs_action]
    with pytest.raises(ValidationError) as no_reason:
        impact.decide_action(db, "qm", at_risk[0].id, at_risk[0].version, ItemAction.NO_ACTION, " ")
    assert no_reason.value.code == "required"
    actions = (ItemAction.RECALL, ItemAction.NOTIFY_CUSTOMER, ItemAction.NO_ACTION)
    for it, action in zip(at_risk, actions, strict=True):
        done = impact.decide_action(db, "qm", it.id, it.version, action, f"because {it.asset_tag}")
        assert (done.action, done.decided_by) == (action, "qm")
    current = impact.get_investigation(db, inv.id).summary
    closed = impact.close_investigation(db, "qm", inv.id, current.version, "Recalled A.")
    assert closed.closed and closed.conclusion == "Recalled A." and closed.closed_by == "qm"
    with pytest.raises(ValidationError) as read_only:
        impact.decide_action(db, "qm", at_risk[0].id, at_risk[0].version + 1,
                             ItemAction.RECALL, "again")  # fmt: skip
    assert read_only.value.code == "investigation_closed"
    with db.read() as session:
        logged = select(AuditLogRow.reason).where(
            AuditLogRow.entity == "impact_items", AuditLogRow.action == AuditAction.UPDATE
        )
        reasons = set(session.scalars(logged))
        closing = select(AuditLogRow.changes).where(
            AuditLogRow.entity == "impact_investigations", AuditLogRow.reason == "Recalled A."
        )
        (changes,) = session.scalars(closing).all()
    assert {"because A", "because B", "because D"} <= reasons
    assert '"status": ["open", "closed"]' in changes


def test_stale_versions_are_refused(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing)
    it = next(i for i in detail.items if i.needs_action)
    impact.decide_action(db, "qm", it.id, it.version, ItemAction.RECALL, "first")
    with pytest.raises(ConcurrentModificationError):
        impact.decide_action(db, "other", it.id, it.version, ItemAction.NO_ACTION, "second")


def test_one_open_investigation_per_trigger_and_only_failures(db: Database, chain: Chain) -> None:
    first = impact.open_investigation(db, "qm", event_id=chain.failing)
    with pytest.raises(ValidationError) as twice:
        impact.open_investigation(db, "qm", event_id=chain.failing)
    assert twice.value.params["investigation_id"] == first.summary.id
    with pytest.raises(ValidationError) as not_failed:
        impact.open_investigation(db, "qm", event_id=chain.good)
    assert not_failed.value.code == "not_failed"


def test_failed_check_opens_an_investigation(db: Database, chain: Chain) -> None:
    with db.unit_of_work("admin") as uow:
        plan = CheckPlanRow(instrument_id=chain.s, point="10 V", frequency_months=3)
        uow.session.add(plan)
        uow.flush()
        check = IntermediateCheckRow(
            instrument_id=chain.s, plan_id=plan.id, performed_on=date(2025, 9, 1),
            check_value=D("10.0012"), check_unit="V", reference_value=D("10.0000"),
            reference_unit="V", verdict=Decision.FAIL,
        )  # fmt: skip
        uow.session.add(check)
        uow.commit()
        check_id = check.id
    detail = impact.open_investigation(db, "qm", check_id=check_id)
    assert detail.summary.trigger_kind == "check" and detail.window_end == date(2025, 9, 1)
    assert set(_by_event(detail)) == {chain.a, chain.b, chain.c, chain.d}  # C: 2025-06-01
    sources = impact.failed_sources(db, chain.s)
    assert [(s.kind, s.performed_on) for s in sources] == [
        ("event", date(2025, 12, 1)), ("check", date(2025, 9, 1))]  # fmt: skip
    assert sources[1].investigation_id == detail.summary.id
    assert [c.asset_tag for c in impact.standards_with_failures(db)] == ["S"]


def test_list_investigations(db: Database, chain: Chain) -> None:
    opened = impact.open_investigation(db, "qm", event_id=chain.failing)
    (listed,) = impact.list_investigations(db)
    assert listed == opened.summary
    assert (listed.asset_tag, listed.trigger_kind, listed.trigger_id) == (
        "S",
        "event",
        chain.failing,
    )


def _headers(sheet: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def test_exported_report_reads_back(db: Database, chain: Chain, tmp_path: Path) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing, summary="S found high")
    a = next(i for i in detail.items if i.event_id == chain.a)
    impact.decide_action(db, "qm", a.id, a.version, ItemAction.RECALL, "U' exceeds the MPE")
    target = tmp_path / "impact.xlsx"
    result = impact.export_investigation(
        db, detail.summary.id, str(target), CoverInfo(title="Impact S", exported_by="qm")
    )
    assert result.rows_per_sheet == {"Investigation": 1, "Results": 4}
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Cover", "Investigation", "Results"]
    summary = book["Investigation"]
    cols = _headers(summary)
    assert summary.cell(2, cols["Window from"]).value == datetime(2025, 1, 10)
    assert summary.cell(2, cols["Affected"]).value == 1
    error_cell = summary.cell(2, cols["As-found error used"])
    assert error_cell.value == float(detail.error.value) and error_cell.number_format == "0.00000"
    rows = book["Results"]
    cols = _headers(rows)
    first = [cell.value for cell in rows[2]]
    assert first[cols["Item"] - 1] == "A"
    assert rows.cell(2, cols["Event date"]).value == datetime(2025, 3, 1)
    reference = rows.cell(2, cols["Reference value"])
    assert (reference.value, reference.number_format) == (5.0, "0.0000")
    assert rows.cell(2, cols["Reference value"] + 1).value == "V"
    shift = _shift_at_5_volts()
    assert rows.cell(2, cols["U after"]).value == pytest.approx(float(D("0.0002") + shift))
    assert rows.cell(2, cols["Decision after"]).value == "Fail"
    assert rows.cell(2, cols["Point assessment"]).value == "Affected"
    assert rows.cell(2, cols["Result assessment"]).value == "Affected"
    assert rows.cell(2, cols["Action"]).value == "Recall"
    assert rows.cell(2, cols["Reason"]).value == "U' exceeds the MPE"
    assert rows.cell(2, cols["Decided on"]).is_date
    deep = [r for r in rows.iter_rows(min_row=2, values_only=True) if r[0] == "D"]
    assert deep and deep[0][cols["Level"] - 1] == 2 and deep[0][cols["Point"] - 1] is None


def test_many_decisions_are_saved_all_or_none(db: Database, chain: Chain) -> None:
    detail = impact.open_investigation(db, "qm", event_id=chain.failing)
    items = list(detail.items)
    assert len(items) >= 2
    decisions = {i.id: (ItemAction.RECALL, "one reason for all") for i in items}
    stale = {i.id: i.version for i in items} | {items[-1].id: items[-1].version + 1}
    with pytest.raises(ConcurrentModificationError):  # one result changed meanwhile: none saved
        impact.decide_actions(db, "qm", decisions, stale)
    untouched = impact.get_investigation(db, detail.summary.id).items
    assert all(i.action is None for i in untouched)
    done = impact.decide_actions(db, "qm", decisions, {i.id: i.version for i in items})
    assert {(i.action, i.action_reason) for i in done.items} == {
        (ItemAction.RECALL, "one reason for all")
    }
