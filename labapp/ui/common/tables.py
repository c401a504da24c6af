"""The one factory for the read-only tables of whole rows that the pages and dialogs show."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

__all__ = ["read_only_table"]


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
