"""The failed standard's error at the served nominal: a gauge-block set worked by hand.

The provider's certificate of the set (as found): 1 mm −0.6 µm, 10 mm −0.8 µm, 50 mm −1.2 µm,
100 mm −1.8 µm (error = nominal − measured length).  The old rule applied the largest relative
error, −0.6 µm / 1 mm = −0.06 %, at every nominal: −60 µm at 100 mm, 33 times the −1.8 µm the
provider measured there.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from labapp.domain.errors import ValidationError
from labapp.domain.impact_transfer import error_tables, transfer_at
from labapp.domain.quantities import Measured

CERTIFICATE = {"1": "-0.6", "10": "-0.8", "50": "-1.2", "100": "-1.8"}  # mm: µm


def _blocks() -> list[tuple[Measured, Measured, Measured]]:
    """(nominal, measured length as the reference, nominal as the indication) per block."""
    rows = []
    for nominal, error_um in CERTIFICATE.items():
        length = D(nominal) - D(error_um) / 1000  # error = nominal - length
        rows.append((Measured(D(nominal), "mm"), Measured(length, "mm"),
                     Measured(D(nominal), "mm")))  # fmt: skip
    return rows


@pytest.mark.parametrize(
    ("at_mm", "expected_um", "source"),
    [
        ("1.0000", "-0.6", "1 mm"),  # a block's nominal: its own deviation, digits kept
        ("100.0000", "-1.8", "100 mm"),  # not -60
        ("5", "-0.6889", "1 mm … 10 mm"),  # -0.6 + (-0.8 + 0.6)·(5 - 1)/(10 - 1) = -0.68889
        ("25", "-0.95", "10 mm … 50 mm"),  # -0.8 + (-0.4)·15/40
        ("75", "-1.5", "50 mm … 100 mm"),  # -1.2 + (-0.6)·25/50
        ("30000 µm", "-1", "10 mm … 50 mm"),  # 30 mm typed in µm: -0.8 - 0.4·20/40
    ],
)
def test_gauge_block_errors_are_interpolated_not_scaled(
    at_mm: str, expected_um: str, source: str
) -> None:
    tables = error_tables(_blocks())
    value, unit = [*at_mm.split(), "mm"][:2]
    found = transfer_at(tables, Measured(D(value), unit), "µm")
    assert found.value == D(expected_um)
    assert found.source == source


def test_outside_the_blocks_is_not_assessable_never_extrapolated() -> None:
    tables = error_tables(_blocks())
    for outside in ("125", "0.5"):
        with pytest.raises(ValidationError) as caught:
            transfer_at(tables, Measured(D(outside), "mm"), "µm")
        assert caught.value.code == "outside_range"
        assert caught.value.params["range"] == "1 mm … 100 mm"


def test_the_table_says_where_each_error_was_found() -> None:
    (table,) = error_tables(_blocks())
    assert not table.relative and table.error_unit == "mm"
    assert [(p.at, p.error) for p in table.points] == [
        (D(n), D(e) / 1000) for n, e in CERTIFICATE.items()
    ]


def test_a_voltage_standard_interpolates_its_relative_error() -> None:
    # 1 V read 1.00002 V (+0.002 %), 10 V read 10.0010 V (+0.010 %), nominals recorded; at 4 V
    # (by hand): 0.002 + 0.008·(4 - 1)/(10 - 1) = 0.0046667 %, times 4000 mV = 0.18667 mV
    tables = error_tables([
        (Measured(D(1), "V"), Measured(D("1.00000"), "V"), Measured(D("1.00002"), "V")),
        (Measured(D(10), "V"), Measured(D("10.0000"), "V"), Measured(D("10.0010"), "V")),
    ])  # fmt: skip
    assert tables[0].relative
    found = transfer_at(tables, Measured(D("4.0000"), "V"), "mV")
    fraction = (D(4) - D(1)) / (D(10) - D(1))  # the nominals are recorded: 1 V and 10 V
    expected = D(4000) * (D("0.002") + D("0.008") * fraction) / 100
    assert found.value == round(expected, 4) == D("0.1867")
    assert found.source == "1 V … 10 V"


def test_another_quantity_has_no_table() -> None:
    with pytest.raises(ValidationError) as caught:
        transfer_at(error_tables(_blocks()), Measured(D(10), "V"), "V")
    assert caught.value.code == "incommensurable"
