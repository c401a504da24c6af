"""Hostile and extreme number and unit text: a typed value or a typed refusal, always, and fast.

The bounds (50 significant digits, leading-digit exponent within ±30) and absolute zero
(0 K = −273.15 °C = −459.67 °F, exact by the definitions of the Celsius and Fahrenheit scales)
are checked on hand-picked edges; hypothesis then throws any text at the parsers: every call
returns a value within the bounds or raises the metrology layer's typed error (never another
exception), each in well under a second.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labapp.metrology.units import (
    MAX_DIGITS,
    MAX_EXPONENT,
    AbsoluteZeroError,
    NumberError,
    Quantity,
    UnitError,
    check_absolute_temperature,
    check_decimal_bounds,
    parse_decimal,
    parse_quantity,
    parse_unit,
)

SECOND = 1.0
NUMBERS = st.from_regex(
    r"[+\-−]?[0-9０-９]{0,70}([.,][0-9]{0,70})?([eE][+\-]?[0-9]{1,15})?", fullmatch=True
)
UNITS = st.sampled_from(
    ["V", "mV", "K", "mK", "°C", "℃", "°F", "Δ°C", "delta_degC", "%RH", "kΩ", "N·m", "m/s^2",
     "", " ", "e", "°C/s", "K·°C", "Δ°F", "ppm"]
)  # fmt: skip
QUANTITY_TEXT = st.one_of(
    st.text(max_size=80),
    st.builds(lambda n, s, u: f"{n}{s}{u}", NUMBERS, st.sampled_from(["", " ", "\u3000"]), UNITS),
)


def _bounded(value: Decimal) -> bool:
    return (
        value.is_finite()
        and len(value.as_tuple().digits) <= MAX_DIGITS
        and abs(value.adjusted()) <= MAX_EXPONENT
    )


def _timed(call, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        return call(*args)
    finally:
        assert time.perf_counter() - start < SECOND


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("1e30", True),
        ("1e31", False),
        ("9.99e30", True),
        ("1e-30", True),
        ("1e-31", False),
        ("0.000000000000000000000000000001", True),  # 1e-30 written out
        ("0.0000000000000000000000000000001", False),
        ("1" * 50, False),  # 50 digits, but 1.1…e49: the exponent refuses it
        ("0." + "1" * 50, True),  # 50 significant digits
        ("0." + "1" * 51, False),
        ("1e-150000000", False),
        ("0e-150000000", False),  # zero, but format(…, "f") would be 150 M characters
        ("1e999999999999999999999", False),  # beyond what Decimal can hold
        ("1" + "0" * 300, False),
    ],
)
def test_number_bounds(text: str, accepted: bool) -> None:
    if accepted:
        assert parse_decimal(text) == Decimal(text)
    else:
        with pytest.raises(NumberError) as caught:
            parse_decimal(text)
        assert caught.value.reason == "out_of_range"


def test_the_reported_range_is_refused_never_stored() -> None:
    with pytest.raises(NumberError):
        parse_quantity("1e-150000000 V")
    with pytest.raises(NumberError):
        check_decimal_bounds(Decimal("1e-150000000"))


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("-273.15 °C", False),  # absolute zero itself
        ("-273.16 °C", True),
        ("-273,150001 ℃", True),
        ("-459.67 °F", False),
        ("-459.68 °F", True),
        ("-300 Δ°C", False),  # a difference may be anything
        ("-5 K", False),  # K alone may be a difference: refused only where it is absolute
    ],
)
def test_celsius_and_fahrenheit_below_absolute_zero(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(AbsoluteZeroError):
            parse_quantity(text)
    else:
        parse_quantity(text)


@pytest.mark.parametrize(
    ("value", "unit", "kelvin"),
    [
        ("-0.001", "K", -0.001),
        ("-1", "mK", -0.001),
        ("-273.16", "°C", -0.01),
        ("-460", "°F", -(460 - 459.67) * 5 / 9),
    ],
)
def test_absolute_temperature_check_reports_kelvin(value: str, unit: str, kelvin: float) -> None:
    with pytest.raises(AbsoluteZeroError) as caught:
        check_absolute_temperature(Quantity(Decimal(value), parse_unit(unit)))
    assert caught.value.kelvin == pytest.approx(kelvin, abs=1e-9)
    check_absolute_temperature(Quantity(Decimal(value), parse_unit("Δ°C")))  # a difference


@settings(max_examples=200, deadline=None)
@given(st.one_of(NUMBERS, st.text(max_size=80)))
def test_parse_decimal_returns_a_bounded_value_or_a_typed_error(text: str) -> None:
    try:
        value = _timed(parse_decimal, text)
    except NumberError as exc:
        assert exc.reason in {"not_a_number", "ambiguous_separator", "out_of_range"}
        return
    assert _bounded(value)


@settings(max_examples=200, deadline=None)
@given(QUANTITY_TEXT)
def test_parse_quantity_returns_a_bounded_quantity_or_a_typed_error(text: str) -> None:
    try:
        quantity = _timed(parse_quantity, text)
    except UnitError:
        return
    assert _bounded(quantity.magnitude)
    lowest = {"degree_Celsius": Decimal("-273.15"), "degree_Fahrenheit": Decimal("-459.67")}
    if str(quantity.units) in lowest:  # only absolute: never below absolute zero
        assert quantity.magnitude >= lowest[str(quantity.units)]


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000, places=3),
    st.sampled_from(["K", "mK", "°C", "°F", "Δ°C", "Δ°F", "V"]),
)
def test_absolute_zero_rule(value: Decimal, unit: str) -> None:
    lowest = {"K": 0, "mK": 0, "°C": Decimal("-273.15"), "°F": Decimal("-459.67")}.get(unit)
    quantity = Quantity(value, parse_unit(unit))
    if lowest is not None and value < lowest:
        with pytest.raises(AbsoluteZeroError):
            _timed(check_absolute_temperature, quantity)
    else:
        assert _timed(check_absolute_temperature, quantity) is quantity
