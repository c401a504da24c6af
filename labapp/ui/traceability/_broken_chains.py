"""Every broken traceability chain in the lab, in one click."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.traceability._models import BrokenChainsModel

#: a review looks back this far by default (the usual two-year re-assessment period)
REVIEW_YEARS = 2


class BrokenChainsWidget(QWidget):
    """The list of in-service items whose results rest on a broken link since a date."""

    loaded = Signal()
    open_chain = Signal(int)  # instrument id

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = BrokenChainsModel(self)
        self.since_label = QLabel()
        review_start = date.today() - relativedelta(years=REVIEW_YEARS)
        self.since = date_edit(review_start, name="brokenSince", latest=None)
        self.find_button = QPushButton()
        self.find_button.setObjectName("findBroken")
        self.find_button.clicked.connect(self.load)
        self.count = QLabel()
        self.table = read_only_table(self.model, "brokenChains", row_numbers=True)
        self.table.doubleClicked.connect(
            lambda index: self.open_chain.emit(self.model.row_at(index.row()).instrument_id)
        )
        bar = QHBoxLayout()
        bar.addWidget(self.since_label)
        bar.addWidget(self.since)
        bar.addWidget(self.find_button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def retranslate_ui(self) -> None:
        self.since_label.setText(self.tr("Results since:"))
        self.find_button.setText(self.tr("Find broken chains"))
        self.table.setToolTip(self.tr("Double-click a line to see its chain"))
        self._count()

    def _count(self) -> None:
        self.count.setText(self.tr("%n broken chain(s)", "", self.model.rowCount()))

    def load(self) -> None:
        """Find the broken chains on the worker."""
        from labapp.services.traceability import broken_chains

        since: date = self.since.date().toPython()
        today = date.today()
        self.session.run(lambda db: broken_chains(db, today=today, since=since), self._show)

    def _show(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        fit_columns(self.table)
        self._count()
        self.loaded.emit()
