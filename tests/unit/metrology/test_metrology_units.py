"""Tests of labapp.metrology.units: strict parsing, exact digits, conversions, deltas."""

from __future__ import annotations

from decimal import Decimal

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from labapp.metrology.units import (
    AbsoluteZeroError,
    UnitError,
    check_commensurable,
    delta_unit,
    format_quantity,
    parse_quantity,
    parse_unit,
    registry,
    to_unit,
    ureg,
)

ACCEPTED = [
    ("10 mV", "10", "millivolt"),
    ("10.003 mV", "10.003", "millivolt"),
    ("10.00 mV", "10.00", "millivolt"),
    ("25.0 °C", "25.0", "degree_Celsius"),
    ("25 degC", "25", "degree_Celsius"),
    ("25 ℃", "25", "degree_Celsius"),
    ("-0.5 K", "-0.5", "kelvin"),
    ("−0.5 K", "-0.5", "kelvin"),
    ("1.5e-3 V", "0.0015", "volt"),
    ("5 %", "5", "percent"),
    ("20 ppm", "20", "ppm"),
    ("100 kPa", "100", "kilopascal"),
    ("2 \u00b5m", "2", "micrometer"),
    ("2 \u03bcm", "2", "micrometer"),
    ("2 um", "2", "micrometer"),
    ("45 %RH", "45", "percent_rh"),
    ("45 % RH", "45", "percent_rh"),
    ("10,5 mV", "10.5", "millivolt"),
    ("10\u3000mV", "10", "millivolt"),
    ("１０．５ mV", "10.5", "millivolt"),
    ("10mV", "10", "millivolt"),
    ("1 Ω", "1", "ohm"),
    ("1 \u2126", "1", "ohm"),
    ("1 ohm", "1", "ohm"),
    ("1 kΩ", "1", "kiloohm"),
    ("1 MΩ", "1", "megaohm"),
    ("1 g", "1", "gram"),
    ("1 kg", "1", "kilogram"),
    ("1 mg", "1", "milligram"),
    ("1 mm", "1", "millimeter"),
    ("1 Pa", "1", "pascal"),
    ("1 MPa", "1", "megapascal"),
    ("1 bar", "1", "bar"),
    ("1 A", "1", "ampere"),
    ("1 mA", "1", "milliampere"),
    ("1 Hz", "1", "hertz"),
    ("1 s", "1", "second"),
    ("1 min", "1", "minute"),
    ("1 N", "1", "newton"),
    ("1 L", "1", "liter"),
    ("1 mL", "1", "milliliter"),
    ("1 lx", "1", "lux"),
    ("1 dB", "1", "decibel"),
    ("0.2 Δ°C", "0.2", "delta_degree_Celsius"),
]


@pytest.mark.parametrize(("text", "digits", "unit"), ACCEPTED)
def test_parse_quantity_accepts_what_people_type(text: str, digits: str, unit: str) -> None:
    q = parse_quantity(text)
    assert isinstance(q.magnitude, Decimal)
    assert str(q.magnitude) == digits
    assert q.units == ureg.Unit(unit)


def test_compound_units() -> None:
    assert parse_quantity("1.5 N·m").units == ureg.newton * ureg.meter
    assert parse_quantity("3 m/s²").units == ureg.meter / ureg.second**2
    assert parse_quantity("3 N*m").units == ureg.newton * ureg.meter


REFUSED = [
    "",
    "   ",
    "abc",
    "10",
    "10 10 V",
    "V 10",
    "1e999 V",
    "10 xyz",
    "20 degrees C",
    "45 RH",
    "1,000.5 V",
    "10 mv",
    "10 °C/min",
    "10 °C^2",
    "nan V",
    "inf V",
    "1.2.3 V",
]


@pytest.mark.parametrize("text", REFUSED)
def test_parse_quantity_refuses_with_unit_error(text: str) -> None:
    with pytest.raises(UnitError):
        parse_quantity(text)


def test_unit_error_names_the_input() -> None:
    with pytest.raises(UnitError, match="xyz"):
        parse_quantity("10 xyz")
    assert issubclass(UnitError, ValueError)


def test_pint_misreadings_are_not_repeated() -> None:
    # pint alone reads these as percent·ronnahenry and degree·coulomb (ECOSYSTEM trap 10).
    assert parse_quantity("45 %RH").to("").magnitude == pytest.approx(Decimal("0.45"))
    assert parse_quantity("10,5 mV").magnitude == Decimal("10.5")


def test_default_unit() -> None:
    assert parse_quantity("10", default_unit="V") == ureg.Quantity(Decimal(10), "V")
    assert parse_quantity("10 mV", default_unit="V").units == ureg.millivolt


def test_application_registry_is_ours() -> None:
    assert pint.get_application_registry().get() is registry()
    assert ureg.Quantity is registry().Quantity  # ureg stands for the one registry
    q = pint.Quantity(1, "mV")  # built via the application registry
    assert q.to("V").magnitude == pytest.approx(0.001)


def test_parse_unit() -> None:
    assert parse_unit("kΩ") == ureg.kiloohm
    with pytest.raises(UnitError):
        parse_unit("degrees C")


def test_format_quantity_keeps_digits() -> None:
    assert format_quantity(parse_quantity("10.00 mV")) == "10.00 mV"
    assert format_quantity(parse_quantity("25.0 ℃")) == "25.0 °C"
    assert format_quantity(parse_quantity("45 %RH")) == "45 %RH"


def test_to_unit_uses_exact_decimal_factors() -> None:
    assert str(to_unit(parse_quantity("10.00 mV"), "V").magnitude) == "0.01000"
    assert str(to_unit(parse_quantity("1.5 kPa"), "Pa").magnitude) == "1.5E+3"
    assert to_unit(parse_quantity("2 µm"), "mm").magnitude == Decimal("0.002")
    assert to_unit(parse_quantity("0.1 degC"), "K").magnitude == Decimal("273.25")
    assert to_unit(parse_quantity("306.248 K"), "degC").magnitude == Decimal("33.098")
    assert to_unit(ureg.Quantity(1.0, "mV"), "V").magnitude == pytest.approx(1e-3)


def test_to_unit_refuses_incommensurable() -> None:
    with pytest.raises(UnitError, match="to_unit"):
        to_unit(parse_quantity("1 V"), "A")


def test_check_commensurable() -> None:
    check_commensurable("mV", "V")
    with pytest.raises(UnitError, match="reading"):
        check_commensurable("mV", "kg", what="reading")


def test_delta_unit() -> None:
    assert delta_unit("degC") == ureg.delta_degC
    assert delta_unit(ureg.kelvin) == ureg.kelvin
    # a temperature difference of 0.1 °C is 0.1 K, never 273.25 K
    assert ureg.Quantity(0.1, delta_unit("degC")).to("K").magnitude == pytest.approx(0.1)


@given(st.text())
def test_any_text_gives_quantity_or_unit_error(text: str) -> None:
    try:
        q = parse_quantity(text)
    except UnitError:
        return
    assert isinstance(q.magnitude, Decimal)
    assert q.magnitude.is_finite()


KNOWN_UNITS = ["mV", "V", "kΩ", "°C", "K", "%", "%RH", "ppm", "µm", "kPa", "N·m", "mL", "Hz"]


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12, places=6),
    st.sampled_from(KNOWN_UNITS),
    st.sampled_from([" ", "", "\u3000"]),
)
def test_number_and_known_unit_round_trip(value: Decimal, unit: str, space: str) -> None:
    text = f"{value:f}{space}{unit}"
    if unit == "°C" and value < Decimal("-273.15"):  # below absolute zero: refused
        with pytest.raises(AbsoluteZeroError):
            parse_quantity(text)
        return
    q = parse_quantity(text)
    assert q.magnitude == value
    assert format(q.magnitude, "f") == f"{value:f}"
    again = parse_quantity(format_quantity(q))
    assert again.units == q.units
    assert str(again.magnitude) == str(q.magnitude)
