"""Record one intermediate check: readings typed with units, the live mean and verdict.

Each reading is parsed once, when its text changes (:func:`labapp.services.checks.parse_reading`),
and its typed value converted to the plan's unit for the live mean; a reading that is not a
quantity or is in the wrong unit is flagged next to its field.  The dialog hands the typed values
on: nothing is parsed again downstream.  Save emits :attr:`CheckDialog.submitted` with the
:class:`CheckInput`; the page records it on the worker
(:func:`labapp.services.checks.record_check`) and answers :meth:`CheckDialog.finish`, which emits
:attr:`CheckDialog.recorded` with the :class:`RecordResult`, or :meth:`CheckDialog.refuse`
(:mod:`labapp.ui.common.submission`).  The live conversion, mean and verdict are pure helpers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
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

from labapp.domain.enums import Decision
from labapp.domain.errors import ValidationError
from labapp.domain.quantities import Measured
from labapp.services import checks
from labapp.services.checks import CheckInput, CheckPlanInfo
from labapp.ui.common.date_edit import date_edit
from labapp.ui.common.errors import field_problem, show_error
from labapp.ui.common.labels import label

__all__ = ["CheckDialog", "reading_problem"]

ERROR_STYLE = "color: #b00020;"
DEFAULT_READINGS = 6


def reading_problem(exc: ValidationError) -> str:
    """The sentence for a refused reading: ``labapp.ui.common.errors`` words it, "Reading n" names
    it.

    Parameters
    ----------
    exc
        From ``checks.parse_reading`` or ``checks.convert_readings``; ``params["reading"]`` is the
        1-based reading number.
    """
    name = QCoreApplication.translate("CheckDialog", "Reading {0}")
    return field_problem(exc, name.format(exc.params.get("reading", "")))


class CheckDialog(QDialog):
    """Collects one check of ``plan``; ``submitted`` carries its :class:`CheckInput`."""

    submitted = Signal(object)
    recorded = Signal(object)

    def __init__(self, plan: CheckPlanInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._typed: dict[int, tuple[str, Measured | ValidationError]] = {}  # row -> (text, value)
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Record intermediate check"))
        self.heading = QLabel(self._heading())
        self.heading.setWordWrap(True)
        self.performed_on = date_edit(latest=None)  # a check cannot be performed tomorrow
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText(self.tr("e.g. 0 {0}").format(plan.unit or ""))
        self.reference_error = self._error_label()
        self.count = QSpinBox()
        self.count.setRange(1, 30)
        self.count.setValue(DEFAULT_READINGS)
        self.count.valueChanged.connect(self._set_count)
        self.remarks = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Performed on"), self.performed_on)
        form.addRow(self.tr("Reference value"), self.reference)
        form.addRow("", self.reference_error)
        form.addRow(self.tr("Number of readings"), self.count)
        self.grid = QGridLayout()
        self.edits: list[QLineEdit] = []
        self.errors: list[QLabel] = []
        self.mean_label = QLabel()
        self.mean_label.setObjectName("mean")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("Readings (number and unit; a bare number is in {0})").format(
                    plan.unit or ""
                )
            )
        )
        layout.addLayout(self.grid)
        layout.addWidget(self.mean_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(QLabel(self.tr("Remarks")))
        layout.addWidget(self.remarks)
        layout.addWidget(self.buttons)
        self._set_count(DEFAULT_READINGS)
        self.setMinimumWidth(520)

    def _heading(self) -> str:
        p = self.plan
        limits = f"[{_text(p.lower_limit)}, {_text(p.upper_limit)}] {p.unit or ''}"
        return self.tr("{0} {1} — check point {2}; limits {3}").format(
            p.asset_tag, p.instrument_name, p.point, limits
        )

    @staticmethod
    def _error_label() -> QLabel:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        return error

    def _set_count(self, count: int) -> None:
        while len(self.edits) < count:
            row = len(self.edits)
            edit = QLineEdit()
            edit.setObjectName(f"reading{row}")
            edit.textChanged.connect(self.update_live)
            error = self._error_label()
            self.grid.addWidget(QLabel(self.tr("Reading {0}").format(row + 1)), row, 0)
            self.grid.addWidget(edit, row, 1)
            self.grid.addWidget(error, row, 2)
            self.edits.append(edit)
            self.errors.append(error)
        for row, (edit, error) in enumerate(zip(self.edits, self.errors, strict=True)):
            visible = row < count
            edit.setVisible(visible)
            self.grid.itemAtPosition(row, 0).widget().setVisible(visible)
            error.setVisible(visible and bool(error.text()))
        self.update_live()
        self.adjustSize()

    def _active(self) -> list[tuple[int, str]]:
        count = self.count.value()
        return [(i, e.text().strip()) for i, e in enumerate(self.edits[:count]) if e.text().strip()]

    def _show_error(self, row: int, text: str) -> None:
        self.errors[row].setText(text)
        self.errors[row].setVisible(bool(text))

    def _reading(self, row: int, text: str) -> Measured | ValidationError:
        """Reading ``row`` as a typed value (or why not), parsed only when its text changed."""
        known = self._typed.get(row)
        if known is not None and known[0] == text:
            return known[1]
        try:
            value: Measured | ValidationError = checks.parse_reading(
                text, self.plan.unit, f"readings[{row}]", reading=row + 1
            )
        except ValidationError as exc:
            value = exc
        self._typed[row] = (text, value)
        return value

    def update_live(self) -> None:
        """Show each reading's problem, and the mean and verdict of the valid ones."""
        values: list[Decimal] = []
        for row, text in self._active():
            try:
                typed = self._reading(row, text)
                if isinstance(typed, ValidationError):
                    raise typed
                (value,) = checks.convert_readings([typed], self.plan.unit)
            except ValidationError as exc:
                exc.params["reading"] = row + 1
                self._show_error(row, reading_problem(exc))
                continue
            self._show_error(row, "")
            values.append(value)
        for row in range(len(self.edits)):
            if not self.edits[row].text().strip():
                self._show_error(row, "")
        self._show_live(values)

    def _show_live(self, values: list[Decimal]) -> None:
        if not values:
            self.mean_label.setText(self.tr("Mean: —"))
            self.verdict_label.setText("")
            return
        mean = checks.mean_of(values)
        verdict = checks.verdict_of(mean, self.plan.lower_limit, self.plan.upper_limit)
        self.mean_label.setText(
            self.tr("Mean of %n reading(s): {0} {1}", "", len(values)).format(
                _text(mean), self.plan.unit or ""
            )
        )
        colour = "#b00020" if verdict is Decision.FAIL else "#00796b"
        self.verdict_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.verdict_label.setText(self.tr("Verdict: {0}").format(label(verdict)))

    def check_input(self) -> CheckInput:
        """What the form holds as the typed values the service takes.

        Raises
        ------
        ValidationError
            A reading (``readings[i]``, ``i`` counting the readings typed) or the reference value
            that is not a quantity.
        """
        when: date = self.performed_on.date().toPython()  # type: ignore[assignment]
        readings: list[Measured] = []
        for i, (row, text) in enumerate(self._active()):
            typed = self._reading(row, text)
            if isinstance(typed, ValidationError):
                raise ValidationError(
                    f"readings[{i}]", typed.message, code=typed.code, params=typed.params
                )
            readings.append(typed)
        text = self.reference.text().strip()
        reference = checks.parse_reading(text, self.plan.unit, "reference_value") if text else None
        return CheckInput(self.plan.id, when, tuple(readings), reference, self.remarks.text())

    def save(self) -> None:
        """Save: hand the check to the page (the buttons wait for its answer); text that is not a
        quantity is refused here, next to its field, as the service would refuse it."""
        self.buttons.setEnabled(False)
        try:
            data = self.check_input()
        except ValidationError as exc:
            self.refuse(exc)
            return
        self.submitted.emit(data)

    def finish(self, result: Any) -> None:
        """The check is recorded: emit :attr:`recorded` and close."""
        self.recorded.emit(result)
        self.accept()

    def refuse(self, exc: BaseException) -> None:
        """The check was refused: say why next to the reading or field; nothing typed is lost."""
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field.startswith("readings["):
            rows = [row for row, _ in self._active()]
            index = int(exc.field[len("readings[") : -1])
            row = rows[index] if index < len(rows) else 0
            exc.params["reading"] = row + 1
            self._show_error(row, reading_problem(exc))
            self.edits[row].setFocus()
        elif isinstance(exc, ValidationError) and exc.field == "reference_value":
            self.reference_error.setText(field_problem(exc, self.tr("Reference value")))
            self.reference_error.show()
        elif isinstance(exc, ValidationError) and exc.code == "plan_ended":
            self.reference_error.setText(
                self.tr("The plan ended on {0}: record a check dated before, or resume it.").format(
                    exc.params.get("ended_on", "")
                )
            )
            self.reference_error.show()
        else:
            show_error(self, exc)


def _text(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")
