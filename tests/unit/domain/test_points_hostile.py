"""evaluate_point and the register's rules on hostile input: a result or a ValidationError, never
a pint exception, each call well under a second.

The bug this pins: a reference in Δ°C against an indication in °C raised pint's
DimensionalityError (a difference is not a temperature: 1 Δ°C has no place on the Celsius scale).
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labapp.domain.errors import ValidationError
from labapp.domain.points import PointEvaluation, evaluate_point
from labapp.domain.rules import check_specification, parse_environment

SECOND = 1.0
NUMBER = st.from_regex(
    r"[+\-]?[0-9]{1,40}([.,][0-9]{0,40})?([eE][+\-]?[0-9]{1,10})?", fullmatch=True
)
UNIT = st.sampled_from(
    ["V", "mV", "K", "mK", "°C", "°F", "Δ°C", "Δ°F", "delta_degC", "%", "ppm", "%RH", "Ω", "A"]
)
QUANTITY = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.builds(lambda n, u: f"{n} {u}", NUMBER, UNIT),
)


@pytest.mark.parametrize(
    ("reference", "indication"),
    [("1 Δ°C", "20 °C"), ("20 °C", "1 Δ°C"), ("1 delta_degF", "20 °F"), ("20 °C", "1 V")],
)
def test_a_difference_against_a_temperature_is_incommensurable(
    reference: str, indication: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, reference, indication)
    assert caught.value.code == "incommensurable"


def test_differences_against_each_other_are_evaluated() -> None:
    # 20.10 Δ°C read against 20.00 Δ°C: error 0.10 Δ°C, within ±0.2 Δ°C
    point = evaluate_point(None, "20.00 Δ°C", "20.10 Δ°C", mpe="0.2 Δ°C")
    assert (point.error, point.error_unit, point.decision.value) == (
        Decimal("0.10"),
        "Δ°C",
        "pass",
    )


@pytest.mark.parametrize(
    ("field", "nominal", "reference", "indication"),
    [
        ("indication", None, "20 °C", "-300 °C"),
        ("reference", None, "-0.5 K", "1 K"),
        ("nominal", "-500 °F", "20 °C", "20 °C"),
    ],
)
def test_point_values_below_absolute_zero(
    field: str, nominal: str | None, reference: str, indication: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point(nominal, reference, indication)
    assert (caught.value.field, caught.value.code) == (field, "below_absolute_zero")


def test_errors_and_limits_in_kelvin_may_be_negative() -> None:
    # reading 0.5 K below the reference: error −0.5 K; limits [−1 K, 0 K] are differences
    point = evaluate_point(None, "300.0 K", "299.5 K", lower="-1 K", upper="0 K")
    assert (point.error, point.decision.value) == (Decimal("-0.5"), "pass")


def test_out_of_range_number_is_refused_with_its_code() -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, "1e-150000000 V", "1 V")
    assert (caught.value.field, caught.value.code) == ("reference", "out_of_range")


@pytest.mark.parametrize(
    ("spec", "field", "code"),
    [
        ((Decimal("1e-150000000"), "V", Decimal(1), "V"), "range_low_value", "out_of_range"),
        ((Decimal(-300), "°C", Decimal(100), "°C"), "range_low_value", "below_absolute_zero"),
        ((Decimal(0), "K", Decimal(-1), "K"), "range_high_value", "below_absolute_zero"),
    ],
)
def test_range_ends(spec: tuple[Decimal, str, Decimal, str], field: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_specification(*spec, None, None)
    assert (caught.value.field, caught.value.code) == (field, code)
    check_specification(Decimal(-1), "Δ°C", Decimal(1), "Δ°C", None, None)  # a difference range


@pytest.mark.parametrize("text", ["-5 K", "-280 °C", "-500 °F"])
def test_room_temperature_below_absolute_zero(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_environment(text, "temperature")
    assert caught.value.code == "below_absolute_zero"


@settings(max_examples=200, deadline=None)
@given(QUANTITY, QUANTITY, QUANTITY, QUANTITY, QUANTITY, QUANTITY, QUANTITY)
def test_evaluate_point_gives_a_result_or_a_validation_error(
    nominal: str | None,
    reference: str | None,
    indication: str | None,
    big_u: str | None,
    mpe: str | None,
    lower: str | None,
    upper: str | None,
) -> None:
    start = time.perf_counter()
    try:
        result = evaluate_point(nominal, reference, indication, big_u, None, mpe, lower, upper)
    except ValidationError as exc:
        assert exc.code
    else:
        assert isinstance(result, PointEvaluation)
    assert time.perf_counter() - start < SECOND


@settings(max_examples=200, deadline=None)
@given(QUANTITY)
def test_parse_environment_gives_a_value_or_a_validation_error(text: str | None) -> None:
    start = time.perf_counter()
    try:
        value, unit = parse_environment(text, "temperature")
    except ValidationError as exc:
        assert exc.code
    else:
        assert (value is None) == (unit is None)
    assert time.perf_counter() - start < SECOND


@pytest.mark.parametrize(
    ("k", "code"),
    [("1e-150000000", "out_of_range"), ("1" * 300, "out_of_range"), ("inf", "out_of_range"),
     ("nan", "not_a_number"), ("x", "not_a_number"), ("0", "not_positive")],
)  # fmt: skip
def test_coverage_factor_is_bounded_like_every_number(k: str, code: str) -> None:
    # k is stored as typed by the event service: it must never reach the database out of bounds
    with pytest.raises(ValidationError) as caught:
        evaluate_point(None, "1 V", "1 V", coverage_factor=k)
    assert (caught.value.field, caught.value.code) == ("coverage_factor", code)


def test_one_result_rule_as_left_decides_when_present() -> None:
    """The dialog and the service share it: as found FAIL, as left PASS is a PASS (adjusted)."""
    from labapp.domain.enums import Decision, EventResult
    from labapp.domain.points import event_result

    adjusted = [("as_found", Decision.FAIL), ("as_left", Decision.PASS)]
    assert event_result(adjusted) is EventResult.PASS
    assert event_result([("as_found", Decision.FAIL)]) is EventResult.FAIL  # nothing adjusted
    assert event_result([], EventResult.PASS) is EventResult.PASS  # stated, no points
    assert event_result([("as_left", Decision.NONE)]) is EventResult.NO_DECISION
