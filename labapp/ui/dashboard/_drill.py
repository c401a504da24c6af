"""The Overview's drill-downs: the items behind a number, in a dialog; long lists paged.

A card may stand for 100 000 items (the year's on-time rate counts 105 000 occurrences at that
size): :func:`open_paged_drill` fetches them a page at a time on the worker
(:class:`~labapp.ui.common.paged_rows_model.PagedRowsModel`), so the GUI thread never builds,
fits or collects the whole list (issue #17).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.planning import DrillItemsModel

__all__ = ["DrillDownDialog", "open_paged_drill"]


class DrillDownDialog(QDialog):
    """The items behind a dashboard number (a ``RowsTableModel`` subclass shows them).

    ``items`` is the list itself (a short one), or, for a list that may be long, a page loader
    (``loader(limit, offset, deliver)``) that ``model``, a ``PagedRowsModel``, fetches page by
    page as the list is scrolled.
    """

    def __init__(
        self, title: str, items: Any, parent: QWidget | None = None, model: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillDown")
        self.setWindowTitle(title)
        self.model = model or DrillItemsModel(parent=self)
        self.model.setParent(self)
        self.table = read_only_table(self.model, row_numbers=True)
        if callable(items):
            self.model.set_loader(items)
        else:
            self.model.set_rows(items)
            fit_columns(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 420)


def open_paged_drill(
    view: Any, title: str, model: Any, page: Callable[[Any, int, int], list[Any]], size: Any
) -> None:
    """Open a drill-down of ``view`` (the Overview) fetching ``page(db, limit, offset)`` on
    the worker as it is scrolled; it opens with its first page (a list of 100 000 items is
    never built at once)."""
    dialog = DrillDownDialog(title, [], view, model)
    dialog.resize(*size)
    opened = False

    def first_page() -> None:
        nonlocal opened
        if not opened:
            opened = True
            fit_columns(dialog.table)
            view.open_drill(dialog)

    def loader(limit: int, offset: int, deliver: Callable[[list[Any]], None]) -> None:
        def delivered(rows: list[Any]) -> None:
            deliver(rows)
            first_page()

        def failed(exc: BaseException) -> None:
            model.loading_failed()
            if not opened:
                dialog.deleteLater()
            view.session.worker.report(exc)

        view.session.run(lambda db: page(db, limit, offset), delivered, failed)

    model.set_loader(loader)
