"""Words of the Administration page: role names and the master-data services' refusals.

Role names are here (not in :mod:`labapp.ui.common.labels`) so the page owns them; other pages may
use :func:`role_text` too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ValidationError
from labapp.ui.common.errors import field_problem

__all__ = ["ROLE_TEXTS", "admin_problem", "role_text"]

CONTEXT = "AdminWords"

ROLE_TEXTS: dict[PersonRole, str] = {
    PersonRole.METROLOGIST: QT_TRANSLATE_NOOP("AdminWords", "Metrologist"),
    PersonRole.CHECKER: QT_TRANSLATE_NOOP("AdminWords", "Checker"),
    PersonRole.APPROVER: QT_TRANSLATE_NOOP("AdminWords", "Approver"),
    PersonRole.QUALITY_MANAGER: QT_TRANSLATE_NOOP("AdminWords", "Quality manager"),
    PersonRole.TECHNICAL_MANAGER: QT_TRANSLATE_NOOP("AdminWords", "Technical manager"),
    PersonRole.ADMIN: QT_TRANSLATE_NOOP("AdminWords", "Administrator"),
}

#: ValidationError fields of the master-data services, worded here
FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("AdminWords", "Name"),
    "code": QT_TRANSLATE_NOOP("AdminWords", "Code"),
    "login": QT_TRANSLATE_NOOP("AdminWords", "Login"),
    "title": QT_TRANSLATE_NOOP("AdminWords", "Title"),
    "email": QT_TRANSLATE_NOOP("AdminWords", "E-mail"),
    "department": QT_TRANSLATE_NOOP("AdminWords", "Department"),
    "procedure_id": QT_TRANSLATE_NOOP("AdminWords", "Procedure"),
    "laboratory_id": QT_TRANSLATE_NOOP("AdminWords", "Laboratory"),
    "accreditation_no": QT_TRANSLATE_NOOP("AdminWords", "Accreditation number"),
    "accreditation_valid_until": QT_TRANSLATE_NOOP("AdminWords", "Accreditation valid until"),
    "scopes": QT_TRANSLATE_NOOP("AdminWords", "Scope quantity"),
    "qualification_kind": QT_TRANSLATE_NOOP("AdminWords", "Licence kind"),
    "qualification_number": QT_TRANSLATE_NOOP("AdminWords", "Licence number"),
    "issued_on": QT_TRANSLATE_NOOP("AdminWords", "Issued"),
    "valid_until": QT_TRANSLATE_NOOP("AdminWords", "Valid until"),
    "withdrawn_on": QT_TRANSLATE_NOOP("AdminWords", "Withdrawn on"),
    "person": QT_TRANSLATE_NOOP("AdminWords", "Person"),
    "address": QT_TRANSLATE_NOOP("AdminWords", "Address"),
    "certificate_pattern": QT_TRANSLATE_NOOP("AdminWords", "Certificate numbers"),
    "guard_band_factor": QT_TRANSLATE_NOOP("AdminWords", "Guard band factor"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AdminWords", "Lock after idle"),
}

#: refusals of the laboratory settings worded here (their codes are the settings' own)
LAB_CODES: dict[str, str] = {
    "pattern": QT_TRANSLATE_NOOP(
        "AdminWords",
        "Certificate numbers: use {yyyy}, {yy}, {mm} and {seq} or {seq:04}; {seq} is required.",
    ),
    "range": QT_TRANSLATE_NOOP(
        "AdminWords",
        "{0}: out of range (idle lock 1 to 480 minutes, guard band factor 0 to 3).",
    ),
}

#: a licence's dates in the wrong order (the common sentence speaks of any two dates)
LICENCE_DATES = QT_TRANSLATE_NOOP(
    "AdminWords", "{0}: licence {1} would expire before it was issued."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_text(role: PersonRole) -> str:
    """A role's name in the user's language."""
    return _tr(ROLE_TEXTS[role])


def admin_problem(exc: ValidationError) -> str:
    """A refusal of the master-data services in the user's language."""
    label = FIELDS.get(exc.field)
    if exc.code == "date_order" and exc.field == "valid_until":
        return _tr(LICENCE_DATES).format(_tr(FIELDS["valid_until"]), exc.params.get("number", ""))
    if exc.code in LAB_CODES:
        return _tr(LAB_CODES[exc.code]).replace("{0}", _tr(label) if label else exc.field)
    return field_problem(exc, label=_tr(label) if label else None)
