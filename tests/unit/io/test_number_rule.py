"""One number rule for LabApp: forms and quantities (metrology) and spreadsheet cells (io).

Both read numbers through :func:`labapp.metrology.units.parse_decimal`; the only difference is the
ambiguous "1,234", read as 1.234 in LabApp's forms and refused in a cell.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from labapp.io.register import CellProblem, as_decimal
from labapp.metrology.errors import NumberError, UnitError
from labapp.metrology.units import parse_decimal, parse_quantity

ACCEPTED = [
    ("10.00", "10.00"),
    ("10,5", "10.5"),
    ("-0,0035", "-0.0035"),
    ("−2.5", "-2.5"),
    ("１２.５", "12.5"),
    ("1.5e-3", "0.0015"),
    (",5", "0.5"),
    ("1,2345", "1.2345"),
    ("12,34", "12.34"),
    ("1234,5", "1234.5"),
]


@pytest.mark.parametrize(("text", "value"), ACCEPTED)
def test_form_and_cell_read_the_same_digits(text: str, value: str) -> None:
    form = parse_decimal(text)
    cell = as_decimal(text)
    assert form == cell == Decimal(value)
    assert str(cell) == str(form)  # the typed digits, "10.00" stays 10.00
    assert str(parse_quantity(f"{text} V").magnitude) == str(form)


@pytest.mark.parametrize("text", ["1,234", "-12,500", "999,000"])
def test_grouping_lookalike_is_a_decimal_comma_in_forms_and_refused_in_cells(text: str) -> None:
    assert parse_decimal(text) == Decimal(text.replace(",", "."))
    with pytest.raises(NumberError) as refused:
        parse_decimal(text, refuse_grouping_lookalike=True)
    assert refused.value.reason == "ambiguous_separator"
    with pytest.raises(CellProblem) as problem:
        as_decimal(text)
    assert problem.value.code == "ambiguous_separator" and "有歧义" in problem.value.message_zh


@pytest.mark.parametrize(
    ("text", "reason"),
    [("1,000.5", "not_a_number"), ("10 V", "not_a_number"), ("abc", "not_a_number"),
     ("1.2.3", "not_a_number"), ("1e999", "out_of_range")],
)  # fmt: skip
def test_refused_everywhere_with_one_reason(text: str, reason: str) -> None:
    with pytest.raises(NumberError) as refused:
        parse_decimal(text)
    assert refused.value.reason == reason and isinstance(refused.value, UnitError)
    with pytest.raises(CellProblem) as problem:
        as_decimal(text)
    assert problem.value.code == reason and problem.value.message_en and problem.value.message_zh


def test_number_cells_keep_their_shortest_digits() -> None:
    assert str(as_decimal(100.0)) == "100" and str(as_decimal(0.0035)) == "0.0035"
    assert as_decimal(7) == 7 and as_decimal("  ") is None
    with pytest.raises(CellProblem):
        as_decimal(True)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("inf", "out_of_range"), ("-Infinity", "out_of_range"), ("NaN", "not_a_number")],
)
def test_infinity_is_out_of_range_and_nan_no_number(text: str, reason: str) -> None:
    """Decimal() reads both; neither is a value a person can have measured."""
    with pytest.raises(NumberError) as refused:
        parse_decimal(text)
    assert refused.value.reason == reason
    with pytest.raises(CellProblem) as problem:
        as_decimal(text)
    assert problem.value.code == reason
