"""A check plan of a measurement standard, new or edited: check point, frequency (or none: checked
when needed) and limits with their unit.

The dialog collects (:mod:`labapp.ui.common.submission`): the page hands in the standards a new
plan may name (:meth:`CheckPlanDialog.fill_standards`), Save emits ``submitted`` with the
:class:`CheckPlanInput`, and the page answers ``finish`` or ``refuse``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from labapp.domain.errors import ValidationError
from labapp.services.checks import CheckPlanInput
from labapp.ui.common.errors import field_problem, show_error

__all__ = ["CheckPlanDialog"]


class CheckPlanDialog(QDialog):
    """Collects a check plan (a new one, or ``plan`` edited); :attr:`saved` carries the stored
    CheckPlanInfo."""

    submitted = Signal(object)
    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None, plan: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("checkPlanDialog")
        self.setWindowTitle(self.tr("New check plan") if plan is None else self.tr("Check plan"))
        self.standard = QComboBox()
        self.point = QLineEdit()
        self.point.setPlaceholderText(self.tr("e.g. 10 V"))
        self.frequency = QSpinBox()
        self.frequency.setRange(0, 120)
        self.frequency.setSpecialValueText(self.tr("When needed (no fixed frequency)"))
        self.frequency.setValue(6)
        self.frequency.setSuffix(self.tr(" months"))
        self.lower = QLineEdit()
        self.lower.setPlaceholderText(self.tr("e.g. -0.5 mV"))
        self.upper = QLineEdit()
        self.upper.setPlaceholderText(self.tr("e.g. 0.5 mV"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Standard"), self.standard)
        form.addRow(self.tr("Check point"), self.point)
        form.addRow(self.tr("Check every"), self.frequency)
        form.addRow(self.tr("Lower limit"), self.lower)
        form.addRow(self.tr("Upper limit"), self.upper)
        form.addRow(self.error)
        form.addRow(self.buttons)
        if plan is not None:
            self._show_plan(plan)

    def fill_standards(self, options: list[Any]) -> None:
        """Offer ``options`` (the standards valid today, loaded by the page) for a new plan."""
        for option in options:
            self.standard.addItem(f"{option.asset_tag} {option.name}", option.instrument_id)

    def _show_plan(self, plan: Any) -> None:
        self.standard.addItem(f"{plan.asset_tag} {plan.instrument_name}", plan.instrument_id)
        self.standard.setEnabled(False)  # a plan stays with its standard
        self.point.setText(plan.point)
        self.frequency.setValue(plan.frequency_months)
        for edit, value in ((self.lower, plan.lower_limit), (self.upper, plan.upper_limit)):
            edit.setText("" if value is None else f"{format(value, 'f')} {plan.unit or ''}".strip())

    def plan_input(self) -> CheckPlanInput:
        """The plan as typed."""
        return CheckPlanInput(
            int(self.standard.currentData() or 0),
            self.point.text(),
            self.frequency.value(),
            self.lower.text(),
            self.upper.text(),
            self.plan.check_instrument_id if self.plan is not None else None,
        )

    def save(self) -> None:
        """Save: hand the plan as typed to the page."""
        self.submitted.emit(self.plan_input())

    def finish(self, plan: Any) -> None:
        """The plan is stored: emit :attr:`saved` and close."""
        self.saved.emit(plan)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """The plan was refused: say why under the form (nothing typed is lost)."""
        if isinstance(exc, ValidationError):
            self.error.setText(field_problem(exc))
        else:
            show_error(self, exc)
