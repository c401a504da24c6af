"""Point evaluation as typed: exact error digits, units, temperature deltas, decision rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from labapp.domain.enums import Decision, EventResult, InstrumentStatus
from labapp.domain.errors import ValidationError
from labapp.domain.points import DecisionRule, evaluate_point, overall_result
from labapp.domain.rules import check_specification, parse_environment, standard_invalid_reason
from labapp.metrology.units import parse_quantity


def test_error_keeps_the_typed_digits() -> None:
    result = evaluate_point(None, "10.000 V", "10.003 V")
    assert result.error == Decimal("0.003")
    assert str(result.error) == "0.003"
    assert result.error_unit == "V"
    assert result.decision is Decision.NONE


def test_trailing_zeros_survive() -> None:
    assert str(evaluate_point(None, "10.0000 V", "10.0010 V").error) == "0.0010"


def test_mixed_units_are_converted_exactly_to_the_indication_unit() -> None:
    result = evaluate_point("10 V", "10000.2 mV", "10.0005 V", "0.0002 V", "2", "0.001 V")
    assert result.error == Decimal("0.0003")
    assert str(result.error) == "0.0003"
    assert result.error_unit == "V"
    assert result.decision is Decision.PASS


def test_decimal_comma_and_quantities_accepted() -> None:
    typed = evaluate_point(None, "1,000 kΩ", "1000,4 Ω", mpe="0,5 Ω")
    given = evaluate_point(
        None, parse_quantity("1.000 kΩ"), parse_quantity("1000.4 Ω"), mpe=parse_quantity("0.5 Ω")
    )
    assert typed.error == given.error == Decimal("0.4")
    assert typed.decision is given.decision is Decision.PASS


def test_temperature_error_is_a_difference_in_kelvin() -> None:
    result = evaluate_point("20 °C", "293.150 K", "20.030 °C", "0.02 K", "2", "0.05 °C")
    assert result.error == Decimal("0.030")
    assert result.error_unit == "K"
    assert result.decision is Decision.PASS
    # U in mK against a reading in °C is a difference too (0.02 K, not -273.13 °C)
    assert evaluate_point(None, "100.00 °C", "100.07 °C", "20 mK", mpe="0.05 K").decision is (
        Decision.FAIL
    )


@pytest.mark.parametrize(
    ("indication", "expected"),
    [
        ("100.002 V", Decision.PASS),  # inside the acceptance zone [−3, +3] mV
        ("100.004 V", Decision.CONDITIONAL_PASS),  # inside tolerance, within w of the limit
        ("100.006 V", Decision.CONDITIONAL_FAIL),  # outside tolerance by less than w
        ("100.008 V", Decision.FAIL),
    ],
)
def test_guard_band_verdicts(indication: str, expected: Decision) -> None:
    result = evaluate_point(
        None, "100.000 V", indication, "0.002 V", "2", "0.005 V", rule=DecisionRule.GUARD_BAND
    )
    assert result.decision is expected


def test_simple_acceptance_has_no_conditional_verdicts() -> None:
    assert evaluate_point(None, "100.000 V", "100.004 V", "0.002 V", mpe="0.005 V").decision is (
        Decision.PASS
    )
    assert evaluate_point(None, "100.000 V", "100.006 V", "0.002 V", mpe="0.005 V").decision is (
        Decision.FAIL
    )


def test_relative_mpe_is_of_the_reference() -> None:
    # 50 ppm of 100 V = 5 mV
    assert evaluate_point(None, "100.000 V", "100.004 V", mpe="50 ppm").decision is Decision.PASS
    assert evaluate_point(None, "100.000 V", "100.006 V", mpe="0.005 %").decision is Decision.FAIL


def test_asymmetric_limits() -> None:
    result = evaluate_point(None, "10.00 mm", "10.03 mm", lower="-0.01 mm", upper="0.02 mm")
    assert result.decision is Decision.FAIL


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("10 V", "10 V", "10 A"), "nominal"),  # the indication's unit is the yardstick
        (("10 A", "10 V", "10 V"), "nominal"),
        ((None, "10 A", "10 V"), "reference"),
        ((None, "10 V", "10 V", "1 K"), "expanded_uncertainty"),
        ((None, "10 V", "10 V", None, None, "1 °C"), "mpe"),
    ],
)
def test_incommensurable_units_are_refused_naming_the_field(
    args: tuple[str | None, ...], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point(*args)
    assert caught.value.field == field
    assert caught.value.code == "incommensurable"


def test_text_in_a_number_field_is_refused_with_the_field_named() -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, "10 V", "ten volts")
    assert (caught.value.field, caught.value.code) == ("indication", "not_a_quantity")
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, "10 V", "10 V", "0.1 V", "two")
    assert caught.value.field == "coverage_factor"
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, "", "10 V")
    assert (caught.value.field, caught.value.code) == ("reference", "required")


def test_overall_result() -> None:
    assert overall_result([Decision.PASS, Decision.FAIL]) is EventResult.FAIL
    assert overall_result([Decision.PASS, Decision.CONDITIONAL_PASS]) is EventResult.CONDITIONAL
    assert overall_result([Decision.PASS, Decision.NONE]) is EventResult.PASS
    assert overall_result([]) is EventResult.NO_DECISION
    assert overall_result([], EventResult.PASS) is EventResult.PASS
    assert overall_result([Decision.NONE]) is EventResult.NO_DECISION


def test_specification_units() -> None:
    check_specification(Decimal(0), "V", Decimal(1000), "V", Decimal("0.05"), "%")
    check_specification(Decimal(-50), "°C", Decimal(300), "°C", Decimal("0.1"), "K")
    with pytest.raises(ValidationError) as caught:
        check_specification(Decimal(0), "V", Decimal(10), "V", Decimal("0.1"), "°C")
    assert caught.value.field == "accuracy_unit"
    assert caught.value.code == "incommensurable"
    assert "°C" in caught.value.message and "V" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        check_specification(Decimal(10), "V", Decimal(1000), "mV", None, None)
    assert caught.value.code == "range_order"
    with pytest.raises(ValidationError) as caught:
        check_specification(Decimal(0), "V", Decimal(10), "A", None, None)
    assert caught.value.field == "range_high_unit"


def test_environment_units() -> None:
    assert parse_environment("20,1 °C", "temperature") == (Decimal("20.1"), "°C")
    assert parse_environment("45 %RH", "humidity") == (Decimal("45"), "%RH")
    with pytest.raises(ValidationError):
        parse_environment("45 %RH", "temperature")
    with pytest.raises(ValidationError):
        parse_environment("20 °C", "humidity")


def test_standard_validity_reasons() -> None:
    on = date(2025, 6, 1)
    ok = InstrumentStatus.IN_SERVICE
    assert standard_invalid_reason(ok, EventResult.PASS, on, on) is None
    assert standard_invalid_reason(ok, EventResult.PASS, date(2025, 5, 31), on) == "overdue"
    assert standard_invalid_reason(ok, EventResult.FAIL, date(2026, 1, 1), on) == "failed"
    assert standard_invalid_reason(ok, None, None, on) == "never_calibrated"
    assert (
        standard_invalid_reason(InstrumentStatus.SUSPENDED, EventResult.PASS, on, on)
        == "not_in_service"
    )


def test_environment_is_parsed_once_and_checked_typed() -> None:
    from labapp.domain.quantities import Measured
    from labapp.domain.rules import check_environment, environment

    typed = environment("20,1 °C", "temperature")  # the boundary: a decimal comma is a point
    assert typed == Measured(Decimal("20.1"), "°C") and environment("  ", "humidity") is None
    assert check_environment(typed, "temperature") == parse_environment("20,1 °C", "temperature")
    assert check_environment(Measured(Decimal("45.0"), "%RH"), "humidity") == (
        Decimal("45.0"), "%RH")  # fmt: skip
    assert check_environment(None, "temperature") == (None, None)
    for value, field, code in (
        (Measured(Decimal(-1), "K"), "temperature", "below_absolute_zero"),
        (Measured(Decimal(20), "°C"), "humidity", "incommensurable"),
        (Measured(Decimal(20), "V"), "temperature", "incommensurable"),
    ):
        with pytest.raises(ValidationError) as caught:
            check_environment(value, field)
        assert (caught.value.field, caught.value.code) == (field, code)
