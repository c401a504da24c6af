"""Exact decimal arithmetic for unit conversions: pint's floats back to the numbers they mean.

pint holds conversion factors as floats (5/9 is 0.5555555555555556).  :func:`exact` recovers the
short decimal (1e-6, 273.15) or small ratio (5/9, 459.67·5/9) a factor stands for, so
:func:`labapp.metrology.units.to_unit` can convert a ``Decimal`` exactly: 77 °F is 25 °C, not
24.9999999999958.  Results that do not terminate in decimal are rounded to 15 digits.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

__all__ = ["exact", "keep_digits", "terminates", "to_decimal"]

_SIGNIFICANT = 15  # digits kept when a conversion does not terminate (e.g. 1 °F in °C)


def exact(number: float) -> Fraction:
    """The exact rational pint's float stands for: a short decimal, or a ratio like 5/9."""
    text = f"{number:.15g}"
    short = Fraction(Decimal(text))
    digits = text.lstrip("-").split("e")[0].replace(".", "").strip("0")
    if len(digits) < 13:  # a short decimal (1e-06, 273.15): that is the number meant
        return short
    # a long one (0.555555555555556): the small ratio it rounds, if one is that close
    ratio = Fraction(number).limit_denominator(10**6)
    return ratio if abs(ratio - Fraction(number)) <= abs(Fraction(number)) * 1e-13 else short


def terminates(value: Fraction) -> bool:
    """True when ``value`` has a finite decimal expansion (its denominator is 2^a·5^b)."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def to_decimal(value: Fraction) -> Decimal:
    """Exact when the ratio terminates in decimal, else rounded to 15 significant digits."""
    with localcontext() as ctx:
        if terminates(value):
            ctx.prec = 100
            return (Decimal(value.numerator) / Decimal(value.denominator)).normalize()
        ctx.prec = _SIGNIFICANT
        return Decimal(value.numerator) / Decimal(value.denominator)


def keep_digits(value: Decimal, magnitude: Decimal) -> Decimal:
    """Show at least the typed decimal places: 25.0 °C is 298.15 K, 10.00 mV is 0.01000 V."""
    typed = magnitude.as_tuple().exponent
    places = -typed if isinstance(typed, int) else 0
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent < places:
        return value.quantize(Decimal(1).scaleb(-places))
    return value
