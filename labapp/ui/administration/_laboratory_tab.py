"""The Laboratory tab of the Administration page: the lab's settings, shown read-only, with
Edit… (the page opens the dialog and saves)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from labapp.services.laboratory import LabSettings
from labapp.ui.administration._form import optional
from labapp.ui.administration._laboratory_dialog import rule_text

__all__ = ["LaboratoryPanel"]

ROWS = (
    "name",
    "code",
    "address",
    "accreditation",
    "accreditation_valid_until",
    "certificate_pattern",
    "decision_rule",
    "checker_may_approve",
    "idle_lock_minutes",
    "capability_threshold",
    "logo",
)


class LaboratoryPanel(QWidget):
    """The laboratory's settings as a form of read-only values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lab: LabSettings | None = None
        self.form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ROWS:
            caption, value = QLabel(), QLabel()
            value.setObjectName(f"lab_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.form.addRow(caption, value)
            self.captions[key], self.values[key] = caption, value
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editLaboratory")
        self.edit_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(bar)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_settings(self, lab: LabSettings | None) -> None:
        """Show ``lab`` (None: the laboratory is not set up yet)."""
        self.lab = lab
        self.edit_button.setEnabled(lab is not None)
        self._fill()

    def _fill(self) -> None:
        lab = self.lab
        if lab is None:
            for value in self.values.values():
                value.setText("")
            self.values["name"].setText(self.tr("Not set up yet: the set-up wizard creates it."))
            return
        accreditation = " ".join(filter(None, (lab.accreditation_body, lab.accreditation_no)))
        rule = rule_text(lab.decision_rule)
        if lab.guard_band_factor is not None:
            rule = self.tr("{0} (r = {1})").format(rule, lab.guard_band_factor)
        texts = {
            "name": lab.name,
            "code": lab.code,
            "address": optional(lab.address),
            "accreditation": accreditation,
            "accreditation_valid_until": optional(lab.accreditation_valid_until),
            "certificate_pattern": lab.certificate_pattern,
            "decision_rule": rule,
            "checker_may_approve": self.tr("Yes") if lab.checker_may_approve else self.tr("No"),
            "idle_lock_minutes": self.tr("{0} min").format(lab.idle_lock_minutes),
            "capability_threshold": f"{lab.capability_threshold}",
            "logo": self._logo_text(lab),
        }
        for key, text in texts.items():
            self.values[key].setText(text)

    def _logo_text(self, lab: LabSettings) -> str:
        if lab.logo is None:
            return self.tr("None")
        kind = "PNG" if lab.logo_media_type == "image/png" else "JPEG"
        return self.tr("{0} image, {1} bytes").format(kind, len(lab.logo))

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        captions = {
            "name": self.tr("Name:"),
            "code": self.tr("Short code:"),
            "address": self.tr("Address:"),
            "accreditation": self.tr("Accreditation:"),
            "accreditation_valid_until": self.tr("Accreditation valid until:"),
            "certificate_pattern": self.tr("Certificate numbers:"),
            "decision_rule": self.tr("Default decision rule (new events):"),
            "checker_may_approve": self.tr("The checker may also approve:"),
            "idle_lock_minutes": self.tr("Lock after idle:"),
            "capability_threshold": self.tr("Least MPE / U without a warning:"),
            "logo": self.tr("Logo on certificates:"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.edit_button.setText(self.tr("Edit…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
