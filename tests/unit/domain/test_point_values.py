"""A calibration point parsed once into typed values, and evaluated from them.

Expected values are worked out here from the typed digits (10.0005 V − 10000.2 mV = 0.0003 V),
never read back from the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labapp.domain.enums import Decision, Stage
from labapp.domain.errors import ValidationError
from labapp.domain.point_values import (
    PointValues,
    evaluate_values,
    parse_measured,
    parse_point,
    parse_stage,
    quantity_of,
)
from labapp.domain.points import DecisionRule, evaluate_point, parse_number
from labapp.domain.quantities import Measured

D = Decimal


def test_stage_values_are_the_stored_words() -> None:
    # the column holds these words (migration 0001's CHECK): the enum must not rename them
    assert [s.value for s in Stage] == ["as_found", "as_left"]
    assert parse_stage("as_found") is Stage.AS_FOUND
    assert parse_stage("") is Stage.AS_LEFT  # a blank stage is as left, the table's default
    with pytest.raises(ValidationError) as caught:
        parse_stage("before")
    assert (caught.value.field, caught.value.code) == ("stage", "invalid")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("10.00 mV", "10.00", "mV"),  # trailing zeros are reported digits
        ("10,003 V", "10.003", "V"),  # decimal comma
        ("25,0 ℃", "25.0", "°C"),  # the CJK degree sign is stored as °C
        ("１２.５ Ω", "12.5", "Ω"),  # full-width digits
        ("50 mK", "50", "mK"),
        ("0.01 %", "0.01", "%"),
    ],
)
def test_parse_measured_keeps_digits_and_the_unit_symbol(text: str, value: str, unit: str) -> None:
    measured = parse_measured(text, "reference")
    assert measured == Measured(D(value), unit)
    assert str(measured.value) == value  # the exponent too: 10.00 is not 10.0


def test_a_measured_prints_its_digits_without_an_exponent() -> None:
    assert str(Measured(D("1E-7"), "V")) == "0.0000001 V"
    assert str(Measured(D("10.00"), "mV")) == "10.00 mV"


@pytest.mark.parametrize(
    ("text", "code"),
    [("ten V", "not_a_quantity"), ("10 xyz", "not_a_quantity"), ("1e-150000000 V", "out_of_range"),
     ("-300 °C", "below_absolute_zero")],
)  # fmt: skip
def test_parse_measured_refuses_with_a_code_and_the_field(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_measured(text, "indication")
    assert (caught.value.field, caught.value.code) == ("indication", code)
    assert parse_measured("  ", "indication") is None
    with pytest.raises(ValidationError) as missing:
        parse_measured("", "indication", required=True)
    assert missing.value.code == "required"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2", D("2")), ("2,00", D("2.00")), ("１.９６", D("1.96")), (" 1e1 ", D("1e1"))],
)
def test_parse_number_is_the_one_number_rule(text: str, expected: Decimal) -> None:
    number = parse_number(text, "coverage_factor")
    assert number == expected and str(number) == str(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [("x", "not_a_number"), ("nan", "not_a_number"), ("2 V", "not_a_number"),
     ("inf", "out_of_range"), ("-Infinity", "out_of_range"), ("1" * 300, "out_of_range")],
)  # fmt: skip
def test_parse_number_refusals(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_number(text, "coverage_factor")
    assert (caught.value.field, caught.value.code) == ("coverage_factor", code)
    assert caught.value.params["text"] == text[:40] + ("…" if len(text) > 40 else "")


def test_parse_point_builds_typed_values_in_field_order() -> None:
    point = parse_point(
        "10000.2 mV", "10.0005 V", "10 V", "0.2 mV", "2", "0,5 mV", stage="as_found"
    )
    assert point == PointValues(
        reference=Measured(D("10000.2"), "mV"),
        indication=Measured(D("10.0005"), "V"),
        nominal=Measured(D("10"), "V"),
        expanded_uncertainty=Measured(D("0.2"), "mV"),
        coverage_factor=D("2"),
        mpe=Measured(D("0.5"), "mV"),
        stage=Stage.AS_FOUND,
    )
    with pytest.raises(ValidationError) as caught:
        parse_point("10 V", "10 V", coverage_factor="two")
    assert (caught.value.field, caught.value.code) == ("coverage_factor", "not_a_number")


def test_evaluate_values_computes_from_the_typed_digits() -> None:
    point = parse_point("10000.2 mV", "10.0005 V", "10 V", "0.2 mV", "2", "0.5 mV")
    result = evaluate_values(point)
    expected = D("10.0005") - D("10000.2") / 1000  # the reference in the indication's unit
    assert (result.error, result.error_unit) == (expected, "V")
    assert str(result.error) == "0.0003"
    assert result.decision is Decision.PASS  # |0.3 mV| <= 0.5 mV
    assert result.capability == D("0.5") / D("0.2")  # MPE / U, JJF 1094
    # the same point as typed text, through the text rule: the same answer
    typed = evaluate_point("10 V", "10000.2 mV", "10.0005 V", "0.2 mV", "2", "0.5 mV")
    assert typed == result


def test_evaluate_values_under_a_guard_band() -> None:
    # error 0.004 V, U 0.002 V, MPE 0.005 V: inside tolerance but within w = U of the limit
    point = parse_point("100.000 V", "100.004 V", None, "0.002 V", "2", "0.005 V")
    verdict = evaluate_values(point, rule=DecisionRule.GUARD_BAND).decision
    assert verdict is Decision.CONDITIONAL_PASS
    assert evaluate_values(point).decision is Decision.PASS  # simple acceptance


@pytest.mark.parametrize(
    ("point", "field", "code"),
    [
        (PointValues(Measured(D(10), "V"), Measured(D(10), "volts")), "indication",
         "not_a_quantity"),
        (PointValues(Measured(D("1e-40"), "V"), Measured(D(10), "V")), "reference",
         "out_of_range"),
        (PointValues(Measured(D(1), "V"), Measured(D(1), "V"), coverage_factor=D("1e99")),
         "coverage_factor", "out_of_range"),
        (PointValues(Measured(D(1), "V"), Measured(D(1), "V"), coverage_factor=D(0)),
         "coverage_factor", "not_positive"),
        (PointValues(None, Measured(D(1), "V")), "reference", "required"),
        (PointValues(Measured(D(1), "V"), Measured(D(1), "A")), "reference", "incommensurable"),
    ],
)  # fmt: skip
def test_values_built_in_code_are_held_to_the_same_rules(
    point: PointValues, field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_values(point)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_quantity_of_reads_the_stored_symbol_without_text() -> None:
    quantity = quantity_of(Measured(D("25.0"), "°C"))
    assert quantity.magnitude == D("25.0") and f"{quantity.units:~P}" == "°C"
    with pytest.raises(ValidationError) as caught:
        quantity_of(Measured(D(1), "furlong"), "mpe")
    assert (caught.value.field, caught.value.code) == ("mpe", "not_a_quantity")


NUMBER = st.from_regex(r"[+\-]?[0-9]{1,12}([.,][0-9]{0,12})?", fullmatch=True)
UNIT = st.sampled_from(["V", "mV", "µV", "kΩ", "°C", "K", "mK", "%RH", "N·m"])


@settings(max_examples=150, deadline=None)
@given(NUMBER, UNIT)
def test_a_parsed_value_round_trips_through_its_text(number: str, unit: str) -> None:
    """What the table shows of a stored value parses back to the same typed value, digits too."""
    try:
        measured = parse_measured(f"{number} {unit}", "value")
    except ValidationError:
        return  # below absolute zero
    assert measured is not None
    again = parse_measured(str(measured), "value")
    assert again == measured and str(again.value) == str(measured.value)
