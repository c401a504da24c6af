"""The standard's as-found error at the nominal of a result it served, never extrapolated.

A standard found out of tolerance was calibrated at a few nominals, each with its own error: a
gauge-block set has one deviation per block, a calibrator one error per range point.  Applying
the largest relative error everywhere overstates it (−0.6 µm on the 1 mm block would become
−60 µm at 100 mm, where the provider measured −1.8 µm).  The rule instead:

* **Table** (:func:`error_tables`): the as-found points of the standard, one table per kind of
  quantity (the dimension of the reference's difference unit), each point at the standard's
  nominal (its nominal when recorded, else its indication: the value the results took as their
  reference) with its error ``indication − reference``.
* **Absolute or relative**: lengths and temperatures keep their error absolute (a gauge block's
  deviation, a thermometer's offset do not scale with the value), in the difference unit of the
  table; every other quantity keeps it relative (``%`` of the reference, 4 significant digits, as
  :func:`labapp.domain.impact.as_found_errors`), except at a zero reference, which has no
  relative error and is left out of a relative table.
* **Transfer** (:func:`transfer_at`) to a point of reference value ``x`` (converted exactly to
  the table's unit): at a calibrated nominal, its error; between two neighbouring nominals
  ``x1 < x < x2``, the linear interpolation ``e1 + (e2 − e1)·(x − x1)/(x2 − x1)`` of the absolute
  or the relative error (a relative one then times ``|x|``), in the point's error unit, rounded
  once to :data:`INTERPOLATED_DIGITS` significant digits (an absolute error at a calibrated
  nominal keeps its digits).  A reference within
  :data:`MATCH_TOLERANCE` (relative) of a nominal is at that nominal (the served value differs
  from the nominal only by the standard's own error).
* **Outside the calibrated nominals** (below the smallest, above the largest, or a table with one
  nominal and another value): **not assessable** (``code="outside_range"``, with the calibrated
  range in ``params["range"]``).  Never extrapolated, never the nearest nominal's error silently:
  the error there was not measured, and the manager must judge that result by hand.
* The :class:`Transferred` value names the nominal(s) it came from (``source``), stored with the
  point so the report says where each number came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import cache
from typing import Any

from labapp.domain.errors import ValidationError
from labapp.domain.quantities import Measured
from labapp.metrology.units import Quantity, delta_unit, parse_unit, to_unit

__all__ = [
    "INTERPOLATED_DIGITS",
    "MATCH_TOLERANCE",
    "ErrorTable",
    "FoundPoint",
    "Transferred",
    "error_tables",
    "transfer_at",
]

#: Significant digits of an interpolated error (an exact nominal's error keeps its digits).
INTERPOLATED_DIGITS = 4
#: A reference this close (relative) to a calibrated nominal is at that nominal.
MATCH_TOLERANCE = Decimal("0.001")
_ABSOLUTE_KINDS = ("[length]", "[temperature]")


@dataclass(frozen=True)
class FoundPoint:
    """One calibrated nominal of the standard and the error found there."""

    at: Decimal
    error: Decimal


@dataclass(frozen=True)
class ErrorTable:
    """The standard's errors of one kind of quantity, by nominal (ascending).

    ``unit`` is the unit of the nominals; ``error_unit`` the difference unit of an absolute error
    or ``"%"`` for a relative one.
    """

    kind: str
    unit: str
    error_unit: str
    points: tuple[FoundPoint, ...]

    @property
    def relative(self) -> bool:
        """True when the errors are relative (``%`` of the nominal)."""
        return self.error_unit == "%"

    def describe(self) -> str:
        """``"1 mm: -0.0000006 mm; 100 mm: -0.0000018 mm"`` (numbers and units only)."""
        return "; ".join(f"{_plain(p.at)} {self.unit}: {p.error} {self.error_unit}"
                         for p in self.points)  # fmt: skip

    def range_text(self) -> str:
        """``"1 mm … 100 mm"`` (or the single nominal)."""
        low, high = self.points[0].at, self.points[-1].at
        if low == high:
            return f"{_plain(low)} {self.unit}"
        return f"{_plain(low)} {self.unit} … {_plain(high)} {self.unit}"


@dataclass(frozen=True)
class Transferred:
    """The standard's error at a point, in the point's error unit, and where it came from."""

    value: Decimal
    source: str


@cache
def _unit(text: str) -> Any:
    return parse_unit(text)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _kind(unit: str) -> str:
    return str(delta_unit(_unit(unit or "")).dimensionality)


def _difference_symbol(unit: str) -> str:
    symbol = f"{delta_unit(_unit(unit)):~P}"
    return "K" if symbol == "Δ°C" else symbol


def _in(value: Measured, unit: str) -> Decimal:
    converted: Decimal = to_unit(Quantity(value.value, _unit(value.unit or "")), _unit(unit)).m
    return converted


def error_tables(
    points: Iterable[tuple[Measured | None, Measured, Measured]],
) -> tuple[ErrorTable, ...]:
    """The standard's as-found errors by kind and nominal (see the module's rule).

    Parameters
    ----------
    points
        ``(nominal, reference, indication)`` of each as-found point; nominal may be None.

    Returns
    -------
    tuple of ErrorTable
        One per kind of quantity; a nominal met twice keeps the larger error.
    """
    grouped: dict[str, list[tuple[Measured, Measured, Measured]]] = {}
    for nominal, reference, indication in points:
        at = nominal if nominal is not None and _kind(nominal.unit or "") == _kind(
            reference.unit or "") else indication  # fmt: skip
        grouped.setdefault(_kind(reference.unit or ""), []).append((at, reference, indication))
    tables = (_table(kind, rows) for kind, rows in grouped.items())
    return tuple(t for t in tables if t.points)


def _table(kind: str, rows: Sequence[tuple[Measured, Measured, Measured]]) -> ErrorTable:
    unit = rows[0][0].unit or ""
    relative = kind not in _ABSOLUTE_KINDS
    error_unit = "%" if relative else _difference_symbol(rows[0][2].unit or "")
    found: dict[Decimal, Decimal] = {}
    for at, reference, indication in rows:
        x = _in(at, unit)
        ref = _in(reference, indication.unit or "")
        error = indication.value - ref
        if relative:
            if ref == 0:
                continue  # no relative error at zero
            with localcontext() as ctx:
                ctx.prec = INTERPOLATED_DIGITS
                value = +(error / ref * 100)
        else:
            value = _difference(error, indication.unit or "", error_unit)
        if x not in found or abs(value) > abs(found[x]):
            found[x] = value
    points = tuple(FoundPoint(x, e) for x, e in sorted(found.items()))
    return ErrorTable(kind, unit, error_unit, points)


def _difference(value: Decimal, unit: str, target: str) -> Decimal:
    source = Quantity(value, delta_unit(_unit(unit)))
    converted: Decimal = to_unit(source, delta_unit(_unit(target))).magnitude
    return converted


def transfer_at(tables: Sequence[ErrorTable], reference: Measured, error_unit: str) -> Transferred:
    """The standard's error at a point of reference value ``reference``, in ``error_unit``.

    Raises
    ------
    ValidationError
        ``code="incommensurable"`` (no table of the point's kind), ``code="outside_range"``
        (outside the calibrated nominals, ``params["range"]`` names them).
    """
    table = next((t for t in tables if t.kind == _kind(reference.unit or "")), None)
    if table is None:
        raise ValidationError(
            "reference", "no as-found point of this quantity", code="incommensurable",
            params={"unit": reference.unit or ""},
        )  # fmt: skip
    x = _in(reference, table.unit)
    low, high = _bracket(table, x)
    if low.at == high.at:
        value, source = low.error, f"{_plain(low.at)} {table.unit}"
    else:  # full precision here, rounded once at the end
        value = low.error + (high.error - low.error) * (x - low.at) / (high.at - low.at)
        source = f"{_plain(low.at)} {table.unit} … {_plain(high.at)} {table.unit}"
    exact = low.at == high.at and not table.relative
    shift = _in_point_unit(table, value, reference, error_unit)
    return Transferred(shift if exact else _significant(shift), source)


def _significant(value: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = INTERPOLATED_DIGITS
        return +value


def _in_point_unit(table: ErrorTable, value: Decimal, reference: Measured, unit: str) -> Decimal:
    if not table.relative:
        return _difference(value, table.error_unit, unit)
    return abs(_in(reference, unit)) * value / 100


def _bracket(table: ErrorTable, x: Decimal) -> tuple[FoundPoint, FoundPoint]:
    """The calibrated nominals around ``x`` (the same one twice at a nominal)."""
    for point in table.points:
        if abs(x - point.at) <= MATCH_TOLERANCE * abs(point.at):
            return point, point
    pairs = zip(table.points, table.points[1:], strict=False)
    for low, high in pairs:
        if low.at < x < high.at:
            return low, high
    raise ValidationError(
        "reference", "outside the standard's calibrated nominals", code="outside_range",
        params={"range": table.range_text()},
    )  # fmt: skip
