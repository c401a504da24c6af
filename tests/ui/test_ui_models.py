"""Item models: consistency (qtmodeltester), paging, stale pages, due-state colouring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt

from labapp.domain.enums import InstrumentStatus, Role
from labapp.ui.register._table_model import (
    COL_DUE,
    COL_ROLE,
    COL_STATUS,
    DueStateRole,
    InstrumentTableModel,
    due_state,
)

TODAY = date(2026, 3, 1)


@dataclass(frozen=True)
class Row:
    asset_tag: str
    name: str = "Digital multimeter"
    model: str = "34401A"
    serial: str = "SN1"
    role: Role = Role.WORKING
    status: InstrumentStatus = InstrumentStatus.IN_SERVICE
    location: str = "Lab 1"
    custodian: str = "Li Wei"
    last_calibrated_on: date | None = None
    due_on: date | None = None


ROWS = [Row(f"A{i:04d}", due_on=TODAY + timedelta(days=i - 10)) for i in range(450)]


def sync_loader(calls: list[tuple]):
    def load(search, limit, offset, deliver):
        calls.append((search, limit, offset))
        rows = [r for r in ROWS if not search or search in r.asset_tag]
        deliver(rows[offset : offset + limit])

    return load


def test_pages_until_exhausted_and_passes_modeltester(qtmodeltester) -> None:
    calls: list[tuple] = []
    model = InstrumentTableModel(sync_loader(calls))
    model.reload()
    assert model.rowCount() == 200
    assert model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert [c[2] for c in calls][-3:] == [0, 200, 400]
    qtmodeltester.check(model)


def test_search_requeries_from_the_first_page() -> None:
    calls: list[tuple] = []
    model = InstrumentTableModel(sync_loader(calls))
    model.reload()
    model.set_search("  A001  ")
    assert calls[-1] == ("A001", 200, 0)
    assert model.rowCount() == 10
    assert not model.canFetchMore()


def test_a_page_of_an_old_query_is_dropped() -> None:
    pending = []
    model = InstrumentTableModel(lambda s, limit, offset, deliver: pending.append(deliver))
    model.reload()
    model.set_search("A0001")
    pending[0](ROWS[:200])  # the first query answers late
    assert model.rowCount() == 0
    pending[1](ROWS[1:2])
    assert model.rowCount() == 1


def test_due_state_colours_and_labels(qapp) -> None:
    model = InstrumentTableModel(sync_loader([]))
    model.today = TODAY
    model.lead_days = 30
    model.reload()
    overdue, soon, later = (
        model.index(0, COL_DUE),
        model.index(10, COL_DUE),
        model.index(60, COL_DUE),
    )
    assert overdue.data(DueStateRole) == "overdue"
    assert soon.data(DueStateRole) == "due_soon"
    assert later.data(DueStateRole) == "ok"
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert later.data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, COL_ROLE).data() == "Working instrument"
    assert model.index(0, COL_STATUS).data() == "In service"
    assert due_state(None, TODAY, 30) == "none"
