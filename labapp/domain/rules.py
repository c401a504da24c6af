"""Validation rules of the register's records (pure; units checked with labapp.metrology.units).

* A measuring range is ``low < high`` with commensurable units (``"0 V"`` … ``"1000 V"``); a range
  end in K, °C or °F is not below absolute zero (``below_absolute_zero``), and every number keeps
  the bounds of :mod:`labapp.metrology.units` (``out_of_range``).
* The accuracy (MPE or U) is commensurable with the range, or relative (``%``, ``ppm``: any
  dimensionless unit); a temperature accuracy is a difference (``"0.05 K"`` or ``"0.05 °C"``
  against a range in °C).
* Four eyes: who checks and who approves an event is not who performed it.
* A standard is used only while valid: in service, last approved calibration not failed and not
  expired on the day of use (:func:`standard_invalid_reason`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from labapp.domain.enums import EventResult, InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.domain.points import unit_problem
from labapp.domain.quantities import Measured
from labapp.metrology.units import (
    Quantity,
    UnitError,
    check_absolute_temperature,
    check_decimal_bounds,
    delta_unit,
    parse_quantity,
    parse_unit,
    to_unit,
    ureg,
)

__all__ = [
    "check_environment",
    "check_four_eyes",
    "check_specification",
    "environment",
    "parse_environment",
    "parse_unit_field",
    "standard_invalid_reason",
]


def parse_unit_field(text: str | None, field: str) -> Any | None:
    """Parse a unit typed in ``field`` (``None``/blank → ``None``), naming the field on error."""
    if text is None or not text.strip():
        return None
    try:
        return parse_unit(text)
    except UnitError as exc:
        raise ValidationError(field, str(exc), code="unknown_unit", params={"unit": text}) from exc


def _range_unit(
    low: Decimal | None, low_unit: str | None, high: Decimal | None, high_unit: str | None
) -> Any | None:
    lo_u = parse_unit_field(low_unit, "range_low_unit")
    hi_u = parse_unit_field(high_unit, "range_high_unit")
    if (low is None) != (high is None):
        field = "range_high_value" if high is None else "range_low_value"
        raise ValidationError(field, "a range needs both ends", code="required")
    if low is None or high is None:
        return hi_u or lo_u
    lo_u = lo_u if lo_u is not None else hi_u
    hi_u = hi_u if hi_u is not None else lo_u
    if lo_u is None or hi_u is None:
        return None  # a dimensionless range: numbers only
    _absolute(low, lo_u, "range_low_value")
    _absolute(high, hi_u, "range_high_value")
    if lo_u.dimensionality != hi_u.dimensionality:
        raise ValidationError(
            "range_high_unit",
            f"the range ends {lo_u:~P} and {hi_u:~P} are not commensurable",
            code="incommensurable",
            params={"unit": f"{hi_u:~P}", "expected": f"{lo_u:~P}"},
        )
    if to_unit(Quantity(low, lo_u), hi_u).magnitude >= high:
        raise ValidationError(
            "range_high_value",
            f"the range must go up: {low} {lo_u:~P} is not below {high} {hi_u:~P}",
            code="range_order",
            params={"low": f"{low} {lo_u:~P}", "high": f"{high} {hi_u:~P}"},
        )
    return hi_u


def _bounded(value: Decimal | int | None, field: str) -> None:
    if value is not None:
        try:
            check_decimal_bounds(value)
        except UnitError as exc:
            raise unit_problem(exc, field, str(value)) from exc


def _absolute(value: Decimal, unit: Any, field: str) -> None:
    try:
        check_absolute_temperature(Quantity(value, unit))
    except UnitError as exc:
        raise unit_problem(exc, field, f"{value} {unit:~P}") from exc


def check_specification(
    range_low: Decimal | None,
    range_low_unit: str | None,
    range_high: Decimal | None,
    range_high_unit: str | None,
    accuracy_value: Decimal | None,
    accuracy_unit: str | None,
) -> None:
    """Check an instrument's range and accuracy units (see the module docstring).

    Raises
    ------
    ValidationError
        ``field`` is the offending input; ``code`` one of ``unknown_unit``, ``required``,
        ``incommensurable``, ``range_order``, ``not_positive``, ``out_of_range``,
        ``below_absolute_zero``.
    """
    for value, field in ((range_low, "range_low_value"), (range_high, "range_high_value"),
                         (accuracy_value, "accuracy_value")):  # fmt: skip
        _bounded(value, field)
    unit = _range_unit(range_low, range_low_unit, range_high, range_high_unit)
    acc = parse_unit_field(accuracy_unit, "accuracy_unit")
    if accuracy_value is not None and accuracy_value < 0:
        raise ValidationError("accuracy_value", "must not be negative", code="not_positive")
    if acc is None or unit is None or acc.dimensionless:
        return
    if delta_unit(acc).dimensionality != delta_unit(unit).dimensionality:
        raise ValidationError(
            "accuracy_unit",
            f"an accuracy in {acc:~P} cannot apply to a range in {unit:~P}: "
            "use the range's kind of unit or a relative one (%, ppm)",
            code="incommensurable",
            params={"unit": f"{acc:~P}", "expected": f"{unit:~P}"},
        )


def check_four_eyes(performer_id: int | None, signer_id: int, field: str) -> None:
    """Refuse a check or approval by the person who performed the event."""
    if performer_id is not None and performer_id == signer_id:
        raise ValidationError(
            field,
            "the person who performed the event cannot also sign it (four-eyes principle)",
            code="four_eyes",
        )


def standard_invalid_reason(
    status: InstrumentStatus,
    last_result: EventResult | None,
    valid_until: date | None,
    on: date,
) -> str | None:
    """Why a standard may not be used on ``on`` (``None``: it may).

    Parameters
    ----------
    status
        The standard's status now (only IN_SERVICE standards are used).
    last_result, valid_until
        Result and validity of its latest approved calibration/verification on or before ``on``
        (``None``: never calibrated by then).

    Returns
    -------
    str or None
        ``"not_in_service"``, ``"never_calibrated"``, ``"failed"`` or ``"overdue"``.
    """
    if status is not InstrumentStatus.IN_SERVICE:
        return "not_in_service"
    if last_result is None:
        return "never_calibrated"
    if last_result is EventResult.FAIL:
        return "failed"
    if valid_until is None or valid_until < on:
        return "overdue"
    return None


def parse_environment(text: str | None, field: str) -> tuple[Decimal | None, str | None]:
    """Parse an environmental condition: ``field`` is ``"temperature"`` or ``"humidity"``.

    A temperature is any temperature unit (°C, K, °F); humidity is %RH or %.  Returns the typed
    value and the unit's symbol, or ``(None, None)`` when blank.
    """
    if text is None or not text.strip():
        return None, None
    try:
        quantity = parse_quantity(text)
        if field == "temperature":
            check_absolute_temperature(quantity)  # the room's temperature: "-5 K" is impossible
    except UnitError as exc:
        raise unit_problem(exc, field, text) from exc
    return _environment(quantity, field)


def environment(text: str | None, field: str) -> Measured | None:
    """An environmental condition typed in a form or on a command line, as a ``Measured``
    (``"20,1 °C"`` → ``Measured(Decimal("20.1"), "°C")``); None when blank.  The boundary's
    parser: the events service takes the value typed and checks it with
    :func:`check_environment`."""
    value, unit = parse_environment(text, field)
    return Measured.of(value, unit)


def check_environment(value: Measured | None, field: str) -> tuple[Decimal | None, str | None]:
    """Check a typed condition (a temperature in a temperature unit, not below absolute zero;
    humidity in %RH or %) and return its value and the unit's symbol, ``(None, None)`` for none."""
    if value is None:
        return None, None
    try:
        unit = parse_unit(value.unit)
        quantity = Quantity(check_decimal_bounds(value.value), unit)
        if field == "temperature":
            check_absolute_temperature(quantity)
    except UnitError as exc:
        raise unit_problem(exc, field, str(value)) from exc
    return _environment(quantity, field)


def _environment(quantity: Quantity, field: str) -> tuple[Decimal, str]:
    unit = quantity.units
    if field == "temperature":
        ok = bool(delta_unit(unit).dimensionality == ureg.kelvin.dimensionality)
    else:
        ok = str(unit) in {"percent_rh", "percent"}
    if not ok:
        expected = "°C" if field == "temperature" else "%RH"
        raise ValidationError(
            field,
            f"{unit:~P} is not a unit of {field} (expected e.g. {expected})",
            code="incommensurable",
            params={"unit": f"{unit:~P}", "expected": expected},
        )
    value: Decimal = quantity.magnitude
    return value, f"{unit:~P}"


def qualification_covers(
    licence_quantity: str | None,
    licence_scope: str | None,
    quantity: str | None,
    category: str | None,
) -> bool:
    """Whether a licence (检定员证) for ``licence_quantity`` / ``licence_scope`` covers an item.

    A licence names a quantity ("DC voltage") or a discipline ("electrical", "电学"); it covers an
    item whose quantity is that quantity, or whose category (the discipline, e.g. "电学
    Electrical") contains it; a licence with no quantity covers everything its scope names, and
    with neither, everything.  Case and surrounding spaces do not matter.
    """

    def norm(text: str | None) -> str:
        return " ".join((text or "").split()).casefold()

    wanted = [w for w in (norm(licence_quantity), norm(licence_scope)) if w]
    if not wanted:
        return True
    item_quantity, item_category = norm(quantity), norm(category)
    return any(
        w == item_quantity or (item_category and (w in item_category or item_category in w))
        for w in wanted
    )
