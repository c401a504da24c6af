"""The audit trail: who changed what, when, from which value to which, and why — filtered.

Filters are pushed into SQL by ``list_audit``: the item (an asset tag, resolved to the
instrument's id on the worker), the person, a date range (local days, from ≤ to) and the kind
of record.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from labapp.services.audit import list_audit
from labapp.services.master_data import list_persons
from labapp.ui.audit._item import ItemNotFound, resolve_item
from labapp.ui.audit._print import export_audit, print_audit
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.errors import show_error
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View
from labapp.ui.register import ENTITIES, ERROR_STYLE, AuditHistoryModel, entity_label

LATEST = 500
DEFAULT_DAYS = 90
EARLIEST = date(2000, 1, 1)


def _query(db: Any, tag: str, entity: str | None, **kwargs: Any) -> list[Any]:
    """The entries the filters select, newest first: an item's trail is its own entries and its
    events' (as the printed report and the item's page), narrowed by the kind of record."""
    item_id = resolve_item(db, tag)[0] if tag else None
    return list_audit(db, entity=entity, item_id=item_id, limit=LATEST, **kwargs)


class AuditView(View):
    """Filters above a table of audit entries, newest first (at most :data:`LATEST`)."""

    rows_loaded = Signal()
    integrity_verified = Signal(object)  # the IntegrityDialog showing the report

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AuditHistoryModel(self)
        self.title = self.make_title()
        self.note = QLabel()
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self._build_filters()
        self.table = read_only_table(self.model, compact=True)
        self.table.setObjectName("auditTable")
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.filter_grid)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def _build_filters(self) -> None:
        self.item = QLineEdit()
        self.item.setObjectName("auditItem")
        self.item.setClearButtonEnabled(True)
        self.item.returnPressed.connect(self.apply)
        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.person.setEditable(True)
        self.entity = QComboBox()
        self.entity.setObjectName("auditEntity")
        today = QDate.currentDate()
        latest = _pydate(today.addYears(1))
        self.date_from = date_edit(
            _pydate(today.addDays(-DEFAULT_DAYS)),
            name="auditFrom",
            earliest=EARLIEST,
            latest=latest,
        )
        self.date_to = date_edit(name="auditTo", earliest=EARLIEST, latest=latest)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("auditApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_filters)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyIntegrity")
        self.verify_button.clicked.connect(self.verify_integrity)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printAudit")
        self.print_button.clicked.connect(lambda: self.print_trail())
        self.excel_button = QPushButton()
        self.excel_button.setObjectName("exportAudit")
        self.excel_button.clicked.connect(lambda: self.export_trail())
        self.labels = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        widgets = (self.item, self.person, self.entity, self.date_from, self.date_to)
        for column, (name, widget) in enumerate(zip(self.labels, widgets, strict=True)):
            name.setBuddy(widget)
            grid.addWidget(name, 0, column)
            grid.addWidget(widget, 1, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.print_button)
        grid.addLayout(buttons, 1, len(widgets))
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.filter_grid = grid

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Audit trail"))
        for label, text in zip(
            self.labels,
            (self.tr("Item (asset tag)"), self.tr("Person"), self.tr("Record"), self.tr("From"),
             self.tr("To")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.item.setPlaceholderText(self.tr("e.g. DMM-0001"))
        self.person.lineEdit().setPlaceholderText(self.tr("Anyone"))
        self.apply_button.setText(self.tr("Apply"))
        self.reset_button.setText(self.tr("Reset"))
        self.verify_button.setText(self.tr("Verify integrity"))
        self.print_button.setText(self.tr("Export PDF…"))
        self.excel_button.setText(self.tr("Export Excel…"))
        self.print_button.setToolTip(
            self.tr("The trail of the item typed (and its events) over the days From … To, each "
                    "entry with whether the chain and seals verify")
        )  # fmt: skip
        self.verify_button.setToolTip(
            self.tr("Check every seal and the audit trail's hash chain for changes made outside "
                    "LabApp")
        )  # fmt: skip
        current = self.entity.currentData()
        self.entity.clear()
        self.entity.addItem(self.tr("All records"), None)
        for key, _text in ENTITIES:
            self.entity.addItem(entity_label(key), key)
        self.entity.setCurrentIndex(max(self.entity.findData(current), 0) if current else 0)
        self._update_note()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self.table.viewport().update()

    def _update_note(self) -> None:
        rows = self.model.rowCount()
        if rows == 1:
            self.note.setText(self.tr("1 entry"))
        else:
            self.note.setText(self.tr("{0} entries, newest first").format(rows))

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        self.session.run(list_persons, self._fill_persons)
        self.apply()

    def _fill_persons(self, persons: list[Any]) -> None:
        text = self.person.currentText()
        self.person.clear()
        self.person.addItem("", None)
        for person in persons:
            self.person.addItem(f"{person.name} ({person.login})", person.login)
        self.person.setEditText(text)

    def person_filter(self) -> str | None:
        """The user name to filter on: a chosen person's login, or the text typed."""
        text = self.person.currentText().strip()
        index = self.person.findText(text)
        if index > 0:
            return str(self.person.itemData(index))
        return text or None

    def filters(self) -> tuple[str, str | None, str | None]:
        """The item typed, the person's login and the kind of record (the table) chosen."""
        return self.item.text().strip(), self.person_filter(), self.entity.currentData()

    def reset_filters(self) -> None:
        """Back to everything of the last :data:`DEFAULT_DAYS` days."""
        self.item.clear()
        self.person.setEditText("")
        self.entity.setCurrentIndex(0)
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-DEFAULT_DAYS))
        self.date_to.setDate(today)
        self.apply()

    def apply(self) -> None:
        """Query with the filters (refused, with a message, when from is after to)."""
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        if start > end:
            self._say(self.tr("The start date {0} is after the end date {1}.").format(start, end))
            return
        self._say("")
        since = datetime.combine(start, time.min).astimezone()
        until = datetime.combine(end + timedelta(days=1), time.min).astimezone()
        tag, user, entity = self.filters()
        self.session.run(
            lambda db: _query(db, tag, entity, user=user, since=since, until=until),
            self.show_rows,
            self._failed,
        )

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ItemNotFound):
            self.show_rows([])
            self._say(self.tr("No instrument has the asset tag “{0}”.").format(exc.args[0]))
        else:
            show_error(self, exc)

    def show_rows(self, rows: list[Any]) -> None:
        """Show the fetched entries."""
        self.model.set_rows(rows)
        fit_columns(self.table)
        for column in (self.model.COL_CHANGES, self.model.COL_REASON):
            if self.table.columnWidth(column) > 420:
                self.table.setColumnWidth(column, 420)
        self._update_note()
        self.rows_loaded.emit()

    def print_trail(self, path: str | None = None) -> Any:
        """Export PDF…: the trail the filters select, as shown (the PrintJob, or None)."""
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return print_audit(self, start, end, path)

    def export_trail(self, path: str | None = None) -> Any:
        """Export Excel…: the same trail as a workbook (the ExportJob, or None)."""
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        return export_audit(self, start, end, path)

    def verify_integrity(self) -> None:
        """Verify integrity: every seal and the audit chain, on the worker; the result shown."""
        from labapp.services.accounts import verify_integrity

        self.verify_button.setEnabled(False)

        def done(report: Any) -> None:
            from labapp.ui.accounts import IntegrityDialog

            self.verify_button.setEnabled(True)
            box = IntegrityDialog(report, self)
            box.open()
            self.integrity_verified.emit(box)

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            show_error(self, exc)

        self.session.run(
            verify_integrity,
            done,
            failed,
            self.tr("Verifying the seals and the audit trail…"),
            self,
        )


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
