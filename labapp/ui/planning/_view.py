"""Planning page: what falls due (window + filters), the year's re-verification plan, export.

Every query and save runs on the worker (``session.run``); the tables get frozen DTOs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.services import planning
from labapp.services.exports import export_due, export_plan
from labapp.services.planning import DueWindow, PlanFilter
from labapp.ui.common import settings
from labapp.ui.common.errors import show_error
from labapp.ui.common.labels import label_for
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import CHECKS, REGISTER, View
from labapp.ui.planning._approval import PlanApprovalBar
from labapp.ui.planning._checks import WIDEST, DueChecksBox
from labapp.ui.planning._editing import ProviderDelegate, load_providers, save_edits
from labapp.ui.planning._models import DueItemsModel, PlanItemsModel, plan_choice, progress_label
from labapp.ui.planning._print import print_plan

WINDOWS: tuple[tuple[DueWindow, str], ...] = (
    (DueWindow.OVERDUE, QT_TRANSLATE_NOOP("PlanningView", "Overdue")),
    (DueWindow.THIS_MONTH, QT_TRANSLATE_NOOP("PlanningView", "This month")),
    (DueWindow.NEXT_30, QT_TRANSLATE_NOOP("PlanningView", "Next 30 days")),
    (DueWindow.NEXT_60, QT_TRANSLATE_NOOP("PlanningView", "Next 60 days")),
    (DueWindow.NEXT_90, QT_TRANSLATE_NOOP("PlanningView", "Next 90 days")),
    (DueWindow.QUARTER, QT_TRANSLATE_NOOP("PlanningView", "This quarter")),
    (DueWindow.YEAR, QT_TRANSLATE_NOOP("PlanningView", "This year")),
)
TRISTATE: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PlanningView", "Mandatory and other"),
    QT_TRANSLATE_NOOP("PlanningView", "Mandatory verification"),
    QT_TRANSLATE_NOOP("PlanningView", "Not mandatory"),
)
PROVIDER_KINDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PlanningView", "All providers"),
    QT_TRANSLATE_NOOP("PlanningView", "In-house"),
    QT_TRANSLATE_NOOP("PlanningView", "External"),
)


def _load_facets(db: Any) -> Any:
    from labapp.services.register import register_facets

    return register_facets(db)


class PlanningView(View):
    """Due list (window, filters) above, the year's plan (generate, edit, save, progress) below."""

    due_loaded = Signal(object)
    checks_loaded = Signal(object)
    plan_loaded = Signal(object)
    exported = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = self.make_title()
        self.due_model = DueItemsModel(self)
        self.plan_model = PlanItemsModel(self)
        self.due: list[Any] = []
        self.plan: Any = None
        self.plan_progress: Any = None
        self._build_filters()
        self._build_plan_bar()
        self.due_table = read_only_table(self.due_model, "dueTable")
        self.checks_box = DueChecksBox(self.session)
        self.checks_box.open_plan.connect(lambda plan_id: self.navigate.emit(CHECKS, plan_id))
        self.checks_box.loaded.connect(self.checks_loaded.emit)
        self.checks_model, self.checks_table = self.checks_box.model, self.checks_box.table
        self.plan_table = read_only_table(self.plan_model, "planTable")
        self.plan_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.plan_table.doubleClicked.connect(lambda _index: self._refuse_if_approved())
        self.provider_delegate = ProviderDelegate(self.plan_table)
        self.plan_table.setItemDelegateForColumn(
            PlanItemsModel.COL_PROVIDER, self.provider_delegate
        )
        self.due_box, self.plan_box = QGroupBox(), QGroupBox()
        due_layout = QVBoxLayout(self.due_box)
        due_layout.addLayout(self.filter_bar)
        due_layout.addWidget(self.due_table)
        plan_layout = QVBoxLayout(self.plan_box)
        plan_layout.addLayout(self.plan_bar)
        plan_layout.addWidget(self.approval_bar)
        plan_layout.addWidget(self.plan_table)
        plan_layout.addWidget(self.progress)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.due_box)
        split.addWidget(self.checks_box)
        split.addWidget(self.plan_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        for combo in (self.window, self.location, self.quantity, self.mandatory):
            combo.currentIndexChanged.connect(lambda _=0: self.load_due())
        self.provider_kind.currentIndexChanged.connect(lambda _=0: self.load_due())
        self.retranslate_ui()

    # --- construction -------------------------------------------------------------------------
    def _combo(self, name: str, count: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for _ in range(count):
            combo.addItem("")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _build_filters(self) -> None:
        self.window = self._combo("dueWindow", len(WINDOWS))
        self.window.setCurrentIndex(2)
        self.location = self._combo("locationFilter", 1)
        self.quantity = self._combo("quantityFilter", 1)
        self.mandatory = self._combo("mandatoryFilter", len(TRISTATE))
        self.provider_kind = self._combo("providerKindFilter", len(PROVIDER_KINDS))
        self.department = QLineEdit()
        self.department.setObjectName("departmentFilter")
        self.department.editingFinished.connect(self.load_due)
        # Sealed and out-of-service items are not due; a plan may include them when asked.
        self.include_idle = QCheckBox()
        self.include_idle.setObjectName("includeIdle")
        self.include_idle.toggled.connect(lambda _=False: self.load_due())
        self.due_count = QLabel()
        self.export_due_button = QPushButton()
        self.export_due_button.setObjectName("exportDue")
        self.export_due_button.clicked.connect(lambda: self.export_due())
        filters, actions = QHBoxLayout(), QHBoxLayout()
        for widget in (self.window, self.location, self.quantity, self.mandatory):
            filters.addWidget(widget)
        filters.addWidget(self.provider_kind)
        filters.addWidget(self.department, 1)
        filters.addWidget(self.include_idle)
        actions.addWidget(self.due_count, 1)
        actions.addWidget(self.export_due_button)
        # The register sorted by due date, for what the due list does not show (retired etc.).
        self.register_button = QPushButton()
        self.register_button.setObjectName("planningToRegister")
        self.register_button.clicked.connect(lambda: self.navigate.emit(REGISTER, "due_on"))
        actions.addWidget(self.register_button)
        self.filter_bar = QVBoxLayout()
        self.filter_bar.addLayout(filters)
        self.filter_bar.addLayout(actions)

    def _build_plan_bar(self) -> None:
        self.year = QSpinBox()
        self.year.setObjectName("planYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generatePlan")
        self.generate_button.clicked.connect(self.generate_plan)
        self.plans = QComboBox()
        self.plans.setObjectName("planChoice")
        self.plans.activated.connect(lambda _=0: self.open_plan(self.plans.currentData()))
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePlan")
        self.save_button.clicked.connect(self.save_plan)
        self.export_plan_button = QPushButton()
        self.export_plan_button.setObjectName("exportPlan")
        self.export_plan_button.clicked.connect(lambda: self.export_plan())
        self.print_plan_button = QPushButton()
        self.print_plan_button.setObjectName("printPlan")
        self.print_plan_button.clicked.connect(lambda: print_plan(self))
        self.progress = QLabel()
        self.progress.setObjectName("planProgress")
        self.plan_bar = QHBoxLayout()
        self.plan_bar.addWidget(self.year)
        self.plan_bar.addWidget(self.generate_button)
        self.plan_bar.addWidget(self.plans, 1)
        self.plan_bar.addWidget(self.save_button)
        self.plan_bar.addWidget(self.export_plan_button)
        self.plan_bar.addWidget(self.print_plan_button)
        self.approval_bar = PlanApprovalBar(self.session)
        self.approval_bar.plan_changed.connect(self._plan_changed)
        self.plan_model.dataChanged.connect(lambda *_: self._update_buttons())
        self.plan_model.modelReset.connect(self._update_buttons)

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Planning"))
        self.due_box.setTitle(self.tr("Due for verification or calibration"))
        self.checks_box.retranslate_ui()
        self.plan_box.setTitle(self.tr("Re-verification plan"))
        for combo, texts in (
            (self.window, [t for _, t in WINDOWS]),
            (self.mandatory, TRISTATE),
            (self.provider_kind, PROVIDER_KINDS),
        ):
            for i, text in enumerate(texts):
                combo.setItemText(i, QCoreApplication.translate("PlanningView", text))
        self.location.setItemText(0, self.tr("All locations"))
        self.quantity.setItemText(0, self.tr("All quantities"))
        self.department.setPlaceholderText(self.tr("Department"))
        self.include_idle.setText(self.tr("Include sealed and out of service"))
        self.export_due_button.setText(self.tr("Export due list…"))
        self.register_button.setText(self.tr("Open register"))
        self.generate_button.setText(self.tr("Generate plan"))
        self.save_button.setText(self.tr("Save changes"))
        self.export_plan_button.setText(self.tr("Export plan…"))
        self.print_plan_button.setText(self.tr("Export PDF…"))
        self.approval_bar.retranslate_ui()
        for i, p in enumerate(getattr(self, "shown_plans", ())):
            self.plans.setItemText(i, plan_choice(p))
        self._show_due_count()
        self._show_progress_text()
        self._update_buttons()

    def _show_due_count(self) -> None:
        overdue = sum(1 for i in self.due if i.overdue)
        self.due_count.setText(self.tr("{0} items, {1} overdue").format(len(self.due), overdue))

    def _update_buttons(self) -> None:
        has_plan, pending = self.plan is not None, bool(self.plan_model.pending())
        self.save_button.setEnabled(has_plan and self.plan.status == "draft" and pending)
        self.export_plan_button.setEnabled(has_plan)
        self.print_plan_button.setEnabled(has_plan)
        self.approval_bar.set_pending(pending)

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.session.run(_load_facets, self._show_facets)
        self.session.run(planning.list_plans, self._show_plans)
        self.session.run(load_providers, self._set_providers)

    def _set_providers(self, providers: list[Any]) -> None:
        self.plan_model.providers = {p.id: p.name for p in providers}

    def _show_facets(self, facets: Any) -> None:
        for combo, values in (
            (self.location, [(loc.name, loc.id) for loc in facets.locations]),
            (self.quantity, [(q, q) for q in facets.quantities]),
        ):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in values:
                shown = label_for("quantity", text) if combo is self.quantity else text
                combo.addItem(shown, data)
            combo.blockSignals(False)
        self.load_due()

    def current_filter(self) -> PlanFilter:
        """The filters as chosen."""
        mandatory = (None, True, False)[self.mandatory.currentIndex()]
        in_house = (None, True, False)[self.provider_kind.currentIndex()]
        return PlanFilter(
            location_id=self.location.currentData(),
            department=self.department.text().strip() or None,
            quantity=self.quantity.currentData(),
            mandatory=mandatory,
            in_house=in_house,
            include_idle=self.include_idle.isChecked(),
        )

    def current_window(self) -> DueWindow:
        """The due window chosen."""
        return WINDOWS[max(self.window.currentIndex(), 0)][0]

    def load_due(self) -> None:
        """Fetch the due list for the window and filters."""
        window, flt, today = self.current_window(), self.current_filter(), date.today()
        self.session.run(lambda db: planning.due_items(db, window, today, flt), self.show_due)
        self.checks_box.load(window, today)

    def show_due(self, items: list[Any]) -> None:
        """Fill the due table."""
        self.due = list(items)
        self.due_model.set_rows(self.due)
        fit_columns(self.due_table, WIDEST)
        self._show_due_count()
        self.due_loaded.emit(self.due)

    def _show_plans(self, plans: list[Any], select: int | None = None) -> None:
        self.plans.clear()
        self.shown_plans = list(plans)  # their texts follow a language switch (retranslate_ui)
        for p in plans:
            self.plans.addItem(plan_choice(p), p.id)
        if plans:
            index = max(self.plans.findData(select), 0) if select is not None else 0
            self.plans.setCurrentIndex(index)
            self.open_plan(self.plans.itemData(index))

    # --- the plan -----------------------------------------------------------------------------
    def generate_plan(self) -> None:
        """Generate the draft plan of the chosen year from what falls due then."""
        year, flt, user = self.year.value(), self.current_filter(), self.session.user
        title = self.tr("Re-verification plan {0}").format(year)

        def done(plan: Any) -> None:
            self.session.run(planning.list_plans, lambda ps: self._show_plans(ps, plan.id))

        self.session.run(
            lambda db: planning.generate_plan(db, user, year, flt, title), done, self._error
        )

    def open_plan(self, plan_id: int | None) -> None:
        """Load a plan and its progress."""
        if plan_id is not None:
            self.session.run(lambda db: planning.get_plan(db, plan_id), self.show_plan)

    def show_plan(self, plan: Any) -> None:
        """Show a plan's items, then fetch its progress."""
        self.plan = plan
        self.plan_model.set_rows(list(plan.items), editable=plan.status == "draft")
        self.approval_bar.set_plan(plan)
        fit_columns(self.plan_table, WIDEST)
        today = date.today()
        self.session.run(lambda db: planning.plan_progress(db, plan.id, today), self.show_progress)
        self.plan_loaded.emit(plan)

    def show_progress(self, progress: Any) -> None:
        """Per item progress in the table and the counts under it."""
        self.plan_progress = progress
        self.plan_model.set_progress({item: state for item, state, _ in progress.states})
        self._show_progress_text()

    def _show_progress_text(self) -> None:
        progress = self.plan_progress
        if progress is None:
            self.progress.clear()
            return
        self.progress.setText(
            self.tr("{0}: {1} · {2}: {3} · {4}: {5} · estimated cost {6}").format(
                progress_label("on_time"), progress.on_time,
                progress_label("late"), progress.late,
                progress_label("not_done"), progress.not_done,
                self.plan.total_cost if self.plan else 0,
            )
            + "\n"
            + self.tr("Due in the year so far: {0}, of which on time: {1} (the 受检率 of the year) "
                      "· carried over from earlier years: {2}").format(
                progress.rate_due, progress.rate_on_time, progress.carried_over)
        )  # fmt: skip

    def _plan_changed(self, plan: Any) -> None:
        """An approval or a new revision: list the plans again with that one open."""
        self.session.run(planning.list_plans, lambda ps: self._show_plans(ps, plan.id))

    def _refuse_if_approved(self) -> None:
        if self.plan is not None and self.plan.status != "draft":
            show_error(self, ValidationError("plan", "approved", code="plan_approved"))

    def save_plan(self) -> None:
        """Save the edited items (each with the version it was read at)."""
        if self.plan is None:
            return
        plan, pending, user = self.plan, self.plan_model.pending(), self.session.user
        items = list(plan.items)
        self.session.run(
            lambda db: save_edits(db, user, plan.id, items, pending), self.show_plan, self._error
        )

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- export -------------------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_due(self, path: Path | None = None) -> None:
        """Write the due list as shown to an Excel workbook (asks for the file)."""
        target = path or self._ask_path("due.xlsx")
        if target is None:
            return
        items, user, lang = list(self.due), self.session.user, settings.export_language()
        title = self.tr("Due: {0}").format(self.window.currentText())
        filt = " · ".join(c.currentText() for c in (self.location, self.quantity, self.mandatory))
        self.session.run(
            lambda db: export_due(target, items, title, filt, user, lang, db),
            self.exported.emit,
            self._error,
        )

    def export_plan(self, path: Path | None = None) -> None:
        """Write the plan shown to an Excel workbook (asks for the file)."""
        if self.plan is None:
            return
        target = path or self._ask_path(f"plan-{self.plan.year}.xlsx")
        if target is None:
            return
        plan, user, lang = self.plan, self.session.user, settings.export_language()
        self.session.run(
            lambda db: export_plan(target, plan, user, lang, db), self.exported.emit, self._error
        )
