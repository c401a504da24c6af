"""The certificate model: which certificate an event gets, and typed refusals in two languages."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from certificate_samples import calibration, verification

from labapp.domain.enums import EventKind, EventResult, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates import (
    CertificateError,
    CertificateKind,
    CertificatePoint,
    Uncertainty,
    certificate_kind_for,
)


@pytest.mark.parametrize(
    ("kind", "result", "expected"),
    [
        (EventKind.CALIBRATION, EventResult.PASS, CertificateKind.CALIBRATION),
        (EventKind.CALIBRATION, EventResult.NO_DECISION, CertificateKind.CALIBRATION),
        (EventKind.VERIFICATION, EventResult.PASS, CertificateKind.VERIFICATION),
        (EventKind.VERIFICATION, EventResult.FAIL, CertificateKind.VERIFICATION_FAILED),
    ],
)
def test_certificate_kind_for(kind, result, expected) -> None:
    assert certificate_kind_for(kind, result) is expected


@pytest.mark.parametrize(
    ("kind", "result"),
    [
        (EventKind.INTERMEDIATE_CHECK, EventResult.PASS),
        (EventKind.VERIFICATION, EventResult.CONDITIONAL),
    ],
)
def test_no_certificate_for(kind, result) -> None:
    with pytest.raises(CertificateError) as err:
        certificate_kind_for(kind, result)
    assert err.value.code == "kind_result"


def test_a_verification_certificate_cannot_state_fail() -> None:
    with pytest.raises(CertificateError) as err:
        replace(verification(), result=EventResult.FAIL)
    assert err.value.code == "kind_result"
    assert "{" not in err.value.message_en and "{" not in err.value.message_zh


def test_a_calibration_needs_points_and_a_number() -> None:
    with pytest.raises(CertificateError) as err:
        replace(calibration(), points=())
    assert err.value.code == "no_points" and err.value.message_zh == "校准证书至少需要一个结果"
    with pytest.raises(CertificateError) as err:
        replace(calibration(), number=" ")
    assert err.value.code == "required"


@pytest.mark.parametrize(
    ("k", "p", "code"), [("0", "0.95", "uncertainty"), ("2", "1.5", "probability")]
)
def test_a_point_refuses_a_meaningless_uncertainty(k: str, p: str, code: str) -> None:
    u = Uncertainty(Measured(Decimal("0.1"), "V"), Decimal(k), Decimal(p))
    with pytest.raises(CertificateError) as err:
        CertificatePoint(1, Stage.AS_LEFT, Measured(Decimal("1"), "V"), None, uncertainty=u)
    assert err.value.code == code and "1" in err.value.message_zh
