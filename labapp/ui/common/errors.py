"""Words LabApp's typed errors in the user's language, and shows them.

The sentences themselves (per code, per field) are :mod:`labapp.ui.common.error_words`.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

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
from labapp.ui.common.error_words import (
    AUTHENTICATION_CODES,
    FIELD_LABELS,
    PERMISSION_CODES,
    ROLE_NAMES,
    VALIDATION_CODES,
)

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
        case LabAppError() if isinstance(getattr(exc, "message_zh", None), str):
            # worded where it was raised (certificates, DCC files): English and Chinese
            zh = QLocale().name().startswith("zh")
            return str(exc.message_zh if zh else exc.message_en)  # type: ignore[attr-defined]
        case LabAppError():
            return str(exc)
        case OSError():
            return QCoreApplication.translate("Errors", "The file {0} cannot be used: {1}").format(
                Path(exc.filename).name if exc.filename else "", os_reason(exc)
            )
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


# errno -> why a file could not be read or written, in the user words (never the system English)
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Errors", "it does not exist (moved or deleted?)"),
    errno.EACCES: QT_TRANSLATE_NOOP("Errors", "you may not read or write it here (permissions)"),
    errno.EPERM: QT_TRANSLATE_NOOP("Errors", "you may not read or write it here (permissions)"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Errors", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Errors", "a folder on its path does not exist"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("Errors", "the location is read-only"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Errors", "a file of that name exists already"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Errors", "its name is too long"),
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in the current UI language."""
    text = _OS_REASONS.get(exc.errno or 0)
    if text is not None:
        return QCoreApplication.translate("Errors", text)
    return QCoreApplication.translate("Errors", "the system refused it (error {0})").format(
        exc.errno if exc.errno is not None else "?"
    )


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
                "low", "high", "role", "needed", "items", "range", "ended_on", "max",
                "errors", "investigation_id"):  # fmt: skip
        params.setdefault(key, "")
    params["field"] = name
    params["message"] = exc.message
    try:
        return QCoreApplication.translate("Errors", source).format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{params['field']}: {exc.message}"
