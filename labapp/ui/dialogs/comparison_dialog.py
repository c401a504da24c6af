"""Dialogs of the Comparisons page: one participant's result, and a new comparison.

They collect input and return it as the service's input value (:meth:`value`); the service checks
it (numbers, k > 0, units) and the page shows any refusal.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent
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
from labapp.services.comparison_dto import (
    AssignedMethod,
    ComparisonInput,
    ParticipantInfo,
    ParticipantInput,
)


def _date_edit(value: date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(1990, 1, 1), QDate(2100, 12, 31))
    edit.setDate(QDate(value or date.today()))
    return edit


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
        label = QLabel()
        label.setBuddy(widget)
        form.addRow(label, widget)
        labels.append(label)
    return form, labels


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class _Dialog(QDialog):
    """Retranslates on a language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""


class ParticipantDialog(_Dialog):
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
        self.measured_on = _date_edit(p.measured_on if p else None)
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


class ComparisonDialog(_Dialog):
    """A new comparison: title, scheme, provider, measurand, unit, pilot, role."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonDialog")
        self.title = QLineEdit()
        self.scheme = QLineEdit()
        self.provider = QLineEdit()
        self.measurand = QLineEdit()
        self.unit = QLineEdit()
        self.pilot = QLineEdit()
        self.role = QComboBox()
        for role in ComparisonRole:
            self.role.addItem("", role.value)
        self.role.setCurrentIndex(self.role.findData(ComparisonRole.PARTICIPANT.value))
        self.form, self.labels = _form((
            self.title, self.scheme, self.provider, self.measurand, self.unit, self.pilot,
            self.role,
        ))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(_buttons(self))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the labels in the current language."""
        self.setWindowTitle(self.tr("New comparison"))
        texts = [
            self.tr("Title:"),
            self.tr("Scheme:"),
            self.tr("Provider:"),
            self.tr("Measurand:"),
            self.tr("Unit:"),
            self.tr("Pilot laboratory:"),
            self.tr("Role of this laboratory:"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.role.setItemText(0, self.tr("Pilot laboratory"))
        self.role.setItemText(1, self.tr("Participant"))

    def value_input(self) -> ComparisonInput:
        """What was typed."""
        return ComparisonInput(
            title=self.title.text(),
            measurand=self.measurand.text(),
            unit=self.unit.text(),
            role=ComparisonRole(self.role.currentData()),
            scheme=_text(self.scheme),
            provider_name=_text(self.provider),
            pilot_lab=_text(self.pilot),
            assigned_value_method=AssignedMethod.ALGORITHM_A,
        )
