"""The register's detail pane: one instrument's data (with why its traceability is at risk),
calibration history, files, chain, audit.

The pane shows an ``InstrumentDetail`` the register view fetched on the worker; it asks for
nothing itself except exporting an attachment (also on the worker).  Navigation to other pages
goes through the main window's public methods, guarded because another engineer owns them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from labapp.ui.common.labels import label, label_for
from labapp.ui.common.rows_table_model import format_value
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.events import open_attachment
from labapp.ui.register._fields import DETAIL_ROWS, field_label
from labapp.ui.register._history_model import AuditHistoryModel, EventHistoryModel
from labapp.ui.register._risk_banner import RiskBanner


class InstrumentDetailPane(QWidget):
    """Tabs over one ``InstrumentDetail``; buttons ask the register view to act on it."""

    edit_requested = Signal()
    duplicate_requested = Signal()
    retire_requested = Signal()
    traceability_requested = Signal(int)
    event_requested = Signal(int)
    seals_checked = Signal(object)  # ids of the listed events whose seal is broken

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.detail: Any = None
        self.chain: Any = None
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.edit_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.retire_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_requested)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.retire_button.clicked.connect(self.retire_requested)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.setUsesScrollButtons(False)  # every tab visible; long names are elided
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self._build_data_tab()
        self._build_history_tab()
        self._build_files_tab()
        self._build_chain_tab()
        self._build_audit_tab()
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.duplicate_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()
        self.show_detail(None)

    # --- construction ---------------------------------------------------------------------
    def _build_data_tab(self) -> None:
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form_labels: dict[str, QLabel] = {}
        self.form_values: dict[str, QLabel] = {}
        for key in DETAIL_ROWS:
            name, value = QLabel(), QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form_labels[key], self.form_values[key] = name, value
            self.form.addRow(name, value)
        self.risk_banner = RiskBanner()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.risk_banner)
        column.addLayout(self.form)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.tabs.addTab(scroll, "")

    def _build_history_tab(self) -> None:
        self.events_model = EventHistoryModel(self)
        self.events_table = read_only_table(self.events_model, compact=True)
        self.events_table.setObjectName("detailEvents")
        self.events_table.doubleClicked.connect(self._event_double_clicked)
        self.tabs.addTab(self.events_table, "")

    def _build_files_tab(self) -> None:
        self.files = QListWidget()
        self.files.setObjectName("detailFiles")
        self.files.itemDoubleClicked.connect(lambda _item: self.open_attachment())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_attachment)
        self.files_note = QLabel()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        row.addWidget(self.files_note, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.tabs.addTab(page, "")

    def _build_chain_tab(self) -> None:
        self.chain_note = QLabel()
        self.chain_note.setWordWrap(True)
        self.chain_tree = QTreeWidget()
        self.chain_tree.setObjectName("detailChain")
        self.chain_tree.setColumnCount(3)
        self.chain_tree.setUniformRowHeights(True)
        self.chain_button = QPushButton()
        self.chain_button.setObjectName("openTraceability")
        self.chain_button.clicked.connect(self._traceability_clicked)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.chain_tree, 1)
        layout.addWidget(self.chain_note)
        layout.addWidget(self.chain_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(page, "")

    def _build_audit_tab(self) -> None:
        self.audit_model = AuditHistoryModel(self)
        self.audit_table = read_only_table(self.audit_model, compact=True)
        self.audit_table.setObjectName("detailAudit")
        self.tabs.addTab(self.audit_table, "")

    # --- texts ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every text of the pane in the current language."""
        self.edit_button.setText(self.tr("Edit…"))
        self.duplicate_button.setText(self.tr("Add similar…"))
        self.retire_button.setText(self.tr("Retire…"))
        for index, text in enumerate(
            (
                self.tr("Data"),
                self.tr("History"),
                self.tr("Files"),
                self.tr("Traceability"),
                self.tr("Audit"),
            )
        ):
            self.tabs.setTabText(index, text)
        for key, name in self.form_labels.items():
            name.setText(field_label(key))
        self.open_button.setText(self.tr("Open"))
        self.files_note.setText(self.tr("Double-click a file to open it."))
        self.chain_note.setText(
            self.tr("Links in red are broken. The Traceability page shows the whole chain.")
        )
        self.chain_tree.setHeaderLabels(
            [self.tr("Item"), self.tr("Certificate"), self.tr("Valid until")]
        )
        self.show_chain(self.chain)
        self.chain_button.setText(self.tr("Open traceability"))
        self.show_detail(self.detail)

    # --- showing ------------------------------------------------------------------------------
    def show_detail(self, detail: Any) -> None:
        """Show ``detail`` (an ``InstrumentDetail`` of the register service; None: nothing)."""
        self.detail = detail
        for button in (self.edit_button, self.duplicate_button, self.retire_button):
            button.setEnabled(detail is not None)
        self.chain_button.setEnabled(detail is not None)
        if detail is None:
            self.heading.setText(self.tr("Select an item to see its details."))
            for value in self.form_values.values():
                value.clear()
            self.events_model.set_rows([])
            self.audit_model.set_rows([])
            self.files.clear()
            self.open_button.setEnabled(False)
            self.show_chain(None)
            self.risk_banner.show_risks(())
            return
        data = detail.data
        self.heading.setText(f"{data.asset_tag} — {data.name}")
        for key, text in self._values(detail).items():
            self.form_values[key].setText(text)
        self.events_model.set_broken(frozenset())
        self.events_model.set_rows(list(detail.events))
        fit_columns(self.events_table)
        self._check_seals(detail)
        self.audit_model.set_rows(list(detail.history))
        fit_columns(self.audit_table)
        self._show_files(detail.attachments)
        self.risk_banner.show_risks(detail.risks)

    def _check_seals(self, detail: Any) -> None:
        """Mark the listed events whose seal no longer verifies (on the worker)."""
        from labapp.services.accounts import SEALED_STATUSES, event_problems

        ids = [e.id for e in detail.events if str(getattr(e.status, "value", e.status))
               in SEALED_STATUSES]  # fmt: skip

        def job(db: Any) -> frozenset[int]:
            return frozenset(i for i in ids if event_problems(db, i))

        def checked(broken: frozenset[int]) -> None:
            from shiboken6 import isValid

            if isValid(self) and self.detail is detail:  # the pane may be gone by now
                self.events_model.set_broken(broken)
                self.seals_checked.emit(broken)

        self.session.run(job, checked, lambda _exc: None)

    def _values(self, detail: Any) -> dict[str, str]:
        data = detail.data
        months = data.interval_months
        yes, no = self.tr("Yes"), self.tr("No")
        return {
            "asset_tag": data.asset_tag,
            "name": data.name,
            "manufacturer": data.manufacturer or "",
            "model": data.model or "",
            "serial_no": data.serial_no or "",
            "category": data.category or "",
            "quantity": label_for("quantity", data.quantity),
            "range": detail.range_text,
            "accuracy": detail.accuracy_text,
            "role": label(data.role),
            "level": label(data.level),
            "mandatory": yes if data.mandatory_verification else no,
            "status": label(data.status),
            "custodian": detail.custodian or "",
            "location": detail.location or "",
            "interval": self.tr("{0} months").format(months) if months else "",
            "provider": detail.provider or "",
            "procedure": detail.procedure or "",
            "last": format_value(data.last_calibrated_on),
            "due": format_value(detail.due_on),
            "retired": detail.retired_reason or "",
            "changed": self.tr("{0} by {1}").format(
                format_value(detail.updated_at), detail.updated_by
            ),
        }

    def show_chain(self, node: Any) -> None:
        """Show a forward chain (a ``ChainNode`` of the traceability service; None: none)."""
        self.chain = node
        self.chain_tree.clear()
        if node is not None:
            self.chain_tree.addTopLevelItem(self._chain_item(node))
            self.chain_tree.expandAll()
            for column in range(3):
                self.chain_tree.resizeColumnToContents(column)

    def _chain_item(self, node: Any) -> QTreeWidgetItem:
        event = node.event
        certificate = ""
        if event is not None:
            provider = event.provider.name if event.provider is not None else ""
            certificate = ", ".join(t for t in (event.certificate_no, provider) if t)
        item = QTreeWidgetItem(
            [
                f"{node.instrument.asset_tag} — {node.instrument.name}",
                certificate,
                format_value(event.valid_until) if event is not None else "",
            ]
        )
        if node.broken:
            reasons = "\n".join(label_for("broken", str(r.code)) for r in node.reasons)
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            for column in range(3):
                item.setForeground(column, QBrush(QColor("#c5221f")))
                item.setToolTip(column, reasons)
        for child in node.children:
            item.addChild(self._chain_item(child))
        return item

    def _show_files(self, attachments: Any) -> None:
        self.files.clear()
        for attachment in attachments:
            kb = max(1, round(attachment.size / 1024))
            item = QListWidgetItem(self.tr("{0} ({1} KB)").format(attachment.filename, kb))
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.files.addItem(item)
        if self.files.count():
            self.files.setCurrentRow(0)
        self.open_button.setEnabled(self.files.count() > 0)

    # --- actions ------------------------------------------------------------------------------
    def open_attachment(self) -> None:
        """Export the selected file to a temporary folder (on the worker) and open it."""
        item = self.files.currentItem()
        if item is None:
            return
        open_attachment(self.session, item.data(Qt.ItemDataRole.UserRole))

    def _event_double_clicked(self, index: QModelIndex) -> None:
        event = self.events_model.row_at(index.row())
        self.event_requested.emit(event.id)

    def _traceability_clicked(self) -> None:
        if self.detail is not None:
            self.traceability_requested.emit(self.detail.id)
