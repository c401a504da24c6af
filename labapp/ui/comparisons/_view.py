"""The Comparisons page (计量比对 / 能力验证): comparisons, participants, assigned value, scores.

The list and the selected comparison come from ``labapp.services.comparisons`` on the worker.
Choosing how the assigned value is found, or typing σ_pt (with its unit), re-scores at once and
stores the choice.  Participants (and their corrective actions) are handled by
:class:`~labapp.ui.comparisons._participants.ParticipantActionsMixin`, the workbook import and
the Excel report by :class:`~labapp.ui.comparisons._excel.ComparisonExcelMixin`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.plotting.style import ChartLabels
from labapp.services import comparisons as reports
from labapp.services import comparisons as svc
from labapp.services.comparisons import AssignedMethod, ComparisonDetail, ComparisonResult
from labapp.ui.common.chart_image import ChartImage
from labapp.ui.common.errors import show_error
from labapp.ui.common.tables import fit_columns, read_only_table
from labapp.ui.common.view import View
from labapp.ui.comparisons._dialogs import ComparisonDialog
from labapp.ui.comparisons._excel import ComparisonExcelMixin
from labapp.ui.comparisons._models import (
    ComparisonListModel,
    ParticipantsModel,
    ScoresModel,
    class_text,
)
from labapp.ui.comparisons._participants import ParticipantActionsMixin
from labapp.ui.comparisons._words import comparison_problem

CONTEXT = "ComparisonsView"

METHODS: dict[AssignedMethod, str] = {
    AssignedMethod.PROVIDER: QT_TRANSLATE_NOOP("ComparisonsView", "Given by the provider"),
    AssignedMethod.PILOT: QT_TRANSLATE_NOOP("ComparisonsView", "Pilot laboratory's value"),
    AssignedMethod.WEIGHTED_MEAN: QT_TRANSLATE_NOOP("ComparisonsView", "Weighted mean"),
    AssignedMethod.ALGORITHM_A: QT_TRANSLATE_NOOP(
        "ComparisonsView", "Robust mean (ISO 13528 Algorithm A)"
    ),
}


class ComparisonsView(ComparisonExcelMixin, ParticipantActionsMixin, View):
    """List of comparisons; the selected one's participants, scores and charts."""

    comparisons_loaded = Signal()
    detail_loaded = Signal()
    scored = Signal()
    imported = Signal(object)  # the checked workbook (ParticipantsImport)
    exported = Signal(object)  # the report's path
    errors_saved = Signal(object)  # the marked copy of a refused workbook
    action_saved = Signal(object)  # a corrective action (ActionInfo) opened or changed

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.detail: ComparisonDetail | None = None
        self.result: ComparisonResult | None = None
        self.title = self.make_title()
        self.list_model = ComparisonListModel(self)
        self.participants_model = ParticipantsModel(self)
        self.scores_model = ScoresModel(self)
        self.comparisons = read_only_table(self.list_model, "comparisons", single=True)
        self.comparisons.selectionModel().currentRowChanged.connect(self._selected)
        self.participants = read_only_table(self.participants_model, "participants", single=True)
        self.participants.doubleClicked.connect(lambda _index: self.edit_participant())
        self.participants.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_action_button()
        )
        self.participants.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_menu_item = QAction(self)
        self.action_menu_item.triggered.connect(lambda: self.corrective_action())
        self.participants.addAction(self.action_menu_item)
        self.scores = read_only_table(self.scores_model, "scores", single=True)
        # A stretched last column would paint one wide coloured cell: let the columns fit.
        self.scores.horizontalHeader().setStretchLastSection(False)
        self.info = QLabel()
        self.info.setObjectName("comparisonInfo")
        self.info.setWordWrap(True)
        self.assigned = QLabel()
        self.assigned.setObjectName("assignedValue")
        self.assigned.setWordWrap(True)
        self.method_label = QLabel()
        self.method = QComboBox()
        self.method.setObjectName("assignedMethod")
        for method in AssignedMethod:
            self.method.addItem("", method.value)
        self.method.activated.connect(lambda _i: self.rescore(save=True))
        self.sigma_label = QLabel()
        self.sigma_pt = QLineEdit()
        self.sigma_pt.setObjectName("sigmaPt")
        self.sigma_pt.setMaximumWidth(120)
        self.sigma_pt.editingFinished.connect(self.save_sigma_pt)
        submit = self.session.worker.submit  # the charts are rendered off the GUI thread
        self.results_chart, self.en_chart = ChartImage(submit), ChartImage(submit)
        self._buttons()
        self._build_layout()
        self.retranslate_ui()

    # --- construction -------------------------------------------------------------------------
    def _buttons(self) -> None:
        def button(name: str, slot: Any) -> QPushButton:
            widget = QPushButton()
            widget.setObjectName(name)
            widget.clicked.connect(lambda: slot())
            return widget

        self.new_button = button("newComparison", self.new_comparison)
        self.edit_comparison_button = button("editComparison", self.edit_comparison)
        self.add_button = button("addParticipant", self.add_participant)
        self.edit_button = button("editParticipant", self.edit_participant)
        self.remove_button = button("removeParticipant", self.remove_participant)
        self.action_button = button("correctiveAction", self.corrective_action)
        self.import_button = button("importParticipants", self.import_participants)
        self.export_button = button("exportReport", self.export_report)

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.comparisons, 1)
        left_bar = QHBoxLayout()
        left_bar.addWidget(self.new_button)
        left_bar.addWidget(self.edit_comparison_button)
        left_layout.addLayout(left_bar)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("comparisonTabs")
        participants = QWidget()
        p_layout = QVBoxLayout(participants)
        p_bar = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.remove_button):
            p_bar.addWidget(widget)
        p_bar.addSpacing(24)
        p_bar.addWidget(self.action_button)
        p_bar.addStretch(1)
        p_layout.addWidget(self.participants, 1)
        p_layout.addLayout(p_bar)
        scores = QWidget()
        s_layout = QVBoxLayout(scores)
        s_layout.addWidget(self.assigned)
        s_layout.addWidget(self.scores, 1)
        for widget in (participants, scores, self.results_chart, self.en_chart):
            self.tabs.addTab(widget, "")
        right = QWidget()
        r_layout = QVBoxLayout(right)
        r_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        for widget in (self.method_label, self.method, self.sigma_label, self.sigma_pt):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        r_layout.addWidget(self.info)
        r_layout.addLayout(bar)
        r_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 1000])  # the titles are long (Chinese and English)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Comparisons and proficiency testing"))
        self.new_button.setText(self.tr("New comparison…"))
        self.edit_comparison_button.setText(self.tr("Edit comparison…"))
        self.add_button.setText(self.tr("Add participant…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.action_button.setText(self.tr("Corrective action…"))
        self.action_menu_item.setText(self.tr("Corrective action…"))
        self.import_button.setText(self.tr("Import participants…"))
        self.export_button.setText(self.tr("Export report…"))
        self.method_label.setText(self.tr("Assigned value:"))
        self.sigma_label.setText(self.tr("σ_pt:"))
        self.sigma_pt.setPlaceholderText(self.tr("s* (robust)"))
        self.sigma_pt.setToolTip(
            self.tr("σ_pt with its unit, e.g. 0.05 mV (stored); empty: s* of Algorithm A")
        )
        for row in range(self.method.count()):
            method = AssignedMethod(self.method.itemData(row))
            self.method.setItemText(row, QCoreApplication.translate(CONTEXT, METHODS[method]))
        for index, text in enumerate(
            [self.tr("Participants"), self.tr("Scores"), self.tr("Results"), self.tr("En chart")]
        ):
            self.tabs.setTabText(index, text)
        self._show_info()
        self._show_result()
        for table in (self.comparisons, self.participants):  # headers change width
            fit_columns(table)

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        self.session.run(svc.list_comparisons, self._listed)

    def _listed(self, rows: list[Any]) -> None:
        keep = self.detail.id if self.detail else None
        self.list_model.set_rows(rows)
        fit_columns(self.comparisons)
        ids = [r.id for r in rows]
        if ids:
            self.comparisons.selectRow(ids.index(keep) if keep in ids else 0)
        self.comparisons_loaded.emit()

    def _selected(self, current: Any, _previous: Any = None) -> None:
        if current.isValid():
            self.open_comparison(self.list_model.row_at(current.row()).id)

    def open_comparison(self, comparison_id: int) -> None:
        """Load one comparison and score it with its stored method."""
        self.session.run(lambda db: svc.get_comparison(db, comparison_id), self._show_detail)

    def _show_detail(self, detail: ComparisonDetail) -> None:
        self.detail = detail
        self.participants_model.set_rows(list(detail.participants))
        fit_columns(self.participants)
        self.method.setCurrentIndex(self.method.findData(detail.assigned_value_method.value))
        sigma = detail.sigma_pt
        self.sigma_pt.setText("" if sigma is None else f"{sigma} {detail.unit}")
        self._show_info()
        self.detail_loaded.emit()
        self.rescore()

    def _show_info(self) -> None:
        d = self.detail
        if d is None:
            self.info.setText(self.tr("No comparison selected."))
            return
        parts = [
            f"<b>{d.title}</b>",
            self.tr("Measurand: {0} ({1})").format(d.measurand, d.unit),
            self.tr("Provider: {0}").format(d.provider_name or "—"),
            self.tr("Pilot laboratory: {0}").format(d.pilot_lab or "—"),
            self.tr("Artefact: {0}").format(d.artefact or "—"),
        ]
        self.info.setText(" · ".join(parts))

    # --- scoring ------------------------------------------------------------------------------
    def current_method(self) -> AssignedMethod:
        """The method chosen in the combo box."""
        return AssignedMethod(self.method.currentData())

    def rescore(self, save: bool = False) -> None:
        """Score with the chosen method; ``save`` stores the choice once scoring succeeded."""
        detail, method, user = self.detail, self.current_method(), self.session.user
        if detail is None:
            return

        def work(db: Any) -> tuple[ComparisonDetail, ComparisonResult]:
            result = svc.score_comparison(db, detail.id, method)
            stored = detail
            if save and method != detail.assigned_value_method:
                data = svc.input_from_detail(detail, assigned_value_method=method)
                stored = svc.update_comparison(db, user, detail.id, data, detail.version)
            return stored, result

        self.session.run(work, self._scored, self._score_failed)

    def save_sigma_pt(self) -> None:
        """Store the σ_pt typed (with its unit, checked against the comparison's), re-score."""
        detail, user, text = self.detail, self.session.user, self.sigma_pt.text().strip()
        stored = (
            "" if detail is None or detail.sigma_pt is None else f"{detail.sigma_pt} {detail.unit}"
        )
        if detail is None or text == stored:
            return

        def work(db: Any) -> ComparisonDetail:
            data = svc.input_from_detail(detail, sigma_pt=text or None)
            return svc.update_comparison(db, user, detail.id, data, detail.version)

        self.session.run(work, self._show_detail, self._refused)

    def _scored(self, value: tuple[ComparisonDetail, ComparisonResult]) -> None:
        self.detail, self.result = value
        self._show_result()
        self.update_action_button()
        self.scored.emit()

    def _score_failed(self, exc: BaseException) -> None:
        self.result = None
        self._show_result()
        if isinstance(exc, ValidationError):
            self.assigned.setText(comparison_problem(exc))
            self.scored.emit()
        else:
            show_error(self, exc)

    def _show_result(self) -> None:
        r = self.result
        self.scores_model.set_rows(list(r.scores) if r else [])
        fit_columns(self.scores)
        self._draw_charts()
        if r is None:
            self.assigned.setText("")
            return
        text = self.tr("Assigned value {0:.6g} {1}, u = {2:.3g}, U = {3:.3g} (k = {4:g})").format(
            r.assigned_value, r.unit, r.standard_uncertainty, r.expanded_uncertainty,
            r.coverage_factor,
        )  # fmt: skip
        if r.sigma_pt is not None:
            text += " · " + self.tr("σ_pt = {0:.3g}").format(r.sigma_pt)
        own = next((s for s in r.scores if s.is_own_lab), None)
        if own is not None:
            text += " · " + self.tr("This laboratory: En = {0:.2f} ({1})").format(
                own.en, class_text(own.en_class)
            )
        self.assigned.setText(text)

    def chart_labels(self) -> dict[str, ChartLabels]:
        """Translated texts of the two charts (also used by the report)."""
        legend = {
            "participants": self.tr("Participant ± U"),
            "own": self.tr("This laboratory ± U"),
            "reference": self.tr("Assigned value"),
            "reference_band": self.tr("Assigned value ± U"),
            "warning": self.tr("Warning limit"),
            "action": self.tr("Action limit"),
            "satisfactory": self.tr("Satisfactory"),
            "questionable": self.tr("Questionable"),
            "unsatisfactory": self.tr("Unsatisfactory"),
        }
        return {
            "results": ChartLabels(
                self.tr("Results"), self.tr("Participant"), self.tr("Value"), legend
            ),
            "scores": ChartLabels(self.tr("En numbers"), self.tr("Participant"), "En", legend),
        }

    def _draw_charts(self) -> None:
        """Both charts, rendered on the worker (empty when nothing is scored)."""
        r, d = self.result, self.detail
        if r is None or d is None or not r.scores:
            for chart in (self.results_chart, self.en_chart):
                chart.show_chart(_empty)
            return
        labels = self.chart_labels()
        own = next((s.code for s in r.scores if s.is_own_lab), None)
        self.results_chart.show_chart(
            lambda figure: reports.results_figure(d, r, labels["results"], own, figure)
        )
        self.en_chart.show_chart(
            lambda figure: reports.score_figure(r, labels["scores"], own, figure)
        )

    # --- participants -------------------------------------------------------------------------
    def _changed(self, detail: ComparisonDetail) -> None:
        self._show_detail(detail)
        self.load()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Comparisons"),
                              comparison_problem(exc), parent=self)  # fmt: skip
            box.setObjectName("comparisonError")
            box.open()
            self.refused = box
        else:
            show_error(self, exc)

    def new_comparison(self, dialog: ComparisonDialog | None = None) -> None:
        """Ask for a new comparison and record it."""
        dialog = dialog or ComparisonDialog(None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data, user = dialog.value_input(), self.session.user
        self.session.run(
            lambda db: svc.create_comparison(db, user, data), self._changed, self._refused
        )

    def edit_comparison(self, dialog: ComparisonDialog | None = None) -> None:
        """Edit the selected comparison (its facts and the assigned value the provider gave)."""
        detail, user = self.detail, self.session.user
        if detail is None:
            return
        dialog = dialog or ComparisonDialog(detail, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        data = dialog.value_input()
        self.session.run(
            lambda db: svc.update_comparison(db, user, detail.id, data, detail.version),
            self._changed,
            self._refused,
        )


def _empty(_figure: Any) -> None:
    """Nothing to draw: the chart shows an empty figure."""
