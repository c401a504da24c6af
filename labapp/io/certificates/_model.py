"""The certificate as the formats need it: frozen, typed, nothing pre-glued into strings.

Phase B's services build a :class:`CertificateDocument` from an approved event (its points,
standards, signatures and decision rule) and the lab's settings; the PDF writer
(:mod:`labapp.io.pdf`) and the DCC writer (:mod:`labapp.io.dcc`) both take it, so the printed and
the digital certificate say the same thing.  Values are :class:`~labapp.domain.quantities.Measured`
(an exact ``Decimal`` with the reported digits and a unit string): ``Measured(Decimal("10.00"),
"V")`` prints as ``10.00 V``, never ``10 V``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from labapp.domain.enums import Decision, EventKind, EventResult, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates._errors import CertificateError
from labapp.metrology.conformity import DecisionRule

__all__ = [
    "CertificateDocument",
    "CertificateKind",
    "CertificatePoint",
    "Conditions",
    "DecisionRuleInfo",
    "ItemInfo",
    "LabInfo",
    "MethodInfo",
    "Party",
    "Signatory",
    "SignatoryRole",
    "StandardUsed",
    "Uncertainty",
    "certificate_kind_for",
]


class CertificateKind(StrEnum):
    """校准证书 / 检定证书 / 检定结果通知书."""

    CALIBRATION = "calibration"
    VERIFICATION = "verification"  # 检定证书: the item passed
    VERIFICATION_FAILED = "verification_failed"  # 检定结果通知书: the item failed


class SignatoryRole(StrEnum):
    """校准员 or 检定员 (who performed), 核验员 (checker), 批准人 (approver)."""

    PERFORMER = "performer"
    CHECKER = "checker"
    APPROVER = "approver"


def certificate_kind_for(kind: EventKind, result: EventResult) -> CertificateKind:
    """The certificate an approved in-house event gets.

    A verification that failed gets a notice of failure (检定结果通知书), one that passed a
    verification certificate; a calibration always gets a calibration certificate.  An
    intermediate check gets none (:class:`CertificateError` ``kind_result``).
    """
    if kind is EventKind.CALIBRATION:
        return CertificateKind.CALIBRATION
    if kind is EventKind.VERIFICATION and result is EventResult.PASS:
        return CertificateKind.VERIFICATION
    if kind is EventKind.VERIFICATION and result is EventResult.FAIL:
        return CertificateKind.VERIFICATION_FAILED
    raise CertificateError("kind_result", {"kind": kind.value, "result": result.value})


def _required(value: str | None, name: str) -> None:
    if value is None or not value.strip():
        raise CertificateError("required", {"field": name})


@dataclass(frozen=True)
class LabInfo:
    """The issuing laboratory (from the lab's settings); ``logo`` is PNG or JPEG bytes."""

    name: str
    address: str | None = None
    code: str | None = None
    accreditation_body: str | None = None
    accreditation_no: str | None = None
    email: str | None = None
    phone: str | None = None
    country_code: str = "CN"  # ISO 3166-1 alpha-2, required by the DCC
    logo: bytes | None = None

    def __post_init__(self) -> None:
        _required(self.name, "laboratory name")


@dataclass(frozen=True)
class Party:
    """The customer (委托单位) or the owner of the item."""

    name: str
    address: str | None = None
    code: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class ItemInfo:
    """The item calibrated or verified (被校/被检器具)."""

    name: str
    asset_tag: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    serial_no: str | None = None
    quantity: str | None = None  # the measured quantity, e.g. "DC voltage"
    range_low: Measured | None = None
    range_high: Measured | None = None

    def __post_init__(self) -> None:
        _required(self.name, "item name")


@dataclass(frozen=True)
class MethodInfo:
    """The procedure followed (JJG / JJF / SOP) and its revision."""

    code: str
    title: str | None = None
    revision: str | None = None

    def __post_init__(self) -> None:
        _required(self.code, "procedure")


@dataclass(frozen=True)
class Conditions:
    """Environmental conditions during the measurement; ``location`` is where it was done."""

    temperature: Measured | None = None
    humidity: Measured | None = None
    location: str | None = None


@dataclass(frozen=True)
class StandardUsed:
    """A standard used, with its traceability: its own certificate, who issued it, until when."""

    name: str
    asset_tag: str | None = None
    model: str | None = None
    serial_no: str | None = None
    certificate_no: str | None = None
    calibrated_by: str | None = None  # the provider that issued the standard's certificate
    valid_until: date | None = None
    traceability: str | None = None  # e.g. "traceable to NIM (national standard)"
    uncertainty: str | None = None  # its stated U or accuracy, as the certificate gives it


@dataclass(frozen=True)
class Uncertainty:
    """An expanded uncertainty U with its coverage factor k and coverage probability p."""

    expanded: Measured
    coverage_factor: Decimal
    coverage_probability: Decimal | None = Decimal("0.95")
    distribution: str | None = "normal"


@dataclass(frozen=True)
class CertificatePoint:
    """One result: values as exact decimals with units and the reported digits kept.

    ``error`` is indication minus reference as the record computed it; ``uncertainty`` is U of
    the error (or of the measured value where no error is formed); ``mpe`` (symmetric) or
    ``lower``/``upper`` are the tolerance the ``decision`` was taken against.
    """

    seq: int
    stage: Stage
    reference: Measured | None
    indication: Measured | None
    nominal: Measured | None = None
    error: Measured | None = None
    uncertainty: Uncertainty | None = None
    mpe: Measured | None = None
    lower: Measured | None = None
    upper: Measured | None = None
    decision: Decision = Decision.NONE
    label: str | None = None  # what the point is, e.g. "10 V range"

    def __post_init__(self) -> None:
        if not isinstance(self.stage, Stage):
            raise CertificateError("stage", {"field": "stage"})
        if self.reference is None and self.indication is None and self.error is None:
            raise CertificateError("required", {"field": f"point {self.seq} value"})
        u = self.uncertainty
        if u is not None and not u.coverage_factor > 0:
            raise CertificateError("uncertainty", {"seq": self.seq})
        p = None if u is None else u.coverage_probability
        if p is not None and not Decimal(0) < p <= Decimal(1):
            raise CertificateError("probability", {"seq": self.seq})


@dataclass(frozen=True)
class DecisionRuleInfo:
    """The decision rule the points were decided with (ISO/IEC 17025 §7.8.6, ILAC-G8)."""

    rule: DecisionRule = DecisionRule.SIMPLE
    guard_band_factor: Decimal | None = None


@dataclass(frozen=True)
class Signatory:
    """An electronic signature on the record, as the certificate prints it."""

    role: SignatoryRole
    name: str
    signed_at: datetime | None = None


@dataclass(frozen=True)
class CertificateDocument:
    """Everything a certificate states (ISO/IEC 17025:2017 §7.8.2 to §7.8.6).

    ``result`` is the overall decision of the record (as left when adjusted); ``as_found`` and
    ``as_left`` are the stage results the record keeps.  ``language`` is ``"en"``, ``"zh_CN"``
    or ``"bilingual"``.
    """

    kind: CertificateKind
    number: str
    lab: LabInfo
    item: ItemInfo
    method: MethodInfo
    performed_on: date
    issued_on: date
    points: tuple[CertificatePoint, ...]
    result: EventResult
    customer: Party | None = None
    owner: Party | None = None
    performed_until: date | None = None
    valid_until: date | None = None  # 有效期至 / recalibration due, when the lab states one
    conditions: Conditions = field(default_factory=Conditions)
    standards: tuple[StandardUsed, ...] = ()
    as_found: EventResult | None = None
    as_left: EventResult | None = None
    adjusted: bool = False
    decision_rule: DecisionRuleInfo = field(default_factory=DecisionRuleInfo)
    signatories: tuple[Signatory, ...] = ()
    remarks: str | None = None
    language: str = "bilingual"
    software_name: str = "LabApp"
    software_version: str = ""
    #: the points' p follows LabApp's convention (p ≈ 95 % for 1.96 ≤ k ≤ 2.6), not the record
    coverage_assumed: bool = False

    def __post_init__(self) -> None:
        _required(self.number, "certificate number")
        if self.language not in ("en", "zh_CN", "bilingual"):
            raise CertificateError("language", {"language": self.language})
        if self.kind is CertificateKind.CALIBRATION and not self.points:
            raise CertificateError("no_points")
        wrong = (
            self.kind is CertificateKind.VERIFICATION and self.result is not EventResult.PASS
        ) or (
            self.kind is CertificateKind.VERIFICATION_FAILED and self.result is not EventResult.FAIL
        )
        if wrong:
            raise CertificateError("kind_result", {"kind": self.kind.value, "result": self.result})

    def stage_points(self, stage: Stage) -> tuple[CertificatePoint, ...]:
        """The points of one stage, in their order."""
        return tuple(p for p in self.points if p.stage is stage)

    def signatory(self, role: SignatoryRole) -> Signatory | None:
        """The (last) signatory in ``role``, or None."""
        found = [s for s in self.signatories if s.role is role]
        return found[-1] if found else None
