"""The instrument form: its fields in two columns, a red message under each, form ⇄ data.

No texts here (``InstrumentDialog`` words and retranslates them) and no database: the dialog
loads and saves on the worker.  Range and accuracy are parsed and checked as the user types
(:mod:`labapp.ui.register._instrument_quantities`); a problem is worded by
``labapp.ui.common.errors`` with the field's label, the one wording the other forms use.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from labapp.domain.enums import AccuracyKind, InstrumentStatus, Role, StandardLevel
from labapp.domain.errors import ValidationError
from labapp.services.register import InstrumentData
from labapp.ui.common.errors import describe, field_problem
from labapp.ui.register._fields import FORM_LEFT, FORM_RIGHT
from labapp.ui.register._instrument_quantities import quantity_text, specification

__all__ = ["ERROR_STYLE", "FIELD_INPUTS", "ChoiceCombo", "InstrumentForm", "fill_ids"]

ERROR_STYLE = "color: #c5221f;"

#: ``ValidationError.field`` -> the input showing it
FIELD_INPUTS = {
    "range_low_value": "range_low",
    "range_low_unit": "range_low",
    "range_high_value": "range_high",
    "range_high_unit": "range_high",
    "accuracy_kind": "accuracy",
    "accuracy_value": "accuracy",
    "accuracy_unit": "accuracy",
    "accuracy_class": "accuracy",
    "custodian_id": "custodian",
    "location_id": "location",
    "provider_id": "provider",
    "procedure_id": "procedure",
    "mandatory_verification": "mandatory",
}


class InstrumentForm(QDialog):
    """The instrument's fields (``self.asset_tag``, ``self.range_high`` …), checks and messages.

    ``base`` is the data the form was last filled from (blank for a new item): the fields the
    form does not show (laboratory, last calibration, notes) keep their values from it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = InstrumentData(asset_tag="", name="")
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self._build()

    def _build(self) -> None:
        self.asset_tag, self.name, self.manufacturer = QLineEdit(), QLineEdit(), QLineEdit()
        self.model_no, self.serial_no, self.category = QLineEdit(), QLineEdit(), QLineEdit()
        self.quantity = QComboBox()
        self.quantity.setEditable(True)
        self.range_low, self.range_high = QLineEdit(), QLineEdit()
        self.accuracy_kind = ChoiceCombo([None, *AccuracyKind])
        self.accuracy = QLineEdit()
        self.role = ChoiceCombo(list(Role))
        self.level = ChoiceCombo([None, *StandardLevel])
        self.status = ChoiceCombo(list(InstrumentStatus))
        self.mandatory = QCheckBox()
        self.custodian, self.location = QComboBox(), QComboBox()
        self.provider, self.procedure = QComboBox(), QComboBox()
        self.interval = QSpinBox()
        self.interval.setRange(0, 240)
        self.reason = QLineEdit()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        for form, keys in ((left, FORM_LEFT), (right, FORM_RIGHT)):
            form.setHorizontalSpacing(12)  # the longest label touched its field
            for key in keys:
                self._add_row(form, key)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        self.reason_form = QFormLayout()
        self.reason_form.setHorizontalSpacing(12)
        self._add_row(self.reason_form, "reason")
        self._forms = (left, right, self.reason_form)
        layout.addLayout(self.reason_form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._connect_checks()
        self.role.set_value(Role.WORKING)
        self._role_changed()
        self.setMinimumWidth(940)

    def _add_row(self, form: QFormLayout, key: str) -> None:
        widget = getattr(self, WIDGETS.get(key, key))
        widget.setObjectName(f"field_{key}")
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        name = QLabel()
        name.setBuddy(widget)
        form.addRow(name, box)
        self.inputs[key], self.errors[key], self.names[key] = widget, error, name

    def _connect_checks(self) -> None:
        for edit in (self.range_low, self.range_high, self.accuracy):
            edit.textChanged.connect(self.check_quantities)
        self.accuracy_kind.currentIndexChanged.connect(self.check_quantities)
        self.asset_tag.textChanged.connect(lambda _t: self._clear_error("asset_tag"))
        self.name.textChanged.connect(lambda _t: self._clear_error("name"))
        self.role.currentIndexChanged.connect(self._role_changed)

    def show_error(self, key: str, message: str) -> None:
        """Show ``message`` in red under input ``key`` (the general line if unknown)."""
        error = self.errors.get(key)
        if error is None:
            self.general_error.setText(message)
            return
        error.setText(message)
        # a wrapped label in a form row gets one line's height: reserve what the text needs
        width = max(self.inputs[key].width(), 300)
        error.setMinimumHeight(error.heightForWidth(width))
        error.show()
        self.relayout()

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].setMinimumHeight(0)
        self.errors[key].hide()
        self.relayout()

    def relayout(self) -> None:
        """Lay the rows out now: a message shown or cleared, or labels in another language,
        only post a layout request, and a paint in between showed gaps or clipped labels."""
        for form in self._forms:
            form.invalidate()
            form.activate()

    def error_text(self, key: str) -> str:
        """The message under input ``key`` ("" when none)."""
        return self.errors[key].text() if self.errors[key].isVisible() else ""

    def show_problem(self, exc: ValidationError) -> None:
        """Word ``exc`` (errors.py) under the input it names, with that input's label."""
        key = FIELD_INPUTS.get(exc.field, exc.field)
        name = self.names.get(key)
        if name is None or exc.code == "invalid":
            self.show_error(key, describe(exc))
            return
        self.show_error(key, field_problem(exc, name.text()))

    def check_quantities(self, *_: object) -> bool:
        """Parse the range and accuracy as typed; show what is wrong under each field."""
        for key in ("range_low", "range_high", "accuracy"):
            self._clear_error(key)
        try:
            self._specification()
        except ValidationError as exc:
            self.show_problem(exc)
            return False
        return True

    def _specification(self) -> dict[str, Any]:
        return specification(
            self.range_low.text(),
            self.range_high.text(),
            self.accuracy_kind.value(),
            self.accuracy.text(),
        )

    def set_data(self, data: InstrumentData) -> None:
        """Fill the form from ``data`` (it becomes :attr:`base`)."""
        self.base = data
        self.asset_tag.setText(data.asset_tag)
        self.name.setText(data.name)
        self.manufacturer.setText(data.manufacturer or "")
        self.model_no.setText(data.model or "")
        self.serial_no.setText(data.serial_no or "")
        self.category.setText(data.category or "")
        self.quantity.setCurrentText(data.quantity or "")
        self.range_low.setText(quantity_text(data.range_low_value, data.range_low_unit))
        self.range_high.setText(quantity_text(data.range_high_value, data.range_high_unit))
        self.accuracy_kind.set_value(data.accuracy_kind)
        if data.accuracy_kind == AccuracyKind.CLASS:
            self.accuracy.setText(data.accuracy_class or "")
        else:
            self.accuracy.setText(quantity_text(data.accuracy_value, data.accuracy_unit))
        self.role.set_value(data.role)
        self.level.set_value(data.level)
        self.status.set_value(data.status)
        self.mandatory.setChecked(bool(data.mandatory_verification))
        for combo, value in (
            (self.custodian, data.custodian_id),
            (self.location, data.location_id),
            (self.provider, data.provider_id),
            (self.procedure, data.procedure_id),
        ):
            _select(combo, value)
        self.interval.setValue(data.interval_months or 0)
        self._role_changed()

    def _role_changed(self, *_: object) -> None:
        self.level.setEnabled(self.role.value() == Role.STANDARD)

    def data(self) -> InstrumentData:
        """The form as ``InstrumentData`` (raises ValidationError for a bad quantity)."""
        return replace(
            self.base,
            asset_tag=self.asset_tag.text().strip(),
            name=self.name.text().strip(),
            manufacturer=_text(self.manufacturer),
            model=_text(self.model_no),
            serial_no=_text(self.serial_no),
            category=_text(self.category),
            quantity=self.quantity.currentText().strip() or None,
            role=self.role.value(),
            level=self.level.value() if self.role.value() == Role.STANDARD else None,
            mandatory_verification=self.mandatory.isChecked(),
            status=self.status.value(),
            custodian_id=self.custodian.currentData(),
            location_id=self.location.currentData(),
            provider_id=self.provider.currentData(),
            procedure_id=self.procedure.currentData(),
            interval_months=self.interval.value() or None,
            **self._specification(),
        )


class ChoiceCombo(QComboBox):
    """A combo over a fixed list of Python values (Qt would turn a StrEnum item into a str)."""

    def __init__(self, values: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = values
        self.addItems([""] * len(values))

    def set_texts(self, texts: list[str]) -> None:
        """Label the values (in the current language)."""
        for index, text in enumerate(texts):
            self.setItemText(index, text)

    def value(self) -> Any:
        """The chosen value."""
        return self.values[self.currentIndex()] if self.currentIndex() >= 0 else None

    def set_value(self, value: Any) -> None:
        """Choose ``value`` (the first entry if it is not offered)."""
        self.setCurrentIndex(self.values.index(value) if value in self.values else 0)


#: form key -> attribute holding its widget, where they differ
WIDGETS = {"model": "model_no"}


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _select(combo: QComboBox, value: Any) -> None:
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def fill_ids(combo: QComboBox, items: list[tuple[int, str]], none_text: str) -> None:
    """Offer ``items`` (id, text) after a first "none" entry (its text in the user's language)."""
    combo.clear()
    combo.addItem(none_text, None)
    for ident, text in items:
        combo.addItem(text, ident)
