"""A ledger line into a :class:`LedgerRecord`, every bad cell an error and every caveat a warning.

First each mapped cell is read by its field's kind (:mod:`labapp.io.ledger._cells`); then the
line's cells are put together: a range from its own column or from LabApp's split columns (low,
high, unit), the accuracy from its cell and the split columns (a conflict is an error), the result
from the result column or the one a status word implies (合格 in 设备状态), 检定方式, the period,
the tag (from its column, or numbered by the user's pattern), and the notes: the notes column
followed by every unmapped column as "heading: value" and any 用途 text that is not a role.
The range and the accuracy are checked together by the instrument rules
(:func:`labapp.domain.rules.check_specification`); 有效期至 may not precede the verification date.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from labapp.domain.enums import CalibrationMethod
from labapp.domain.quantities import Measured
from labapp.io.excel import lookup_key
from labapp.io.ledger._cells import PARSERS, folded_tag, text_cell
from labapp.io.ledger._errors import CellError, CellWarning
from labapp.io.ledger._fields import FIELDS_BY_KEY, FieldKind
from labapp.io.ledger._line import (
    Line,
    line_note,
    line_problem,
    merge_accuracy,
    quantity,
    specification,
    text_of,
)
from labapp.io.ledger._mapping import ColumnAssignment, ColumnMapping, column_letter
from labapp.io.ledger._quantities import AccuracyValue, RangeValue, spec_problem
from labapp.io.ledger._record import LedgerRecord
from labapp.io.ledger._words import MethodValue, cell_text, parse_method, parse_role
from labapp.io.register import QUANTITY_UNITS, CellProblem, commensurable

__all__ = ["RowOutcome", "RowReader"]

_TEXT_FIELDS = ("manufacturer", "model", "serial_no", "category", "quantity", "provider",
                "procedure", "department", "location", "custodian", "certificate_no")  # fmt: skip
# The base unit of the quantities ledgers name most often (直流电压 → V), folded name → unit.
_QUANTITY_BASE = {lookup_key(name): unit for name, unit in QUANTITY_UNITS.items()}
_DECIMALS = ("range_low", "range_high", "accuracy_value", "coverage_factor", "purchase_value")


@dataclass
class RowOutcome:
    """A line read: its record (None when a cell is bad), its errors and its warnings."""

    record: LedgerRecord | None
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellWarning] = field(default_factory=list)


class RowReader:
    """Reads the lines of one ledger by its mapping; remembers the tags seen in earlier lines.

    Parameters
    ----------
    mapping
        The columns.
    existing_tags
        Tags already in the register, folded (:func:`labapp.io.excel.lookup_key`).
    tags
        Free tags for lines without one (from the user's pattern), or None.
    digits
        (folded tag, field) → the decimal as LabApp's export reported it.
    """

    def __init__(
        self,
        mapping: ColumnMapping,
        existing_tags: Collection[str],
        tags: Iterator[str] | None,
        digits: dict[tuple[str, str], Decimal],
    ) -> None:
        self.mapping = mapping
        self.fields = mapping.fields
        # (key, 0-based index, kind, column), the accuracy after its unit column (see _parse)
        self.order = sorted(
            ((k, c.index, FIELDS_BY_KEY[k].kind, c) for k, c in self.fields.items()),
            key=lambda item: item[0] == "accuracy",
        )
        self.notes_columns: list[tuple[ColumnAssignment | None, int]] = [
            (c, c.index) for c in mapping.columns if c.field is None
        ]
        known = {c.index for c in mapping.columns}
        self.width = max(known, default=-1) + 1
        self.notes_columns += [(None, i) for i in range(self.width) if i not in known]
        self.existing = existing_tags
        self.tags = tags
        self.digits = digits
        self.seen: dict[str, tuple[str, int]] = {}
        self.sheet = mapping.sheet

    def read(self, row: list[Any], excel_row: int, sheet: str | None = None) -> RowOutcome:
        """Read one line (``excel_row`` is its 1-based row in ``sheet``, default the first)."""
        self.sheet = sheet or self.mapping.sheet
        width = len(row)
        line = Line(excel_row, {k: row[i] if i < width else None for k, i, _, _ in self.order})
        self._parse(line)
        record = self._record(line, row)
        return self._outcome(line, record)

    # --- first pass: every cell by its kind ---------------------------------------------------

    def _parse(self, line: Line) -> None:
        for key, _, kind, column in self.order:
            cell = line.cells[key]
            if key == "accuracy" and line.values.get("accuracy_unit"):
                column = replace(column, unit=line.values["accuracy_unit"])
            try:
                if kind is FieldKind.TEXT:
                    line.values[key] = text_cell(cell, key)
                elif kind is FieldKind.ROLE:
                    line.values[key] = self._role(line, cell)
                else:
                    line.values[key] = PARSERS[kind](cell, column)
            except CellProblem as problem:
                line.refuse(key, problem)
                continue
            note = getattr(line.values[key], "note", None)
            if note is not None:
                line.notes.append((key, note))

    def _role(self, line: Line, cell: object) -> Any:
        """用途 is often free text ("生产检测"): what is not a role goes to the notes."""
        try:
            return parse_role(cell)
        except CellProblem:
            text = cell_text(cell)
            heading = self.fields["role"].heading
            line.extra_notes.append(f"{heading}: {text}")
            line.notes.append(("role", line_note("role_to_notes", text=text)))
            return None

    # --- second pass: the line's cells together -----------------------------------------------

    def _record(self, line: Line, row: list[Any]) -> LedgerRecord | None:
        v = line.values
        tag, generated = self._tag(line)
        if tag is not None:
            self._restore_digits(line, tag)
        name = v.get("name")
        if name is None and not line.failed("name"):
            line.refuse("name", line_problem("required_name"))
        low, high, range_text = self._range(line)
        self._quantity_unit(line, v.get("quantity"), high or low)
        accuracy = self._accuracy(line, low, high)
        self._dates(line)
        self._in_house(line)
        texts = {k: v.get(k) for k in _TEXT_FIELDS}
        if texts["quantity"]:  # "温度" or "Temperature" (as LabApp exports it) is stored as its key
            texts["quantity"] = quantity(texts["quantity"])
        if line.problems or tag is None or name is None:
            return None
        return LedgerRecord(
            line.number, tag, name, generated, **texts,
            range_low=low, range_high=high, range_text=range_text or v.get("range_text"),
            accuracy_kind=accuracy.kind, accuracy=accuracy.value,
            accuracy_class=accuracy.accuracy_class, coverage_factor=accuracy.coverage_factor,
            accuracy_text=accuracy.text or v.get("accuracy_text"), role=v.get("role"),
            level=v.get("level"),
            mandatory_verification=v.get("mandatory_verification"),
            **self._state(line), **self._period(line),
            last_calibrated_on=v.get("last_calibrated_on"), valid_until=v.get("valid_until"),
            purchase_value=v.get("purchase_value"), purchased_on=v.get("purchased_on"),
            notes=self._notes(line, row), source_sheet=self.sheet,
        )  # fmt: skip

    def _tag(self, line: Line) -> tuple[str | None, bool]:
        tag, generated = line.values.get("asset_tag"), False
        if tag is None and not line.failed("asset_tag"):
            if self.tags is None:
                line.refuse("asset_tag", line_problem("required_tag"))
                return None, False
            tag, generated = next(self.tags), True
        if tag is None:
            return None, False
        folded = folded_tag(tag)
        if folded in self.existing and not generated:
            line.refuse("asset_tag", line_problem("duplicate_existing", tag=tag))
        sheet, first = self.seen.setdefault(folded, (self.sheet, line.number))
        if (sheet, first) != (self.sheet, line.number):
            where_en = f" of sheet {sheet}" if sheet != self.sheet else ""
            where_zh = f"“{sheet}”工作表" if sheet != self.sheet else ""
            line.refuse("asset_tag", line_problem("duplicate_in_file", tag=tag, first=first,
                                              sheet_en=where_en, sheet_zh=where_zh))  # fmt: skip
        return tag, generated

    def _restore_digits(self, line: Line, tag: str) -> None:
        """Put back the digits LabApp's export reported for a number cell ("10.00")."""
        if not self.digits:
            return
        folded = folded_tag(tag)
        for key in _DECIMALS:
            reported = self.digits.get((folded, key))
            value = line.values.get(key)
            if reported is not None and isinstance(value, Decimal) and value == reported:
                line.values[key] = reported

    def _range(self, line: Line) -> tuple[Measured | None, Measured | None, str | None]:
        v = line.values
        combined: RangeValue | None = v.get("range")
        if combined is not None:
            return combined.low, combined.high, combined.text
        low, high = v.get("range_low"), v.get("range_high")
        unit = v.get("range_unit")
        low_unit = v.get("range_low_unit") or unit
        if low is None and high is None:
            return None, None, None
        if unit is None and not line.failed("range_unit"):
            where = "range_unit" if "range_unit" in self.fields else "range_high"
            line.refuse(where, line_problem("missing_unit"))
            return None, None, None
        refused = specification(text_of(low), low_unit, text_of(high), unit, None, None)
        if refused is not None:
            where = "range_low" if refused.field == "range_low_value" else "range_high"
            line.refuse(where, spec_problem(refused, str(line.cells.get(where))))
        return Measured.of(low, low_unit), Measured.of(high, unit), None

    def _quantity_unit(self, line: Line, named: str | None, end: Measured | None) -> None:
        """A range in a unit of another quantity than the one named (质量 in V) is refused."""
        if not named or end is None or not end.unit:
            return
        base = _QUANTITY_BASE.get(lookup_key(named))
        if base is not None and not commensurable(base, end.unit):
            where = next((k for k in ("range_unit", "range") if k in self.fields), "quantity")
            problem = line_problem("unit_quantity_mismatch", unit=end.unit, quantity=named,
                                   base=base)  # fmt: skip
            line.refuse(where, problem)

    def _accuracy(self, line: Line, low: Measured | None, high: Measured | None) -> AccuracyValue:
        acc: AccuracyValue = line.values.get("accuracy") or AccuracyValue()
        merged = merge_accuracy(line, acc)
        value = merged.value
        if value is None or any(line.failed(k) for k in ("accuracy", "accuracy_value")):
            return merged
        where = "accuracy" if acc.value is not None else "accuracy_value"
        refused = specification(
            text_of(low.value) if low else None, low.unit if low else None,
            text_of(high.value) if high else None, high.unit if high else None,
            text_of(value.value), value.unit or None,
        )  # fmt: skip
        if refused is not None:
            line.refuse(where, spec_problem(refused, str(line.cells.get(where))))
        return merged

    def _dates(self, line: Line) -> None:
        last: date | None = line.values.get("last_calibrated_on")
        until: date | None = line.values.get("valid_until")
        if last is not None and until is not None and until < last:
            problem = line_problem("valid_before_performed", until=until, last=last)
            line.refuse("valid_until", problem)

    def _in_house(self, line: Line) -> None:
        """检定单位 "自校" / "本单位" names no provider: the lab itself (检定方式 内检)."""
        provider = line.values.get("provider")
        stated = line.values.get("calibration_method")
        if provider is None or (stated is not None and stated.method is CalibrationMethod.EXTERNAL):
            return  # 外检 with a provider named "本公司": left as written
        try:
            found = parse_method(provider)
        except CellProblem:
            return
        if found is not None and found.method is CalibrationMethod.IN_HOUSE:
            line.values["provider"] = None
            kind = stated.kind if stated is not None and stated.kind else found.kind
            line.values["calibration_method"] = MethodValue(CalibrationMethod.IN_HOUSE, kind)

    def _state(self, line: Line) -> dict[str, Any]:
        v = line.values
        status, result = v.get("status"), v.get("last_result")
        implied = status.result if status is not None else None
        if result is not None and implied is not None and result is not implied:
            note = line_note("status_result_differ", implied=implied.value, result=result.value)
            line.notes.append(("last_result", note))
        method = v.get("calibration_method")
        external = method is not None and method.method is CalibrationMethod.EXTERNAL
        if external and "provider" in self.fields and v.get("provider") is None:
            line.notes.append(("calibration_method", line_note("external_without_provider")))
        return {
            "status": status.status if status is not None else None,
            "last_result": result if result is not None else implied,
            "calibration_method": method.method if method is not None else None,
            "last_event_kind": method.kind if method is not None else None,
        }

    def _period(self, line: Line) -> dict[str, Any]:
        period = line.values.get("interval_months")
        if period is None:
            return {"interval_months": None, "reverification": None}
        return {"interval_months": period.months, "reverification": period.reverification}

    def _notes(self, line: Line, row: list[Any]) -> str | None:
        parts = [line.values["notes"]] if line.values.get("notes") else []
        parts += line.extra_notes
        for column, index in self.notes_columns:
            text = cell_text(_at(row, index))
            if text is not None:
                label = column.heading or column.column if column else column_letter(index)
                parts.append(f"{label}: {text}")
        for index in range(self.width, len(row)):  # cells right of the headings
            text = cell_text(row[index])
            if text is not None:
                parts.append(f"{column_letter(index)}: {text}")
        return "\n".join(parts) or None

    # --- reporting ----------------------------------------------------------------------------

    def _outcome(self, line: Line, record: LedgerRecord | None) -> RowOutcome:
        outcome = RowOutcome(record)
        for key, problem in line.problems:
            letter, heading, shown = self._where(key, line)
            outcome.errors.append(CellError(
                self.sheet, line.number, letter, heading, shown, problem.code,
                problem.message_en, problem.message_zh,
            ))  # fmt: skip
        for key, note in line.notes:
            letter, heading, shown = self._where(key, line)
            outcome.warnings.append(CellWarning(
                self.sheet, line.number, letter, heading, shown, note.code,
                note.message_en, note.message_zh,
            ))  # fmt: skip
        return outcome

    def _where(self, key: str, line: Line) -> tuple[str, str, str]:
        column = self.fields.get(key)
        cell = line.cells.get(key)
        shown = "" if cell is None else str(cell)
        if column is None:
            return "", FIELDS_BY_KEY[key].header_en, shown
        return column.column, column.heading, shown


def _at(row: list[Any], index: int) -> Any:
    return row[index] if index < len(row) else None
