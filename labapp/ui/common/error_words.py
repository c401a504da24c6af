"""The sentences LabApp's typed errors are worded with, per code and per field (context "Errors").

Tables of ``QT_TRANSLATE_NOOP`` markers, so ``pyside6-lupdate`` finds them;
:mod:`labapp.ui.common.errors` translates and fills them. Every code the layers below the UI raise
has its sentence here (``tests/ui/test_error_words.py`` walks the source for them), so any refusal
is worded in the user's language wherever it is shown; a page may word one of them more closely.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = [
    "AUTHENTICATION_CODES",
    "FIELD_LABELS",
    "PERMISSION_CODES",
    "ROLE_NAMES",
    "VALIDATION_CODES",
]

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
    "limit": QT_TRANSLATE_NOOP("Errors", "Limit"),
    "frequency_months": QT_TRANSLATE_NOOP("Errors", "Check frequency"),
    "year": QT_TRANSLATE_NOOP("Errors", "Year"),
    "planned_month": QT_TRANSLATE_NOOP("Errors", "Planned month"),
    "estimated_cost": QT_TRANSLATE_NOOP("Errors", "Estimated cost"),
    "date_from": QT_TRANSLATE_NOOP("Errors", "From"),
    "columns": QT_TRANSLATE_NOOP("Errors", "Columns"),
}

#: ``ValidationError.code`` -> a sentence; ``{field}``, ``{message}`` and the error's params fill it
VALIDATION_CODES: dict[str, str] = {
    # the catch-all code: its English explanation is all there is to say
    "invalid": QT_TRANSLATE_NOOP("Errors", "Invalid value for {field}: {message}"),
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
    "unknown_column": QT_TRANSLATE_NOOP(
        "Errors", "{field}: no such column: {columns}; the columns are: {known}"
    ),
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
    "date_order": QT_TRANSLATE_NOOP("Errors", "{field}: the start date is after the end date."),
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
    "positive": QT_TRANSLATE_NOOP("Errors", "{field}: must not be negative."),
    "too_few": QT_TRANSLATE_NOOP("Errors", "Too few values for this (at least {needed} needed)."),
    "too_long": QT_TRANSLATE_NOOP("Errors", "{field}: too long (at most 32 characters)."),
    "too_large": QT_TRANSLATE_NOOP("Errors", "The file is too large (at most {max} bytes)."),
    "integrity": QT_TRANSLATE_NOOP("Errors", "This change conflicts with a record already stored."),
    "import_refused": QT_TRANSLATE_NOOP(
        "Errors", "{errors} cells of the file are wrong: nothing was imported."
    ),
    # intermediate checks
    "baseline_too_small": QT_TRANSLATE_NOOP(
        "Errors", "The baseline period holds {count} checks; the control limits need at least 2."
    ),
    "has_checks": QT_TRANSLATE_NOOP(
        "Errors", "{count} checks were recorded against this plan: end it instead of deleting it."
    ),
    "plan_ended": QT_TRANSLATE_NOOP(
        "Errors", "The check plan ended on {ended_on}: no check is recorded on or after that day."
    ),
    # comparisons, proficiency testing and corrective actions
    "no_pilot": QT_TRANSLATE_NOOP("Errors", "The pilot laboratory is not among the participants."),
    "robust_failed": QT_TRANSLATE_NOOP("Errors", "Algorithm A cannot be applied to these results."),
    "has_actions": QT_TRANSLATE_NOOP(
        "Errors",
        "A corrective action follows this result: it stays (close the action, keep the record).",
    ),
    "no_own_result": QT_TRANSLATE_NOOP(
        "Errors", "The laboratory has no result of its own in this comparison."
    ),
    "closed": QT_TRANSLATE_NOOP("Errors", "This corrective action is already closed."),
    # failed-standard impact investigations
    "undecided": QT_TRANSLATE_NOOP(
        "Errors",
        "{count} affected or possibly affected results have no action yet ({items}): decide each "
        "one, with its reason, before closing.",
    ),
    "investigation_closed": QT_TRANSLATE_NOOP(
        "Errors", "The investigation is closed: it can no longer be changed."
    ),
    "investigation_open": QT_TRANSLATE_NOOP(
        "Errors", "Investigation {investigation_id} is already open for this failure."
    ),
    "not_failed": QT_TRANSLATE_NOOP(
        "Errors", "This event or check did not find the standard out of tolerance."
    ),
    "offset_scale": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: a relative error cannot be carried to a temperature on an offset scale (°C, °F).",
    ),
    "outside_range": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: outside the standard's calibrated points ({range}): its error there is unknown.",
    ),
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
