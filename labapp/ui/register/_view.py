"""The register: every instrument and standard, searched, filtered and ordered in SQL, paged on
scroll, with the selected item's details beside the table.

Every query runs on the worker.  Search is debounced; a newer search, filter or order makes the
answers of older ones stale (the model's generation for pages, a counter here for the count and
the detail), so what the table shows always matches what the bar says.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labapp.services.register import (
    RegisterFilter,
    get_instrument_detail,
    query_register,
    register_facets,
)
from labapp.services.traceability import forward_chain
from labapp.ui.common import settings
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import TRACEABILITY, View
from labapp.ui.register._count import RegisterCount
from labapp.ui.register._detail import InstrumentDetailPane
from labapp.ui.register._filters import RegisterFilterBar
from labapp.ui.register._flow import instrument_dialog, retire_dialog
from labapp.ui.register._instrument_dialog import InstrumentDialog
from labapp.ui.register._print import start_register_print
from labapp.ui.register._retire_dialog import RetireDialog
from labapp.ui.register._table_model import (
    COL_DUE,
    COLUMNS,
    DUE_SOON_BRUSH,
    FAILED_BRUSH,
    OUT_OF_SERVICE_BRUSH,
    OVERDUE_BRUSH,
    UNSORTABLE,
    InstrumentTableModel,
)

#: the order combo's keys (asset tag, then due date: the overview's "overdue" card asks for it)
ORDERS = ("asset_tag", "due_on", *(k for k, _ in COLUMNS[1:-1] if k not in UNSORTABLE))
DEBOUNCE_MS = 250


class RegisterView(View):
    """Search, filters, the paged table of ``RegisterItem`` rows and the detail pane."""

    rows_loaded = Signal()
    count_loaded = Signal(int)
    detail_loaded = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = InstrumentTableModel(parent=self)
        self.counter = RegisterCount(session, self)
        self._detail_token = 0
        self._selected: Any = None  # the selected row's item, kept if its page is dropped
        self._select_after_load: int | None = None
        self._columns_fitted = False  # fitted to the first rows only: a search keeps the widths
        self.title = self.make_title()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("registerSearch")
        self.filters = RegisterFilterBar()
        self.order_label = QLabel()
        self.order = QComboBox()
        self.order.setObjectName("registerOrder")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newInstrument")
        self.new_button.clicked.connect(self.new_instrument)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printRegister")
        self.print_button.clicked.connect(lambda: start_register_print(self))
        self.count_label = QLabel()
        self.count_label.setObjectName("registerCount")
        self.chips = {key: _chip(brush.color().name()) for key, brush in _CHIP_BRUSHES.items()}
        self.table = self._make_table()
        self.detail = InstrumentDetailPane(session)
        self._connect()
        self._build_layout()
        self.retranslate_ui()

    def _make_table(self) -> QTableView:
        table = read_only_table(self.model, "registerTable", single=True, compact=True)
        table.setAlternatingRowColors(False)  # the due colours carry meaning
        header = table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # calls model.sort(): an ORDER BY in SQL
        return table

    def _connect(self) -> None:
        self.counter.loaded.connect(self._counted)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_search)
        self.filters.changed.connect(self.requery)
        self.order.currentIndexChanged.connect(self._order_changed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.detail.edit_requested.connect(self.edit_selected)
        self.detail.duplicate_requested.connect(self.duplicate_selected)
        self.detail.retire_requested.connect(self.retire_selected)
        self.detail.traceability_requested.connect(self._open_traceability)
        self.detail.event_requested.connect(self._open_event)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.order_label)
        bar.addWidget(self.order)
        bar.addWidget(self.new_button)
        bar.addWidget(self.print_button)
        legend = QHBoxLayout()
        legend.addWidget(self.count_label)
        legend.addStretch(1)
        for chip in self.chips.values():
            legend.addWidget(chip)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 560])  # the table first; the pane can be dragged wider
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Register of instruments and standards"))
        self.search.setPlaceholderText(
            self.tr("Search asset tag, name, model, serial number, location…")
        )
        self.order_label.setText(self.tr("Order by:"))
        self.new_button.setText(self.tr("New instrument…"))
        self.print_button.setText(self.tr("Export PDF…"))
        self._fill_orders()
        self.chips["overdue"].setText(self.tr("Overdue"))
        self.chips["failed"].setText(self.tr("Failed"))
        self.chips["out_of_service"].setText(self.tr("Out of service"))
        self._update_due_chip()
        self._update_count()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._columns_fitted = False  # the headings' widths changed with the language
        self.table.viewport().update()  # role and status labels are translated when painted

    def _fill_orders(self) -> None:
        current = self.order.currentIndex()
        self.order.blockSignals(True)
        self.order.clear()
        for key in ORDERS:
            self.order.addItem(self.model.headerData(_column(key), Qt.Orientation.Horizontal))
        self.order.setCurrentIndex(max(current, 0))
        self.order.blockSignals(False)

    def _update_due_chip(self) -> None:
        self.chips["due_soon"].setText(self.tr("Due within {0} days").format(self.model.lead_days))

    @property
    def total(self) -> int | None:
        """The count of the current query (cap + 1 when a search matched more than the cap)."""
        return self.counter.total

    def _update_count(self, *_: object) -> None:
        self.count_label.setText(self.counter.status_text(self.model.rowCount()))

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.model.today = date.today()
        self.model.lead_days = settings.get(settings.DUE_SOON_DAYS)
        self._update_due_chip()
        self.session.run(register_facets, self.filters.set_facets)
        self._count()
        self.model.set_loader(self._loader)

    def current_filter(self) -> RegisterFilter:
        """The service's filter for what the search box and the filter bar say now."""
        text = self.search.text().strip()
        return RegisterFilter(search=text, **self.filters.values())

    def _loader(
        self, _search: str | None, limit: int, offset: int, deliver: Callable[[list[Any]], None]
    ) -> None:
        flt, order_by, descending = (
            self.current_filter(),
            self.model.order_by,
            self.model.descending,
        )
        today, lead_days = self.model.today, self.model.lead_days
        token = self.counter.token

        def query(db: Any) -> list[Any]:
            return query_register(
                db,
                flt,
                order_by=order_by,
                descending=descending,
                limit=limit,
                offset=offset,
                today=today,
                lead_days=lead_days,
            )

        def delivered(rows: list[Any]) -> None:
            first_page = self.model.rowCount() == 0
            deliver(rows)
            if first_page:  # not a page fetched again after it was dropped
                self.counter.first_page(token, len(rows), limit, flt, (today, lead_days))
            if first_page and rows and not self._columns_fitted:
                self._columns_fitted = True
                fit_columns(self.table)
            self._after_rows()
            self.rows_loaded.emit()

        def failed(exc: BaseException) -> None:
            self.model.loading_failed()
            self.session.worker.report(exc)

        self.session.run(query, delivered, failed)

    def _count(self) -> None:
        """Forget the count; the next first page asks for it (see :class:`RegisterCount`)."""
        self.counter.reset()
        self._update_count()

    def _counted(self, total: int) -> None:
        # a capped count is not the end of the rows: the model pages until a short page
        self.model.total = None if self.counter.capped else total
        self._update_count()
        self.count_loaded.emit(total)

    def requery(self) -> None:
        """Query again from the first page with the current search, filters and order."""
        if self.session.db is None:
            return
        self._count()
        self.model.set_search(self.search.text())

    def _apply_search(self) -> None:
        self._debounce.stop()
        self.requery()

    def _order_changed(self, index: int) -> None:
        column = _column(ORDERS[max(index, 0)])
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        key = COLUMNS[column][0]
        if key in UNSORTABLE:  # put the indicator back on the order really in use
            QTimer.singleShot(0, self._restore_sort_indicator)
            return
        if key in ORDERS and self.order.currentIndex() != ORDERS.index(key):
            self.order.blockSignals(True)
            self.order.setCurrentIndex(ORDERS.index(key))
            self.order.blockSignals(False)

    def _restore_sort_indicator(self) -> None:
        order = (
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.table.horizontalHeader()
        header.setSortIndicator(_column(self.model.order_by), order)

    def show_hint(self, hint: object) -> None:
        """``hint`` is an order (``due_on`` puts overdue items first)."""
        if hint in ORDERS:
            self.order.setCurrentIndex(ORDERS.index(str(hint)))

    # --- selection and detail -----------------------------------------------------------------
    def selected_item(self) -> Any:
        """The selected ``RegisterItem`` (None if no row is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.model.row_at(rows[0].row())  # None while its page is fetched again
        return item if item is not None else self._selected

    def select_instrument(self, instrument_id: int) -> bool:
        """Select the row of ``instrument_id`` if it is among the fetched rows."""
        row = self.model.row_of(instrument_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0

    def _after_rows(self) -> None:
        if self._select_after_load is not None and self.select_instrument(self._select_after_load):
            self._select_after_load = None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._selected = self.model.row_at(rows[0].row()) if rows else None
        item = self.selected_item()
        self._detail_token += 1
        if item is None:
            self.detail.show_detail(None)
            return
        self.load_detail(item.id)

    def load_detail(self, instrument_id: int) -> None:
        """Fetch and show the detail of ``instrument_id`` (a later selection wins)."""
        token = self._detail_token

        def show(found: tuple[Any, Any]) -> None:
            if token == self._detail_token:
                detail, chain = found
                self.detail.show_detail(detail)
                self.detail.show_chain(chain)
                self.detail_loaded.emit(detail)

        self.session.run(lambda db: _detail_and_chain(db, instrument_id), show)

    def _open_traceability(self, instrument_id: int) -> None:
        window = self.window()
        if hasattr(window, "show_traceability"):
            window.show_traceability(instrument_id)
        else:
            self.navigate.emit(TRACEABILITY, None)

    def _open_event(self, event_id: int) -> None:
        window = self.window()
        if hasattr(window, "open_event"):
            window.open_event(event_id)

    # --- add, edit, add similar, retire ---------------------------------------------------------
    def new_instrument(self) -> InstrumentDialog:
        """Register → New instrument… (window-modal; returns the dialog, already open)."""
        return self._open_dialog(instrument_dialog(self.session, self))

    def edit_selected(self) -> InstrumentDialog | None:
        """Register → Edit… on the selected item."""
        item = self.selected_item()
        if item is None:
            return None
        return self._open_dialog(instrument_dialog(self.session, self, instrument_id=item.id))

    def duplicate_selected(self) -> InstrumentDialog | None:
        """Register → Add similar…: a new item prefilled from the selected one."""
        item = self.selected_item()
        if item is None:
            return None
        return self._open_dialog(instrument_dialog(self.session, self, similar_to=item.id))

    def retire_selected(self) -> RetireDialog | None:
        """Register → Retire… the selected item, with a reason."""
        item = self.selected_item()
        if item is None:
            return None
        dialog = retire_dialog(self.session, self, item)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _open_dialog(self, dialog: InstrumentDialog) -> InstrumentDialog:
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, detail: Any) -> None:
        """A dialog saved ``detail``: reload, select it again and refresh its pane."""
        self._select_after_load = detail.id
        self.requery()
        self.detail.show_detail(detail)
        self.load_detail(detail.id)


_CHIP_BRUSHES = {
    "overdue": OVERDUE_BRUSH,
    "due_soon": DUE_SOON_BRUSH,
    "failed": FAILED_BRUSH,
    "out_of_service": OUT_OF_SERVICE_BRUSH,
}


def _detail_and_chain(db: Any, instrument_id: int) -> tuple[Any, Any]:
    """The detail pane's data in one worker job: the instrument and its forward chain."""
    return get_instrument_detail(db, instrument_id), forward_chain(db, instrument_id)


def _column(key: str) -> int:
    return next(i for i, (k, _) in enumerate(COLUMNS) if k == key)


def _chip(colour: str) -> QLabel:
    chip = QLabel()
    chip.setStyleSheet(
        f"background: {colour}; color: #202124; padding: 2px 8px; border-radius: 3px;"
    )
    return chip


__all__ = ["COL_DUE", "ORDERS", "RegisterView"]
