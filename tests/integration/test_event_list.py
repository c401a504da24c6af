"""The lab-wide event list (Calibrations page) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from labapp.domain.enums import EventKind, EventStatus
from labapp.domain.errors import ValidationError
from labapp.persistence.models import EventRow, InstrumentRow
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.events import list_events

TODAY = date(2025, 6, 1)


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=30, years=2, today=TODAY))
    return db


def _count(db: Database, *where: object) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(EventRow).where(*where)) or 0)


def test_newest_first_with_the_instrument(lab: Database) -> None:
    rows = list_events(lab, limit=10_000)
    assert len(rows) == _count(lab)
    keys = [(r.performed_on, r.revision) for r in rows]
    assert keys == sorted(keys, reverse=True)
    with lab.read() as session:
        tags = dict(session.execute(select(InstrumentRow.id, InstrumentRow.asset_tag)).all())
    assert all(r.asset_tag == tags[r.instrument_id] for r in rows)


def test_filters_match_sql_counts(lab: Database) -> None:
    drafts = list_events(lab, status=EventStatus.DRAFT)
    assert drafts and len(drafts) == _count(lab, EventRow.status == EventStatus.DRAFT)
    verifications = list_events(lab, kind=EventKind.VERIFICATION, limit=10_000)
    assert len(verifications) == _count(lab, EventRow.kind == EventKind.VERIFICATION)
    since, until = date(2024, 1, 1), date(2024, 12, 31)
    year = list_events(lab, since=since, until=until, limit=10_000)
    assert year and all(since <= r.performed_on <= until for r in year)
    assert len(year) == _count(lab, EventRow.performed_on.between(since, until))
    one = list_events(lab, instrument_id=year[0].instrument_id, limit=10_000)
    assert {r.instrument_id for r in one} == {year[0].instrument_id}
    assert len(list_events(lab, limit=5)) == 5


def test_dates_in_the_wrong_order_are_refused(lab: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        list_events(lab, since=date(2025, 1, 2), until=date(2025, 1, 1))
    assert caught.value.field == "since" and caught.value.code == "date_order"
