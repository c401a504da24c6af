"""The failed-standard re-evaluation rule (labapp.domain.impact), numbers worked out here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from labapp.domain.enums import Decision
from labapp.domain.errors import ValidationError
from labapp.domain.impact import (
    AsFoundError,
    Assessment,
    NotAssessable,
    as_found_error,
    as_found_errors,
    downstream_assessment,
    error_for,
    reassess_point,
    transfer,
    worst,
)
from labapp.domain.point_values import PointValues
from labapp.domain.points import DecisionRule
from labapp.domain.quantities import Measured

D = Decimal


def m(value: str, unit: str) -> Measured:
    return Measured(D(value), unit)


def point(ref: str, ind: str, u: str | None, mpe: str | None, unit: str = "V") -> PointValues:
    big_u = None if u is None else m(u, unit)
    limit = None if mpe is None else m(mpe, unit)
    return PointValues(
        m(ref, unit), m(ind, unit), expanded_uncertainty=big_u, coverage_factor=D(2), mpe=limit
    )


#: S read 10.0012 V where the reference was 10.0000 V: +0.012 % of reading.
S_ERROR = as_found_error([(m("10.0000", "V"), m("10.0012", "V"))])


def test_as_found_error_is_the_largest_relative_error() -> None:
    pairs = [(m("1.00000", "V"), m("1.00005", "V")), (m("10.0000", "V"), m("10.0012", "V"))]
    found = as_found_error(pairs)
    expected = (D("10.0012") - D("10.0000")) / D("10.0000") * 100
    assert found.relative and found.unit == "%" and found.value == expected
    assert found.reference_unit == "V"


def test_as_found_error_on_a_temperature_stays_absolute_in_kelvin() -> None:
    found = as_found_error([(m("100.00", "°C"), m("100.12", "°C"))])
    assert (found.value, found.unit) == (D("0.12"), "K")


def test_as_found_error_needs_a_value() -> None:
    with pytest.raises(ValidationError) as caught:
        as_found_error([])
    assert caught.value.code == "required"


def test_transfer_is_relative_to_the_points_reference_in_its_unit() -> None:
    relative = S_ERROR.value / 100
    assert transfer(S_ERROR, m("5000.0", "mV"), "mV") == D("5000.0") * relative
    assert transfer(S_ERROR, m("5.0000", "V"), "mV") == D("5000.0") * relative


def test_transfer_refuses_another_quantity() -> None:
    with pytest.raises(ValidationError) as caught:
        transfer(S_ERROR, m("25.0", "°C"), "K")
    assert caught.value.code == "incommensurable"


def test_pass_becomes_fail_when_the_full_error_is_corrected() -> None:
    p = point("5.0000", "5.0008", "0.0002", "0.0010")
    shift = D("5.0000") * S_ERROR.value / 100
    assert D("0.0008") + shift > D("0.0010")  # 0.0014 V outside ±1 mV
    result = reassess_point(p, S_ERROR)
    assert result.shift == shift
    assert result.u_after == D("0.0002") + shift  # linear, not root-sum-square
    assert (result.decision_before, result.decision_after) == (Decision.PASS, Decision.FAIL)
    assert result.assessment is Assessment.AFFECTED


def test_pass_becomes_conditional_when_the_added_uncertainty_reaches_a_limit() -> None:
    p = point("10.0000", "10.0007", "0.0002", "0.0020")
    shift = D("10.0000") * S_ERROR.value / 100
    u_after = D("0.0002") + shift
    assert D("0.0007") + shift <= D("0.0020")  # corrected, still inside ±2 mV
    assert D("0.0007") + u_after > D("0.0020")  # but 0.0007 ± U' reaches beyond the limit
    result = reassess_point(p, S_ERROR)
    assert result.decision_after is Decision.CONDITIONAL_PASS
    assert result.assessment is Assessment.POSSIBLY_AFFECTED


def test_small_points_are_not_affected() -> None:
    p = point("1.0000", "1.0001", "0.00005", "0.0010")
    shift = D("1.0000") * S_ERROR.value / 100
    assert D("0.0001") + D("0.00005") + 2 * shift < D("0.0010")
    result = reassess_point(p, S_ERROR)
    assert result.decision_after is Decision.PASS
    assert result.assessment is Assessment.NOT_AFFECTED


def test_guard_band_rule_turns_the_affected_point_conditional_or_fail() -> None:
    # Guard band w = U: before, 0.0008 V is exactly on the acceptance limit 1 mV − 0.2 mV: PASS.
    p = point("5.0000", "5.0008", "0.0002", "0.0010")
    result = reassess_point(p, S_ERROR, rule=DecisionRule.GUARD_BAND)
    # corrected 0.0014 V is beyond 1 mV + w = 1.2 mV: FAIL
    assert result.decision_before is Decision.PASS
    assert result.decision_after is Decision.FAIL
    assert result.assessment is Assessment.AFFECTED


def test_a_negative_error_shifts_the_other_way() -> None:
    low = as_found_error([(m("10.0000", "V"), m("9.9988", "V"))])
    p = point("5.0000", "4.9992", "0.0002", "0.0010")
    result = reassess_point(p, low)
    assert result.shift == D("5.0000") * low.value / 100 < 0
    assert result.assessment is Assessment.AFFECTED


def test_a_failed_point_stays_not_affected() -> None:
    p = point("5.0000", "5.0030", "0.0002", "0.0010")
    result = reassess_point(p, S_ERROR)
    assert result.decision_before is result.decision_after is Decision.FAIL
    assert result.assessment is Assessment.NOT_AFFECTED


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        (point("5.0000", "5.0008", "0.0002", None), NotAssessable.NO_TOLERANCE),
        (point("25.00", "25.10", "0.05", "0.50", unit="°C"), NotAssessable.INCOMMENSURABLE),
        (PointValues(None, m("5.0008", "V"), mpe=m("1", "mV")), NotAssessable.INCOMPLETE),
    ],
)  # fmt: skip
def test_not_assessable_points_say_why(facts: PointValues, reason: NotAssessable) -> None:
    result = reassess_point(facts, S_ERROR)
    assert result.assessment is Assessment.NOT_ASSESSABLE
    assert result.reason is reason


def test_relative_error_cannot_go_to_an_absolute_temperature() -> None:
    relative = AsFoundError(D("0.1"), "%", "K")
    facts = point("25.00", "25.10", "0.05", "0.50", unit="°C")
    assert reassess_point(facts, relative).reason is NotAssessable.OFFSET_SCALE


def test_temperature_error_in_kelvin_reaches_celsius_points() -> None:
    error = as_found_error([(m("100.00", "°C"), m("100.30", "°C"))])
    result = reassess_point(point("25.00", "25.30", "0.05", "0.50", unit="°C"), error)
    assert (result.shift, result.unit) == (D("0.30"), "K")
    assert result.assessment is Assessment.AFFECTED  # 0.30 + 0.30 K > 0.50 K


def test_worst_and_downstream() -> None:
    assert worst([Assessment.NOT_AFFECTED, Assessment.POSSIBLY_AFFECTED]) is (
        Assessment.POSSIBLY_AFFECTED
    )
    assert worst([Assessment.NOT_AFFECTED, Assessment.AFFECTED]) is Assessment.AFFECTED
    assert worst([]) is Assessment.NOT_ASSESSABLE
    assert downstream_assessment(Assessment.AFFECTED) is Assessment.POSSIBLY_AFFECTED
    assert downstream_assessment(Assessment.NOT_ASSESSABLE) is Assessment.NOT_AFFECTED


def test_each_kind_of_quantity_keeps_its_own_error() -> None:
    pairs = [
        (m("10.0000", "V"), m("10.0012", "V")),
        (m("1.00000", "V"), m("1.00002", "V")),
        (m("10.0000", "kΩ"), m("10.0030", "kΩ")),
    ]
    volts, ohms = D("0.0012") / D("10.0000") * 100, D("0.0030") / D("10.0000") * 100
    found = as_found_errors(pairs)
    assert [(e.value, e.reference_unit) for e in found] == [(ohms, "kΩ"), (volts, "V")]
    assert error_for(found, m("5.000", "mV")).value == volts
    assert error_for(found, m("100", "Ω")).value == ohms
    assert error_for(found, m("20.0", "°C")) is found[0]  # none of that kind: the largest


def test_guard_band_point_without_u_is_not_assessable_with_its_reason() -> None:
    # A point saved before the guard band refused blank U: the rule cannot re-decide it.
    r = reassess_point(point("5.0000", "5.0008", None, "0.0010"), S_ERROR,
                       rule=DecisionRule.GUARD_BAND)  # fmt: skip
    assert (r.assessment, r.reason) == (Assessment.NOT_ASSESSABLE, NotAssessable.NO_UNCERTAINTY)


def test_a_nominal_outside_the_standard_points_is_not_assessable_with_the_range() -> None:
    from labapp.domain.impact_transfer import error_tables

    tables = error_tables([(None, m("1.00000", "V"), m("1.00005", "V")),
                           (None, m("10.0000", "V"), m("10.0012", "V"))])  # fmt: skip
    r = reassess_point(point("100.000", "100.008", "0.002", "0.010"), tables)
    assert (r.assessment, r.reason) == (Assessment.NOT_ASSESSABLE, NotAssessable.OUTSIDE_RANGE)
    assert r.source == "1.00005 V … 10.0012 V"
    inside = reassess_point(point("10.0000", "10.0001", "0.0001", "0.0010"), tables)
    assert (inside.shift, inside.source) == (D("0.0012"), "10.0012 V")  # 0.012 % of 10 V
