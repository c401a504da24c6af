"""Investigations page: failed-standard impact investigations, their results, actions and report.

Above, every investigation (open or closed, the standard, when found and opened, the counts per
assessment, how many results at risk still have no action).  Below, the chosen investigation: what
was found and the window searched, the results reached coloured by assessment with an action and a
reason per row (editable while open), the re-evaluated points of the selected result, and Save
actions, Close… and Export….  Every query and save runs on the worker.

Other pages open a new investigation through ``navigate`` with :func:`new_investigation_hint`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.io.excel import CoverInfo
from labapp.services import impact
from labapp.ui.common import settings
from labapp.ui.common.combo_delegate import ComboDelegate
from labapp.ui.common.conflict import ConflictDialog
from labapp.ui.common.errors import show_error
from labapp.ui.common.labels import label
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View
from labapp.ui.impact._bulk import BulkDecisionDialog
from labapp.ui.impact._close import CloseInvestigationDialog
from labapp.ui.impact._flow import close_dialog, new_dialog
from labapp.ui.impact._models import (
    ACTIONS,
    ImpactItemsModel,
    ImpactPointsModel,
    InvestigationsModel,
)
from labapp.ui.impact._new import NewInvestigationDialog
from labapp.ui.impact._print import print_investigation
from labapp.ui.impact._text import detail_text
from labapp.ui.impact._words import impact_problem


def new_investigation_hint(standard_id: int, kind: str | None = None) -> dict[str, Any]:
    """The ``navigate`` hint that opens New investigation… on a standard (and trigger kind)."""
    return {"new": True, "standard_id": standard_id, "kind": kind}


class ActionDelegate(ComboDelegate):
    """Edits the action column with a combo of the four actions."""

    editor_name = "impactActionEditor"

    def choices(self, index: Any) -> list[tuple[str, Any]]:
        return [(label(action), action) for action in ACTIONS]


def _save_actions(db: Any, user: str, detail: Any, pending: dict[int, Any]) -> Any:
    """Worker job: every decided action with the version it was read at, in one unit of work."""
    versions = {i.id: i.version for i in detail.items if i.id in pending}
    return impact.decide_actions(db, user, pending, versions)


class InvestigationsView(View):
    """The investigations list above, the chosen investigation below."""

    listed = Signal(object)
    shown = Signal(object)
    exported = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.detail: Any = None
        self.dialog: QWidget | None = None
        self.conflict: ConflictDialog | None = None
        self.title = self.make_title()
        self.list_model = InvestigationsModel(self)
        self.items_model = ImpactItemsModel(self)
        self.points_model = ImpactPointsModel(self)
        self.list_table = read_only_table(self.list_model, "investigationsTable", single=True)
        self.items_table = read_only_table(self.items_model, "impactItemsTable", single=False)
        self.items_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.delegate = ActionDelegate(self.items_table)
        self.items_table.setItemDelegateForColumn(ImpactItemsModel.COL_ACTION, self.delegate)
        self.points_table = read_only_table(self.points_model, "impactPointsTable", single=True)
        self._build_buttons()
        self._layout()
        self.list_table.selectionModel().currentRowChanged.connect(self._chosen)
        self.items_table.selectionModel().currentRowChanged.connect(self._item_chosen)
        self.items_model.dataChanged.connect(lambda *_: self._update_buttons())
        self.items_model.modelReset.connect(self._update_buttons)
        self.retranslate_ui()

    # --- construction -------------------------------------------------------------------------
    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _build_buttons(self) -> None:
        self.new_button = self._button("newInvestigation", self.new_investigation)
        self.save_button = self._button("saveActions", self.save_actions)
        self.bulk_button = self._button("decideSelected", self.decide_selected)
        self.close_button = self._button("closeInvestigation", self.close_investigation)
        self.export_button = self._button("exportInvestigation", self.export)
        self.print_button = self._button("printInvestigation", lambda: print_investigation(self))
        self.count = QLabel()
        self.header = QLabel()
        self.header.setObjectName("investigationHeader")
        # No word wrap: a wrapped label may be squeezed to one line by the splitter below it.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        self.detail_box = QGroupBox()
        actions = QHBoxLayout()
        actions.addWidget(self.hint, 1)
        for button in (self.bulk_button, self.save_button, self.close_button, self.export_button,
                       self.print_button):  # fmt: skip
            actions.addWidget(button)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.items_table)
        inner.addWidget(self.points_table)
        inner.setSizes([220, 200])
        box = QVBoxLayout(self.detail_box)
        box.addWidget(self.header)
        box.addWidget(inner, 1)
        box.addLayout(actions)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list_table)
        split.addWidget(self.detail_box)
        split.setSizes([160, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Failed-standard impact investigations"))
        self.new_button.setText(self.tr("New investigation…"))
        self.save_button.setText(self.tr("Save actions"))
        self.bulk_button.setText(self.tr("Decide selected…"))
        self.close_button.setText(self.tr("Close…"))
        self.export_button.setText(self.tr("Export…"))
        self.print_button.setText(self.tr("Export PDF…"))
        self.detail_box.setTitle(self.tr("Investigation"))
        self._show_count()
        self._show_detail_text()

    def _show_count(self) -> None:
        rows = [self.list_model.row_at(i) for i in range(self.list_model.rowCount())]
        still_open = sum(1 for r in rows if r.status.value == "open")
        self.count.setText(self.tr("{0} investigations, {1} open").format(len(rows), still_open))

    def _show_detail_text(self) -> None:
        self.header.setText(detail_text(self.detail) if self.detail is not None else "")
        if self.detail is None:
            self.hint.setText(self.tr("Choose an investigation, or open a new one."))
        elif self.detail.closed:
            self.hint.setText(self.tr("Closed: read-only."))
        else:
            self.hint.setText(
                self.tr("Double-click Action and Reason to decide each result at risk.")
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has, editable = self.detail is not None, self.detail is not None and not self.detail.closed
        self.save_button.setEnabled(editable and bool(self.items_model.pending()))
        self.bulk_button.setEnabled(editable and bool(self.items_model.rowCount()))
        self.close_button.setEnabled(editable)
        self.export_button.setEnabled(has)
        self.print_button.setEnabled(has)

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        selected = None if self.detail is None else self.detail.summary.id
        self.session.run(impact.list_investigations, lambda rows: self.show_list(rows, selected))

    def show_list(self, rows: list[Any], select: int | None = None) -> None:
        """Fill the list and choose ``select`` (default: the first)."""
        self.list_model.set_rows(rows)
        fit_columns(self.list_table)
        self._show_count()
        ids = [r.id for r in rows]
        if rows:
            self.list_table.selectRow(ids.index(select) if select in ids else 0)
        self.listed.emit(rows)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_investigation(self.list_model.row_at(current.row()).id)

    def open_investigation(self, investigation_id: int) -> None:
        """Load one investigation's detail."""
        self.session.run(
            lambda db: impact.get_investigation(db, investigation_id), self.show_detail
        )

    def show_detail(self, detail: Any) -> None:
        """Show an investigation: header, results, their points."""
        self.detail = detail
        self.items_model.set_rows(list(detail.items), editable=not detail.closed)
        fit_columns(self.items_table)
        self.points_model.set_rows([])
        if detail.items:
            self.items_table.selectRow(0)
        self._show_detail_text()
        self.shown.emit(detail)

    def _item_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        points = self.items_model.item_at(current.row()).points if current.isValid() else ()
        self.points_model.set_rows(list(points))
        fit_columns(self.points_table)

    def show_hint(self, hint: object) -> None:
        """``new_investigation_hint(...)`` opens New investigation…; an int shows that one."""
        if isinstance(hint, dict) and hint.get("new"):
            self.new_investigation(hint.get("standard_id"), hint.get("kind"))
        elif isinstance(hint, int):
            self.open_investigation(hint)

    # --- actions ------------------------------------------------------------------------------
    def new_investigation(
        self, standard_id: int | None = None, kind: str | None = None
    ) -> NewInvestigationDialog:
        """New investigation… (window-modal; returns the dialog, already open)."""
        dialog = new_dialog(self.session, self, standard_id, kind)
        dialog.opened.connect(self._opened)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _opened(self, detail: Any) -> None:
        self.detail = detail
        self.refresh()

    def selected_rows(self) -> list[int]:
        """The rows of the results chosen in the table."""
        return sorted({i.row() for i in self.items_table.selectionModel().selectedRows()})

    def decide_selected(self) -> BulkDecisionDialog | None:
        """Decide selected…: one action and reason for every chosen result, then save them."""
        rows = self.selected_rows()
        if self.detail is None or self.detail.closed or not rows:
            return None
        dialog = BulkDecisionDialog(len(rows), ACTIONS, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided() -> None:
            self.items_model.decide_rows(rows, *dialog.values())
            self.save_actions()

        dialog.accepted.connect(decided)
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_actions(self) -> None:
        """Save every action typed, each with its reason (refused here first if one is missing)."""
        pending, detail = self.items_model.decisions(), self.detail
        missing = [i.asset_tag for i in detail.items if i.id in pending and not all(pending[i.id])]
        if missing:
            self._warn(self.tr("Choose an action and give its reason for: {0}").format(
                ", ".join(missing)))  # fmt: skip
            return
        user = self.session.user
        self.session.run(
            lambda db: _save_actions(db, user, detail, pending), self._saved, self._failed
        )

    def _saved(self, detail: Any) -> None:
        self.show_detail(detail)
        self.load()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._warn(impact_problem(exc))
        elif isinstance(exc, ConcurrentModificationError):
            self.conflict = ConflictDialog(exc.info, self)
            self.conflict.finished.connect(self._conflict_answered)
            self.conflict.open()
        else:
            show_error(self, exc)

    def _conflict_answered(self, _result: int) -> None:
        if self.conflict is not None and self.conflict.reloading() and self.detail is not None:
            self.open_investigation(self.detail.summary.id)
        self.conflict = None

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Investigation"), text, parent=self)
        box.setObjectName("impactWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def close_investigation(self) -> CloseInvestigationDialog | None:
        """Close… (asks for the conclusion; returns the dialog, already open)."""
        if self.detail is None or self.detail.closed:
            return None
        dialog = close_dialog(self.session, self, self.detail)
        dialog.closed.connect(self._saved)
        dialog.reload_requested.connect(lambda: self.open_investigation(self.detail.summary.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, path: Path | None = None) -> None:
        """Export… the investigation's report to an Excel workbook (asks for the file)."""
        if self.detail is None:
            return
        s = self.detail.summary
        target = path or self._ask_path(f"impact-{s.asset_tag}-{s.id}.xlsx")
        if target is None:
            return
        lang = settings.export_language()
        title = self.tr("Impact investigation {0}: {1}").format(s.id, s.asset_tag)
        user = self.session.user

        def job(db: Any) -> Any:
            cover = CoverInfo(title=title, exported_by=user, database=db.info.display_name)
            return impact.export_investigation(db, s.id, str(target), cover, lang)

        self.session.run(job, self.exported.emit, self._failed)

    def _ask_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
