"""The one factory for the read-only tables of whole rows that the pages and dialogs show, and
the one way their columns are fitted to their content (:func:`fit_columns`).

Fitting reads the header and a sample of rows, never every row: Qt's own
``resizeColumnsToContents`` asks the model for up to 1000 rows per column (every role of every
cell, in Python), which froze the GUI thread for 100–900 ms on the 100 000-item lab (issue #17).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

__all__ = ["SAMPLE_ROWS", "fit_columns", "read_only_table"]

#: rows :func:`fit_columns` reads per column (the first ones shown, then their neighbours)
SAMPLE_ROWS = 60


def read_only_table(
    model: QAbstractItemModel,
    name: str | None = None,
    *,
    single: bool = False,
    stretch_last: bool = True,
    resize: QHeaderView.ResizeMode | None = None,
    row_numbers: bool = False,
    compact: bool = False,
) -> QTableView:
    """A table over ``model`` that selects whole rows and never starts an editor.

    ``name`` is the object name (tests find tables by it); ``single`` allows one selected row;
    ``resize`` sets every column's resize mode; ``row_numbers`` keeps the vertical header;
    ``compact`` gives unwrapped rows one text line high (long lists).
    """
    table = QTableView()
    if name is not None:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(row_numbers)
    if resize is not None:
        table.horizontalHeader().setSectionResizeMode(resize)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    if compact:
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
    return table


def fit_columns(table: QTableView, widest: int | None = None, *, sample: int = SAMPLE_ROWS) -> None:
    """Size ``table``'s columns to their header and a sample of ``sample`` rows.

    The rows read are the ones in view (or the first ones) and their neighbours, at most
    ``sample`` per column (the horizontal header's resize precision, which Qt honours), so the cost
    does not grow with the model.  ``widest`` caps a column in pixels (long names).
    """
    table.horizontalHeader().setResizeContentsPrecision(max(1, sample))
    table.resizeColumnsToContents()
    if widest is None:
        return
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)
