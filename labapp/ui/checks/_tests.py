"""The JJF 1033 tests of the Intermediate checks page: the stability test over the last check
means and the repeatability test of typed readings.

A mixin of :class:`labapp.ui.checks.ChecksView` (its tabs, their loading and their verdicts); its
texts keep the page's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.services import checks
from labapp.ui.checks._check_dialog import reading_problem
from labapp.ui.common.errors import show_error
from labapp.ui.common.tables import read_only_table

__all__ = ["FAIL_STYLE", "FIT", "PASS_STYLE", "CheckTestsMixin", "fmt"]

FAIL_STYLE = "font-weight: bold; color: #b00020;"
PASS_STYLE = "font-weight: bold; color: #00796b;"
#: the tables' columns are as wide as their contents
FIT = QHeaderView.ResizeMode.ResizeToContents


def fmt(value: Any) -> str:
    """A decimal as reported (``\"—\"`` when there is none)."""
    return format(value, "f") if value is not None else "—"


def _verdict(passed: bool) -> str:
    if passed:
        return QCoreApplication.translate("ChecksView", "Pass")
    return QCoreApplication.translate("ChecksView", "Fail")


class CheckTestsMixin:
    """The Stability and Repeatability tabs; the page provides ``session``, ``plan``, ``groups``
    (the stability table's model) and the ``stability_done`` / ``repeatability_done`` signals."""

    session: Any
    plan: Any
    groups: Any
    stability_outcome: Any
    stability_done: Any
    repeatability_done: Any

    def _stability_tab(self) -> QWidget:
        tab = QWidget()
        self.group_count = QSpinBox()
        self.group_count.setRange(0, 100)
        self.group_count.valueChanged.connect(lambda _n: self.load_stability())
        self.groups_label = QLabel()
        self.stability_table = read_only_table(
            self.groups, "stabilityGroups", single=True, resize=FIT
        )
        self.stability_verdict = QLabel()
        self.stability_verdict.setObjectName("stabilityVerdict")
        self.stability_verdict.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.groups_label)
        row.addWidget(self.group_count)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.stability_table, 1)
        layout.addWidget(self.stability_verdict)
        return tab

    def _repeatability_tab(self) -> QWidget:
        tab = QWidget()
        self.readings_label = QLabel()
        self.readings_edit = QPlainTextEdit()
        self.readings_edit.setObjectName("repeatabilityReadings")
        self.limit_label = QLabel()
        self.limit_edit = QLineEdit()
        self.limit_edit.setObjectName("repeatabilityLimit")
        self.evaluate_button = QPushButton()
        self.evaluate_button.clicked.connect(self.evaluate_repeatability)
        self.repeatability_verdict = QLabel()
        self.repeatability_verdict.setObjectName("repeatabilityVerdict")
        self.repeatability_verdict.setWordWrap(True)
        self.repeatability: Any = None
        row = QHBoxLayout()
        row.addWidget(self.limit_label)
        row.addWidget(self.limit_edit)
        row.addWidget(self.evaluate_button)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.readings_label)
        layout.addWidget(self.readings_edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.repeatability_verdict)
        return tab

    def load_stability(self) -> None:
        """Run the stability test over the last N checks of the plan (0: all)."""
        if self.plan is None:
            return
        plan_id, count = self.plan.id, self.group_count.value() or None
        self.session.run(
            lambda db: checks.stability(db, plan_id, count),
            self._stability_done,
            self._stability_failed,
        )

    def _stability_done(self, outcome: Any) -> None:
        self.stability_outcome = outcome
        rows = [
            (i, d, m, outcome.unit)
            for i, (d, m) in enumerate(zip(outcome.dates, outcome.means, strict=True), 1)
        ]
        self.groups.set_rows(rows)
        r = outcome.result
        verdict = (
            QCoreApplication.translate("ChecksView", "Pass")
            if r.passed
            else QCoreApplication.translate("ChecksView", "Fail")
        )
        self.stability_verdict.setStyleSheet(PASS_STYLE if r.passed else FAIL_STYLE)
        self.stability_verdict.setText(
            QCoreApplication.translate(
                "ChecksView",
                "Stability (max − min of {0} group means) = {1} {3}; limit |MPE| = {2} {3}: {4}",
            ).format(
                r.groups, format(r.stability, "f"), format(r.limit, "f"), outcome.unit, verdict
            )
        )
        self.stability_done.emit(outcome)

    def _stability_failed(self, exc: BaseException) -> None:
        self.stability_outcome = None
        self.groups.set_rows([])
        self.stability_verdict.setStyleSheet("")
        if isinstance(exc, ValidationError):
            self.stability_verdict.setText(
                QCoreApplication.translate(
                    "ChecksView",
                    "The stability test needs at least 2 checks and the plan's limits.",
                )
            )
            return
        show_error(self, exc)

    def evaluate_repeatability(self) -> None:
        """Run the repeatability test on the readings typed, in the plan's unit."""
        lines = [t.strip() for t in self.readings_edit.toPlainText().splitlines() if t.strip()]
        unit = (self.plan.unit if self.plan else None) or ""
        limit = self.limit_edit.text().strip()
        try:  # parsed once, here: the test takes typed values
            readings = checks.parse_readings(lines, unit)
            bound = checks.parse_reading(limit, unit, "limit") if limit else None
        except ValidationError as exc:
            self._repeatability_failed(exc)
            return
        self.session.run(
            lambda db: checks.repeatability(db, readings, unit, bound),
            self._repeatability_done,
            self._repeatability_failed,
        )

    def _repeatability_done(self, outcome: Any) -> None:
        self.repeatability = outcome
        r = outcome.result
        text = QCoreApplication.translate(
            "ChecksView", "n = {0}, mean = {1} {3}, s = {2} {3}"
        ).format(r.n, fmt(r.mean), fmt(r.s), outcome.unit)
        if r.passed is not None:
            verdict = (
                QCoreApplication.translate("ChecksView", "Pass")
                if r.passed
                else QCoreApplication.translate("ChecksView", "Fail")
            )
            text += QCoreApplication.translate("ChecksView", "; limit {0} {1}: {2}").format(
                fmt(r.limit), outcome.unit, verdict
            )
        self.repeatability_verdict.setStyleSheet(
            "" if r.passed is None else PASS_STYLE if r.passed else FAIL_STYLE
        )
        self.repeatability_verdict.setText(text)
        self.repeatability_done.emit(outcome)

    def _repeatability_failed(self, exc: BaseException) -> None:
        self.repeatability = None
        self.repeatability_verdict.setStyleSheet(FAIL_STYLE)
        if isinstance(exc, ValidationError) and exc.field.startswith("readings["):
            self.repeatability_verdict.setText(reading_problem(exc))
        elif isinstance(exc, ValidationError):
            self.repeatability_verdict.setText(
                QCoreApplication.translate(
                    "ChecksView", "Type at least 2 readings and a valid limit."
                )
            )
        else:
            show_error(self, exc)
