"""The register: every instrument and standard, searched and ordered in SQL, paged on scroll."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from labapp.services.instruments import list_instruments
from labapp.ui import settings
from labapp.ui.models.instrument_table_model import (
    COLUMNS,
    DUE_SOON_BRUSH,
    OVERDUE_BRUSH,
    InstrumentTableModel,
)
from labapp.ui.views.base import View

ORDERS = ("asset_tag", "due_on", "name")


class RegisterView(View):
    """Search box, order choice and the paged table of ``InstrumentSummary`` rows."""

    rows_loaded = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = InstrumentTableModel(parent=self)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.title = self.make_title()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("registerSearch")
        self.order_label = QLabel()
        self.order = QComboBox()
        self.count_label = QLabel()
        self.overdue_chip = _chip(OVERDUE_BRUSH.color().name())
        self.due_soon_chip = _chip(DUE_SOON_BRUSH.color().name())
        self.table = self._make_table()
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_search)
        self.order.currentIndexChanged.connect(self._order_changed)
        self._order_by = ORDERS[0]
        self._build_layout()
        self.retranslate_ui()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)  # the due colours carry meaning
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        return table

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.order_label)
        bar.addWidget(self.order)
        legend = QHBoxLayout()
        legend.addWidget(self.count_label)
        legend.addStretch(1)
        legend.addWidget(self.overdue_chip)
        legend.addWidget(self.due_soon_chip)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Register of instruments and standards"))
        self.search.setPlaceholderText(
            self.tr("Search asset tag, name, model, serial number, location…")
        )
        self.order_label.setText(self.tr("Order by:"))
        names = [self.tr("Asset tag"), self.tr("Due date"), self.tr("Name")]
        current = self.order.currentIndex()
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItems(names)
        self.order.setCurrentIndex(max(current, 0))
        self.order.blockSignals(False)
        self.overdue_chip.setText(self.tr("Overdue"))
        self.due_soon_chip.setText(self.tr("Due within {0} days").format(self.model.lead_days))
        self._update_count()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.table.viewport().update()  # role and status labels are translated when painted

    def _update_count(self, *_: object) -> None:
        rows = self.model.rowCount()
        more = self.model.canFetchMore() or self.model.is_loading()
        text = self.tr("%n item(s) shown", "", rows)
        self.count_label.setText(text + (self.tr(" — scroll for more") if more else ""))

    def load(self) -> None:
        self.model.today = date.today()
        self.model.lead_days = settings.get(settings.DUE_SOON_DAYS)
        self.due_soon_chip.setText(self.tr("Due within {0} days").format(self.model.lead_days))
        self.model.set_loader(self._loader)

    def _loader(
        self, search: str | None, limit: int, offset: int, deliver: Callable[[list[Any]], None]
    ) -> None:
        order_by = self._order_by

        def query(db: Any) -> list[Any]:
            return list_instruments(
                db, search=search, limit=limit, offset=offset, order_by=order_by
            )

        def delivered(rows: list[Any]) -> None:
            first_page = self.model.rowCount() == 0
            deliver(rows)
            if first_page and rows:
                self.table.resizeColumnsToContents()
            self.rows_loaded.emit()

        def failed(exc: BaseException) -> None:
            self.model.loading_failed()
            self.session.worker.report(exc)

        self.session.run(query, delivered, failed)

    def _apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def _order_changed(self, index: int) -> None:
        self._order_by = ORDERS[max(index, 0)]
        self.model.reload()

    def show_hint(self, hint: object) -> None:
        """``hint`` is an order (``due_on`` puts overdue items first)."""
        if hint in ORDERS:
            self.order.setCurrentIndex(ORDERS.index(str(hint)))


def _chip(colour: str) -> QLabel:
    chip = QLabel()
    chip.setStyleSheet(f"background: {colour}; padding: 2px 8px; border-radius: 3px;")
    return chip
