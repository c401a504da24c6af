"""Dialogs of the Comparisons page: one participant's result, and a new comparison.

They collect input and return it as the service's input value (:meth:`value`); the service checks
it (numbers, k > 0, units) and the page shows any refusal.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import ComparisonRole
from labapp.services.comparisons import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonInput,
    ParticipantInfo,
    ParticipantInput,
)
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.form_dialog import RetranslatingDialog

NO_DATE = QDate(1989, 12, 31)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _form(widgets: tuple[QWidget, ...]) -> tuple[QFormLayout, list[QLabel]]:
    """A form of ``widgets`` with a label each (texts set by the dialog's retranslate_ui)."""
    form, labels = QFormLayout(), []
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.setCursorPosition(0)  # show the start of a long title, not its end
        label = QLabel()
        label.setBuddy(widget)
        form.addRow(label, widget)
        labels.append(label)
    return form, labels


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class ParticipantDialog(RetranslatingDialog):
    """A participant's code, result, U with its own k, unit, method, date and own-lab flag."""

    def __init__(
        self, unit: str, participant: ParticipantInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantDialog")
        self.participant = participant
        p = participant
        self.code = QLineEdit(p.code if p else "")
        self.code.setMaxLength(32)
        self.value = QLineEdit("" if p is None or p.value is None else str(p.value))
        self.uncertainty = QLineEdit(
            "" if p is None or p.expanded_uncertainty is None else str(p.expanded_uncertainty)
        )
        self.k = QLineEdit("" if p is None or p.coverage_factor is None else str(p.coverage_factor))
        self.unit = QLineEdit(unit)
        self.method = QLineEdit(p.method or "" if p else "")
        self.measured_on = date_edit(p.measured_on if p else None)
        self.own_lab = QCheckBox()
        self.own_lab.setChecked(bool(p and p.is_own_lab))
        for name in ("code", "value", "uncertainty", "k", "unit", "method"):
            getattr(self, name).setObjectName(f"participant_{name}")
        self.form, self.labels = _form((
            self.code, self.value, self.uncertainty, self.k, self.unit, self.method,
            self.measured_on, self.own_lab,
        ))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the labels in the current language."""
        self.setWindowTitle(self.tr("Participant"))
        texts = [
            self.tr("Code:"),
            self.tr("Value:"),
            self.tr("Expanded uncertainty U:"),
            self.tr("Coverage factor k:"),
            self.tr("Unit:"),
            self.tr("Method:"),
            self.tr("Date:"),
            self.tr("This laboratory"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.k.setPlaceholderText(self.tr("as stated by the participant"))

    def value_input(self) -> ParticipantInput:
        """What was typed (numbers as text: the service checks them)."""
        return ParticipantInput(
            code=self.code.text().strip(),
            value=_text(self.value),
            expanded_uncertainty=_text(self.uncertainty),
            coverage_factor=_text(self.k),
            method=_text(self.method),
            measured_on=self.measured_on.date().toPython(),  # type: ignore[arg-type]
            is_own_lab=self.own_lab.isChecked(),
            instrument_id=self.participant.instrument_id if self.participant else None,
            unit=_text(self.unit),
        )


class ComparisonDialog(RetranslatingDialog):
    """A new or an existing comparison, with the assigned value the provider gave (value, U, k)."""

    def __init__(
        self, detail: ComparisonDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonDialog")
        self.detail = detail
        d = detail
        self.title = QLineEdit(d.title if d else "")
        self.scheme = QLineEdit(d.scheme or "" if d else "")
        self.provider = QLineEdit(d.provider_name or "" if d else "")
        self.measurand = QLineEdit(d.measurand if d else "")
        self.unit = QLineEdit(d.unit if d else "")
        self.artefact = QLineEdit(d.artefact or "" if d else "")
        self.pilot = QLineEdit(d.pilot_lab or "" if d else "")
        self.protocol = QLineEdit(d.protocol or "" if d else "")
        self.role = QComboBox()
        for role in ComparisonRole:
            self.role.addItem("", role.value)
        role_now = d.role if d else ComparisonRole.PARTICIPANT
        self.role.setCurrentIndex(self.role.findData(role_now.value))
        self.started_on = _optional_date(d.started_on if d else None)
        self.ended_on = _optional_date(d.ended_on if d else None)
        self.assigned_value = QLineEdit(_str(d.assigned_value if d else None))
        self.assigned_uncertainty = QLineEdit(_str(d.assigned_uncertainty if d else None))
        self.assigned_k = QLineEdit(_str(d.assigned_coverage_factor if d else None))
        self.form, self.labels = _form((
            self.title, self.scheme, self.provider, self.measurand, self.unit, self.artefact,
            self.pilot, self.protocol, self.role, self.started_on, self.ended_on,
            self.assigned_value, self.assigned_uncertainty, self.assigned_k,
        ))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self))
        self.setMinimumWidth(480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the labels in the current language."""
        new = self.detail is None
        self.setWindowTitle(self.tr("New comparison") if new else self.tr("Edit comparison"))
        texts = [
            self.tr("Title:"),
            self.tr("Scheme:"),
            self.tr("Provider:"),
            self.tr("Measurand:"),
            self.tr("Unit:"),
            self.tr("Artefact:"),
            self.tr("Pilot laboratory:"),
            self.tr("Protocol:"),
            self.tr("Role of this laboratory:"),
            self.tr("Started:"),
            self.tr("Ended:"),
            self.tr("Assigned value (given):"),
            self.tr("Its expanded uncertainty U:"),
            self.tr("Its coverage factor k:"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.role.setItemText(0, self.tr("Pilot laboratory"))
        self.role.setItemText(1, self.tr("Participant"))
        self.protocol.setPlaceholderText(self.tr("e.g. JJF 1117, ISO/IEC 17043; circulation"))

    def value_input(self) -> ComparisonInput:
        """What was typed (numbers as text: the service checks them)."""
        method = self.detail.assigned_value_method if self.detail else None
        if method is None:
            given = bool(self.assigned_value.text().strip())
            method = AssignedMethod.PROVIDER if given else AssignedMethod.ALGORITHM_A
        return ComparisonInput(
            title=self.title.text(),
            measurand=self.measurand.text(),
            unit=self.unit.text(),
            role=ComparisonRole(self.role.currentData()),
            scheme=_text(self.scheme),
            provider_name=_text(self.provider),
            artefact=_text(self.artefact),
            pilot_lab=_text(self.pilot),
            protocol=_text(self.protocol),
            started_on=_date_value(self.started_on),
            ended_on=_date_value(self.ended_on),
            assigned_value_method=method,
            assigned_value=_text(self.assigned_value),
            assigned_uncertainty=_text(self.assigned_uncertainty),
            assigned_coverage_factor=_text(self.assigned_k),
            sigma_pt=self.detail.sigma_pt if self.detail else None,  # typed on the page
        )


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _optional_date(value: date | None) -> QDateEdit:
    """A date edit whose lowest date means "no date" (shown blank)."""
    edit = date_edit(value)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(" ")
    if value is None:
        edit.setDate(NO_DATE)
    return edit


def _date_value(edit: QDateEdit) -> date | None:
    return None if edit.date() == NO_DATE else edit.date().toPython()  # type: ignore[return-value]
