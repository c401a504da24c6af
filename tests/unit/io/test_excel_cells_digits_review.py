"""Digits an auditor relies on: no factor of 1000 guessed, no digits invented."""

from __future__ import annotations

from decimal import Decimal

import pytest

from labapp.io.excel import decimal_number_format
from labapp.io.register import CellProblem, as_decimal


def test_thousands_separator_is_refused_not_read_as_a_decimal_comma() -> None:
    with pytest.raises(CellProblem) as caught:
        as_decimal("1,234")
    assert caught.value.code == "ambiguous_separator"
    assert as_decimal("10,5") == Decimal("10.5")
    assert as_decimal("1,2345") == Decimal("1.2345")


def test_positive_exponent_keeps_its_significant_digits() -> None:
    assert decimal_number_format(Decimal("1.2E+5")) == "0.0E+00"
    assert decimal_number_format(Decimal("1000")) == "0"
