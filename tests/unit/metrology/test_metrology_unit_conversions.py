"""Every quantity parse_quantity returns converts to every commensurable unit, offsets included.

The oracle for each pair is pint's own float conversion of the same magnitude (independent of the
exact Decimal path under test); the table cases are worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import product

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pint import DimensionalityError

from labapp.metrology._unit_table import build_atoms
from labapp.metrology.units import (
    AbsoluteZeroError,
    Quantity,
    UnitError,
    check_commensurable,
    parse_quantity,
    to_unit,
    ureg,
)

ATOMS = sorted(build_atoms())


def _commensurable(a: str, b: str) -> bool:
    try:
        check_commensurable(ureg.Unit(a), ureg.Unit(b))
    except UnitError:
        return False
    return True


# Pairs of atoms of the same dimension (every unit LabApp accepts, each against its kin).
PAIRS = [
    (a, b) for a, b in product(ATOMS, ATOMS) if _commensurable(build_atoms()[a], build_atoms()[b])
]


def _below_absolute_zero(magnitude: Decimal, source: str) -> bool:
    """Whether ``magnitude`` in a temperature scale with an offset (°C, °F) is below 0 K."""
    unit = ureg.Unit(build_atoms()[source])
    if str(unit) not in ("degree_Celsius", "degree_Fahrenheit"):
        return False
    return bool(ureg.Quantity(float(magnitude), unit).to("kelvin").m < 0)


def _float_oracle(magnitude: Decimal, source: str, target: str) -> float:
    return float(ureg.Quantity(float(magnitude), build_atoms()[source]).to(build_atoms()[target]).m)


@settings(max_examples=150, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    magnitude=st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False),
)
@example(pair=("degC", "K"), magnitude=Decimal("-273.151"))  # just below absolute zero
@example(pair=("degC", "K"), magnitude=Decimal("-273.150"))  # absolute zero itself
def test_every_parsed_quantity_converts(pair: tuple[str, str], magnitude: Decimal) -> None:
    source, target = pair
    if _below_absolute_zero(magnitude, source):  # -273.151 °C is no temperature: refused, typed
        with pytest.raises(AbsoluteZeroError):
            parse_quantity(f"{magnitude} {source}")
        return
    q = parse_quantity(f"{magnitude} {source}")
    assert isinstance(q.magnitude, Decimal)
    try:
        expected = _float_oracle(magnitude, source, target)
    except DimensionalityError:  # °C and Δ°C: same dimension, but no conversion exists
        with pytest.raises(UnitError, match="cannot be expressed"):
            to_unit(q, target)
        return
    for converted in (to_unit(q, target), q.to(build_atoms()[target])):
        assert isinstance(converted.magnitude, Decimal)
        assert float(converted.magnitude) == pytest.approx(expected, rel=1e-12, abs=1e-9)
    assert float(q.m_as(build_atoms()[target])) == pytest.approx(expected, rel=1e-12, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("25.0 °C", "K", "298.15"),  # + 273.15
        ("25.0 ℃", "kelvin", "298.15"),
        ("-273.15 °C", "K", "0.00"),
        ("300 K", "°C", "26.85"),
        ("77 °F", "°C", "25"),  # (77 - 32)·5/9
        ("-40 °F", "degC", "-40"),
        ("98.60 °F", "K", "310.15"),  # (98.6 + 459.67)·5/9
        ("25.0 °C", "°F", "77.00"),  # 25.0·1.8 + 32
        ("10.00 mV", "V", "0.01000"),  # digits kept
        ("2 µm", "mm", "0.002"),
    ],
)
def test_exact_conversions(text: str, unit: str, expected: str) -> None:
    q = parse_quantity(text)
    target = ureg.parse_units(unit) if unit in ("kelvin",) else unit
    via_function = to_unit(q, target)
    via_pint = q.to(ureg.parse_units(build_atoms().get(unit, unit)))
    assert via_function.magnitude == Decimal(expected)
    assert str(via_function.magnitude) == expected or via_function.magnitude == Decimal(expected)
    assert via_pint.magnitude == Decimal(expected)


def test_non_terminating_conversion_rounds_to_15_digits() -> None:
    # 1 °F = (1 - 32)·5/9 °C = -17.2222... : 15 significant digits, not a float's 17
    assert to_unit(parse_quantity("1 °F"), "°C").magnitude == Decimal("-17.2222222222222")


def test_base_and_root_units_of_an_offset_temperature() -> None:
    q = parse_quantity("25.0 °C")
    assert q.to_base_units().magnitude == Decimal("298.15")
    assert q.to_root_units().magnitude == Decimal("298.15")
    assert str(q.to_base_units().units) == "kelvin"


def test_incommensurable_still_refused_by_pint() -> None:
    with pytest.raises(DimensionalityError):
        parse_quantity("25.0 °C").to("m")
    assert Quantity(1.0, "m").to("mm").m == pytest.approx(1000.0)


@pytest.mark.parametrize(
    ("a", "b"),
    [("rpm", "Hz"), ("rad", "%"), ("°", "ppm"), ("dB", "%"), ("µrad", "dB")],
)
def test_dimensionless_kinds_do_not_mix(a: str, b: str) -> None:
    # pint calls them all dimensionless: 60 rpm would be 2π Hz, -6 dB a power ratio
    with pytest.raises(UnitError, match="not commensurable"):
        to_unit(parse_quantity(f"1 {a}"), b)
