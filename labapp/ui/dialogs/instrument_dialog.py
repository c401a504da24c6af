"""Add, edit or "add similar" an instrument: a form that checks as the user types.

Quantities are typed as text ("0 V", "1000 V", "0.05 %") and parsed with the one unit parser
(``labapp.metrology.units``); the range/accuracy rule is the domain's ``check_specification``.
A problem is shown in red under its field, in the user's language.  On OK the service saves on
the worker; its ``ValidationError`` lands under the field it names and the dialog stays open with
everything typed; a ``ConcurrentModificationError`` opens the conflict dialog.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
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
from labapp.domain.errors import ConcurrentModificationError, ValidationError
from labapp.domain.rules import check_specification
from labapp.metrology.units import UnitError, parse_quantity
from labapp.services.dto import InstrumentData
from labapp.services.instruments import (
    SPECIFICATION_FIELDS,
    create_instrument,
    update_instrument,
)
from labapp.services.people import (
    list_locations,
    list_persons,
    list_procedures,
    list_providers,
)
from labapp.services.register import get_instrument_detail, register_facets
from labapp.ui.dialogs.conflict import ConflictDialog
from labapp.ui.errors import describe
from labapp.ui.labels import label

ERROR_STYLE = "color: #c5221f;"
_STARTS_WITH_NUMBER = re.compile(r"\s*[+\-−]?[0-9０-９.,]")

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


def _load_lookups(db: Any, instrument_id: int | None) -> dict[str, Any]:
    """Everything the form offers, and the instrument to edit (one worker job)."""
    return {
        "facets": register_facets(db),
        "persons": list_persons(db),
        "locations": list_locations(db),
        "providers": list_providers(db),
        "procedures": list_procedures(db),
        "detail": get_instrument_detail(db, instrument_id) if instrument_id else None,
    }


class InstrumentDialog(QDialog):
    """The instrument form.  ``instrument_id``: edit it; ``similar_to``: a new one prefilled
    with that one's specification (as ``duplicate_instrument`` copies it); neither: a new one.

    ``saved`` carries the stored ``InstrumentDetail``.
    """

    saved = Signal(object)
    ready = Signal()

    def __init__(
        self,
        session: Any,
        instrument_id: int | None = None,
        similar_to: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("instrumentDialog")
        self.session = session
        self.instrument_id = instrument_id
        self.similar_to = similar_to
        self.version: int | None = None
        self.original: InstrumentData | None = None
        self.conflict: ConflictDialog | None = None
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self._build()
        self.retranslate_ui()
        self._set_busy(True)
        source = instrument_id or similar_to
        self.session.run(lambda db: _load_lookups(db, source), self._lookups_loaded)

    # --- construction -------------------------------------------------------------------------
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
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        for form, keys in ((left, LEFT_FIELDS), (right, RIGHT_FIELDS)):
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
        self._add_row(self.reason_form, "reason")
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
        self.accuracy_kind.currentIndexChanged.connect(self._accuracy_placeholder)
        self.asset_tag.textChanged.connect(lambda _t: self._clear_error("asset_tag"))
        self.name.textChanged.connect(lambda _t: self._clear_error("name"))
        self.role.currentIndexChanged.connect(self._role_changed)

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text of the form in the current language."""
        if self.instrument_id:
            self.setWindowTitle(self.tr("Edit instrument"))
        elif self.similar_to:
            self.setWindowTitle(self.tr("Add similar instrument"))
        else:
            self.setWindowTitle(self.tr("New instrument"))
        for key, text in self._field_names().items():
            self.names[key].setText(text)
        self.mandatory.setText(self.tr("Subject to mandatory (legal) verification"))
        self.range_low.setPlaceholderText(self.tr("e.g. 0 V"))
        self.range_high.setPlaceholderText(self.tr("e.g. 1000 V"))
        self.reason.setPlaceholderText(self.tr("Why this change (kept in the audit trail)"))
        self.interval.setSpecialValueText(self.tr("none"))
        self.interval.setSuffix(self.tr(" months"))
        for combo in (self.role, self.level, self.status, self.accuracy_kind):
            combo.set_texts([self._enum_text(value) for value in combo.values])
        self._accuracy_placeholder()

    def _field_names(self) -> dict[str, str]:
        return {
            "asset_tag": self.tr("Asset tag"),
            "name": self.tr("Name"),
            "manufacturer": self.tr("Manufacturer"),
            "model": self.tr("Model"),
            "serial_no": self.tr("Serial number"),
            "category": self.tr("Category"),
            "quantity": self.tr("Quantity"),
            "range_low": self.tr("Range from"),
            "range_high": self.tr("Range to"),
            "accuracy_kind": self.tr("Accuracy stated as"),
            "accuracy": self.tr("Accuracy"),
            "role": self.tr("Role"),
            "level": self.tr("Level"),
            "mandatory": self.tr("Legal status"),
            "status": self.tr("Status"),
            "custodian": self.tr("Custodian"),
            "location": self.tr("Location"),
            "interval": self.tr("Interval"),
            "provider": self.tr("Default provider"),
            "procedure": self.tr("Default procedure"),
            "reason": self.tr("Reason for the change"),
        }

    def _enum_text(self, value: Any) -> str:
        if value is None:
            return self.tr("(none)")
        if isinstance(value, AccuracyKind):
            return {
                AccuracyKind.MPE: self.tr("Maximum permissible error (MPE)"),
                AccuracyKind.CLASS: self.tr("Accuracy class"),
                AccuracyKind.UNCERTAINTY: self.tr("Uncertainty"),
            }[value]
        return label(value)

    def _accuracy_placeholder(self, *_: object) -> None:
        kind = self.accuracy_kind.value()
        if kind == AccuracyKind.CLASS:
            self.accuracy.setPlaceholderText(self.tr("e.g. 0.2"))
        else:
            self.accuracy.setPlaceholderText(self.tr("e.g. 0.05 V or 0.01 %"))

    # --- loading ------------------------------------------------------------------------------
    def _lookups_loaded(self, lookups: dict[str, Any]) -> None:
        self.quantity.addItems(["", *lookups["facets"].quantities])
        _fill_ids(self.custodian, [(p.id, p.name) for p in lookups["persons"]], self.tr("(none)"))
        _fill_ids(self.location, [(x.id, x.name) for x in lookups["locations"]], self.tr("(none)"))
        _fill_ids(self.provider, [(x.id, x.name) for x in lookups["providers"]], self.tr("(none)"))
        procedures = [(x.id, f"{x.code} {x.title}") for x in lookups["procedures"]]
        _fill_ids(self.procedure, procedures, self.tr("(none)"))
        detail = lookups["detail"]
        if detail is not None:
            self._show_data(detail)
        self.reason.setVisible(bool(self.instrument_id))
        self.names["reason"].setVisible(bool(self.instrument_id))
        self._set_busy(False)
        self.ready.emit()

    def _show_data(self, detail: Any) -> None:
        data = detail.data
        if self.similar_to:
            spec = {name: getattr(data, name) for name in SPECIFICATION_FIELDS}
            data = replace(InstrumentData(asset_tag="", name=data.name), **spec)
            data = replace(data, status=InstrumentStatus.IN_SERVICE)
        else:
            self.version, self.original = detail.version, data
        self.set_data(data)

    def set_data(self, data: InstrumentData) -> None:
        """Fill the form from ``data``."""
        self.asset_tag.setText(data.asset_tag)
        self.name.setText(data.name)
        self.manufacturer.setText(data.manufacturer or "")
        self.model_no.setText(data.model or "")
        self.serial_no.setText(data.serial_no or "")
        self.category.setText(data.category or "")
        self.quantity.setCurrentText(data.quantity or "")
        self.range_low.setText(_quantity_text(data.range_low_value, data.range_low_unit))
        self.range_high.setText(_quantity_text(data.range_high_value, data.range_high_unit))
        self.accuracy_kind.set_value(data.accuracy_kind)
        if data.accuracy_kind == AccuracyKind.CLASS:
            self.accuracy.setText(data.accuracy_class or "")
        else:
            self.accuracy.setText(_quantity_text(data.accuracy_value, data.accuracy_unit))
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

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _role_changed(self, *_: object) -> None:
        self.level.setEnabled(self.role.value() == Role.STANDARD)

    # --- checks -------------------------------------------------------------------------------
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

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear()
        self.errors[key].setMinimumHeight(0)
        self.errors[key].hide()

    def error_text(self, key: str) -> str:
        """The message under input ``key`` ("" when none)."""
        return self.errors[key].text() if self.errors[key].isVisible() else ""

    def check_quantities(self, *_: object) -> bool:
        """Parse the range and accuracy as typed; show what is wrong under each field."""
        for key in ("range_low", "range_high", "accuracy"):
            self._clear_error(key)
        try:
            self._specification()
        except ValidationError as exc:
            self.show_error(FIELD_INPUTS.get(exc.field, exc.field), self._word(exc))
            return False
        return True

    def _parse(self, key: str, text: str, default_unit: str | None = None) -> Any:
        text = text.strip()
        if not text:
            return None
        try:
            return parse_quantity(text, default_unit)
        except UnitError as exc:
            code = "unknown_unit" if _STARTS_WITH_NUMBER.match(text) else "not_a_quantity"
            raise ValidationError(key, str(exc), code=code, params={"text": text}) from exc

    def _specification(self) -> dict[str, Any]:
        """The range/accuracy fields of InstrumentData, checked (raises ValidationError)."""
        high = self._parse("range_high", self.range_high.text())
        low = self._parse("range_low", self.range_low.text(), _unit(high))
        if high is None and low is not None:
            high = None
        kind = self.accuracy_kind.value()
        values: dict[str, Any] = {
            "range_low_value": _magnitude(low),
            "range_low_unit": _unit(low),
            "range_high_value": _magnitude(high),
            "range_high_unit": _unit(high),
            "accuracy_kind": kind,
            "accuracy_value": None,
            "accuracy_unit": None,
            "accuracy_class": None,
        }
        text = self.accuracy.text().strip()
        if kind == AccuracyKind.CLASS:
            values["accuracy_class"] = text or None
        elif text:
            accuracy = self._parse("accuracy", text, None)
            values["accuracy_value"], values["accuracy_unit"] = (
                _magnitude(accuracy),
                _unit(accuracy),
            )
        check_specification(
            *(values[k] for k in ("range_low_value", "range_low_unit", "range_high_value")),
            *(values[k] for k in ("range_high_unit", "accuracy_value", "accuracy_unit")),
        )
        return values

    def _word(self, exc: ValidationError) -> str:
        """The dialog's own sentence for the errors of its quantity fields."""
        text = str(exc.params.get("text", ""))
        if exc.code == "not_a_quantity":
            return self.tr("“{0}” is not a number followed by a unit, e.g. 1000 V.").format(text)
        if exc.code == "unknown_unit":
            return self.tr("“{0}”: unknown unit. Use a symbol such as V, mV, Ω, °C, %.").format(
                text
            )
        if exc.code == "incommensurable":
            return self.tr(
                "An accuracy in {0} cannot apply to a range in {1}: they are different kinds of "
                "quantity. Use the range's kind of unit or a relative one (%, ppm)."
            ).format(exc.params.get("unit", ""), exc.params.get("expected", ""))
        if exc.code == "required" and exc.field.startswith("range"):
            return self.tr("A range needs both ends, e.g. 0 V and 1000 V.")
        if exc.code == "range_order":
            return self.tr("The range must go from the lower to the higher value.")
        return describe(exc)

    # --- saving -------------------------------------------------------------------------------
    def data(self) -> InstrumentData:
        """The form as ``InstrumentData`` (raises ValidationError for a bad quantity)."""
        base = self.original or InstrumentData(asset_tag="", name="")
        return replace(
            base,
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

    def save(self) -> None:
        """OK: check, then create or update on the worker (the dialog closes on success only)."""
        self.general_error.clear()
        for key in self.errors:
            self._clear_error(key)
        try:
            data = self.data()
        except ValidationError as exc:
            self.show_error(FIELD_INPUTS.get(exc.field, exc.field), self._word(exc))
            return
        self._set_busy(True)
        user = self.session.user
        if self.instrument_id and self.original is not None:
            changes = _changes(self.original, data)
            reason = self.reason.text().strip() or None
            ident, version = self.instrument_id, self.version

            def job(db: Any) -> Any:
                return update_instrument(db, user, ident, version, changes, reason)
        else:

            def job(db: Any) -> Any:
                return create_instrument(db, user, data)

        self.session.run(job, self._saved, self._failed)

    def _saved(self, detail: Any) -> None:
        self._set_busy(False)
        self.saved.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_error(FIELD_INPUTS.get(exc.field, exc.field), self._word(exc))
        elif isinstance(exc, ConcurrentModificationError):
            self.conflict = ConflictDialog(exc.info, self)
            self.conflict.finished.connect(self._conflict_answered)
            self.conflict.open()
        else:
            self.session.worker.report(exc)

    def _conflict_answered(self, _result: int) -> None:
        if self.conflict is not None and self.conflict.reloading():
            self._set_busy(True)
            ident = self.instrument_id
            self.session.run(lambda db: get_instrument_detail(db, ident), self._reloaded)
        self.conflict = None

    def _reloaded(self, detail: Any) -> None:
        self._show_data(detail)
        self._set_busy(False)


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


LEFT_FIELDS = (
    "asset_tag",
    "name",
    "manufacturer",
    "model",
    "serial_no",
    "category",
    "quantity",
    "range_low",
    "range_high",
    "accuracy_kind",
    "accuracy",
)
RIGHT_FIELDS = (
    "role",
    "level",
    "mandatory",
    "status",
    "custodian",
    "location",
    "interval",
    "provider",
    "procedure",
)
#: form key -> attribute holding its widget, where they differ
WIDGETS = {"model": "model_no"}


def _changes(old: InstrumentData, new: InstrumentData) -> dict[str, Any]:
    return {
        f.name: getattr(new, f.name)
        for f in fields(InstrumentData)
        if getattr(new, f.name) != getattr(old, f.name)
    }


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _magnitude(quantity: Any) -> Decimal | None:
    return None if quantity is None else Decimal(quantity.magnitude)


def _unit(quantity: Any) -> str | None:
    return None if quantity is None else f"{quantity.units:~P}" or None


def _quantity_text(value: Decimal | None, unit: str | None) -> str:
    if value is None:
        return ""
    return f"{format(value, 'f')} {unit or ''}".strip()


def _select(combo: QComboBox, value: Any) -> None:
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def _fill_ids(combo: QComboBox, items: list[tuple[int, str]], none_text: str) -> None:
    combo.clear()
    combo.addItem(none_text, None)
    for ident, text in items:
        combo.addItem(text, ident)
