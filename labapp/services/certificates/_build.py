"""The certificate of an approved in-house event, built from the record as it was approved.

Everything printed comes from the sealed record and the lab's settings: the item and its owner
(the instrument's customer), the procedure and its revision, the dates (performed; issued = the
day of approval, so a certificate printed again says the same), the conditions, the standards
used with the certificates they were valid under, every point with its digits as reported, U, k
and the coverage probability, the decision rule the points were decided with, as-found / as-left,
and the signatories: the performer (校准员/检定员), and the checker and approver from the
electronic signatures on the record.

The record keeps U and k, not p.  The lab reports U at a coverage probability of about 95 %
(JJF 1059.1 §5.3, GUM G.3, ILAC-P14 §5): k = 2 for a normal distribution (95.45 %), or the
Student t factor t95(ν_eff), which lies between 1.96 (ν_eff → ∞) and 2.57 (ν_eff = 5) for five or
more effective degrees of freedom (t95(4) = 2.78 is outside).  A k in [1.96, 2.6] is stated with
p = 0.95 and the certificate says so ("k = 2: p ≈ 95 %" and the rule, ``coverage_assumed``); any
other k (e.g. k = 3) is printed with no p rather than a guess, and a DCC, whose schema needs p for
every U, is refused with ``probability``.  Issuing such a DCC would need the record to keep the p
its evaluation used (a column on the points); until then the rule stands.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

import labapp
from labapp.domain.enums import EventStatus, ProviderKind
from labapp.domain.errors import NotFoundError
from labapp.domain.quantities import Measured
from labapp.io.certificates import (
    CertificateDocument,
    CertificateError,
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
    certificate_kind_for,
)
from labapp.metrology.conformity import DecisionRule
from labapp.persistence.models import (
    EventRow,
    InstrumentRow,
    LaboratoryRow,
    MeasurementPointRow,
    PersonRow,
    ProviderRow,
)
from labapp.persistence.models_accounts import SignatureRow
from labapp.persistence.models_master import CustomerRow

__all__ = ["build_document", "find_event_id"]

#: the k of a ~95 % coverage: normal (1.96, 2) or Student t with 5 or more degrees of freedom
_K_95 = (Decimal("1.96"), Decimal("2.6"))
_P_95 = Decimal("0.95")
#: how the standard's certificate traces to the SI (its provider is printed beside it)
_TRACE = {
    ProviderKind.NMI: ("national measurement standard (NMI)", "国家计量基准"),
    ProviderKind.ACCREDITED_LAB: ("accredited calibration laboratory", "获认可的校准实验室"),
    ProviderKind.LEGAL_BODY: ("legal metrology body", "法定计量检定机构"),
    ProviderKind.IN_HOUSE: ("the laboratory's own higher-level standard", "本实验室上级计量标准"),
}


def _trace(kind: ProviderKind, language: str) -> str:
    en, zh = _TRACE[kind]
    return {"en": en, "zh_CN": zh}.get(language, f"{zh} / {en}")


def find_event_id(session: Session, certificate_no: str) -> int:
    """The approved event that bears the lab's certificate ``certificate_no``.

    Raises :class:`CertificateError` ``unknown_certificate`` when no such approved event exists.
    """
    stmt = select(EventRow.id).where(
        EventRow.certificate_no == certificate_no.strip(),
        EventRow.status == EventStatus.APPROVED,
    )
    for event_id in session.scalars(stmt):
        row = session.get(EventRow, event_id)
        if row is not None and _in_house(session, row):
            return event_id
    raise CertificateError("unknown_certificate", {"number": certificate_no})


def _in_house(session: Session, row: EventRow) -> bool:
    provider = None if row.provider_id is None else session.get(ProviderRow, row.provider_id)
    return provider is None or provider.kind is ProviderKind.IN_HOUSE


def _certifiable(session: Session, row: EventRow) -> None:
    if row.status is not EventStatus.APPROVED:
        raise CertificateError("not_approved", {"event": row.id, "status": row.status.value})
    if not _in_house(session, row):
        raise CertificateError("external", {"event": row.id})
    if not row.certificate_no:
        raise CertificateError("required", {"field": "certificate number"})


def build_document(session: Session, event_id: int, language: str) -> CertificateDocument:
    """The certificate of the approved in-house event ``event_id`` in ``language``.

    Raises
    ------
    CertificateError
        ``not_approved`` (a draft, checked or superseded record), ``external`` (another
        provider's certificate), ``kind_result`` (an intermediate check), and the model's codes.
    NotFoundError
        No such event.
    """
    row = _event(session, event_id)
    _certifiable(session, row)
    kind = certificate_kind_for(row.kind, row.result)
    instrument = session.get(InstrumentRow, row.instrument_id)
    assert instrument is not None  # a foreign key
    approved_at = row.approved_at
    assert approved_at is not None  # approved
    owner = _party(session, instrument.customer_id)
    lab = _lab(session)
    return CertificateDocument(
        kind=kind, number=str(row.certificate_no), lab=lab, item=_item(instrument),
        method=_method(row), performed_on=row.performed_on, issued_on=approved_at.date(),
        points=_points(session, row), result=row.result, customer=owner,
        owner=None if owner else Party(lab.name), valid_until=row.valid_until,
        conditions=_conditions(row), standards=_standards(session, row, language),
        as_found=row.as_found, as_left=row.as_left, adjusted=bool(row.adjusted),
        decision_rule=DecisionRuleInfo(DecisionRule(row.decision_rule), row.guard_band_factor),
        signatories=_signatories(session, row), remarks=row.remarks, language=language,
        software_version=_version(), coverage_assumed=True,
    )  # fmt: skip


def _event(session: Session, event_id: int) -> EventRow:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError("events", event_id)
    return row


def _version() -> str:
    return str(labapp.__version__)


def _lab(session: Session) -> LabInfo:
    lab = session.scalars(select(LaboratoryRow).order_by(LaboratoryRow.id).limit(1)).first()
    if lab is None:
        raise CertificateError("required", {"field": "laboratory name"})
    return LabInfo(
        name=lab.name, address=lab.address, code=lab.code,
        accreditation_body=lab.accreditation_body, accreditation_no=lab.accreditation_no,
        logo=lab.logo,
    )  # fmt: skip


def _party(session: Session, customer_id: int | None) -> Party | None:
    customer = None if customer_id is None else session.get(CustomerRow, customer_id)
    if customer is None:
        return None
    return Party(customer.name, customer.address, customer.code, customer.email, customer.phone)


def _item(instrument: InstrumentRow) -> ItemInfo:
    return ItemInfo(
        instrument.name, asset_tag=instrument.asset_tag, manufacturer=instrument.manufacturer,
        model=instrument.model, serial_no=instrument.serial_no, quantity=instrument.quantity,
        range_low=Measured.of(instrument.range_low_value, instrument.range_low_unit),
        range_high=Measured.of(instrument.range_high_value, instrument.range_high_unit),
    )  # fmt: skip


def _method(row: EventRow) -> MethodInfo:
    procedure = row.procedure
    if procedure is None:
        raise CertificateError("required", {"field": "procedure"})
    return MethodInfo(procedure.code, procedure.title, procedure.revision)


def _conditions(row: EventRow) -> Conditions:
    return Conditions(
        Measured.of(row.temperature_value, row.temperature_unit),
        Measured.of(row.humidity_value, row.humidity_unit),
    )


def _uncertainty(point: MeasurementPointRow) -> Uncertainty | None:
    expanded = Measured.of(point.expanded_uncertainty_value, point.expanded_uncertainty_unit)
    k = point.coverage_factor
    if expanded is None or k is None:
        return None
    return Uncertainty(expanded, k, _P_95 if _K_95[0] <= k <= _K_95[1] else None)


def _points(session: Session, row: EventRow) -> tuple[CertificatePoint, ...]:
    stmt = select(MeasurementPointRow).where(MeasurementPointRow.event_id == row.id)
    points = sorted(session.scalars(stmt), key=lambda p: (p.stage.value != "as_found", p.seq))
    return tuple(
        CertificatePoint(
            p.seq,
            p.stage,
            Measured.of(p.reference_value, p.reference_unit),
            Measured.of(p.indication_value, p.indication_unit),
            nominal=Measured.of(p.nominal_value, p.nominal_unit),
            error=Measured.of(p.error_value, p.error_unit),
            uncertainty=_uncertainty(p),
            mpe=Measured.of(p.mpe_value, p.mpe_unit),
            lower=Measured.of(p.tolerance_lower_value, p.tolerance_lower_unit),
            upper=Measured.of(p.tolerance_upper_value, p.tolerance_upper_unit),
            decision=p.decision,
        )
        for p in points
    )


def _standards(session: Session, row: EventRow, language: str) -> tuple[StandardUsed, ...]:
    out = []
    for use in row.standards:
        standard = session.get(InstrumentRow, use.instrument_id)
        assert standard is not None  # a foreign key
        cert = None if use.certificate_event_id is None else session.get(
            EventRow, use.certificate_event_id
        )  # fmt: skip
        provider = None if cert is None or cert.provider_id is None else session.get(
            ProviderRow, cert.provider_id
        )  # fmt: skip
        out.append(StandardUsed(
            standard.name, asset_tag=standard.asset_tag, model=standard.model,
            serial_no=standard.serial_no,
            certificate_no=None if cert is None else cert.certificate_no,
            calibrated_by=None if provider is None else provider.name,
            valid_until=None if cert is None else cert.valid_until,
            traceability=None if provider is None else _trace(provider.kind, language),
            uncertainty=standard.accuracy_text or _accuracy(standard),
        ))  # fmt: skip
    return tuple(out)


def _accuracy(standard: InstrumentRow) -> str | None:
    value = Measured.of(standard.accuracy_value, standard.accuracy_unit)
    return None if value is None else str(value)


def _signatories(session: Session, row: EventRow) -> tuple[Signatory, ...]:
    out = []
    performer = None if row.performer_id is None else session.get(PersonRow, row.performer_id)
    if performer is not None:
        out.append(Signatory(SignatoryRole.PERFORMER, performer.name, None))
    roles = {"check": SignatoryRole.CHECKER, "approve": SignatoryRole.APPROVER}
    stmt = select(SignatureRow).where(SignatureRow.event_id == row.id).order_by(SignatureRow.id)
    for signature in session.scalars(stmt):
        person = session.get(PersonRow, signature.person_id)
        if signature.meaning in roles and person is not None:
            out.append(Signatory(roles[signature.meaning], person.name, signature.signed_at))
    return tuple(out)
