"""The laboratory's settings dialog of the Administration page: name, code, address,
accreditation, certificate numbering, default decision rule, checker = approver, idle lock, and
the logo the certificates print.

It collects input and returns a :class:`~labapp.services.laboratory.LabSettingsInput`; the page
saves it with :func:`~labapp.services.laboratory.update_lab_settings`.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from labapp.domain.points import DecisionRule, parse_number
from labapp.services.laboratory import LabSettings, LabSettingsInput
from labapp.ui.administration._dialogs import EnumCombo
from labapp.ui.administration._form import AdminForm, optional, parse_date
from labapp.ui.administration._logo_picker import LogoPicker
from labapp.ui.common.labels import label_for

__all__ = ["LaboratoryDialog", "rule_text"]


def rule_text(rule: DecisionRule) -> str:
    """A decision rule's name in the user's language."""
    return label_for("rule", rule.value)


def _line(value: object, name: str) -> QLineEdit:
    edit = QLineEdit(optional(value))
    edit.setObjectName(name)
    return edit


class LaboratoryDialog(AdminForm):
    """The settings of the laboratory (one per database)."""

    def __init__(self, lab: LabSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("laboratoryDialog")
        self.lab = lab
        self.name = _line(lab.name, "name")
        self.code = _line(lab.code, "code")
        self.address = _line(lab.address, "address")
        self.body = _line(lab.accreditation_body, "accreditationBody")
        self.number = _line(lab.accreditation_no, "accreditationNo")
        self.valid_until = _line(lab.accreditation_valid_until, "validUntil")
        self.pattern = _line(lab.certificate_pattern, "pattern")
        self.rule = EnumCombo(DecisionRule, lab.decision_rule, "rule", rule_text)
        self.factor = _line(lab.guard_band_factor, "guardBand")
        self.checker_may_approve = QCheckBox()
        self.checker_may_approve.setObjectName("checkerMayApprove")
        self.checker_may_approve.setChecked(lab.checker_may_approve)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleLock")
        self.idle.setRange(1, 480)
        self.idle.setValue(lab.idle_lock_minutes)
        self.capability = QDoubleSpinBox()
        self.capability.setObjectName("capabilityThreshold")
        self.capability.setRange(1.0, 10.0)
        self.capability.setDecimals(1)
        self.capability.setSingleStep(0.5)
        self.capability.setValue(float(lab.capability_threshold))
        self.logo = LogoPicker(lab.logo)
        self._build(
            (
                self.name,
                self.code,
                self.address,
                self.body,
                self.number,
                self.valid_until,
                self.pattern,
                self.rule,
                self.factor,
                self.checker_may_approve,
                self.idle,
                self.capability,
                self.logo,
            )
        )
        self.setMinimumWidth(640)  # the lab's full name and the check box text stay whole

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Laboratory"))
        self._set_labels(
            [
                self.tr("Name:"),
                self.tr("Short code:"),
                self.tr("Address:"),
                self.tr("Accreditation body:"),
                self.tr("Accreditation number:"),
                self.tr("Accreditation valid until:"),
                self.tr("Certificate numbers:"),
                self.tr("Default decision rule:"),
                self.tr("Guard band factor r (w = r·U):"),
                self.tr("The checker may also approve:"),
                self.tr("Lock after idle (minutes):"),
                self.tr("Least MPE / U without a warning:"),
                self.tr("Logo on certificates:"),
            ]
        )
        self.valid_until.setPlaceholderText("YYYY-MM-DD")
        self.pattern.setPlaceholderText(self.tr("e.g. JD{yyyy}-{seq:04}"))
        self.factor.setPlaceholderText(self.tr("only for the guard band, e.g. 1"))
        self.checker_may_approve.setText(self.tr("only where the quality manual allows it"))
        self.rule.retranslate()

    def value(self) -> LabSettingsInput:
        """What was typed (date and factor parsed once, here)."""
        return LabSettingsInput(
            self.name.text(),
            self.code.text(),
            self.address.text() or None,
            self.body.text() or None,
            self.number.text() or None,
            parse_date(self.valid_until.text(), "accreditation_valid_until"),
            self.pattern.text(),
            self.rule.current(),
            self._factor(),
            self.checker_may_approve.isChecked(),
            self.idle.value(),
            Decimal(f"{self.capability.value():.1f}"),
            self.logo.data,
        )

    def _factor(self) -> Decimal | None:
        return parse_number(self.factor.text(), "guard_band_factor")  # "1,5" is 1.5
