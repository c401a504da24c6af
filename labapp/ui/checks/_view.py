"""The Intermediate checks page (期间核查): plans, history, control chart, JJF 1033 tests, export.

A check plan chosen on the left shows its history, the individuals control chart (limits FIXED
from the baseline period picked with two date edits, reference value and ±MPE lines, run-rule
violations marked), the stability test over the check means and a repeatability test of typed
readings.  A failing check suspends the standard; the page says so and offers the impact
investigation (``investigate_impact`` opens New investigation… on the Investigations page).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from matplotlib import dates as mdates
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.io.excel import CoverInfo
from labapp.plotting.control import draw_control_chart
from labapp.plotting.style import ChartLabels
from labapp.services import checks
from labapp.services import checks as check_plans
from labapp.ui.checks._models import CheckHistoryModel, CheckPlansModel, StabilityModel
from labapp.ui.checks._plan_actions import CheckPlanActionsMixin
from labapp.ui.checks._tests import FAIL_STYLE, FIT, PASS_STYLE, CheckTestsMixin
from labapp.ui.common import settings
from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.errors import show_error
from labapp.ui.common.labels import label
from labapp.ui.common.rows_table_model import RowRole
from labapp.ui.common.tables import read_only_table
from labapp.ui.common.view import IMPACT, View

__all__ = ["ChecksView"]


class ChecksView(CheckPlanActionsMixin, CheckTestsMixin, View):
    """Plans with their due state; history, chart, stability and repeatability of one plan."""

    plans_loaded = Signal()
    plan_removed = Signal()
    chart_drawn = Signal(object)
    stability_done = Signal(object)
    repeatability_done = Signal(object)
    exported = Signal(object)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.plan: Any = None
        self.chart_data: Any = None
        self.stability_outcome: Any = None
        self.failure_box: QMessageBox | None = None
        self._baseline_plan: int | None = None
        self.title = self.make_title()
        self.plans = CheckPlansModel(self)
        self.history = CheckHistoryModel(self)
        self.groups = StabilityModel(self)
        self.plans_table = read_only_table(self.plans, "checkPlans", single=True, resize=FIT)
        self.plans_table.selectionModel().currentRowChanged.connect(self._plan_changed)
        self.new_plan_button = QPushButton()
        self.new_plan_button.clicked.connect(self.new_plan)
        self.edit_plan_button = QPushButton()
        self.edit_plan_button.setObjectName("editPlan")
        self.edit_plan_button.clicked.connect(lambda: self.edit_plan())
        self.delete_plan_button = QPushButton()
        self.delete_plan_button.setObjectName("deletePlan")
        self.delete_plan_button.clicked.connect(lambda: self.delete_plan())
        self.end_plan_button = QPushButton()
        self.end_plan_button.setObjectName("endPlanButton")
        self.end_plan_button.clicked.connect(lambda: self.end_plan())
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordCheck")
        self.record_button.clicked.connect(self.record_check)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._ask_export)
        self.status_label = QLabel()
        self.status_label.setObjectName("standardStatus")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._history_tab(), "")
        self.tabs.addTab(self._chart_tab(), "")
        self.tabs.addTab(self._stability_tab(), "")
        self.tabs.addTab(self._repeatability_tab(), "")
        self._layout()
        self.retranslate_ui()

    # --- construction -------------------------------------------------------------------------
    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.new_plan_button, self.edit_plan_button, self.delete_plan_button,
            self.end_plan_button, self.record_button, self.export_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.plans_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.status_label)
        bottom_layout.addWidget(self.tabs)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([220, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    def _history_tab(self) -> QWidget:
        self.history_table = read_only_table(self.history, "checkHistory", single=True, resize=FIT)
        return self.history_table

    def _chart_tab(self) -> QWidget:
        tab = QWidget()
        self.baseline_from = date_edit(name="baselineFrom")
        self.baseline_to = date_edit(name="baselineTo")
        self.baseline_label = QLabel()
        self.baseline_to_label = QLabel()
        self.apply_baseline = QPushButton()
        self.apply_baseline.clicked.connect(self.load_chart)
        self.canvas = ChartImage(self.session.worker.submit, tab)  # rendered off the GUI thread
        self.violations_label = QLabel()
        self.violations_label.setObjectName("violations")
        self.violations_label.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.baseline_label, self.baseline_from, self.baseline_to_label):
            row.addWidget(widget)
        row.addWidget(self.baseline_to)
        row.addWidget(self.apply_baseline)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.violations_label)
        return tab

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Intermediate checks"))
        self.new_plan_button.setText(self.tr("New check plan…"))
        self.edit_plan_button.setText(self.tr("Edit plan…"))
        self.delete_plan_button.setText(self.tr("Delete plan…"))
        self.update_plan_buttons()
        self.record_button.setText(self.tr("Record check…"))
        self.export_button.setText(self.tr("Export to Excel…"))
        for index, text in enumerate(
            (self.tr("History"), self.tr("Control chart"), self.tr("Stability"),
             self.tr("Repeatability"))
        ):  # fmt: skip
            self.tabs.setTabText(index, text)
        self.baseline_label.setText(self.tr("Baseline from"))
        self.baseline_to_label.setText(self.tr("to"))
        self.apply_baseline.setText(self.tr("Apply baseline"))
        self.groups_label.setText(self.tr("Last groups (0 = all checks)"))
        self.readings_label.setText(self.tr("Readings, one per line (number and unit):"))
        self.limit_label.setText(self.tr("Limit of s"))
        self.evaluate_button.setText(self.tr("Evaluate"))
        self._show_status()
        if self.chart_data is not None:
            self._draw(self.chart_data)
        if self.stability_outcome is not None:
            self._stability_done(self.stability_outcome)
        if self.repeatability is not None:
            self._repeatability_done(self.repeatability)

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        today, lead_days = date.today(), settings.get(settings.DUE_SOON_DAYS)
        self.session.run(
            lambda db: check_plans.list_plans(db, today, lead_days), self._plans_loaded
        )

    def _plans_loaded(self, plans: list[Any]) -> None:
        previous = self.plan.id if self.plan is not None else None
        self.plans.set_rows(plans)
        ids = [p.id for p in plans]
        row = ids.index(previous) if previous in ids else (0 if plans else -1)
        if row >= 0:
            self.plans_table.selectRow(row)
            self._select(plans[row])
        self.plans_loaded.emit()

    def _plan_changed(self, current: Any, _previous: Any) -> None:
        plan = current.data(RowRole) if current.isValid() else None
        if plan is not None and (self.plan is None or plan.id != self.plan.id):
            self._select(plan)

    def select_plan(self, plan_id: int) -> None:
        """Show the plan with ``plan_id`` (tests and navigation)."""
        for row in range(self.plans.rowCount()):
            if self.plans.row_at(row).id == plan_id:
                self.plans_table.selectRow(row)
                self._select(self.plans.row_at(row))

    def _select(self, plan: Any) -> None:
        self.plan = plan
        self.update_plan_buttons()
        self._show_status()
        plan_id = plan.id
        self.session.run(lambda db: checks.list_checks(db, plan_id), self._history_loaded)

    def _show_status(self) -> None:
        plan = self.plan
        if plan is None:
            self.status_label.setText(self.tr("No check plan chosen."))
            return
        suspended = plan.instrument_status is InstrumentStatus.SUSPENDED
        self.status_label.setStyleSheet(FAIL_STYLE if suspended else "")
        self.status_label.setText(
            self.tr("{0} {1} — check point {2}; status: {3}").format(
                plan.asset_tag, plan.instrument_name, plan.point, label(plan.instrument_status)
            )
        )

    def _history_loaded(self, records: list[Any]) -> None:
        self.history.set_rows(records)
        if self.plan is not None and self._baseline_plan != self.plan.id and records:
            self._baseline_plan = self.plan.id
            self.baseline_from.setDate(QDate(records[0].performed_on))
            self.baseline_to.setDate(QDate(records[-1].performed_on))
        self.load_chart()
        self.load_stability()

    # --- chart --------------------------------------------------------------------------------
    def load_chart(self) -> None:
        """Fetch the chart data of the plan with the baseline period chosen."""
        if self.plan is None:
            return
        plan_id = self.plan.id
        start: date = self.baseline_from.date().toPython()  # type: ignore[assignment]
        end: date = self.baseline_to.date().toPython()  # type: ignore[assignment]
        self.session.run(
            lambda db: checks.control_chart_data(db, plan_id, start, end),
            self._draw,
            self._chart_failed,
        )

    def _chart_labels(self) -> ChartLabels:
        legend = {
            "values": self.tr("Check results"),
            "centre": self.tr("Centre line"),
            "ucl": self.tr("UCL (+3σ)"),
            "lcl": self.tr("LCL (−3σ)"),
            "zones": self.tr("±1σ, ±2σ"),
            "reference": self.tr("Reference value"),
            "mpe": self.tr("± MPE"),
            "violations": self.tr("Run-rule violation (rule no.)"),
            "few_baseline": self.tr(
                "Limits from {n} baseline points, fewer than the lab's minimum of {m}"
            ),
        }
        title = self.tr("Control chart (individuals): {0}").format(
            self.plan.point if self.plan else ""
        )
        # No x label: the date ticks say it, and the legend below the axes would cover it.
        return ChartLabels(title, "", self.tr("Check value"), legend)

    def _draw(self, data: Any) -> None:
        self.chart_data = data
        labels = self._chart_labels()

        def draw(figure: Any) -> None:  # on the worker (ChartImage)
            ax = figure.add_subplot()
            draw_control_chart(
                ax, list(data.dates), list(data.values), data.limits, reference=data.reference,
                mpe=data.mpe, violations=list(data.violations), unit=data.unit,
                labels=labels, baseline_points=data.baseline_points,
                min_baseline=data.min_baseline,
            )  # fmt: skip
            _numeric_dates(ax)
            ax.margins(y=0.12)  # room above the highest point for its rule number
            ax.autoscale_view()
            ax.axvspan(data.baseline_from, data.baseline_to, color="#56B4E9", alpha=0.12, zorder=0)  # type: ignore[arg-type]

        self.canvas.show_chart(draw)
        self._show_violations(data)
        self.chart_drawn.emit(data)

    def _show_violations(self, data: Any) -> None:
        if not data.violations:
            self.violations_label.setStyleSheet(PASS_STYLE)
            self.violations_label.setText(self.tr("No run-rule violation."))
            return
        items = [
            self.tr("{0}: rule {1}").format(data.dates[v.index].isoformat(), int(v.rule))
            for v in data.violations
        ]
        self.violations_label.setStyleSheet(FAIL_STYLE)
        self.violations_label.setText(self.tr("Run-rule violations: {0}").format("; ".join(items)))

    def _chart_failed(self, exc: BaseException) -> None:
        self.chart_data = None
        self.canvas.show_chart(lambda _figure: None)  # an empty figure
        if isinstance(exc, ValidationError) and exc.code == "baseline_too_small":
            self.violations_label.setStyleSheet(FAIL_STYLE)
            self.violations_label.setText(
                self.tr(
                    "The baseline period holds {0} checks; the control limits need at least 2."
                ).format(exc.params.get("count", 0))
            )
            return
        show_error(self, exc)

    # --- actions ------------------------------------------------------------------------------
    def _recorded(self, result: Any) -> None:
        self.refresh()
        if result.impact_suggested:
            self._offer_impact()

    def _offer_impact(self) -> None:
        plan = self.plan
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Intermediate check failed"), "", parent=self
        )
        box.setObjectName("checkFailedBox")
        box.setText(
            self.tr("The check failed: {0} {1} is now suspended.").format(
                plan.asset_tag, plan.instrument_name
            )
        )
        box.setInformativeText(self.tr("Investigate the impact on the results it was used for?"))
        self.investigate_button = box.addButton(
            self.tr("Investigate impact…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        self.investigate_button.clicked.connect(self.investigate_impact)
        self.failure_box = box
        box.open()

    def investigate_impact(self) -> None:
        """Go to the Investigations page with New investigation… on this standard's failed check."""
        from labapp.ui.impact import new_investigation_hint

        if self.plan is not None:
            self.navigate.emit(IMPACT, new_investigation_hint(self.plan.instrument_id, "check"))

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), "", self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """Write the plan's history, stability and repeatability tables on the worker."""
        if self.plan is None:
            return
        lang = settings.export_language()
        plan, rep, user = self.plan, self.repeatability, self.session.user
        cover = CoverInfo(
            self.tr("Intermediate checks {0} {1}").format(plan.asset_tag, plan.point),
            exported_by=user,
            filter_text=f"{plan.asset_tag} {plan.point}",
        )
        self.session.run(
            lambda db: checks.export_checks(
                db, plan.id, str(path), cover, repeatability_outcome=rep, language=lang
            ),
            self.exported.emit,
            progress=self.tr("Exporting…"),
            parent=self,
        )


def _numeric_dates(ax: Any) -> None:
    """Months as numbers ("2025-04"): matplotlib's month names are English in every language."""
    locator = ax.xaxis.get_major_locator()
    formats = ["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"]
    zero_formats = ["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"]
    formatter = mdates.ConciseDateFormatter(locator, formats=formats, zero_formats=zero_formats)
    ax.xaxis.set_major_formatter(formatter)
