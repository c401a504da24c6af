"""The first-run set-up wizard: the laboratory, then its first administrator.

Opened by :class:`labapp.ui.accounts.Identity` on a database without any account.  The wizard only
collects: Finish emits ``submitted`` with the lab's settings and the administrator's account, the
identity runs ``setup_laboratory`` on the worker and closes the wizard (or shows the refusal on
the page it concerns).  The certificate numbering pattern is checked as it is typed and an example
number is shown.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ValidationError
from labapp.domain.points import DecisionRule
from labapp.services.accounts import MIN_PASSWORD_LENGTH, NewAccount
from labapp.services.laboratory import DEFAULT_PATTERN, LabSettingsInput, certificate_number
from labapp.ui.accounts._login import password_edit
from labapp.ui.common.labels import label_for

__all__ = ["AdminPage", "LabPage", "SetupWizard"]


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("setupProblem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    return label


class LabPage(QWizardPage):
    """Page 1: the laboratory's name, code, address, accreditation, numbering and rules."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPage")
        self.setTitle(self.tr("The laboratory"))
        self.setSubTitle(self.tr("What certificates and reports say about your laboratory."))
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.address = QLineEdit()
        self.body = QLineEdit()
        self.body.setPlaceholderText(self.tr("e.g. CNAS"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. L1234"))
        self.pattern = QLineEdit(DEFAULT_PATTERN)
        self.pattern.setObjectName("certificatePattern")
        self.example = QLabel()
        self.example.setObjectName("patternExample")
        self.example.setWordWrap(True)
        self.rule = QComboBox()
        for rule in DecisionRule:
            self.rule.addItem(label_for("rule", rule.value), rule.value)
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0.1, 3.0)
        self.factor.setSingleStep(0.1)
        self.factor.setDecimals(2)
        self.factor.setValue(1.0)
        self.checker_may_approve = QCheckBox(
            self.tr("The checker may also approve (if the quality manual allows it)")
        )
        self.idle = QSpinBox()
        self.idle.setRange(1, 480)
        self.idle.setValue(15)
        self.idle.setSuffix(self.tr(" min"))
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Short code:"), self.code)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Accreditation body:"), self.body)
        form.addRow(self.tr("Accreditation number:"), self.number)
        form.addRow(self.tr("Certificate numbers:"), self.pattern)
        form.addRow("", self.example)
        form.addRow(self.tr("Default decision rule:"), self.rule)
        form.addRow(self.tr("Guard-band factor w (× U):"), self.factor)
        form.addRow("", self.checker_may_approve)
        form.addRow(self.tr("Lock after idle time:"), self.idle)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.name.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(self.completeChanged)
        self.pattern.textChanged.connect(self._pattern_changed)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._pattern_changed()
        self._rule_changed()

    def _pattern_changed(self) -> None:
        try:
            example = certificate_number(self.pattern.text(), date.today(), 1)
        except ValidationError:
            self.pattern_ok = False
            self.example.setText(
                self.tr("Not a numbering pattern: use {yyyy}, {yy}, {mm} and {seq} or {seq:04}.")
            )
            self.example.setStyleSheet("color: #c62828;")
        else:
            self.pattern_ok = True
            self.example.setText(self.tr("The first certificate this year: {0}").format(example))
            self.example.setStyleSheet("")
        self.completeChanged.emit()

    def _rule_changed(self) -> None:
        self.factor.setEnabled(self.rule.currentData() == DecisionRule.GUARD_BAND.value)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.code.text().strip() and self.pattern_ok)

    def values(self) -> LabSettingsInput:
        """The laboratory as typed."""
        rule = DecisionRule(self.rule.currentData())
        guard = rule is DecisionRule.GUARD_BAND
        factor = Decimal(str(round(self.factor.value(), 2))) if guard else None
        return LabSettingsInput(
            name=self.name.text().strip(),
            code=self.code.text().strip(),
            address=self.address.text().strip() or None,
            accreditation_body=self.body.text().strip() or None,
            accreditation_no=self.number.text().strip() or None,
            certificate_pattern=self.pattern.text().strip(),
            decision_rule=rule,
            guard_band_factor=factor,
            checker_may_approve=self.checker_may_approve.isChecked(),
            idle_lock_minutes=self.idle.value(),
        )


class AdminPage(QWizardPage):
    """Page 2: the first administrator (name, login, password twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr("This account creates the others. Keep its password safe: it also signs.")
        )
        self.name = QLineEdit()
        self.login = QLineEdit()
        self.login.setPlaceholderText(self.tr("e.g. admin"))
        self.password = password_edit("adminPassword")
        self.again = password_edit("adminPasswordAgain")
        self.hint = QLabel(self.tr("At least {0} characters.").format(MIN_PASSWORD_LENGTH))
        self.problem = _problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        for edit in (self.name, self.login, self.password, self.again):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return all(e.text().strip() for e in (self.name, self.login, self.password, self.again))

    def validatePage(self) -> bool:
        if self.password.text() != self.again.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return False
        self.problem.clear()
        return True

    def values(self) -> NewAccount:
        """The administrator as typed."""
        return NewAccount(
            login=self.login.text().strip().lower(),
            name=self.name.text().strip(),
            roles=(PersonRole.ADMIN,),
            password=self.password.text(),
        )


class SetupWizard(QWizard):
    """Set up a new laboratory; ``submitted(lab, admin)`` on Finish (the wizard stays open)."""

    submitted = Signal(object, object)

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up a new laboratory — {0}").format(database))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.lab_page = LabPage()
        self.admin_page = AdminPage()
        self.addPage(self.lab_page)
        self.addPage(self.admin_page)
        self.setMinimumSize(720, 560)

    def accept(self) -> None:
        """Finish: hand the values over; :meth:`finish` closes once the set-up is stored."""
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.submitted.emit(self.lab_page.values(), self.admin_page.values())

    def finish(self) -> None:
        """The set-up is stored: close."""
        super().accept()

    def show_problem(self, exc: Any, text: str) -> None:
        """Show a refused set-up on the page of the field it concerns."""
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        field = getattr(exc, "field", "")
        lab_fields = {"name", "code", "certificate_pattern", "idle_lock_minutes",
                      "guard_band_factor", "setup"}  # fmt: skip
        page = self.lab_page if field in lab_fields and field != "name" else self.admin_page
        if field == "name" and getattr(exc, "message", "").startswith("the laboratory"):
            page = self.lab_page
        page.problem.setText(text)
        if page is self.lab_page:
            while self.currentPage() is not self.lab_page:
                self.back()
