"""A read-only table over a long list fetched page by page on the worker, keeping a few pages.

A page is ``page_size`` rows asked of a loader (``loader(limit, offset, deliver)``, which runs the
query on the worker and calls ``deliver(rows)`` on the GUI thread).  Scrolling to the end asks
for the next page (``canFetchMore``/``fetchMore``); only :attr:`PagedRowsModel.max_pages` pages
are kept, those nearest the rows the view last read: a page dropped is fetched again when the
view comes back to it (its cells are empty meanwhile).  So the memory and the work on the GUI
thread stay the same for 100 rows or 100 000 (issue #17: the register kept every page it ever
fetched, +171 MB at its end; a drill-down built 105 000 rows at once).

A new query (:meth:`PagedRowsModel.reload`) bumps a generation counter, so a page of an older
query that arrives late is dropped instead of mixed into the new one.  :meth:`set_rows` still
shows a short list given at once (no loader).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from labapp.ui.common.rows_table_model import RowRole, RowsTableModel

__all__ = ["MAX_PAGES", "PAGE_SIZE", "PageLoader", "PagedRowsModel"]

PAGE_SIZE = 200
#: pages kept at most (the view shows one or two; the rest spare refetching when scrolling back)
MAX_PAGES = 8

#: loader(limit, offset, deliver) must eventually call deliver(list_of_rows) once
PageLoader = Callable[[int, int, Callable[[list[Any]], None]], None]


class PagedRowsModel(RowsTableModel):
    """Rows of DTOs fetched a page at a time, at most :attr:`max_pages` pages kept."""

    def __init__(self, loader: PageLoader | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._pages: dict[int, list[Any]] = {}
        self._count = 0  # rows known so far (kept or dropped)
        self._generation = 0
        self._loading = False  # the next page is on its way
        self._refetching: set[int] = set()
        self._exhausted = True
        self._focus = 0  # the page the view read last
        self.page_size = PAGE_SIZE
        self.max_pages = MAX_PAGES
        self.total: int | None = None  # rows the current query has, once counted

    # --- loading ---------------------------------------------------------------------------
    def set_loader(self, loader: PageLoader | None) -> None:
        """Use ``loader`` (None: nothing to show) and reload from the first page."""
        self._loader = loader
        self.reload()

    def set_rows(self, rows: list[Any]) -> None:
        """Show ``rows`` at once (a short list; no loader, nothing dropped)."""
        self._generation += 1
        self.beginResetModel()
        self._loader, self._loading, self._exhausted = None, False, True
        self._refetching.clear()
        size = self.page_size
        self._pages = {i // size: list(rows[i : i + size]) for i in range(0, len(rows), size)}
        self._count = len(rows)
        self.endResetModel()

    def reload(self) -> None:
        """Drop every row and fetch the first page again (late pages of old queries are ignored)."""
        self._generation += 1
        self.beginResetModel()
        self._pages, self._count, self._focus = {}, 0, 0
        self._refetching.clear()
        self._loading = False
        self._exhausted = self._loader is None
        self.total = None
        self.endResetModel()
        self._request()

    def load_page(self, offset: int, deliver: Callable[[list[Any]], None]) -> None:
        """Ask the loader for the page at ``offset`` (subclasses add their query's terms)."""
        assert self._loader is not None
        self._loader(self.page_size, offset, deliver)

    def _request(self) -> None:
        if self._loader is None or self._loading or self._exhausted:
            return
        self._loading = True
        generation, offset = self._generation, self._count
        self.load_page(offset, lambda rows: self._appended(generation, offset, rows))

    def _appended(self, generation: int, offset: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self.page_size
        if rows:
            page = offset // self.page_size
            self.beginInsertRows(QModelIndex(), self._count, self._count + len(rows) - 1)
            self._pages[page] = list(rows)
            self._count += len(rows)
            self.endInsertRows()
            self._drop_far_pages(page)

    def _refetch(self, page: int) -> None:
        if self._loader is None or page in self._refetching:
            return
        self._refetching.add(page)
        generation = self._generation
        self.load_page(page * self.page_size, lambda rows: self._refetched(generation, page, rows))

    def _refetched(self, generation: int, page: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._refetching.discard(page)
        first = page * self.page_size
        self._pages[page] = list(rows[: max(0, self._count - first)])
        self._drop_far_pages(self._focus)
        last = min(self._count, first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _drop_far_pages(self, keep: int) -> None:
        """Keep :attr:`max_pages` pages, the nearest to ``keep`` (which always stays)."""
        while len(self._pages) > max(self.max_pages, 1):
            far = max((p for p in self._pages if p != keep), key=lambda p: abs(p - keep))
            del self._pages[far]

    def loading_failed(self) -> None:
        """Stop paging after an error (the error itself is shown by the worker's handler)."""
        self._loading = False
        self._exhausted = True
        self._refetching.clear()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._loading or self._exhausted:
            return False
        return self.total is None or self._count < self.total  # no empty last page

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._request()

    def is_loading(self) -> bool:
        """True while the next page is being fetched."""
        return self._loading

    def kept_pages(self) -> list[int]:
        """The pages held now (by number), the others being fetched again when shown."""
        return sorted(self._pages)

    # --- rows ------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_at(self, row: int) -> Any:
        """The DTO shown in ``row`` (None while its page is fetched again)."""
        if not 0 <= row < self._count:
            raise IndexError(row)
        page = row // self.page_size
        self._focus = page
        rows = self._pages.get(page)
        if rows is None:
            self._refetch(page)  # a loader that answers at once fills it now
            rows = self._pages.get(page)
            if rows is None:
                return None
        offset = row - page * self.page_size
        return rows[offset] if offset < len(rows) else None

    def kept_rows(self) -> list[tuple[int, Any]]:
        """``(row, DTO)`` of every row held now."""
        return [
            (page * self.page_size + i, dto)
            for page in sorted(self._pages)
            for i, dto in enumerate(self._pages[page])
        ]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == RowRole:
            return row
        return self.role_data(row, index.column(), role)
