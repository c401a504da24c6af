"""The dashboard card of standards out of tolerance with no investigation, on SQLite and PostgreSQL.

The expected list is worked out here from the rows; the card's count and its drill-down must agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from labapp.domain.enums import Decision, EventKind, EventResult, EventStatus
from labapp.domain.impact import InvestigationStatus
from labapp.persistence.models import EventRow, InstrumentRow, IntermediateCheckRow
from labapp.persistence.models_impact import ImpactInvestigationRow
from labapp.services.dashboard import _figures as dashboard
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo

TODAY = date(2026, 12, 1)
USER = "qm"


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=3, seed=11, today=TODAY))
    return db


def _by_hand(db: Database) -> set[int]:
    """Standards (not retired/scrapped) failed as found or at their last check, not investigated."""
    with db.engine.connect() as conn:
        items = conn.execute(select(InstrumentRow.id, InstrumentRow.role, InstrumentRow.status))
        standards = {i for i, role, st in items if role == "standard"
                     and st not in ("retired", "scrapped")}  # fmt: skip
        events = conn.execute(select(EventRow.id, EventRow.instrument_id, EventRow.performed_on,
                                     EventRow.result, EventRow.as_found, EventRow.status,
                                     EventRow.kind)).all()  # fmt: skip
        checks = conn.execute(select(IntermediateCheckRow.id, IntermediateCheckRow.instrument_id,
                                     IntermediateCheckRow.performed_on,
                                     IntermediateCheckRow.verdict)).all()  # fmt: skip
        invs = conn.execute(select(ImpactInvestigationRow.standard_id,
                                   ImpactInvestigationRow.status,
                                   ImpactInvestigationRow.trigger_event_id,
                                   ImpactInvestigationRow.trigger_check_id)).all()  # fmt: skip
    found = set()
    for s in standards:
        cal = sorted((on, eid, res, af) for eid, i, on, res, af, st, kind in events
                     if i == s and st == "approved" and kind != "intermediate_check")  # fmt: skip
        chk = sorted((on, cid, v) for cid, i, on, v in checks if i == s)
        last_ev = cal[-1] if cal else None
        last_ck = chk[-1] if chk else None
        bad_ev = last_ev is not None and "fail" in (last_ev[2], last_ev[3])
        bad_ck = (last_ck is not None and last_ck[2] == "fail"
                  and not any(on >= last_ck[0] for on, *_ in cal))  # fmt: skip
        dealt = any(sid == s and (st == "open" or (last_ev and te == last_ev[1])
                                  or (last_ck and tc == last_ck[1]))
                    for sid, st, te, tc in invs)  # fmt: skip
        if (bad_ev or bad_ck) and not dealt:
            found.add(s)
    return found


def _add(db: Database, row: object) -> int:
    with db.unit_of_work(USER) as uow:
        uow.session.add(row)
        uow.commit()
        return int(row.id)  # type: ignore[attr-defined]


def _investigation(standard: int, event: int | None, check: int | None) -> ImpactInvestigationRow:
    return ImpactInvestigationRow(
        standard_id=standard, trigger_event_id=event, trigger_check_id=check,
        status=InvestigationStatus.OPEN, window_end=TODAY, error_value=Decimal("0.6"),
        error_unit="µm", error_reference_unit="mm", error_source="test", rule="simple",
        guard_band_factor=Decimal(1), opened_by=USER, opened_at=datetime.now(UTC),
    )  # fmt: skip


def _check(counted: set[int], lab: Database) -> None:
    assert counted == _by_hand(lab)
    assert dashboard.dashboard_counts(lab, TODAY).failed_standards == len(counted)


def _listed(lab: Database) -> set[int]:
    return {d.instrument_id for d in dashboard.drill_down(lab, "failed_standards", TODAY)}


def test_failed_standards_card_and_its_items(lab: Database) -> None:
    _check(_listed(lab), lab)
    with lab.engine.connect() as conn:
        a, b = conn.execute(
            select(InstrumentRow.id).where(InstrumentRow.role == "standard",
                                           InstrumentRow.status == "in_service")
            .order_by(InstrumentRow.id).limit(2)
        ).scalars()  # fmt: skip
    # a: adjusted and passing as left, but out of tolerance as found -> listed
    event = _add(lab, EventRow(instrument_id=a, kind=EventKind.CALIBRATION,
                               status=EventStatus.APPROVED, performed_on=TODAY,
                               as_found=EventResult.FAIL, result=EventResult.PASS,
                               adjusted=True))  # fmt: skip
    # b: its intermediate check failed after its last calibration -> listed
    check = _add(lab, IntermediateCheckRow(instrument_id=b, performed_on=TODAY,
                                           verdict=Decision.FAIL))  # fmt: skip
    listed = _listed(lab)
    assert {a, b} <= listed
    _check(listed, lab)
    inv = _add(lab, _investigation(a, event, None))
    assert a not in _listed(lab)  # an open investigation deals with it
    with lab.unit_of_work(USER) as uow:
        row = uow.session.get(ImpactInvestigationRow, inv)
        assert row is not None
        row.status = InvestigationStatus.CLOSED
        uow.commit()
    assert a not in _listed(lab)  # closed for that very failure: dealt with
    later = TODAY + timedelta(days=1)
    _add(lab, EventRow(instrument_id=b, kind=EventKind.CALIBRATION, status=EventStatus.APPROVED,
                       performed_on=later, result=EventResult.PASS))  # fmt: skip
    assert b not in _listed(lab)  # recalibrated since the failed check
    assert check and _listed(lab) == _by_hand(lab)
    _check(_listed(lab), lab)
