"""Words of the Administration page: role names and the master-data services' refusals.

Role names are here (not in :mod:`labapp.ui.labels`) so the page owns them; other pages may use
:func:`role_text` too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ValidationError
from labapp.ui.errors import field_problem

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
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_text(role: PersonRole) -> str:
    """A role's name in the user's language."""
    return _tr(ROLE_TEXTS[role])


def admin_problem(exc: ValidationError) -> str:
    """A refusal of the master-data services in the user's language."""
    label = FIELDS.get(exc.field)
    return field_problem(exc, label=_tr(label) if label else None)
