"""Big lists stay responsive (issue #17): column fitting reads a sample, the register keeps a
bounded number of pages, drill-downs load page by page.  No timings: each test counts what the
GUI thread reads or keeps, which is what made it stall at 100 000 items.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from labapp.ui.common.tables import SAMPLE_ROWS, fit_columns, read_only_table


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
