"""The Traceability page: an item's forward chain as a tree, broken chains, reverse traces.

The forward chain runs from the item through the lab's standards to the national metrology
institute; a broken link is red with its reason.  All queries run on the worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from labapp.services.exports import TraceFilter, export_traceability
from labapp.ui.common import settings
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.export_job import ExportJob
from labapp.ui.common.view import View
from labapp.ui.traceability._broken_chains import BrokenChainsWidget
from labapp.ui.traceability._models import COL_ITEM, ChainTreeModel, reason_text
from labapp.ui.traceability._reverse_trace import ReverseTraceWidget

MAX_COLUMN = 220
#: what "Export…" writes: the whole lab, its standards, or the chain shown
SCOPE_LAB, SCOPE_STANDARDS, SCOPE_ITEM = range(3)


def chain_of(db: Any, asset_tag: str | None, instrument_id: int | None, at: date) -> Any:
    """Worker job: (the item, its forward chain at ``at``)."""
    from labapp.services.register import find_instrument, get_instrument
    from labapp.services.traceability import forward_chain

    if instrument_id is None:
        instrument_id = find_instrument(db, asset_tag or "").id
    detail = get_instrument(db, instrument_id)
    return detail, forward_chain(db, instrument_id, at=at)


def reaches_nmi(node: Any) -> bool:
    """True when some branch of the chain ends at a national metrology institute."""
    provider = node.event.provider if node.event is not None else None
    if provider is not None and str(getattr(provider.kind, "value", provider.kind)) == "nmi":
        return True
    return any(reaches_nmi(child) for child in node.children)


class TraceabilityView(View):
    """Tabs: forward chain, broken chains, reverse trace."""

    chain_loaded = Signal()
    exported = Signal(object)  # the ExportResult

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.make_title()
        self.model = ChainTreeModel(self)
        self.chain: Any = None
        self.search = QLineEdit()
        self.search.setObjectName("traceSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.show_chain)
        self.at_label = QLabel()
        self.at_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.at = date_edit(name="traceAt", latest=None)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showChain")
        self.show_button.clicked.connect(self.show_chain)
        self.summary = QLabel()
        self.summary.setObjectName("chainSummary")
        self.summary.setWordWrap(True)
        # two or more lines (one per broken link) must never be squeezed by the tree below
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.tree = QTreeView()
        self.tree.setObjectName("chainTree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(False)  # red rows carry meaning
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.broken = BrokenChainsWidget(session)
        self.broken.open_chain.connect(self.show_instrument)
        self.reverse = ReverseTraceWidget(session)
        self.export_scope = QComboBox()
        self.export_scope.setObjectName("exportScope")
        self.export_scope.addItems(["", "", ""])
        self.export_scope.currentIndexChanged.connect(lambda _=0: self._update_export())
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportTrace")
        self.export_button.clicked.connect(lambda: self.export_table())
        self.export_job: ExportJob | None = None
        self.tabs = QTabWidget()
        self._build_layout()
        self.retranslate_ui()

    def _build_layout(self) -> None:
        forward = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.at_label)
        bar.addWidget(self.at)
        bar.addWidget(self.show_button)
        bar.addSpacing(24)
        bar.addWidget(self.export_scope)
        bar.addWidget(self.export_button)
        inner = QVBoxLayout(forward)
        inner.addLayout(bar)
        inner.addWidget(self.summary)
        inner.addWidget(self.tree, 1)
        self.forward_tab = forward
        self.tabs.addTab(forward, "")
        self.tabs.addTab(self.broken, "")
        self.tabs.addTab(self.reverse, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Traceability"))
        self.search.setPlaceholderText(self.tr("Asset tag of an instrument or standard"))
        self.at_label.setText(self.tr("At:"))
        self.show_button.setText(self.tr("Show chain"))
        self.tabs.setTabText(0, self.tr("Forward chain"))
        self.tabs.setTabText(1, self.tr("Broken chains"))
        self.tabs.setTabText(2, self.tr("Reverse trace"))
        scopes = (self.tr("Whole laboratory"), self.tr("Measurement standards only"),
                  self.tr("This item's chain"))  # fmt: skip
        for index, text in enumerate(scopes):
            self.export_scope.setItemText(index, text)
        self.export_scope.setToolTip(self.tr("What the traceability table lists"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Write the traceability table (one row per link) to an Excel workbook")
        )
        self._update_export()
        self.broken.retranslate_ui()
        self.reverse.retranslate_ui()
        self._summarise()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self.tree.viewport().update()

    def show_chain(self) -> None:
        """Show the chain of the asset tag typed."""
        if self.search.text().strip():
            self._load(self.search.text(), None)

    def show_instrument(self, instrument_id: int) -> None:
        """Show the chain of ``instrument_id`` (from another page or the broken-chains list)."""
        self.tabs.setCurrentWidget(self.forward_tab)
        self._load(None, instrument_id)

    def show_hint(self, hint: object) -> None:
        """``hint`` is an instrument id."""
        if isinstance(hint, int):
            self.show_instrument(hint)

    def _load(self, tag: str | None, instrument_id: int | None) -> None:
        at: date = self.at.date().toPython()
        self.session.run(lambda db: chain_of(db, tag, instrument_id, at), self._show)

    def _show(self, result: tuple[Any, Any]) -> None:
        detail, self.chain = result
        self.search.setText(detail.data.asset_tag)
        self.model.set_chain(self.chain)
        self.tree.expandAll()
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
            # long provider names would push the validity and the broken reason off screen
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), MAX_COLUMN))
        self.tree.setColumnWidth(COL_ITEM, max(self.tree.columnWidth(COL_ITEM), 220))
        self._summarise()
        self._update_export()
        self.chain_loaded.emit()

    def _summarise(self) -> None:
        if self.chain is None:
            self.summary.setText(self.tr("Type an asset tag to see its traceability chain."))
            return
        broken = _count_broken(self.chain)
        nmi = reaches_nmi(self.chain)
        parts = [
            self.tr("The chain reaches a national metrology institute.")
            if nmi
            else self.tr("The chain does not reach a national metrology institute."),
            self.tr("%n broken link(s), shown in red.", "", broken)
            if broken
            else self.tr("No broken link."),
        ]
        lines = [" ".join(parts)]
        lines += [
            f"{node.instrument.asset_tag}: "
            + "; ".join(reason_text(r.code, r.params) for r in node.reasons)
            for node in _broken_nodes(self.chain)
        ]
        self.summary.setText("\n".join(lines))

    def load(self) -> None:
        if self.chain is not None:
            self._load(None, self.chain.instrument.id)

    # --- export -------------------------------------------------------------------------------
    def _update_export(self) -> None:
        item_scope = self.export_scope.currentIndex() == SCOPE_ITEM
        self.export_button.setEnabled(self.chain is not None or not item_scope)

    def export_table(self, path: Path | None = None) -> None:
        """Export…: the traceability table of the scope chosen, at the date shown, to Excel."""
        scope, at = self.export_scope.currentIndex(), self.at.date().toPython()
        if scope == SCOPE_ITEM and self.chain is None:
            return
        item = self.chain.instrument if scope == SCOPE_ITEM else None
        flt = TraceFilter(
            at=at,
            standards_only=scope == SCOPE_STANDARDS,
            instrument_id=item.id if item is not None else None,
        )
        job = ExportJob(self, self.tr("Export the traceability table"),
                        self.tr("Writing the traceability table…"))  # fmt: skip
        suggested = f"traceability-{item.asset_tag if item else 'lab'}-{at.isoformat()}.xlsx"
        target = path or job.ask_path(suggested)
        if target is None:
            return
        lang: Any = settings.export_language()
        user, tag = self.session.user, item.asset_tag if item else None

        def export(db: Any, out: Path, progress: Any, cancel: Any) -> Any:
            return export_traceability(db, out, flt, language=lang, exported_by=user,
                                       item_tag=tag, progress=progress, cancel=cancel)  # fmt: skip

        job.finished.connect(self.exported.emit)
        self.export_job = job
        job.start(self.session, target, export)


def _count_broken(node: Any) -> int:
    return len(_broken_nodes(node))


def _broken_nodes(node: Any) -> list[Any]:
    found = [node] if node.broken else []
    for child in node.children:
        found += _broken_nodes(child)
    return found
