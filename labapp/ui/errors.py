"""Words LabApp's typed errors in the user's language, and shows them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from labapp.domain.errors import (
    ConcurrentModificationError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    DiskFullError,
    LabAppError,
    MigrationFailedError,
    NotALabAppDatabaseError,
    NotFoundError,
    SchemaBehindError,
    SchemaTooNewError,
    ValidationError,
)

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """A sentence for the user, in the current UI language, explaining ``exc``."""
    match exc:
        case NotALabAppDatabaseError():
            return QCoreApplication.translate("Errors", "This file is not a LabApp database.")
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
        case ValidationError():
            return QCoreApplication.translate("Errors", "Invalid value for {0}: {1}").format(
                exc.field, exc.message
            )
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
