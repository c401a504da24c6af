"""The certificate document model shared by the PDF and DCC writers.

Public: the frozen dataclasses of a certificate (:class:`CertificateDocument` and its parts),
:func:`certificate_kind_for` (which certificate an event gets), the wording helpers the writers
share, and :class:`CertificateError` (a stable code with English and Chinese wording).
"""

from labapp.io.certificates._errors import CertificateError
from labapp.io.certificates._logo import MAX_LOGO_BYTES, logo_media_type
from labapp.io.certificates._model import (
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
    certificate_kind_for,
)
from labapp.io.certificates._words import (
    decision_rule_text,
    decision_text,
    format_date,
    format_datetime,
    format_decimal,
    format_measured,
    format_uncertainty,
    result_text,
    say,
    signatory_text,
    stage_text,
    title_text,
)

__all__ = [
    "MAX_LOGO_BYTES",
    "CertificateDocument",
    "CertificateError",
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
    "decision_rule_text",
    "decision_text",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_measured",
    "format_uncertainty",
    "logo_media_type",
    "result_text",
    "say",
    "signatory_text",
    "stage_text",
    "title_text",
]
