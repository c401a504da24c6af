"""A failed, suspended, retired or scrapped instrument never gets a due date (issue 12).

Editing the interval (the instrument dialog or the drift page's "accept interval") used to give a
suspended instrument whose last calibration failed a due date, which put it back in the plan as if
it were fit for use.  Every path that sets ``instruments.due_on`` goes through one rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from labapp.domain.due import instrument_due_on, may_fall_due
from labapp.domain.enums import EventKind, EventResult, EventStatus, InstrumentStatus
from labapp.io.ledger import LedgerRecord
from labapp.persistence.models import EventRow
from labapp.services.database import Database
from labapp.services.drift import accept_interval
from labapp.services.imports._ledger import ledger_due_on
from labapp.services.register import InstrumentData
from labapp.services.register import _instruments as svc

LAST = date(2025, 1, 31)


def _add(db: Database, tag: str, **fields: object) -> int:
    data = InstrumentData(asset_tag=tag, name=tag, last_calibrated_on=LAST, interval_months=12)
    return svc.create_instrument(db, "admin", data.__class__(**{**data.__dict__, **fields})).id


def _approved(db: Database, instrument_id: int, on: date, result: EventResult) -> None:
    with db.unit_of_work("admin") as uow:
        uow.events.add(
            EventRow(
                instrument_id=instrument_id,
                kind=EventKind.CALIBRATION,
                status=EventStatus.APPROVED,
                performed_on=on,
                result=result,
            )
        )
        uow.commit()


def _edit(db: Database, instrument_id: int, **changes: object) -> svc.InstrumentDetail:
    version = svc.get_instrument(db, instrument_id).version
    return svc.update_instrument(db, "admin", instrument_id, version, changes)


def test_a_healthy_instrument_still_falls_due(db: Database) -> None:
    instrument = _add(db, "OK-1")
    assert svc.get_instrument(db, instrument).due_on == date(2026, 1, 31)
    assert _edit(db, instrument, interval_months=13).due_on == date(2026, 2, 28)  # month end


def test_suspended_after_a_fail_gets_no_due_date_from_an_interval_edit(db: Database) -> None:
    instrument = _add(db, "F-1")
    _approved(db, instrument, LAST, EventResult.FAIL)
    assert _edit(db, instrument, status=InstrumentStatus.SUSPENDED).due_on is None
    assert _edit(db, instrument, interval_months=24).due_on is None
    accept_interval(db, "admin", instrument, 6, "drift study")
    detail = svc.get_instrument(db, instrument)
    assert detail.data.interval_months == 6 and detail.due_on is None


def test_a_latest_fail_gives_no_due_date_whatever_the_status(db: Database) -> None:
    instrument = _add(db, "F-2")
    _approved(db, instrument, date(2024, 1, 10), EventResult.PASS)
    _approved(db, instrument, LAST, EventResult.FAIL)
    assert _edit(db, instrument, interval_months=24).due_on is None  # still "in service"
    accept_interval(db, "admin", instrument, 6, "drift study")
    assert svc.get_instrument(db, instrument).due_on is None
    # Recalibrated and passed: it falls due again, 6 months after 2025-03-15.
    _approved(db, instrument, date(2025, 3, 15), EventResult.PASS)
    assert _edit(db, instrument, last_calibrated_on=date(2025, 3, 15)).due_on == date(2025, 9, 15)


def test_an_intermediate_check_or_a_draft_fail_is_not_the_latest_result(db: Database) -> None:
    instrument = _add(db, "F-3")
    _approved(db, instrument, LAST, EventResult.PASS)
    with db.unit_of_work("admin") as uow:
        for kind, status in (
            (EventKind.INTERMEDIATE_CHECK, EventStatus.APPROVED),
            (EventKind.CALIBRATION, EventStatus.DRAFT),
        ):
            uow.events.add(
                EventRow(instrument_id=instrument, kind=kind, status=status,
                         performed_on=date(2025, 6, 1), result=EventResult.FAIL)
            )  # fmt: skip
        uow.commit()
    assert _edit(db, instrument, interval_months=24).due_on == date(2027, 1, 31)


@pytest.mark.parametrize(
    "status", [InstrumentStatus.SUSPENDED, InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED]
)
def test_no_due_status_gets_no_due_date_on_create_or_edit(
    db: Database, status: InstrumentStatus
) -> None:
    created = _add(db, "S-1", status=status)
    assert svc.get_instrument(db, created).due_on is None
    edited = _add(db, "S-2")
    assert _edit(db, edited, status=status, interval_months=6).due_on is None


def test_retiring_clears_the_due_date(db: Database) -> None:
    instrument = _add(db, "R-1")
    version = svc.get_instrument(db, instrument).version
    assert svc.retire_instrument(db, "admin", instrument, version, "worn out").due_on is None
    accept_interval(db, "admin", instrument, 24, "after retirement")
    assert svc.get_instrument(db, instrument).due_on is None


def test_an_imported_suspended_instrument_gets_no_due_date() -> None:
    data = InstrumentData(asset_tag="I-1", name="DMM", last_calibrated_on=LAST, interval_months=12)
    record = LedgerRecord(
        source_row=2, asset_tag="I-1", name="DMM", last_calibrated_on=LAST, interval_months=12
    )
    assert ledger_due_on(record, data) == date(2026, 1, 31)
    suspended = data.__class__(**{**data.__dict__, "status": InstrumentStatus.SUSPENDED})
    assert ledger_due_on(record._replace(status=InstrumentStatus.SUSPENDED), suspended) is None
    # a failed last result: not due (it may not be used), even with 有效期至 on the ledger line
    failed = record._replace(last_result=EventResult.FAIL, valid_until=date(2026, 3, 1))
    assert ledger_due_on(failed, data) is None
    # 有效期至 stated: the certificate's own date, not last date + interval
    stated = record._replace(valid_until=date(2026, 3, 1))
    assert ledger_due_on(stated, data) == date(2026, 3, 1)


def test_the_domain_rule() -> None:
    in_service = InstrumentStatus.IN_SERVICE
    assert instrument_due_on(LAST, 12, status=in_service, latest_failed=False) == date(2026, 1, 31)
    assert instrument_due_on(LAST, 12, status=in_service, latest_failed=True) is None
    assert not may_fall_due(InstrumentStatus.SCRAPPED, latest_failed=False)
    assert may_fall_due(InstrumentStatus.OUT_OF_SERVICE, latest_failed=False)
