"""One definition of overdue / due soon: the SQL conditions agree with the domain rule, and the
Overview, the dashboard's cards and their drill-downs count the same items (SQLite and PG)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from labapp.domain.due import DueState, due_state
from labapp.persistence.models import InstrumentRow
from labapp.services.common import active, due_condition
from labapp.services.dashboard import _figures as dashboard
from labapp.services.dashboard import lab_overview
from labapp.services.dashboard._overview import STATES
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo

TODAY = date(2026, 11, 23)


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=60, years=3, seed=5, today=TODAY))
    return db


@pytest.mark.parametrize("lead_days", [0, 30, 90])
def test_sql_condition_is_the_domain_rule(lab: Database, lead_days: int) -> None:
    with lab.engine.connect() as conn:
        due = dict(
            conn.execute(select(InstrumentRow.id, InstrumentRow.due_on).where(active())).all()
        )
        for state in DueState:
            stmt = select(InstrumentRow.id).where(active(), due_condition(state, TODAY, lead_days))
            in_sql = set(conn.execute(stmt).scalars())
            by_rule = {i for i, d in due.items() if due_state(d, TODAY, lead_days) is state}
            assert in_sql == by_rule, state
    assert any(due_state(d, TODAY, lead_days) is DueState.OVERDUE for d in due.values())


@pytest.mark.parametrize("lead_days", [30, 60])
def test_overview_dashboard_and_drill_down_agree(lab: Database, lead_days: int) -> None:
    overview = lab_overview(lab, TODAY, lead_days)
    counts = dashboard.dashboard_counts(lab, TODAY, lead_days)
    shown = {
        "overdue": overview.overdue,
        "due_soon": overview.due_30,
        "failed": overview.failed,
        "out_of_service": overview.out_of_service,
    }
    for key in STATES:
        items = dashboard.drill_down(lab, key, TODAY, lead_days)
        assert shown[key] == getattr(counts, key) == len(items), key
    overdue = dashboard.drill_down(lab, "overdue", TODAY, lead_days)
    assert overdue and all(i.due_on is not None and i.due_on < TODAY for i in overdue)
    soon = dashboard.drill_down(lab, "due_soon", TODAY, lead_days)
    assert all(due_state(i.due_on, TODAY, lead_days) is DueState.DUE_SOON for i in soon)
