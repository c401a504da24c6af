"""The instrument form's quantities: range and accuracy typed as text, parsed and checked.

"0 V", "1000 V", "0.05 %" are parsed with the one unit parser (``labapp.metrology.units``,
typed digits kept); the range/accuracy rule is the domain's ``check_specification``.  Every
problem is a ``ValidationError`` naming the field and a code that ``labapp.ui.common.errors`` words.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from labapp.domain.enums import AccuracyKind
from labapp.domain.errors import ValidationError
from labapp.domain.rules import check_specification
from labapp.metrology.units import UnitError, parse_quantity

__all__ = ["parse_field", "quantity_text", "specification"]

_LEADING_NUMBER = re.compile(r"\s*[+\-−]?[0-9０-９.,]+(?:[eE][+\-]?[0-9]+)?\s*")


def parse_field(key: str, text: str, default_unit: str | None = None) -> Any:
    """The quantity typed in field ``key`` (None when blank).

    Raises
    ------
    ValidationError
        ``not_a_quantity`` (no number first) or ``unknown_unit`` (a number, then no known
        unit), with the text and the unit part as params.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return parse_quantity(text, default_unit)
    except UnitError as exc:
        number = _LEADING_NUMBER.match(text)
        code = "unknown_unit" if number else "not_a_quantity"
        unit = text[number.end() :] if number else text
        raise ValidationError(
            key, str(exc), code=code, params={"text": text, "unit": unit}
        ) from exc


def specification(
    low_text: str, high_text: str, kind: AccuracyKind | None, accuracy_text: str
) -> dict[str, Any]:
    """The range and accuracy fields of ``InstrumentData`` from what the form says, checked.

    A bare number at the low end takes the high end's unit ("0" … "1000 V").

    Raises
    ------
    ValidationError
        A field that is not a quantity, or a range/accuracy the domain refuses.
    """
    high = parse_field("range_high", high_text)
    low = parse_field("range_low", low_text, _unit(high))
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
    text = accuracy_text.strip()
    if kind == AccuracyKind.CLASS:
        values["accuracy_class"] = text or None
    elif text:
        accuracy = parse_field("accuracy", text)
        values["accuracy_value"], values["accuracy_unit"] = _magnitude(accuracy), _unit(accuracy)
    check_specification(
        *(values[k] for k in ("range_low_value", "range_low_unit", "range_high_value")),
        *(values[k] for k in ("range_high_unit", "accuracy_value", "accuracy_unit")),
    )
    return values


def quantity_text(value: Decimal | None, unit: str | None) -> str:
    """``"1000 V"`` as the form shows a stored value (typed digits kept), ``""`` for none."""
    if value is None:
        return ""
    return f"{format(value, 'f')} {unit or ''}".strip()


def _magnitude(quantity: Any) -> Decimal | None:
    return None if quantity is None else Decimal(quantity.magnitude)


def _unit(quantity: Any) -> str | None:
    return None if quantity is None else f"{quantity.units:~P}" or None
