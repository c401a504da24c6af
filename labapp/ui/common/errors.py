"""Words LabApp's typed errors in the user's language, and shows them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from labapp.domain.errors import (
    AuthenticationError,
    ConcurrentModificationError,
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
    IntegrityViolationError,
    LabAppError,
    MigrationFailedError,
    NotALabAppDatabaseError,
    NotFoundError,
    PermissionDeniedError,
    SchemaBehindError,
    SchemaTooNewError,
    ValidationError,
)
from labapp.io.excel import ImportFileError

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """A sentence for the user, in the current UI language, explaining ``exc``."""
    match exc:
        case NotALabAppDatabaseError():
            return QCoreApplication.translate("Errors", "This file is not a LabApp database.")
        case DatabaseCorruptError():
            return QCoreApplication.translate(
                "Errors",
                "This database file is damaged or truncated ({0}). It was left as it was: "
                "restore a backup (labapp-cli db restore).",
            ).format(exc.reason)
        case SchemaTooNewError():
            return QCoreApplication.translate(
                "Errors", "Created by a newer LabApp (revision {0}): update LabApp."
            ).format(exc.revision)
        case SchemaBehindError():
            return QCoreApplication.translate(
                "Errors",
                "The shared database must be upgraded by an administrator: labapp-cli db upgrade",
            )
        case DatabaseUnreachableError() if exc.url.startswith("sqlite"):
            return QCoreApplication.translate("Errors", "Cannot open the file: {0}").format(
                exc.reason
            )
        case DatabaseUnreachableError():
            return QCoreApplication.translate("Errors", "Cannot reach the server: {0}").format(
                exc.reason
            )
        case DatabaseReadOnlyError():
            return QCoreApplication.translate("Errors", "The location is read-only: {0}").format(
                exc.reason
            )
        case DiskFullError():
            return QCoreApplication.translate("Errors", "The disk is full: {0}").format(exc.reason)
        case DatabaseBusyError():
            return QCoreApplication.translate(
                "Errors",
                "The database is busy (another user or an import is saving), try again.",
            )
        case MigrationFailedError():
            return QCoreApplication.translate(
                "Errors", "Upgrading the database failed ({0}). A backup was kept at: {1}"
            ).format(exc.reason, exc.backup or "-")
        case ConcurrentModificationError():
            return QCoreApplication.translate(
                "Errors", "{0} was changed meanwhile by {1}. Reload and try again."
            ).format(
                exc.info.entity,
                exc.info.changed_by or QCoreApplication.translate("Errors", "another user"),
            )
        case NotFoundError():
            return QCoreApplication.translate("Errors", "{0} {1} no longer exists.").format(
                exc.entity, exc.key
            )
        case AuthenticationError():
            return authentication_problem(exc)
        case PermissionDeniedError():
            return permission_problem(exc)
        case IntegrityViolationError():
            return QCoreApplication.translate(
                "Errors",
                "This record is sealed (signed, or part of the audit trail) and cannot be "
                "changed: a correction is a new revision.",
            )
        case ValidationError() if exc.code in VALIDATION_CODES:
            return field_problem(exc)
        case ValidationError():
            return QCoreApplication.translate("Errors", "Invalid value for {0}: {1}").format(
                exc.field, exc.message
            )
        case ImportFileError():  # a file that cannot be read (workbook limits too): its own words
            return exc.message_zh if QLocale().name().startswith("zh") else exc.message_en
        case LabAppError():
            return str(exc)
    return QCoreApplication.translate("Errors", "Unexpected error: {0}").format(
        f"{type(exc).__name__}: {exc}"
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """Show ``exc`` in a window-modal warning box (and log it, with the traceback if unexpected).

    The box is opened, not executed: the caller (often a worker callback) returns at once.
    """
    if isinstance(exc, LabAppError):
        log.info("%s", exc)
    else:
        log.error("unexpected error", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Errors", "LabApp"),
        describe(exc),
        parent=parent,
    )
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


#: ``ValidationError.field`` -> the input's name in the user's language
FIELD_LABELS: dict[str, str] = {
    "nominal": QT_TRANSLATE_NOOP("Errors", "Nominal"),
    "reference": QT_TRANSLATE_NOOP("Errors", "Reference value"),
    "indication": QT_TRANSLATE_NOOP("Errors", "Indication"),
    "expanded_uncertainty": QT_TRANSLATE_NOOP("Errors", "Expanded uncertainty U"),
    "coverage_factor": QT_TRANSLATE_NOOP("Errors", "Coverage factor k"),
    "mpe": QT_TRANSLATE_NOOP("Errors", "MPE"),
    "lower": QT_TRANSLATE_NOOP("Errors", "Lower limit"),
    "upper": QT_TRANSLATE_NOOP("Errors", "Upper limit"),
    "performed_on": QT_TRANSLATE_NOOP("Errors", "Date"),
    "performer_id": QT_TRANSLATE_NOOP("Errors", "Performed by"),
    "checker_id": QT_TRANSLATE_NOOP("Errors", "Checked by"),
    "approver_id": QT_TRANSLATE_NOOP("Errors", "Approved by"),
    "provider_id": QT_TRANSLATE_NOOP("Errors", "Provider"),
    "certificate_no": QT_TRANSLATE_NOOP("Errors", "Certificate number"),
    "procedure_id": QT_TRANSLATE_NOOP("Errors", "Procedure"),
    "temperature": QT_TRANSLATE_NOOP("Errors", "Temperature"),
    "humidity": QT_TRANSLATE_NOOP("Errors", "Humidity"),
    "standards": QT_TRANSLATE_NOOP("Errors", "Standards used"),
    "interval_months": QT_TRANSLATE_NOOP("Errors", "Interval"),
    "interval_reason": QT_TRANSLATE_NOOP("Errors", "Reason for the interval"),
    "reason": QT_TRANSLATE_NOOP("Errors", "Reason"),
    "points": QT_TRANSLATE_NOOP("Errors", "Measurement points"),
    "user": QT_TRANSLATE_NOOP("Errors", "User"),
    "instrument_id": QT_TRANSLATE_NOOP("Errors", "Instrument"),
    "status": QT_TRANSLATE_NOOP("Errors", "Status"),
    "event": QT_TRANSLATE_NOOP("Errors", "Event"),
    "checker": QT_TRANSLATE_NOOP("Errors", "Checker"),
    "approver": QT_TRANSLATE_NOOP("Errors", "Approver"),
}

#: ``ValidationError.code`` -> a sentence; ``{field}`` and the error's params fill it
VALIDATION_CODES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "{field}: a value is required."),
    "required_by_rule": QT_TRANSLATE_NOOP(
        "Errors", "{field}: the guard-band decision rule needs U to place the guard band."
    ),
    "not_a_quantity": QT_TRANSLATE_NOOP(
        "Errors", "{field}: “{text}” is not a number with a known unit (e.g. 10.00 mV)."
    ),
    "incommensurable": QT_TRANSLATE_NOOP(
        "Errors", "{field}: {unit} cannot be compared with {expected}."
    ),
    "unknown_unit": QT_TRANSLATE_NOOP("Errors", "{field}: unknown unit “{unit}”."),
    "not_a_number": QT_TRANSLATE_NOOP("Errors", "{field}: not a number."),
    "out_of_range": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: “{text}” is out of range (at most 50 significant digits, exponent -30 to 30).",
    ),
    "below_absolute_zero": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: “{text}” is below absolute zero (a temperature difference is written in Δ°C).",
    ),
    "not_positive": QT_TRANSLATE_NOOP("Errors", "{field}: must be a positive number."),
    "order": QT_TRANSLATE_NOOP("Errors", "{field}: the lower limit is above the upper limit."),
    "range_order": QT_TRANSLATE_NOOP(
        "Errors", "{field}: the range must go from the lower to the higher value."
    ),
    "four_eyes": QT_TRANSLATE_NOOP(
        "Errors",
        "Four eyes: the person who performed the event cannot also check or approve it.",
    ),
    "performer_is_you": QT_TRANSLATE_NOOP(
        "Errors", "The performer is the person who records the event (you, logged in)."
    ),
    "standard_not_valid": QT_TRANSLATE_NOOP(
        "Errors", "{field}: {asset_tag} is not valid on the event's date; give a reason to use it."
    ),
    "duplicate": QT_TRANSLATE_NOOP("Errors", "{field}: this value is already used."),
    "approved_immutable": QT_TRANSLATE_NOOP(
        "Errors", "An approved event cannot be changed: use Correct… to issue a new revision."
    ),
    "unknown_user": QT_TRANSLATE_NOOP(
        "Errors", "{field}: no such person or account in this laboratory."
    ),
    "future": QT_TRANSLATE_NOOP("Errors", "{field}: the date is in the future."),
    "not_draft": QT_TRANSLATE_NOOP("Errors", "Only a draft can be marked checked."),
    "not_checked": QT_TRANSLATE_NOOP("Errors", "Only a checked event can be approved."),
    "not_approved": QT_TRANSLATE_NOOP("Errors", "Only an approved event can be corrected."),
    "correction_open": QT_TRANSLATE_NOOP(
        "Errors", "A correction of this event is already open (event {event_id})."
    ),
    "self_standard": QT_TRANSLATE_NOOP(
        "Errors", "{field}: an instrument cannot be its own standard."
    ),
    "retired": QT_TRANSLATE_NOOP("Errors", "The instrument is retired: no new events."),
    "not_found": QT_TRANSLATE_NOOP("Errors", "{field}: no such record."),
    "plan_approved": QT_TRANSLATE_NOOP(
        "Errors", "This plan is approved and read-only: start a new revision to change it."
    ),
    "plan_not_approved": QT_TRANSLATE_NOOP(
        "Errors", "Only an approved plan can be revised: a draft is changed directly."
    ),
    # master data (labapp.services.master_data)
    "login_format": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: “{login}” is not a login: a–z, 0–9, “.”, “_” or “-”, starting with a letter or "
        "a digit (2 to 63 characters).",
    ),
    "login_fixed": QT_TRANSLATE_NOOP(
        "Errors", "{field}: {login} has signed records, which name this login: it cannot change."
    ),
    "email_format": QT_TRANSLATE_NOOP("Errors", "{field}: not an e-mail address."),
    "not_a_date": QT_TRANSLATE_NOOP("Errors", "{field}: “{value}” is not a date (YYYY-MM-DD)."),
    "date_order": QT_TRANSLATE_NOOP(
        "Errors", "{field}: licence {number} would expire before it was issued."
    ),
    "withdrawn": QT_TRANSLATE_NOOP(
        "Errors", "{field}: {code} is withdrawn (since {on}): choose the procedure in force."
    ),
    "person_signed": QT_TRANSLATE_NOOP(
        "Errors", "{login} has signed records: disable the person instead of deleting."
    ),
    "custodian": QT_TRANSLATE_NOOP(
        "Errors", "{login} keeps {count} instruments: give them another custodian first."
    ),
    "no_laboratory": QT_TRANSLATE_NOOP(
        "Errors", "Set up the laboratory first (name, address, accreditation)."
    ),
    "not_permitted": QT_TRANSLATE_NOOP(
        "Errors", "{login} may not change this: it needs one of the roles {roles}."
    ),
    "last_admin": QT_TRANSLATE_NOOP(
        "Errors",
        "No active administrator would remain: give another person the admin role first.",
    ),
    "has_account": QT_TRANSLATE_NOOP(
        "Errors", "{login} has an account: disable the person instead of deleting."
    ),
    "checker_approver": QT_TRANSLATE_NOOP(
        "Errors",
        "The person who checked the event cannot also approve it (the laboratory's settings "
        "do not allow it).",
    ),
    "password_short": QT_TRANSLATE_NOOP("Errors", "A password needs at least {min} characters."),
    "password_same": QT_TRANSLATE_NOOP("Errors", "The new password must differ from the old one."),
    "first_admin": QT_TRANSLATE_NOOP(
        "Errors", "The first account of a laboratory must be an administrator."
    ),
    "self_disable": QT_TRANSLATE_NOOP("Errors", "You cannot disable your own account."),
    "pattern": QT_TRANSLATE_NOOP(
        "Errors",
        "“{pattern}” cannot number certificates: use {{yyyy}}, {{yy}}, {{mm}} and {{seq}} or "
        "{{seq:04}}; {{seq}} is required.",
    ),
    "already_set_up": QT_TRANSLATE_NOOP(
        "Errors", "This database is set up already: log in instead."
    ),
    "range": QT_TRANSLATE_NOOP("Errors", "{field}: must be between {low} and {high}."),
    "unknown_role": QT_TRANSLATE_NOOP("Errors", "Unknown role “{role}”: use one of {roles}."),
}

#: ``AuthenticationError.code`` -> a sentence (``{until}``: local time the lock ends)
AUTHENTICATION_CODES: dict[str, str] = {
    "wrong_credentials": QT_TRANSLATE_NOOP(
        "Errors",
        "The login or the password is wrong. After 5 wrong passwords the account "
        "is locked for 15 minutes.",
    ),
    "locked": QT_TRANSLATE_NOOP(
        "Errors", "The account {login} is locked after too many wrong passwords until {until}."
    ),
    "disabled": QT_TRANSLATE_NOOP(
        "Errors", "The account {login} is disabled: ask an administrator."
    ),
    "not_logged_in": QT_TRANSLATE_NOOP(
        "Errors", "Nobody is logged in: log in (File → Log in…) to make changes."
    ),
    "must_change_password": QT_TRANSLATE_NOOP(
        "Errors", "The password of {login} was reset: change it first (File → Change password…)."
    ),
}

#: ``PermissionDeniedError.code`` -> a sentence
PERMISSION_CODES: dict[str, str] = {
    "role": QT_TRANSLATE_NOOP("Errors", "{login} does not hold the role {role} this needs."),
    "qualification": QT_TRANSLATE_NOOP(
        "Errors",
        "{login} holds no qualification valid for {quantity} on {on}: a verification needs one.",
    ),
    "separation": QT_TRANSLATE_NOOP(
        "Errors", "Performer, checker and approver must be three different people."
    ),
    "server": QT_TRANSLATE_NOOP(
        "Errors", "The database server refused this for your login: {detail}"
    ),
}

#: ``PersonRole`` values in the user's language
ROLE_NAMES: dict[str, str] = {
    "metrologist": QT_TRANSLATE_NOOP("Errors", "metrologist"),
    "checker": QT_TRANSLATE_NOOP("Errors", "checker (核验)"),
    "approver": QT_TRANSLATE_NOOP("Errors", "approver (批准)"),
    "quality_manager": QT_TRANSLATE_NOOP("Errors", "quality manager"),
    "technical_manager": QT_TRANSLATE_NOOP("Errors", "technical manager"),
    "admin": QT_TRANSLATE_NOOP("Errors", "administrator"),
}


def role_name(role: object) -> str:
    """A role (``PersonRole`` or its value) in the user's language."""
    value = str(getattr(role, "value", role))
    source = ROLE_NAMES.get(value)
    return QCoreApplication.translate("Errors", source) if source else value


def _worded(table: dict[str, str], code: str, params: dict[str, str]) -> str | None:
    source = table.get(code)
    if source is None:
        return None
    try:
        return QCoreApplication.translate("Errors", source).format(**params)
    except (KeyError, IndexError, ValueError):
        return None


def authentication_problem(exc: AuthenticationError) -> str:
    """A wrong password, a locked or disabled account, nobody logged in: in words."""
    from labapp.ui.common.conflict import when_text

    params = {key: str(value) for key, value in exc.params.items()}
    params.setdefault("login", "")
    until = exc.params.get("until")
    if until is not None:
        params["until"] = when_text(until)  # type: ignore[arg-type]
    text = _worded(AUTHENTICATION_CODES, exc.code, params)
    return text or QCoreApplication.translate("Errors", "The login was refused ({0}).").format(
        exc.code
    )


def permission_problem(exc: PermissionDeniedError) -> str:
    """A missing role or qualification, or a refusal by the database server: in words."""
    params = {key: str(value) for key, value in exc.params.items()}
    for key in ("login", "quantity", "on", "detail"):
        params.setdefault(key, "")
    params["role"] = role_name(exc.params.get("role", ""))
    text = _worded(PERMISSION_CODES, exc.code, params)
    return text or QCoreApplication.translate("Errors", "Not allowed ({0}).").format(exc.code)


def field_label(field: str) -> str:
    """The name of input ``field`` in the user's language (the raw name if unknown)."""
    source = FIELD_LABELS.get(field)
    return QCoreApplication.translate("Errors", source) if source else field


def field_problem(exc: ValidationError, label: str | None = None) -> str:
    """A sentence for a :class:`ValidationError`, worded from its ``code`` and ``params``.

    ``label`` names the field where a view has its own wording for it (default: FIELD_LABELS).
    """
    name = label if label is not None else field_label(exc.field)
    source = VALIDATION_CODES.get(exc.code)
    if source is None:
        return QCoreApplication.translate("Errors", "Invalid value for {0}: {1}").format(
            name, exc.message
        )
    params = {key: str(value) for key, value in exc.params.items()}
    params.setdefault("text", "")
    params.setdefault("unit", "")
    params.setdefault("expected", "")
    params.setdefault("asset_tag", "")
    params.setdefault("event_id", "")
    for key in ("value", "number", "code", "on", "login", "count", "roles", "min", "pattern",
                "low", "high", "role"):  # fmt: skip
        params.setdefault(key, "")
    params["field"] = name
    try:
        return QCoreApplication.translate("Errors", source).format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{params['field']}: {exc.message}"
