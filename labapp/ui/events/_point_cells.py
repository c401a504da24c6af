"""One row of the points table: the text as typed, each cell parsed once, the row evaluated.

A cell is parsed when its text changes (typed, loaded, undone), never again to evaluate the row:
the parsed cells are kept beside the text (:class:`PointRow`), the text for display, the typed
values (:class:`~labapp.domain.quantities.Measured`, a ``Decimal`` k, the
:class:`~labapp.domain.enums.Stage`) for the live evaluation and for the ``PointInput`` the
dialog saves.  A cell whose text cannot be parsed keeps the refusal (a ``ValidationError``) in
place of a value; the row then names that cell instead of evaluating.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from labapp.domain.enums import Stage
from labapp.domain.errors import ValidationError
from labapp.domain.point_values import QUANTITY_FIELDS, PointValues, evaluate_values, parse_cell
from labapp.domain.points import DecisionRule, PointEvaluation, parse_number
from labapp.ui.common.errors import field_problem

__all__ = ["Evaluated", "PointRow", "PointText", "evaluate_row", "parse_row"]

#: the cells that hold values, in the order the point rule reads them (its first refusal wins)
VALUE_FIELDS = (*QUANTITY_FIELDS[:4], "coverage_factor", *QUANTITY_FIELDS[4:])


@dataclass(frozen=True)
class PointText:
    """One measurement point exactly as typed (blank: not given)."""

    stage: str = Stage.AS_LEFT
    nominal: str = ""
    reference: str = ""
    indication: str = ""
    expanded_uncertainty: str = ""
    coverage_factor: str = ""
    mpe: str = ""
    lower: str = ""  # asymmetric limits of a stored point (no column: kept, not edited)
    upper: str = ""
    capability: str = ""  # the ratio stored with the record (cleared by an edit)

    def is_blank(self) -> bool:
        """No value typed (the stage and the stored ratio do not count)."""
        skip = ("stage", "capability")
        return not any(getattr(self, f.name).strip() for f in fields(self) if f.name not in skip)


@dataclass(frozen=True)
class PointRow:
    """A row: its text, and each cell parsed (a typed value, None, or the cell's refusal)."""

    text: PointText = field(default_factory=PointText)
    cells: dict[str, Any] = field(default_factory=dict)

    def with_cell(self, name: str, text: str, *, edit: bool = True) -> PointRow:
        """The row with ``text`` in cell ``name``, only that cell parsed; an ``edit`` also voids
        the ratio stored with the record (a preview while typing keeps it)."""
        void = {"capability": ""} if edit else {}
        cells = {**self.cells, name: _parse(name, text), **({"capability": None} if edit else {})}
        return PointRow(replace(self.text, **{name: text, **void}), cells)

    def values(self) -> PointValues:
        """The typed point (the row must parse: the dialog saves only rows without problems).

        Raises
        ------
        ValidationError
            The first cell that did not parse.
        """
        for name in ("stage", *VALUE_FIELDS):
            if isinstance(self.cells[name], ValidationError):
                raise self.cells[name]
        return PointValues(**{name: self.cells[name] for name in ("stage", *VALUE_FIELDS)})

    @property
    def capability(self) -> Decimal | None:
        """The ratio stored with the record (None: none, or the row was edited)."""
        stored = self.cells.get("capability")
        return stored if isinstance(stored, Decimal) else None


def _parse(name: str, text: str) -> Any:
    """The cell's typed value, or its refusal (kept, not raised: the table shows it)."""
    try:
        if name == "capability":  # the stored ratio, as the record gave it
            return parse_number(text, name)
        return parse_cell(name, text)
    except ValidationError as exc:
        return exc


def parse_row(text: PointText, values: PointValues | None = None) -> PointRow:
    """A row from its text, every cell parsed once; or, with ``values`` (a stored point, whose
    text was written from them), the typed values as they are, nothing parsed."""
    if values is None:
        names = ("stage", *VALUE_FIELDS, "capability")
        return PointRow(text, {name: _parse(name, getattr(text, name)) for name in names})
    cells = {name: getattr(values, name) for name in ("stage", *VALUE_FIELDS)}
    return PointRow(text, {**cells, "capability": _parse("capability", text.capability)})


@dataclass(frozen=True)
class Evaluated:
    """A row's evaluation: the result, or the field at fault and the worded reason."""

    result: PointEvaluation | None = None
    field: str | None = None
    problem: str = ""


def evaluate_row(row: PointRow, rule: DecisionRule, guard_band_factor: float) -> Evaluated:
    """Evaluate a row from its parsed cells (a blank row: nothing, without complaint)."""
    if row.text.is_blank():
        return Evaluated()
    try:
        point = row.values()
        result = evaluate_values(point, rule=rule, guard_band_factor=guard_band_factor)
    except ValidationError as exc:
        return Evaluated(field=exc.field, problem=field_problem(exc))
    return Evaluated(result=result)
