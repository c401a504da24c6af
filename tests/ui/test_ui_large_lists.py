"""Big lists stay responsive (issue #17): column fitting reads a sample, the register keeps a
bounded number of pages, drill-downs load page by page.  No timings: each test counts what the
GUI thread reads or keeps, which is what made it stall at 100 000 items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from labapp.ui.common.paged_rows_model import MAX_PAGES, PagedRowsModel
from labapp.ui.common.tables import SAMPLE_ROWS, fit_columns, read_only_table
from labapp.ui.register._table_model import COL_ASSET_TAG, InstrumentTableModel


class CountingModel(QAbstractTableModel):
    """``rows`` rows of growing text; remembers every row it was asked about."""

    def __init__(self, rows: int, columns: int = 3) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns
        self.read: set[int] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def text(self, row: int, column: int) -> str:
        return f"{column}:" + "w" * (row % 17 + 3 * column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        self.read.add(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return f"Header of column {section}"
        return None


def test_fit_columns_reads_a_sample_not_every_row(qtbot) -> None:
    model = CountingModel(100_000)
    table = read_only_table(model)
    qtbot.addWidget(table)
    fit_columns(table)
    assert 0 < len(model.read) <= SAMPLE_ROWS
    metrics = table.fontMetrics()
    for column in range(model.columns):
        widest_text = max(metrics.horizontalAdvance(model.text(r, column)) for r in model.read)
        header = metrics.horizontalAdvance(f"Header of column {column}")
        assert table.columnWidth(column) >= max(widest_text, header)


def test_fit_columns_caps_the_widest_column_and_reads_the_rows_in_view(qtbot) -> None:
    model = CountingModel(5_000)
    table = read_only_table(model)
    qtbot.addWidget(table)
    table.show()
    table.scrollTo(model.index(4_000, 0), table.ScrollHint.PositionAtTop)
    qtbot.waitExposed(table)
    model.read.clear()
    fit_columns(table, 40, sample=10)
    assert len(model.read) <= 10
    assert min(model.read) >= 4_000 - 10  # what the user sees and its neighbours, not row 0
    assert all(table.columnWidth(c) == 40 for c in range(model.columns - 1))  # last stretches


@dataclass(frozen=True)
class Item:
    id: int
    asset_tag: str
    name: str = "Digital multimeter"
    due_on: date | None = None


ITEMS = [
    Item(i, f"A{i:05d}", due_on=date(2026, 1, 1) + timedelta(days=i % 400)) for i in range(5_000)
]


def register_loader(asked: list[int]):
    """The register's loader over :data:`ITEMS`, answering at once; records the offsets asked."""

    def load(search, limit, offset, deliver):
        asked.append(offset)
        deliver(ITEMS[offset : offset + limit])

    return load


def test_the_register_keeps_a_bounded_number_of_pages_while_scrolling_to_the_end(
    qtmodeltester,
) -> None:
    asked: list[int] = []
    model = InstrumentTableModel(register_loader(asked))
    model.page_size = 100
    model.reload()
    model.total = len(ITEMS)  # as the register's count says
    while model.canFetchMore():
        model.fetchMore()
        model.index(model.rowCount() - 1, 0).data()  # the view shows the rows just fetched
    pages = -(-len(ITEMS) // model.page_size)
    assert model.rowCount() == len(ITEMS)
    assert asked == [p * model.page_size for p in range(pages)]
    assert len(model.kept_pages()) == MAX_PAGES
    assert model.kept_pages() == list(range(pages - MAX_PAGES, pages))  # those near the end
    qtmodeltester.check(model)
    assert len(model.kept_pages()) <= MAX_PAGES


def test_a_dropped_page_is_fetched_again_when_the_view_comes_back() -> None:
    asked: list[int] = []
    model = InstrumentTableModel(register_loader(asked))
    model.page_size = 100
    model.reload()
    for _ in range(20):
        model.fetchMore()
    assert 0 not in model.kept_pages()
    asked.clear()
    assert model.index(5, COL_ASSET_TAG).data() == ITEMS[5].asset_tag
    assert model.row_at(5) == ITEMS[5]
    assert asked == [0]  # one page asked again, not the whole list
    assert 0 in model.kept_pages() and len(model.kept_pages()) <= MAX_PAGES
    assert model.row_of(ITEMS[7].id) == 7


def test_a_late_page_of_an_old_query_does_not_fill_a_dropped_page() -> None:
    pending: list = []
    model = PagedRowsModel(lambda limit, offset, deliver: pending.append((offset, deliver)))
    model.page_size, model.max_pages = 10, 2
    model.reload()
    for offset in range(0, 40, 10):
        pending.pop()[1](list(range(offset, offset + 10)))
        model.fetchMore()
    assert model.kept_pages() == [2, 3]
    assert model.row_at(0) is None  # dropped: asked again, shown empty meanwhile
    offset, answer = pending.pop()  # after the request for the page past the end
    assert offset == 0
    model.reload()  # a new query before the old page arrives
    answer(list(range(10)))
    assert model.kept_pages() == []


def test_the_years_on_time_drill_down_loads_pages_not_every_row(qtbot, window, monkeypatch) -> None:
    from uihelpers import wait_idle

    from labapp.services.dashboard import _figures as dashboard
    from labapp.ui.common import paged_rows_model

    monkeypatch.setattr(paged_rows_model, "PAGE_SIZE", 5)
    view = window.views["overview"]
    wait_idle(qtbot, window.session)
    if view.rate is None:
        with qtbot.waitSignal(view.rate_loaded, timeout=30_000):
            view.load_rate()
    year = view.rate.total
    whole = dashboard.on_time_items(window.session.db, year.first_day, year.last_day, date.today())
    assert len(whole) == year.due > 5  # more than one page
    with qtbot.waitSignal(view.drill_opened, timeout=30_000) as opened:
        view.drill_rate(year)
    model = opened.args[0].model
    wait_idle(qtbot, window.session)
    assert model.rowCount() == 5  # the first page only; the rest when scrolled to
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, window.session)
    assert model.rowCount() == len(whole)
    kept = model.kept_rows()
    assert len(kept) <= paged_rows_model.MAX_PAGES * 5
    assert all(whole[row] == item for row, item in kept)
    opened.args[0].close()


def test_the_selected_item_outlives_the_drop_of_its_page(qtbot, window) -> None:
    from uihelpers import wait_idle

    view = window.views["register"]
    window.show_page("register")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    wait_idle(qtbot, window.session)
    view.model.page_size, view.model.max_pages = 10, 2
    view.requery()
    # the table may ask for the next page itself at once (its viewport is not full): >= 10
    qtbot.waitUntil(lambda: view.model.rowCount() >= 10, timeout=30_000)
    view.table.selectRow(0)
    chosen = view.selected_item()
    assert chosen is not None
    model = view.model

    def more() -> bool:  # a page in flight (the view may ask for one itself) is not the end
        return model.is_loading() or model.canFetchMore()

    while 0 in model.kept_pages() and more():
        before = model.rowCount()
        if not model.is_loading():
            model.fetchMore()
        qtbot.waitUntil(lambda b=before: model.rowCount() > b or not more(), timeout=30_000)
        view.table.scrollToBottom()  # as a user scrolling down: row 0 is no longer painted
        model.row_at(model.rowCount() - 1)  # the view reads the rows at the bottom
    assert 0 not in model.kept_pages()
    assert view.selected_item() == chosen  # Edit… and Retire… still act on it
