"""The PT plan page (能力验证计划): sub-disciplines per accreditation cycle, the laboratory's score
history per quantity with its chart, and the corrective actions (open ones highlighted).

Everything is read from :mod:`labapp.services.proficiency` and
:mod:`labapp.services.corrective_actions` on the worker; the dialogs collect input and the page
saves it, or (corrective actions) save it themselves and report back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.domain.proficiency import Coverage
from labapp.plotting.comparison import draw_score_history
from labapp.plotting.style import ChartLabels
from labapp.services import corrective_actions as ca
from labapp.services import proficiency as pt
from labapp.services.corrective_actions import ActionInfo
from labapp.services.proficiency import HistoryPoint, PtPlan
from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.errors import field_problem, show_error
from labapp.ui.common.labels import label_for
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View
from labapp.ui.corrective_actions import CorrectiveActionDialog, corrective_action_dialog
from labapp.ui.proficiency._dialogs import CycleDialog, ScopeDialog, SubdisciplineDialog
from labapp.ui.proficiency._models import ActionsModel, CoverageModel, HistoryModel

__all__ = ["ProficiencyView"]

CONTEXT = "ProficiencyView"

#: ValidationError fields of the PT plan service, worded here
FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ProficiencyView", "Name"),
    "years": QT_TRANSLATE_NOOP("ProficiencyView", "Cycle length"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def pt_problem(exc: ValidationError) -> str:
    """A refusal of the PT plan service in the user's language."""
    if exc.code == "out_of_range":
        return _tr("The cycle lasts 1 to 10 years.")
    label = FIELDS.get(exc.field)
    return field_problem(exc, label=_tr(label) if label else None)


class ProficiencyView(View):
    """Coverage of the sub-disciplines, the score history and the corrective actions."""

    plan_loaded = Signal()
    history_loaded = Signal()
    actions_loaded = Signal()

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.plan: PtPlan | None = None
        self.history: list[HistoryPoint] = []
        self.title = self.make_title()
        self.cycle_label = QLabel()
        self.cycle_label.setObjectName("cycleLabel")
        self.coverage_model = CoverageModel(self)
        self.history_model = HistoryModel(self)
        self.actions_model = ActionsModel(self)
        self.coverage = read_only_table(self.coverage_model, "coverage", single=True)
        self.coverage.doubleClicked.connect(lambda _i: self.edit_subdiscipline())
        self.history_table = read_only_table(self.history_model, "history", single=True)
        self.history_table.doubleClicked.connect(lambda _i: self.edit_scope())
        self.actions = read_only_table(self.actions_model, "actions", single=True)
        self.actions.doubleClicked.connect(lambda _i: self.edit_action())
        self.quantity = QComboBox()
        self.quantity.setObjectName("quantity")
        self.quantity.activated.connect(lambda _i: self._show_history())
        self.quantity_label = QLabel()
        self.chart = ChartImage(self.session.worker.submit)  # rendered off the GUI thread
        self._buttons()
        self._build_layout()
        self.retranslate_ui()

    # --- construction ----------------------------------------------------------------------------
    def _button(self, name: str, slot: Any) -> QPushButton:
        widget = QPushButton()
        widget.setObjectName(name)
        widget.clicked.connect(lambda: slot())
        return widget

    def _buttons(self) -> None:
        self.cycle_button = self._button("setCycle", self.set_cycle)
        self.add_button = self._button("addSubdiscipline", self.add_subdiscipline)
        self.edit_button = self._button("editSubdiscipline", self.edit_subdiscipline)
        self.scope_button = self._button("setScope", self.edit_scope)
        self.action_button = self._button("editAction", self.edit_action)
        for table, button in (
            (self.coverage, self.edit_button),
            (self.history_table, self.scope_button),
            (self.actions, self.action_button),
        ):
            self._enable_on_selection(table, button)

    @staticmethod
    def _enable_on_selection(table: Any, button: QPushButton) -> None:
        """``button`` acts on the selected row: enabled only while a row is selected."""
        button.setEnabled(False)
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: button.setEnabled(current.isValid())
        )
        table.model().modelReset.connect(lambda: button.setEnabled(False))

    def _tab(self, *widgets: Any, bar: tuple[QWidget, ...] = ()) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for widget in widgets:
            layout.addWidget(widget, 1)
        row = QHBoxLayout()
        for widget in bar:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.cycle_label, 1)
        top.addWidget(self.cycle_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.history_table)
        split.addWidget(self.chart)
        split.setSizes([260, 380])
        filter_bar = QHBoxLayout()
        filter_bar.addWidget(self.quantity_label)
        filter_bar.addWidget(self.quantity)
        filter_bar.addStretch(1)
        history = self._tab(split, bar=(self.scope_button,))
        history.layout().insertLayout(0, filter_bar)  # type: ignore[attr-defined]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ptTabs")
        self.tabs.addTab(self._tab(self.coverage, bar=(self.add_button, self.edit_button)), "")
        self.tabs.addTab(history, "")
        self.tabs.addTab(self._tab(self.actions, bar=(self.action_button,)), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("PT plan (proficiency testing)"))
        self.cycle_button.setText(self.tr("Accreditation cycle…"))
        self.add_button.setText(self.tr("Add sub-discipline…"))
        self.edit_button.setText(self.tr("Edit sub-discipline…"))
        self.scope_button.setText(self.tr("Sub-discipline of the comparison…"))
        self.action_button.setText(self.tr("Open the corrective action…"))
        self.quantity_label.setText(self.tr("Quantity:"))
        for index, text in enumerate(
            [self.tr("Sub-disciplines"), self.tr("Score history"), self.tr("Corrective actions")]
        ):
            self.tabs.setTabText(index, text)
        self._show_cycle()
        self._fill_quantities()
        self._draw()
        for table in (self.coverage, self.history_table, self.actions):
            fit_columns(table)

    # --- loading ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # Comparisons, scores and actions change on other pages: read them again on every visit.
        self._stale = True
        super().showEvent(event)

    def load(self) -> None:
        today = date.today()
        self.session.run(lambda db: pt.pt_plan(db, today), self._plan_loaded)
        self.session.run(pt.score_history, self._history_loaded)
        self.session.run(ca.list_actions, self._actions_loaded)

    def _plan_loaded(self, plan: PtPlan) -> None:
        self.plan = plan
        self.coverage_model.set_rows(list(plan.lines))
        fit_columns(self.coverage)
        self._show_cycle()
        self.plan_loaded.emit()

    def _show_cycle(self) -> None:
        cycle = self.plan.cycle if self.plan else None
        if cycle is None:
            self.cycle_label.setText(
                self.tr("No accreditation cycle is set: set one to judge coverage.")
            )
            return
        c = cycle.current
        lines = self.plan.lines if self.plan else ()
        settled = (Coverage.COVERED, Coverage.NOT_IN_SCOPE)
        due = sum(1 for line in lines if line.coverage not in settled)
        self.cycle_label.setText(
            self.tr(
                "Accreditation cycle {0} – {1} ({2} years): {3} sub-discipline(s) still due"
            ).format(c.starts_on.isoformat(), c.ends_on.isoformat(), cycle.years, due)
        )

    def _history_loaded(self, points: list[HistoryPoint]) -> None:
        self.history = points
        self._fill_quantities()
        self._show_history()
        self.history_loaded.emit()

    def _fill_quantities(self) -> None:
        current = self.quantity.currentData()
        self.quantity.clear()
        self.quantity.addItem(self.tr("All quantities"), None)
        for name in sorted({p.scope.quantity for p in self.history}):
            self.quantity.addItem(label_for("quantity", name), name)
        self.quantity.setCurrentIndex(max(self.quantity.findData(current), 0))

    def shown_history(self) -> list[HistoryPoint]:
        """The history rows of the chosen quantity."""
        wanted = self.quantity.currentData()
        return [p for p in self.history if wanted is None or p.scope.quantity == wanted]

    def _show_history(self) -> None:
        self.history_model.set_rows(self.shown_history())
        fit_columns(self.history_table)
        self._draw()

    def _draw(self) -> None:
        """The score history of the quantity shown, rendered on the worker."""
        points = [p for p in self.shown_history() if p.scope.on is not None]
        if not points:
            self.chart.show_chart(lambda _figure: None)  # an empty figure
            return
        labels = ChartLabels(
            # no x label: the dates say it, and a label would sit on the legend below
            self.tr("Scores of this laboratory over time"), "", self.tr("Score"),
            {"en": "En", "z": "z / z′", "action_en": self.tr("|En| = 1"),
             "warning": self.tr("Warning limit (±2)"),
             "action": self.tr("Action limit (±3)")},
            language=QLocale().name(),
        )  # fmt: skip
        on, en, z = [p.scope.on for p in points], [p.en for p in points], [p.z for p in points]

        def draw(figure: Any) -> None:
            draw_score_history(figure.add_subplot(), on, en, z, labels=labels)  # type: ignore[arg-type]

        self.chart.show_chart(draw)

    def _actions_loaded(self, actions: list[ActionInfo]) -> None:
        self.actions_model.set_rows(actions)
        fit_columns(self.actions)
        self.actions_loaded.emit()

    # --- editing ---------------------------------------------------------------------------------
    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("PT plan"), pt_problem(exc),
                              parent=self)  # fmt: skip
            box.setObjectName("ptError")
            box.open()
            self.refused = box
        else:
            show_error(self, exc)

    def _saved(self, _value: object = None) -> None:
        self.load()

    def set_cycle(self, dialog: CycleDialog | None = None) -> None:
        """Ask for the accreditation cycle and store it."""
        cycle = self.plan.cycle if self.plan else None
        dialog = dialog or CycleDialog(cycle, pt.DEFAULT_CYCLE_YEARS, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        (starts_on, years), user, today = dialog.values(), self.session.user, date.today()
        self.session.run(
            lambda db: pt.set_cycle(db, user, starts_on, years, today), self._saved, self._refused
        )

    def add_subdiscipline(self, dialog: SubdisciplineDialog | None = None) -> None:
        """Ask for a new sub-discipline of the scope and add it."""
        dialog = dialog or SubdisciplineDialog(None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data, user = dialog.value_input(), self.session.user
        self.session.run(
            lambda db: pt.save_subdiscipline(db, user, data), self._saved, self._refused
        )

    def edit_subdiscipline(self, dialog: SubdisciplineDialog | None = None) -> None:
        """Edit the selected sub-discipline (name, quantity, note, whether in the scope)."""
        index = self.coverage.currentIndex()
        if not index.isValid():
            return
        sub = self.coverage_model.row_at(index.row()).subdiscipline
        dialog = dialog or SubdisciplineDialog(sub, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data, user = dialog.value_input(), self.session.user
        self.session.run(
            lambda db: pt.save_subdiscipline(db, user, data, sub.id, sub.version),
            self._saved,
            self._refused,
        )

    def edit_scope(self) -> None:
        """Link the selected comparison to a sub-discipline and quantity."""
        index = self.history_table.currentIndex()
        if not index.isValid():
            return
        scope = self.history_model.row_at(index.row()).scope
        self.session.run(
            lambda db: pt.list_subdisciplines(db), lambda subs: self._ask_scope(scope, subs)
        )

    def scope_dialog(self, scope: Any, subs: list[Any]) -> ScopeDialog:
        """The dialog linking ``scope``'s comparison (tests drive it)."""
        return ScopeDialog(scope, subs, self)

    def _ask_scope(self, scope: Any, subs: list[Any]) -> None:
        dialog = self.scope_dialog(scope, subs)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        (sub_id, quantity), user = dialog.values(), self.session.user
        self.session.run(
            lambda db: pt.set_scope(db, user, scope.comparison_id, sub_id, quantity),
            self._saved,
            self._refused,
        )

    def action_dialog(self, action: ActionInfo) -> CorrectiveActionDialog:
        """The dialog of an existing corrective action (tests drive it)."""
        dialog = corrective_action_dialog(self.session, self, action=action)
        dialog.saved.connect(self._saved)
        return dialog

    def edit_action(self) -> None:
        """Open the selected corrective action (edit or close it; read-only once closed)."""
        index = self.actions.currentIndex()
        if index.isValid():
            self.action_dialog(self.actions_model.row_at(index.row())).open()
