"""Quantities as people type them: one pint registry, strict parsing, exact decimal digits.

LabApp keeps the digits a person or a certificate reported: ``parse_quantity("10.00 mV")`` has the
magnitude ``Decimal("10.00")`` and :func:`format_quantity` prints ``"10.00 mV"`` again.  The text is
never handed to pint as a whole: the number and the unit are split here, the unit text is
normalised (NFKC, micro signs, decimal comma, Chinese/full-width spaces) and only atoms from a
whitelist (:mod:`labapp.metrology._unit_table`) are accepted, so a typo is refused with a
:class:`UnitError` instead of turning silently into another unit.

Temperature differences and uncertainties are deltas (``K``, ``delta_degC``), never absolute
``°C``; :func:`delta_unit` maps an absolute temperature unit to its delta.

Every quantity of :data:`ureg` with a ``Decimal`` magnitude (all that :func:`parse_quantity`
returns) converts to any commensurable unit, offset units included: ``.to()``, ``.m_as()``,
``.to_base_units()`` and ``.to_root_units()`` go through :func:`to_unit`, which computes in exact
rational arithmetic (pint alone raises ``TypeError`` adding its float offset to a ``Decimal``).

Bounds (hostile or mistyped input must never reach the database): a number has at most
:data:`MAX_DIGITS` significant digits and a decimal exponent (of its leading digit) within
±:data:`MAX_EXPONENT` (``1e-150000000 V`` would be a 150-million-character string on SQLite); a
value in °C or °F is never below absolute zero (those units are only absolute: a difference is
``Δ°C``), and :func:`check_absolute_temperature` holds a value in K, where K is an absolute
temperature (a range end, a reading), to the same rule.

Long module on purpose: the one rule for reading a number and a unit (splitting, whitelisting,
bounds, exact conversion) is read and changed as a whole; the unit whitelist itself is
:mod:`labapp.metrology._unit_table`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from labapp.metrology._exact import exact, keep_digits, terminates, to_decimal
from labapp.metrology._registry import LazyRegistry, registry
from labapp.metrology._unit_table import OFFSET_UNITS, build_atoms
from labapp.metrology.errors import AbsoluteZeroError, NumberError, UncertaintyError, UnitError

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "AbsoluteZeroError",
    "NumberError",
    "Quantity",
    "UnitError",
    "check_absolute_temperature",
    "check_commensurable",
    "check_decimal_bounds",
    "delta_unit",
    "format_quantity",
    "parse_decimal",
    "parse_quantity",
    "parse_unit",
    "registry",
    "to_unit",
    "ureg",
]


#: The one registry (:func:`labapp.metrology._registry.registry`), built on first use.
ureg: Any = LazyRegistry()
#: ``ureg.Quantity``, the same class once the registry is built.
Quantity: Any = LazyRegistry("Quantity")

_ATOMS = build_atoms()
_NUMBER = re.compile(r"([+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?)(.*)", re.S)
_ATOM = re.compile(r"^(?P<symbol>[^0-9^+-]+?)(?:\^?(?P<power>-?[0-9]))?$")
_SEPARATORS = re.compile(r"([·⋅*/])")
_CHAR_MAP = str.maketrans(
    {"−": "-", "–": "-", "\u00b5": "μ", "\u2126": "Ω", "⋅": "·", "∙": "·", "×": "*"}
)
_DELTAS = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}
MAX_DIGITS = 50
MAX_EXPONENT = 30
_MAX_TEXT = 200  # longer number text is refused before Decimal() reads it
_MAX_QUANTITY_TEXT = 1000
_ABSOLUTE_ZERO = {  # lowest value of each absolute-only unit
    "degree_Celsius": Decimal("-273.15"),
    "degree_Fahrenheit": Decimal("-459.67"),
}


def _normalise(text: str) -> str:
    """Fold compatibility characters (full-width digits, ℃, µ, ideographic space), minus signs."""
    if not isinstance(text, str):
        raise UnitError(f"quantity text must be a string, got {type(text).__name__}")
    return unicodedata.normalize("NFKC", text).translate(_CHAR_MAP).strip()


def _parse_atom(atom: str, whole: str) -> tuple[str, int]:
    match = _ATOM.match(atom)
    if match is None or match["symbol"] not in _ATOMS:
        raise UnitError(f"unknown unit {atom!r} in {whole!r}")
    power = int(match["power"]) if match["power"] else 1
    if power == 0:
        raise UnitError(f"unit {atom!r} in {whole!r} has exponent 0")
    return _ATOMS[match["symbol"]], power


def _unit_from_clean(unit_text: str, whole: str) -> Any:
    """Build a pint unit from whitelisted atoms joined by ``·``, ``*`` or ``/``."""
    compact = "".join(unit_text.split())  # "% RH" -> "%RH"; "degrees C" -> unknown "degreesC"
    if not compact:
        raise UnitError(f"no unit in {whole!r}")
    parts = _SEPARATORS.split(compact)
    unit = ureg.dimensionless
    sign = 1
    atoms: list[tuple[str, int]] = []
    for index, part in enumerate(parts):
        if index % 2:
            sign = -1 if part == "/" else 1
            continue
        name, power = _parse_atom(part, whole)
        atoms.append((name, sign * power))
        unit = unit * ureg.Unit(name) ** (sign * power)
    if any(name in OFFSET_UNITS for name, _ in atoms) and atoms != [(atoms[0][0], 1)]:
        raise UnitError(f"absolute temperature unit in a compound unit {whole!r}; use delta_degC")
    return unit


def parse_unit(text: str) -> Any:
    """Parse a unit a person typed, accepting only units LabApp knows.

    Parameters
    ----------
    text : str
        For example ``"mV"``, ``"kΩ"``, ``"°C"``, ``"℃"``, ``"%RH"``, ``"N·m"``, ``"µm"``.

    Returns
    -------
    pint.Unit
        A unit of :data:`ureg`.

    Raises
    ------
    UnitError
        If the text is empty or contains anything that is not a whitelisted unit symbol.
    """
    clean = _normalise(text)
    if len(clean) > _MAX_QUANTITY_TEXT:
        raise UnitError(f"unit text longer than {_MAX_QUANTITY_TEXT} characters")
    return _unit_from_clean(clean, text)


def _parse_number(number: str, whole: str) -> Decimal:
    if number.count(",") + number.count(".") > 1:
        raise NumberError("not_a_number", f"more than one decimal separator in {whole!r}")
    if len(number) > _MAX_TEXT:
        raise NumberError("out_of_range", f"number out of range in {whole[:40]!r}…")
    try:
        value = Decimal(number.replace(",", "."))
    except InvalidOperation as exc:  # an exponent beyond what Decimal can hold
        raise NumberError("out_of_range", f"number out of range in {whole!r}") from exc
    return check_decimal_bounds(value, whole)


def check_decimal_bounds(value: Decimal | int, text: str | None = None) -> Decimal:
    """Return ``value`` if finite, of at most :data:`MAX_DIGITS` significant digits and with its
    leading digit's exponent within ±:data:`MAX_EXPONENT` (zero: its exponent), else refuse it.

    Parameters
    ----------
    value : Decimal or int
        A number from a person, a file or another program (an int is taken as its Decimal).
    text : str, optional
        What was typed, for the message.

    Raises
    ------
    NumberError
        ``reason`` ``out_of_range``.
    """
    if isinstance(value, int):
        value = Decimal(value)
    if not isinstance(value, Decimal):
        raise NumberError("not_a_number", f"not a number: {type(value).__name__}")
    shown = repr(text if text is not None else str(value)[:40])
    if not value.is_finite():
        raise NumberError("out_of_range", f"number out of range in {shown}")
    digits = len(value.as_tuple().digits)
    if digits > MAX_DIGITS or abs(value.adjusted()) > MAX_EXPONENT:
        raise NumberError(
            "out_of_range",
            f"number out of range in {shown}: at most {MAX_DIGITS} significant digits and an "
            f"exponent between -{MAX_EXPONENT} and {MAX_EXPONENT}",
        )
    return value


def check_absolute_temperature(quantity: Any, what: str = "") -> Any:
    """Return ``quantity``; refuse an absolute temperature (K, °C, °F) below absolute zero.

    A quantity in any other unit, or in a difference unit (``Δ°C``), passes unchanged: call this
    only where a value in K is an absolute temperature (a reading, a range end, the room).

    Raises
    ------
    AbsoluteZeroError
        With the value in kelvin.
    """
    unit = quantity.units
    name = str(unit)
    if name.startswith("delta_") or unit.dimensionality != ureg.kelvin.dimensionality:
        return quantity
    magnitude = quantity.magnitude
    if not isinstance(magnitude, Decimal | int | float):
        return quantity
    # kelvin, millikelvin ...: multiplicative, zero is absolute zero
    if magnitude < _ABSOLUTE_ZERO.get(name, 0):
        kelvin = float(Quantity(float(magnitude), unit).m_as(ureg.kelvin))
        label = f"{what}: " if what else ""
        raise AbsoluteZeroError(
            f"{label}{magnitude} {unit:~P} is below absolute zero ({kelvin:.6g} K)", kelvin
        )
    return quantity


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
_GROUPING_LOOKALIKE = re.compile(r"[+-]?[0-9]{1,3},[0-9]{3}")
_INFINITY = re.compile(r"[+-]?(?:inf|infinity)", re.IGNORECASE)


def parse_decimal(text: str, *, refuse_grouping_lookalike: bool = False) -> Decimal:
    """Parse a number as a person typed it, keeping its digits (the one number rule of LabApp).

    The rule, shared with :func:`parse_quantity`: full-width digits and the minus sign "−" are
    folded; one decimal separator, "." or "," ("10,5" is 10.5); an exponent may follow
    ("1.5e-3"); thousands separators are never accepted ("1,000.5" is refused: two separators).

    One text stays ambiguous: one to three digits, a comma, exactly three digits ("1,234").  In
    LabApp's own forms the comma is the decimal separator (their hints say so), so it is 1.234.
    A spreadsheet cell comes from a file anyone wrote, where "1,234" is as likely a thousand two
    hundred and thirty-four: with ``refuse_grouping_lookalike=True`` (the Excel import) it is
    refused rather than read 1000 times too small.  "1,2345", "12,34" and "1234,5" are unambiguous
    decimal commas everywhere.

    "inf" and "-Infinity" are numbers out of range (``out_of_range``), "nan" is no number.  Every
    number LabApp reads from text goes through here: forms, the command line, spreadsheet cells,
    the point rule's coverage factor (:func:`labapp.domain.points.parse_number` words the refusal
    as a ``ValidationError`` naming the field).

    Parameters
    ----------
    text : str
        The number alone (no unit).
    refuse_grouping_lookalike : bool
        Refuse "1,234" (see above) instead of reading it as 1.234.

    Returns
    -------
    Decimal
        With the typed digits (``"10.00"`` stays ``Decimal("10.00")``).

    Raises
    ------
    NumberError
        ``reason`` ``not_a_number``, ``ambiguous_separator`` or ``out_of_range``.
    """
    clean = _normalise(text)
    if len(clean) > _MAX_TEXT:
        raise NumberError("out_of_range", f"number out of range in {text[:40]!r}…")
    if refuse_grouping_lookalike and _GROUPING_LOOKALIKE.fullmatch(clean):
        raise NumberError(
            "ambiguous_separator", f"{text!r} could be a thousands separator or a decimal comma"
        )
    if _INFINITY.fullmatch(clean):
        raise NumberError("out_of_range", f"number out of range in {text!r}")
    if not _DECIMAL.fullmatch(clean):
        raise NumberError("not_a_number", f"{text!r} is not a number")
    return _parse_number(clean, text)


def parse_quantity(text: str, default_unit: str | None = None) -> Any:
    """Parse "number unit" as typed by a person into a quantity with a ``Decimal`` magnitude.

    Parameters
    ----------
    text : str
        One number and one unit: ``"10.00 mV"``, ``"25,0 ℃"``, ``"-0.5 K"``, ``"1.5e-3 V"``,
        ``"45 %RH"``, ``"2 µm"``.  A comma is always a decimal separator ("10,5" is 10.5);
        thousands separators are refused.
    default_unit : str, optional
        Unit used when the text holds a number only; without it a bare number is refused.

    Returns
    -------
    pint.Quantity
        Magnitude ``Decimal`` with the typed digits (``Decimal("10.00")`` stays ``"10.00"``).

    Raises
    ------
    UnitError
        Empty text, no number, several numbers, an unknown unit; its subclasses
        :class:`NumberError` (a number out of the bounds, see the module docstring) and
        :class:`AbsoluteZeroError` (°C or °F below absolute zero).
    """
    clean = _normalise(text)
    if len(clean) > _MAX_QUANTITY_TEXT:
        raise UnitError(f"quantity text longer than {_MAX_QUANTITY_TEXT} characters")
    match = _NUMBER.fullmatch(clean)
    if match is None:
        raise UnitError(f"expected a number followed by a unit, got {text!r}")
    value = _parse_number(match[1], text)
    unit_text = match[2].strip()
    if unit_text[:1] in {".", ","} or unit_text[:1].isdigit():
        raise UnitError(f"more than one number (or a thousands separator) in {text!r}")
    if not unit_text:
        if default_unit is None:
            raise UnitError(f"no unit in {text!r}")
        quantity = Quantity(value, parse_unit(default_unit))
    else:
        quantity = Quantity(value, _unit_from_clean(unit_text, text))
    if str(quantity.units) in _ABSOLUTE_ZERO:  # °C and °F are only absolute temperatures
        check_absolute_temperature(quantity)
    return quantity


def format_quantity(quantity: Any) -> str:
    """Print a quantity with its magnitude's digits exactly and the unit's short symbol.

    Parameters
    ----------
    quantity : pint.Quantity
        Magnitude ``Decimal`` (digits kept, e.g. ``"10.00 mV"``), int or float.

    Returns
    -------
    str
        ``"<number> <unit symbol>"``; a dimensionless quantity prints the number only.
    """
    magnitude = quantity.magnitude
    number = format(magnitude, "f") if isinstance(magnitude, Decimal) else str(magnitude)
    symbol = f"{quantity.units:~P}"
    return f"{number} {symbol}" if symbol else number


def check_commensurable(a_unit: Any, b_unit: Any, what: str = "") -> None:
    """Raise :class:`UnitError` unless the two units measure the same kind of quantity.

    Parameters
    ----------
    a_unit, b_unit : pint.Unit, pint.Quantity or str
        Units (or quantities, or unit text) to compare.
    what : str
        Names the input in the error message.
    """
    a = _as_unit(a_unit)
    b = _as_unit(b_unit)
    if a.dimensionality != b.dimensionality or _kind(a) != _kind(b):
        label = f"{what}: " if what else ""
        raise UnitError(f"{label}{a:~P} and {b:~P} are not commensurable")


def _kind(unit: Any) -> tuple[bool, bool]:
    """(angle, level): pint calls radians, decibels and ratios all dimensionless.

    Converting between them silently is wrong: 60 rpm is 1 Hz, not 2π Hz; -6 dB is 50 % of a
    voltage but 25 % of a power.  An angle converts only to angles, a level in dB only to dB.
    """
    root = ureg.get_root_units(unit)[1]
    return "radian" in str(root), "decibel" in str(unit)


def _as_unit(unit: Any) -> Any:
    if isinstance(unit, str):
        return parse_unit(unit)
    if isinstance(unit, ureg.Quantity):
        return unit.units
    if not isinstance(unit, ureg.Unit):
        raise UnitError(f"not a unit: {unit!r}")
    return unit


def _exact_factor_offset(source: Any, target: Any) -> tuple[Fraction, Fraction]:
    """Return (factor, offset) with ``target = factor * source + offset``, as exact rationals."""
    zero = Quantity(0.0, source).to(target).magnitude
    one = Quantity(1.0, source).to(target).magnitude
    offset = exact(zero)
    factor = exact(one) - offset
    if factor == 0 or abs(factor - Fraction(one - zero)) > abs(Fraction(one - zero)) * 1e-12:
        factor = exact(one - zero)
    return factor, offset


def to_unit(quantity: Any, unit: Any) -> Any:
    """Convert a quantity, keeping a ``Decimal`` magnitude exact where the factor allows.

    Parameters
    ----------
    quantity : pint.Quantity
        The quantity to convert (Decimal, int, float or array magnitude).
    unit : pint.Unit or str
        Target unit (text goes through :func:`parse_unit`).

    Returns
    -------
    pint.Quantity
        For a ``Decimal`` magnitude, ``m * factor + offset`` with pint's factor and offset
        recovered as the short decimal or small ratio they stand for (1e-6, 273.15, 5/9,
        459.67·5/9).  Decimal factors and offsets: Decimal arithmetic, which keeps the digits
        (10.00 mV is 0.01000 V, 25.0 °C is 298.15 K).  Ratios (°F): exact rationals, exact
        whenever the result terminates (77 °F is 25 °C) and rounded to 15 significant digits
        otherwise (1 °F is -17.2222222222222 °C), never with fewer decimal places than typed.

    Raises
    ------
    UnitError
        If the units are not commensurable, or one is an absolute temperature and the other a
        temperature difference (°C to Δ°C).
    """
    target = _as_unit(unit)
    check_commensurable(quantity.units, target, "to_unit")
    magnitude = quantity.magnitude
    try:
        if not isinstance(magnitude, Decimal):
            return quantity.to(target)
        if "decibel" in str(target):  # logarithmic: no factor and offset; pint's float, 15 digits
            level = Quantity(float(magnitude), quantity.units).to(target)
            return Quantity(Decimal(f"{float(level.magnitude):.15g}"), target)
        factor, offset = _exact_factor_offset(quantity.units, target)
    except _pint_error() as exc:  # °C to Δ°C: a temperature is not a difference
        raise UnitError(
            f"{quantity.units:~P} cannot be expressed in {target:~P} (a temperature difference "
            "is not a temperature)"
        ) from exc
    if terminates(factor) and terminates(offset):  # decimal arithmetic keeps the digits
        scaled = magnitude * to_decimal(factor)  # 10.00 mV -> 0.01000 V
        return Quantity(scaled + to_decimal(offset) if offset else scaled, target)
    value = to_decimal(Fraction(magnitude) * factor + offset)
    return Quantity(keep_digits(value, magnitude), target)


def _pint_error() -> type[Exception]:
    """pint's error base class (pint is loaded by then: only pint raises it)."""
    from pint.errors import PintError

    return PintError


def delta_unit(unit: Any) -> Any:
    """Return the unit of a difference: ``degC`` -> ``delta_degC``; other units unchanged."""
    source = _as_unit(unit)
    name = str(source)
    return ureg.Unit(_DELTAS[name]) if name in _DELTAS else source


def uncertainty_in(value: Any, unit: Any | None, what: str) -> float:
    """Return an uncertainty (a difference) as a float in the delta unit of ``unit``, >= 0.

    A plain number passes through when ``unit`` is None; 50 mK against °C is 0.05 (not -273.1).
    """
    if isinstance(value, ureg.Quantity):
        if unit is None:
            raise UnitError(f"{what} is a quantity but the reference value has no unit")
        check_commensurable(value.units, unit, what)
        source = Quantity(float(value.magnitude), delta_unit(value.units))
        try:
            number = float(source.m_as(delta_unit(unit)))
        except _pint_error() as exc:
            raise UnitError(f"{what}: {value.units:~P} cannot be converted to {unit:~P}") from exc
    elif unit is not None and value != 0:  # a plain zero is zero in any unit
        raise UnitError(f"{what} is a plain number but the reference value has unit {unit:~P}")
    else:
        number = float(value)
    if not number >= 0 or number == float("inf"):
        raise UncertaintyError(f"{what} must be a finite non-negative number, got {value!r}")
    return number


def magnitude_in(value: Any, unit: Any | None, what: str) -> float:
    """Return ``value`` as a float in ``unit`` (plain numbers pass through), for the calculators."""
    if isinstance(value, ureg.Quantity):
        if unit is None:
            raise UnitError(f"{what} is a quantity but the reference has no unit")
        check_commensurable(value.units, unit, what)
        return float(to_unit(value, unit).magnitude)
    if unit is not None:
        raise UnitError(f"{what} is a plain number but the reference has unit {unit:~P}")
    return float(value)
