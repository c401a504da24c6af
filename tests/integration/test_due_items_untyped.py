"""The due list built from untyped cells equals the one the typed statement gives (both databases).

``due_items`` reads cells as the driver gives them and types five itself (date, decimal cost,
provider kind, mandatory flag, overdue); the oracle here reads the same statement through
SQLAlchemy's typed columns and builds each ``DueItem`` with its own ``__init__``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from labapp.domain.enums import ProviderKind
from labapp.persistence import integrity_ddl
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.planning import DueItem, DueWindow, PlanFilter
from labapp.services.planning import _due as planning

TODAY = date(2025, 6, 1)


#: Costs with the digits a lab writes (the demo records none); the triggers that seal approved
#: events are lifted for this set-up only.
COSTS = ("1234.50", "80", "0.05")


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=80, years=2, today=TODAY))
    with db.engine.begin() as conn:
        integrity_ddl.remove(conn)
        ids = conn.execute(
            text("SELECT id FROM events WHERE status = 'approved' ORDER BY id")
        ).scalars()
        for number, event_id in enumerate(ids):
            conn.execute(
                text("UPDATE events SET cost = :c WHERE id = :i"),
                {"c": COSTS[number % len(COSTS)], "i": event_id},
            )
        integrity_ddl.install(conn)
    return db


def _typed(db: Database, window: DueWindow) -> list[DueItem]:
    first, last = planning.window_range(window, TODAY)
    with db.engine.connect() as conn:
        rows = conn.execute(planning.due_statement(first, last, PlanFilter())).all()
    return [
        DueItem(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            bool(r[8]),
            r[9] == ProviderKind.IN_HOUSE,
            r[10],
            r[10] < TODAY,
            r[13],
        )
        for r in rows
    ]


@pytest.mark.parametrize("window", [DueWindow.YEAR, DueWindow.OVERDUE, DueWindow.NEXT_90])
def test_untyped_cells_give_the_typed_dtos(lab: Database, window: DueWindow) -> None:
    items = planning.due_items(lab, window, TODAY)
    assert items == _typed(lab, window)
    assert items  # the demo has items due in each window


def test_types_of_every_cell(lab: Database) -> None:
    items = planning.due_items(lab, DueWindow.YEAR, TODAY)
    assert all(isinstance(i.due_on, date) for i in items)
    assert all(i.last_cost is None or isinstance(i.last_cost, Decimal) for i in items)
    costs = {i.last_cost for i in items if i.last_cost is not None}
    assert costs <= {Decimal(c) for c in COSTS} and costs
    assert {str(c) for c in costs} <= set(COSTS)  # the digits as written: "1234.50", not 1234.5
    assert {i.in_house for i in items} == {True, False}
    assert all(isinstance(i.mandatory_verification, bool) for i in items)
    assert all(i.overdue == (i.due_on < TODAY) for i in items)
