"""A calibration point as typed values, parsed once where text enters LabApp.

The event dialog, the CLI, the demo seeder and file readers turn what a person typed into a
:class:`PointValues` once: every quantity a :class:`~labapp.domain.quantities.Measured` (the typed
digits and the unit's short symbol: ``"10.00 mV"`` is ``Measured(Decimal("10.00"), "mV")``, never
``10 mV``), the coverage factor a ``Decimal``, the stage a :class:`~labapp.domain.enums.Stage`.
Services, database rows and readers pass these values on; nothing glues a value and its unit back
into text to parse it again.

* :func:`~labapp.domain.points.parse_number` reads a number alone (k) by LabApp's one number
  rule, :func:`labapp.metrology.units.parse_decimal`; :func:`parse_measured` reads "number unit"
  by :func:`labapp.metrology.units.parse_quantity`; :func:`parse_point` reads one point's cells.
  Each raises a :class:`ValidationError` naming the field, with the codes the GUI words:
  ``not_a_number``, ``not_a_quantity``, ``out_of_range``, ``below_absolute_zero``, ``required``,
  ``invalid`` (an unknown stage).
* :func:`evaluate_values` applies the point rule (:func:`labapp.domain.points.evaluate_point`) to
  typed values: each ``Measured`` is checked (unit whitelisted, number within the bounds of
  :mod:`labapp.metrology.units`) and becomes a pint quantity by :func:`quantity_of`, without text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from labapp.domain.enums import Stage
from labapp.domain.errors import ValidationError
from labapp.domain.points import (
    DecisionRule,
    PointEvaluation,
    evaluate_point,
    parse_field,
    parse_number,
    unit_problem,
    unit_text,
)
from labapp.domain.quantities import Measured
from labapp.metrology.errors import UnitError
from labapp.metrology.units import Quantity, parse_unit

__all__ = [
    "QUANTITY_FIELDS",
    "PointValues",
    "evaluate_values",
    "parse_cell",
    "parse_measured",
    "parse_point",
    "parse_stage",
    "quantity_of",
    "unit_of",
]

#: The fields of a point that hold a ``Measured``, in the order the point rule reads them.
QUANTITY_FIELDS = (
    "indication",
    "reference",
    "nominal",
    "expanded_uncertainty",
    "mpe",
    "lower",
    "upper",
)


@dataclass(frozen=True)
class PointValues:
    """One calibration point as stated: typed values, nothing computed.

    ``reference`` and ``indication`` are required to evaluate a point; they may be None in a
    stored point that lacks them (an investigation calls it incomplete).  ``lower``/``upper`` are
    asymmetric tolerance limits on the error, used when there is no ``mpe``.
    """

    reference: Measured | None
    indication: Measured | None
    nominal: Measured | None = None
    expanded_uncertainty: Measured | None = None
    coverage_factor: Decimal | None = None
    mpe: Measured | None = None
    lower: Measured | None = None
    upper: Measured | None = None
    stage: Stage = Stage.AS_LEFT


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def parse_measured(text: str | None, field: str, *, required: bool = False) -> Measured | None:
    """``"number unit"`` as typed, as a ``Measured`` (typed digits, the unit's short symbol).

    ``"25,0 ℃"`` is ``Measured(Decimal("25.0"), "°C")``.  Codes as :func:`parse_field`:
    ``required``, ``not_a_quantity``, ``out_of_range``, ``below_absolute_zero``.
    """
    quantity = parse_field(text, field, required=required)
    return None if quantity is None else Measured(quantity.magnitude, unit_text(quantity.units))


def parse_stage(text: str | None, field: str = "stage") -> Stage:
    """A stage by its stored value (``"as_found"``, ``"as_left"``); blank is as left."""
    if text is None or _blank(text):
        return Stage.AS_LEFT
    try:
        return Stage(text.strip())
    except ValueError:
        raise ValidationError(field, f"unknown stage {text!r}"[:200], code="invalid") from None


def parse_cell(field: str, text: str | None) -> Measured | Decimal | Stage | None:
    """One cell of a point, as typed, in the type its field holds (see :class:`PointValues`)."""
    if field == "stage":
        return parse_stage(text)
    if field == "coverage_factor":
        return parse_number(text, field)
    if field not in QUANTITY_FIELDS:
        raise ValueError(f"a point has no field {field!r}")
    return parse_measured(text, field)


def parse_point(
    reference: str | None,
    indication: str | None,
    nominal: str | None = None,
    expanded_uncertainty: str | None = None,
    coverage_factor: str | None = None,
    mpe: str | None = None,
    lower: str | None = None,
    upper: str | None = None,
    stage: str | None = None,
) -> PointValues:
    """A point from the text of its cells, in the order of :class:`PointValues`' fields.

    Blank cells are None (the stage: as left).  ``parse_point("10.000 V", "10.003 V",
    mpe="5 mV")`` is ``PointValues(Measured(Decimal("10.000"), "V"), …)``.

    Raises
    ------
    ValidationError
        Naming the first field that is not a quantity (not a number, for k; not a stage); a
        missing reference or indication is refused when the point is evaluated.
    """
    cells = {
        "reference": reference, "indication": indication, "nominal": nominal,
        "expanded_uncertainty": expanded_uncertainty, "coverage_factor": coverage_factor,
        "mpe": mpe, "lower": lower, "upper": upper, "stage": stage,
    }  # fmt: skip
    return PointValues(**{field: parse_cell(field, text) for field, text in cells.items()})  # type: ignore[arg-type]


@cache
def unit_of(text: str) -> Any:
    """A stored unit symbol as a pint unit (:func:`~labapp.metrology.units.parse_unit`), kept per
    text: the same few units recur on every point of a lab.

    Raises
    ------
    UnitError
        A symbol LabApp does not know.
    """
    return parse_unit(text)


def quantity_of(value: Measured, field: str = "value") -> Any:
    """A ``Measured`` as a pint quantity (``Decimal`` magnitude), its unit read from its symbol.

    Raises
    ------
    ValidationError
        ``not_a_quantity`` for a unit LabApp does not know (``field`` names the input).
    """
    try:
        return Quantity(value.value, unit_of(value.unit))
    except UnitError as exc:
        raise unit_problem(exc, field, str(value)) from exc


def _quantity(point: PointValues, field: str) -> Any:
    value: Measured | None = getattr(point, field)
    return None if value is None else parse_field(quantity_of(value, field), field)


def evaluate_values(
    point: PointValues,
    *,
    rule: DecisionRule = DecisionRule.SIMPLE,
    guard_band_factor: float = 1.0,
) -> PointEvaluation:
    """Evaluate a typed point: :func:`labapp.domain.points.evaluate_point` on its values.

    Each ``Measured`` is held to the bounds of every number and its unit to LabApp's units before
    the rule runs, so a value built in code (not parsed) is refused just as a typed one.

    Raises
    ------
    ValidationError
        As :func:`~labapp.domain.points.evaluate_point`, ``field`` naming the point's input.
    """
    quantities = {field: _quantity(point, field) for field in QUANTITY_FIELDS}
    return evaluate_point(
        quantities["nominal"],
        quantities["reference"],
        quantities["indication"],
        quantities["expanded_uncertainty"],
        point.coverage_factor,
        quantities["mpe"],
        quantities["lower"],
        quantities["upper"],
        rule=rule,
        guard_band_factor=guard_band_factor,
    )
