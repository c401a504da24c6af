"""The Calibrations page: recent events filtered by status, kind and date; double-click opens one;
the selected approved record's certificate (PDF) or DCC; a provider's DCC imported as a draft.

The list comes from ``labapp.services.events.list_events`` on the worker; "Record event…" and a
double-click ask the main window (``record_event`` / ``open_event``) for the event dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import EventKind, EventStatus
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.labels import label
from labapp.ui.common.rows_table_model import RowsTableModel
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View
from labapp.ui.events._certificates import CertificateActions

LIMIT = 500


class EventsTableModel(RowsTableModel):
    """Rows of event summaries."""

    CONTEXT = "EventsTableModel"
    COLUMNS = (
        ("performed_on", QT_TRANSLATE_NOOP("EventsTableModel", "Date")),
        ("asset_tag", QT_TRANSLATE_NOOP("EventsTableModel", "Asset tag")),
        ("kind", QT_TRANSLATE_NOOP("EventsTableModel", "Kind")),
        ("status", QT_TRANSLATE_NOOP("EventsTableModel", "Status")),
        ("revision", QT_TRANSLATE_NOOP("EventsTableModel", "Revision")),
        ("result", QT_TRANSLATE_NOOP("EventsTableModel", "Result")),
        ("certificate_no", QT_TRANSLATE_NOOP("EventsTableModel", "Certificate no.")),
        ("provider", QT_TRANSLATE_NOOP("EventsTableModel", "Provider")),
        ("performer", QT_TRANSLATE_NOOP("EventsTableModel", "Performed by")),
        ("valid_until", QT_TRANSLATE_NOOP("EventsTableModel", "Valid until")),
    )


class CalibrationsView(View):
    """Filters, the table of recent events, "Record event…"."""

    rows_loaded = Signal()
    open_event = Signal(int)
    record_event = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._left_out = False  # True when more events match than the LIMIT shown
        self.title = self.make_title()
        self.model = EventsTableModel(self)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem("", None)
        for status in EventStatus:
            self.status.addItem("", status.value)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem("", None)
        for kind in EventKind:
            self.kind.addItem("", kind.value)
        six_months_ago = date.today() - relativedelta(months=6)
        self.since = date_edit(six_months_ago, name="since", latest=None)
        self.until = date_edit(name="until", latest=None)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordEvent")
        self.record_button.clicked.connect(self.record_event)
        self.certificates = CertificateActions(session, self)
        self.certificates.imported.connect(self.open_event)
        self.certificate_button = QPushButton()
        self.certificate_button.setObjectName("certificatePdf")
        self.certificate_button.clicked.connect(lambda: self._issue(dcc=False))
        self.dcc_button = QPushButton()
        self.dcc_button.setObjectName("certificateDcc")
        self.dcc_button.clicked.connect(lambda: self._issue(dcc=True))
        self.import_dcc_button = QPushButton()
        self.import_dcc_button.setObjectName("importDcc")
        self.import_dcc_button.clicked.connect(self._import_dcc)
        self.count = QLabel()
        self.table = read_only_table(self.model, "events")
        self.table.doubleClicked.connect(
            lambda index: self.open_event.emit(self.model.row_at(index.row()).id)
        )
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()
        for combo in (self.status, self.kind):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self._build_layout()
        self.retranslate_ui()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.status, self.kind, self.from_label, self.since, self.to_label):
            bar.addWidget(widget)
        bar.addWidget(self.until)
        bar.addStretch(1)
        for button in (self.certificate_button, self.dcc_button, self.import_dcc_button):
            bar.addWidget(button)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Calibrations"))
        self.status.setItemText(0, self.tr("Any status"))
        for row in range(1, self.status.count()):
            self.status.setItemText(row, label(EventStatus(self.status.itemData(row))))
        self.kind.setItemText(0, self.tr("Any kind"))
        for row in range(1, self.kind.count()):
            self.kind.setItemText(row, label(EventKind(self.kind.itemData(row))))
        self.from_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("to"))
        self.record_button.setText(self.tr("Record event…"))
        self.certificate_button.setText(self.tr("Certificate (PDF)…"))
        self.certificate_button.setToolTip(
            self.tr("The certificate of the selected approved in-house record, as PDF")
        )
        self.dcc_button.setText(self.tr("DCC…"))
        self.dcc_button.setToolTip(
            self.tr("The digital calibration certificate (DCC XML), attached to the record")
        )
        self.import_dcc_button.setText(self.tr("Import DCC…"))
        self.import_dcc_button.setToolTip(
            self.tr("A provider's DCC for the selected row's standard, as a new draft")
        )
        self.table.setToolTip(self.tr("Double-click an event to open it"))
        self._count()

    def selected(self) -> Any | None:
        """The selected row's event, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self, *_args: Any) -> None:
        row = self.selected()
        certified = (EventKind.CALIBRATION, EventKind.VERIFICATION)
        issuable = (
            row is not None and row.in_house and row.status is EventStatus.APPROVED
            and row.kind in certified
        )  # fmt: skip
        self.certificate_button.setEnabled(issuable)
        self.dcc_button.setEnabled(issuable)
        self.import_dcc_button.setEnabled(row is not None)

    def _issue(self, dcc: bool) -> None:
        row = self.selected()
        if row is not None:
            self.certificates.issue(row.id, row.certificate_no, dcc)

    def _import_dcc(self) -> None:
        row = self.selected()
        if row is not None:
            self.certificates.import_dcc(row.asset_tag)

    def _count(self) -> None:
        if self._left_out:
            text = self.tr(
                "The latest %n events are shown; more match: narrow the dates or the filters.",
                "",
                LIMIT,
            )
        else:
            text = self.tr("%n event(s)", "", self.model.rowCount())
        self.count.setText(text)

    def filters(self) -> dict[str, Any]:
        """The filter values as ``list_events`` keywords."""
        status, kind = self.status.currentData(), self.kind.currentData()
        return {
            "status": None if status is None else EventStatus(status),
            "kind": None if kind is None else EventKind(kind),
            "since": self.since.date().toPython(),
            "until": self.until.date().toPython(),
            "limit": LIMIT + 1,  # one more than shown: tells whether rows were left out
        }

    def load(self) -> None:
        from labapp.services.events import list_events

        filters = self.filters()
        if filters["since"] > filters["until"]:
            self.count.setText(self.tr("The start date is after the end date."))
            return
        self.session.run(lambda db: list_events(db, **filters), self._show)

    def _show(self, rows: list[Any]) -> None:
        self._left_out = len(rows) > LIMIT  # the count must not pass for the period's total
        self.model.set_rows(rows[:LIMIT])
        self._enable()
        fit_columns(self.table)
        self._count()
        self.rows_loaded.emit()
