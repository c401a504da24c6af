"""Sample certificates for the PDF and DCC tests: typed values as phase B's services will give.

The calibration is a DC voltage calibrator adjusted in the lab (as found and as left); the
verification a digital thermometer that passed; the notice a pressure gauge that failed.  Values
carry reported digits that a careless writer would lose ("10.00", "0.0000", "-0.009").
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal as D

from labapp.domain.enums import Decision, EventResult, Stage
from labapp.domain.quantities import Measured as M
from labapp.io.certificates import (
    CertificateDocument,
    CertificateKind,
    CertificatePoint,
    Conditions,
    DecisionRuleInfo,
    ItemInfo,
    LabInfo,
    MethodInfo,
    Party,
    Signatory,
    SignatoryRole,
    StandardUsed,
    Uncertainty,
)
from labapp.metrology.conformity import DecisionRule

LAB = LabInfo(
    name="华东计量校准实验室 East China Calibration Laboratory",
    address="上海市徐汇区漕宝路 99 号 No. 99 Caobao Road, Shanghai",
    code="ECCL",
    accreditation_body="CNAS",
    accreditation_no="L1234",
    email="lab@example.cn",
    phone="+86 21 5555 0000",
)
SIGNERS = (
    Signatory(SignatoryRole.PERFORMER, "刘洋", datetime(2025, 3, 14, 9, 30, tzinfo=UTC)),
    Signatory(SignatoryRole.CHECKER, "张伟", datetime(2025, 3, 14, 15, 5, tzinfo=UTC)),
    Signatory(SignatoryRole.APPROVER, "李明", datetime(2025, 3, 15, 8, 45, tzinfo=UTC)),
)
DMM_STANDARD = StandardUsed(
    name="数字多用表 Digital multimeter",
    asset_tag="STD-0007",
    model="Fluke 8508A",
    serial_no="953012",
    certificate_no="DLj2024-11873",
    calibrated_by="中国计量科学研究院 NIM",
    valid_until=date(2025, 11, 30),
    traceability="NIM national DC voltage standard",
    uncertainty="U = 3.5 µV/V (k = 2)",
)


def _u(value: str, unit: str, k: str = "2", p: str | None = "0.95") -> Uncertainty:
    return Uncertainty(M(D(value), unit), D(k), None if p is None else D(p))


def calibration(language: str = "bilingual", *, logo: bytes | None = None) -> CertificateDocument:
    """A calibration with as-found and as-left points (adjusted), guard-band rule."""
    found = (
        CertificatePoint(1, Stage.AS_FOUND, M(D("10.00000"), "V"), M(D("10.00052"), "V"),
                         nominal=M(D("10"), "V"), error=M(D("0.00052"), "V"),
                         uncertainty=_u("0.000040", "V"), mpe=M(D("0.00040"), "V"),
                         decision=Decision.FAIL),
        CertificatePoint(2, Stage.AS_FOUND, M(D("1.000000"), "V"), M(D("1.000031"), "V"),
                         nominal=M(D("1"), "V"), error=M(D("0.000031"), "V"),
                         uncertainty=_u("0.0000050", "V"), mpe=M(D("0.000040"), "V"),
                         decision=Decision.PASS),
    )  # fmt: skip
    left = (
        CertificatePoint(1, Stage.AS_LEFT, M(D("10.00000"), "V"), M(D("10.00003"), "V"),
                         nominal=M(D("10"), "V"), error=M(D("0.00003"), "V"),
                         uncertainty=_u("0.000040", "V"), mpe=M(D("0.00040"), "V"),
                         decision=Decision.PASS),
        CertificatePoint(2, Stage.AS_LEFT, M(D("1.000000"), "V"), M(D("1.000000"), "V"),
                         nominal=M(D("1"), "V"), error=M(D("0.000000"), "V"),
                         uncertainty=_u("0.0000050", "V"), mpe=M(D("0.000040"), "V"),
                         decision=Decision.PASS),
        CertificatePoint(3, Stage.AS_LEFT, M(D("100.000"), "mV"), M(D("99.998"), "mV"),
                         nominal=M(D("100"), "mV"), error=M(D("-0.002"), "mV"),
                         uncertainty=_u("0.0012", "mV", "2.05", "0.9545"),
                         lower=M(D("-0.010"), "mV"), upper=M(D("0.010"), "mV"),
                         decision=Decision.PASS),
    )  # fmt: skip
    return CertificateDocument(
        kind=CertificateKind.CALIBRATION,
        number="JZ2025-0042",
        lab=LAB if logo is None else LabInfo(**{**LAB.__dict__, "logo": logo}),
        customer=Party("上海电表厂 Shanghai Meter Works", "上海市闵行区 Minhang, Shanghai"),
        item=ItemInfo(
            "多功能校准器 Multifunction calibrator",
            asset_tag="CAL-0113",
            manufacturer="Fluke",
            model="5522A",
            serial_no="4410021",
            quantity="DC voltage",
            range_low=M(D("0"), "V"),
            range_high=M(D("1000"), "V"),
        ),
        method=MethodInfo("JJF 1638-2017", "多功能标准源校准规范", "2017"),
        performed_on=date(2025, 3, 14),
        issued_on=date(2025, 3, 15),
        valid_until=date(2026, 3, 13),
        points=found + left,
        result=EventResult.PASS,
        as_found=EventResult.FAIL,
        as_left=EventResult.PASS,
        adjusted=True,
        conditions=Conditions(M(D("20.1"), "°C"), M(D("45"), "%RH"), "实验室 Lab 2"),
        standards=(DMM_STANDARD,),
        decision_rule=DecisionRuleInfo(DecisionRule.GUARD_BAND, D("1")),
        signatories=SIGNERS,
        remarks="调整后重新校准。Recalibrated after adjustment.",
        language=language,
        software_version="0.9",
    )


def verification(language: str = "bilingual") -> CertificateDocument:
    """A passed verification of a digital thermometer (K and °C, simple acceptance)."""
    points = tuple(
        CertificatePoint(i, Stage.AS_LEFT, M(D(ref), "°C"), M(D(ind), "°C"),
                         nominal=M(D(nom), "°C"), error=M(D(err), "K"),
                         uncertainty=_u("0.061", "K"), mpe=M(D("0.30"), "K"),
                         decision=Decision.PASS)
        for i, (nom, ref, ind, err) in enumerate(
            [("0", "0.012", "0.02", "0.008"), ("50", "50.003", "49.99", "-0.013"),
             ("100", "99.971", "100.06", "0.089")], start=1)
    )  # fmt: skip
    return CertificateDocument(
        kind=CertificateKind.VERIFICATION,
        number="JD2025-0107",
        lab=LAB,
        owner=Party("本实验室 The laboratory"),
        item=ItemInfo(
            "数字温度计 Digital thermometer",
            asset_tag="TH-0021",
            manufacturer="Testo",
            model="735-2",
            serial_no="60811234",
        ),
        method=MethodInfo("JJG 617-1996", "数字温度指示调节仪检定规程"),
        performed_on=date(2025, 4, 2),
        issued_on=date(2025, 4, 3),
        valid_until=date(2026, 4, 1),
        points=points,
        result=EventResult.PASS,
        conditions=Conditions(M(D("20.0"), "°C"), M(D("50"), "%RH")),
        standards=(DMM_STANDARD,),
        signatories=SIGNERS,
        language=language,
    )


def failed_verification(language: str = "bilingual") -> CertificateDocument:
    """A failed verification of a pressure gauge: a notice of verification result."""
    pts = tuple(
        CertificatePoint(i, Stage.AS_FOUND, M(D(ref), "MPa"), M(D(ind), "MPa"),
                         error=M(D(err), "MPa"), mpe=M(D("0.016"), "MPa"),
                         decision=Decision.FAIL if abs(D(err)) > D("0.016") else Decision.PASS)
        for i, (ref, ind, err) in enumerate(
            [("0.000", "0.000", "0.000"), ("0.800", "0.812", "0.012"),
             ("1.600", "1.621", "0.021")], start=1)
    )  # fmt: skip
    return CertificateDocument(
        kind=CertificateKind.VERIFICATION_FAILED,
        number="JD2025-0108",
        lab=LAB,
        customer=Party("上海电表厂 Shanghai Meter Works"),
        item=ItemInfo(
            "一般压力表 Pressure gauge", asset_tag="PG-3301", model="Y-100", serial_no="22-0917"
        ),
        method=MethodInfo("JJG 52-2013", "弹性元件式一般压力表检定规程"),
        performed_on=date(2025, 4, 8),
        issued_on=date(2025, 4, 8),
        points=pts,
        result=EventResult.FAIL,
        as_found=EventResult.FAIL,
        conditions=Conditions(M(D("20.5"), "°C"), M(D("55"), "%RH")),
        signatories=SIGNERS,
        language=language,
    )


def logo_png() -> bytes:
    """A small PNG logo (drawn with Pillow: a blue square with a white bar)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 60), "#1f4e79")
    ImageDraw.Draw(image).rectangle((10, 25, 110, 35), fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
