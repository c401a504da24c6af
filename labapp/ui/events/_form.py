"""The header fields of the event dialog: who, when, by whom, under which conditions.

The form only holds widgets and moves values in and out (:meth:`EventForm.fill`,
:meth:`EventForm.values`); the dialog decides when to load and save.  ``widget_for(field)``
maps a ``ValidationError.field`` to the widget the error is shown next to.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from labapp.domain.enums import EventKind, EventResult
from labapp.domain.rules import environment
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.labels import label, label_for

ERROR_STYLE = "border: 2px solid #c62828;"


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(getattr(value, "value", value))
    combo.setCurrentIndex(max(index, 0))


def _result(value: str | None) -> EventResult | None:
    return None if value is None else EventResult(value)


class EventForm(QWidget):
    """Instrument, kind, date, people, provider, certificate, procedure, conditions, interval."""

    changed = Signal()  # any value edited by the user
    date_changed = Signal(object)  # the new ``date``

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = QLineEdit()
        self.instrument.setObjectName("instrument")
        self.kind = _combo("kind")
        for kind in EventKind:
            self.kind.addItem("", kind.value)
        self.performed_on = date_edit(name="performedOn", latest=None)  # never in the future
        self.performer = _combo("performer")
        self.checker = _combo("checker")
        self.provider = _combo("provider")
        self.provider_kind = QLabel()
        self.provider_kind.setObjectName("providerKind")
        self.certificate_no = QLineEdit()
        self.certificate_no.setObjectName("certificateNo")
        self.procedure = _combo("procedure")
        self.temperature = QLineEdit()
        self.temperature.setObjectName("temperature")
        self.humidity = QLineEdit()
        self.humidity.setObjectName("humidity")
        self.as_found = _combo("asFound")
        self.as_found.addItem("", None)
        for result in (EventResult.PASS, EventResult.FAIL, EventResult.CONDITIONAL):
            self.as_found.addItem("", result.value)
        self.adjusted = QCheckBox()
        self.adjusted.setObjectName("adjusted")
        self.shorten = QCheckBox()
        self.shorten.setObjectName("shortenInterval")
        self.interval = QSpinBox()
        self.interval.setObjectName("interval")
        self.interval.setRange(1, 120)
        self.interval.setEnabled(False)
        self.interval_reason = QLineEdit()
        self.interval_reason.setObjectName("intervalReason")
        self.interval_reason.setEnabled(False)
        self.remarks = QLineEdit()
        self.remarks.setObjectName("remarks")
        self.item_interval: int | None = None
        self._providers: dict[int, Any] = {}
        self._build()
        self._connect()

    def _build(self) -> None:
        self.left, self.right = QFormLayout(), QFormLayout()
        provider_row = QHBoxLayout()
        provider_row.addWidget(self.provider, 1)
        provider_row.addWidget(self.provider_kind)
        interval_row = QHBoxLayout()
        interval_row.addWidget(self.shorten)
        interval_row.addWidget(self.interval)
        interval_row.addWidget(self.interval_reason, 1)
        self.labels = {
            "instrument": QLabel(),
            "kind": QLabel(),
            "performed_on": QLabel(),
            "performer": QLabel(),
            "checker": QLabel(),
            "provider": QLabel(),
            "certificate_no": QLabel(),
            "procedure": QLabel(),
            "temperature": QLabel(),
            "humidity": QLabel(),
            "as_found": QLabel(),
            "adjusted": QLabel(),
            "interval": QLabel(),
            "remarks": QLabel(),
        }
        rows_left = ("instrument", "kind", "performed_on", "performer", "checker", "provider")
        fields_left = (self.instrument, self.kind, self.performed_on, self.performer)
        for key, widget in zip(rows_left[:4], fields_left, strict=True):
            self.left.addRow(self.labels[key], widget)
        self.left.addRow(self.labels["checker"], self.checker)
        self.left.addRow(self.labels["provider"], provider_row)
        self.left.addRow(self.labels["certificate_no"], self.certificate_no)
        self.right.addRow(self.labels["procedure"], self.procedure)
        self.right.addRow(self.labels["temperature"], self.temperature)
        self.right.addRow(self.labels["humidity"], self.humidity)
        self.right.addRow(self.labels["as_found"], self.as_found)
        self.right.addRow(self.labels["adjusted"], self.adjusted)
        self.right.addRow(self.labels["interval"], interval_row)
        self.right.addRow(self.labels["remarks"], self.remarks)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.left, 1)
        layout.addLayout(self.right, 1)

    def _connect(self) -> None:
        for combo in (self.kind, self.performer, self.checker, self.procedure, self.as_found):
            combo.activated.connect(self.changed)
        self.provider.activated.connect(self.changed)
        self.provider.currentIndexChanged.connect(self._show_provider_kind)
        for edit in (
            self.certificate_no,
            self.temperature,
            self.humidity,
            self.interval_reason,
            self.remarks,
        ):
            edit.textEdited.connect(self.changed)
        self.adjusted.toggled.connect(self.changed)
        self.shorten.toggled.connect(self._shorten_toggled)
        self.interval.valueChanged.connect(self.changed)
        self.performed_on.dateChanged.connect(self._date_changed)

    def _date_changed(self, value: QDate) -> None:
        self.changed.emit()
        self.date_changed.emit(value.toPython())

    def _shorten_toggled(self, on: bool) -> None:
        self.interval.setEnabled(on)
        self.interval_reason.setEnabled(on)
        if not on and self.item_interval:
            self.interval.setValue(self.item_interval)
        self.changed.emit()

    def _show_provider_kind(self, _index: int = 0) -> None:
        info = self._providers.get(self.provider.currentData())
        self.provider_kind.setText(label(info.kind) if info is not None else "")

    # --- texts --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        texts = {
            "instrument": self.tr("Instrument:"),
            "kind": self.tr("Kind:"),
            "performed_on": self.tr("Date:"),
            "performer": self.tr("Performed by:"),
            "checker": self.tr("Checker:"),
            "provider": self.tr("Provider:"),
            "certificate_no": self.tr("Certificate no.:"),
            "procedure": self.tr("Procedure:"),
            "temperature": self.tr("Temperature:"),
            "humidity": self.tr("Humidity:"),
            "as_found": self.tr("As found:"),
            "adjusted": self.tr("Adjusted:"),
            "interval": self.tr("Interval:"),
            "remarks": self.tr("Remarks:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for row in range(self.kind.count()):
            self.kind.setItemText(row, label_for("event", self.kind.itemData(row)))
        self.as_found.setItemText(0, self.tr("(not stated)"))
        for row in range(1, self.as_found.count()):
            self.as_found.setItemText(row, label_for("result", self.as_found.itemData(row)))
        self.temperature.setPlaceholderText(self.tr("e.g. 20.1 °C"))
        self.humidity.setPlaceholderText(self.tr("e.g. 45 %RH"))
        self.instrument.setPlaceholderText(self.tr("Asset tag"))
        self.adjusted.setText(self.tr("adjusted during the event"))
        self.shorten.setText(self.tr("Shorten interval"))
        self.interval.setSuffix(self.tr(" months"))
        self.interval_reason.setPlaceholderText(self.tr("Reason for the shorter interval"))
        firsts = (
            (self.performer, self.tr("(choose)")),
            (self.checker, self.tr("(later)")),
            (self.provider, self.tr("In-house")),
            (self.procedure, self.tr("(none)")),
        )
        for combo, text in firsts:
            if combo.count():
                combo.setItemText(0, text)
        self._show_provider_kind()
        self._relayout()

    def _relayout(self) -> None:
        # New texts (上级计量机构 is wider than any English label) only post a layout request;
        # lay out now, so the label column is re-measured before anything is painted or grabbed.
        for form in (self.left, self.right):
            form.invalidate()
            form.activate()

    # --- values -------------------------------------------------------------------------------
    def set_lookups(self, persons: list[Any], providers: list[Any], procedures: list[Any]) -> None:
        """Fill the combo boxes (a first empty choice in each)."""
        self._providers = {p.id: p for p in providers}
        for combo, items, text in (
            (self.performer, persons, lambda p: p.name),
            (self.checker, persons, lambda p: p.name),
            (self.provider, providers, lambda p: p.name),
            (self.procedure, procedures, lambda p: f"{p.code} — {p.title}"),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", None)
            for item in items:
                combo.addItem(text(item), item.id)
            combo.blockSignals(False)
        self.retranslate_ui()

    def set_instrument(self, asset_tag: str, name: str, interval_months: int | None) -> None:
        """Show the event's instrument (fixed once chosen) and its normal interval."""
        self.instrument.setText(f"{asset_tag} — {name}")
        self.instrument.setReadOnly(True)
        self.item_interval = interval_months
        self.shorten.setEnabled(bool(interval_months))
        if interval_months:
            self.interval.setMaximum(interval_months)
            self.interval.setValue(interval_months)

    def fill(self, detail: Any) -> None:
        """Show a stored event (signals blocked: loading is not an edit)."""
        widgets = [self, *self.findChildren(QWidget)]
        for widget in widgets:
            widget.blockSignals(True)
        _select(self.kind, detail.kind)
        self.performed_on.setDate(QDate(detail.performed_on))
        _select(self.performer, detail.performer_id)
        _select(self.checker, detail.checker_id)
        _select(self.provider, detail.provider_id)
        _select(self.procedure, detail.procedure_id)
        _select(self.as_found, detail.as_found)
        self.certificate_no.setText(detail.certificate_no or "")
        self.temperature.setText(detail.temperature or "")
        self.humidity.setText(detail.humidity or "")
        self.adjusted.setChecked(bool(detail.adjusted))
        self.remarks.setText(detail.remarks or "")
        shortened = bool(detail.interval_months and detail.interval_months != self.item_interval)
        self.shorten.setChecked(shortened)
        self.interval.setEnabled(shortened)
        self.interval_reason.setEnabled(shortened)
        if detail.interval_months:
            self.interval.setValue(detail.interval_months)
        self.interval_reason.setText(detail.interval_reason or "")
        for widget in widgets:
            widget.blockSignals(False)
        self._show_provider_kind()

    def event_date(self) -> date:
        """The date typed."""
        value: date = self.performed_on.date().toPython()
        return value

    def interval_months(self) -> int | None:
        """The interval for the due date: shortened, else the item's."""
        return self.interval.value() if self.shorten.isChecked() else self.item_interval

    def values(self) -> dict[str, Any]:
        """The header fields as ``EventInput`` keywords."""
        return {
            "kind": EventKind(self.kind.currentData()),
            "performed_on": self.event_date(),
            "performer_id": self.performer.currentData(),
            "checker_id": self.checker.currentData(),
            "provider_id": self.provider.currentData(),
            "certificate_no": self.certificate_no.text().strip() or None,
            "procedure_id": self.procedure.currentData(),
            "temperature": environment(self.temperature.text(), "temperature"),
            "humidity": environment(self.humidity.text(), "humidity"),
            "as_found": _result(self.as_found.currentData()),
            "adjusted": self.adjusted.isChecked(),
            "interval_months": self.interval.value() if self.shorten.isChecked() else None,
            "interval_reason": self.interval_reason.text().strip() or None,
            "remarks": self.remarks.text().strip() or None,
        }

    def set_read_only(self, read_only: bool) -> None:
        """Approved or superseded events are shown, not edited."""
        for widget in self.findChildren(QWidget):
            if widget is not self.instrument and not isinstance(widget, QLabel):
                widget.setEnabled(not read_only)
        if not read_only:
            self.interval.setEnabled(self.shorten.isChecked())
            self.interval_reason.setEnabled(self.shorten.isChecked())
        # the performer is the person who records the event (logged in): shown, never chosen
        self.performer.setEnabled(False)

    def widget_for(self, field: str) -> QWidget | None:
        """The input a ``ValidationError.field`` names (None when not a header field)."""
        return {
            "kind": self.kind,
            "performed_on": self.performed_on,
            "performer_id": self.performer,
            "checker_id": self.checker,
            "provider_id": self.provider,
            "certificate_no": self.certificate_no,
            "procedure_id": self.procedure,
            "temperature": self.temperature,
            "humidity": self.humidity,
            "as_found": self.as_found,
            "interval_months": self.interval,
            "interval_reason": self.interval_reason,
            "remarks": self.remarks,
            "instrument_id": self.instrument,
        }.get(field)

    def clear_errors(self) -> None:
        """Remove every field's error mark."""
        for widget in self.findChildren(QWidget):
            if widget.property("hasError"):
                widget.setStyleSheet("")
                widget.setToolTip("")
                widget.setProperty("hasError", False)

    def mark_error(self, widget: QWidget, message: str) -> None:
        """Frame ``widget`` red with ``message`` as its tooltip."""
        widget.setStyleSheet(ERROR_STYLE)
        widget.setToolTip(message)
        widget.setProperty("hasError", True)
