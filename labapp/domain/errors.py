"""Typed errors the services raise and the UI words in the user's language.

Each error carries the data the message needs (never a pre-formatted English sentence only), so the
UI can translate it.  ``str(error)`` stays a useful English message for logs and the CLI.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


class LabAppError(Exception):
    """Base of every error LabApp raises on purpose."""


class ValidationError(LabAppError, ValueError):
    """A value the user typed is not acceptable; ``field`` names the input.

    ``code`` is a stable key the UI translates (``"required"``, ``"duplicate"``,
    ``"incommensurable"``, ``"four_eyes"`` ...) and ``params`` the values its message needs;
    ``message`` stays the English explanation for logs and the CLI.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        code: str = "invalid",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
        self.params: dict[str, object] = dict(params or {})


class NotFoundError(LabAppError, LookupError):
    """A record asked for by id does not exist (or no longer exists)."""

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key!r} not found")
        self.entity = entity
        self.key = key


@dataclass(frozen=True)
class ConflictInfo:
    """Who changed a row meanwhile, and when."""

    entity: str
    key: object
    expected_version: int
    actual_version: int | None
    changed_by: str | None
    changed_at: datetime | None


class ConcurrentModificationError(LabAppError):
    """Saving over a row that another user changed (or deleted) since it was read."""

    def __init__(self, info: ConflictInfo) -> None:
        who = info.changed_by or "another user"
        when = info.changed_at.isoformat(sep=" ", timespec="seconds") if info.changed_at else "?"
        super().__init__(
            f"{info.entity} {info.key!r} was changed by {who} at {when} "
            f"(version {info.actual_version}, expected {info.expected_version})"
        )
        self.info = info


class DatabaseError(LabAppError):
    """Base of the errors opening or migrating a database."""


class DatabaseUnreachableError(DatabaseError):
    """The database server cannot be reached or refused the connection."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"cannot connect to {url}: {reason}")
        self.url = url
        self.reason = reason


class NotALabAppDatabaseError(DatabaseError):
    """The file or database exists but is not a LabApp database."""

    def __init__(self, url: str, reason: str = "") -> None:
        super().__init__(f"{url} is not a LabApp database {reason}".strip())
        self.url = url
        self.reason = reason


class SchemaTooNewError(DatabaseError):
    """The database was created or upgraded by a newer LabApp (unknown revision)."""

    def __init__(self, url: str, revision: str) -> None:
        super().__init__(f"{url} has schema revision {revision}, created by a newer LabApp")
        self.url = url
        self.revision = revision


class SchemaBehindError(DatabaseError):
    """A shared database is behind; an administrator must run ``labapp-cli db upgrade``."""

    def __init__(self, url: str, current: str | None, head: str) -> None:
        super().__init__(
            f"{url} is at schema revision {current or 'none'}, this LabApp needs {head}; "
            "run 'labapp-cli db upgrade'"
        )
        self.url = url
        self.current = current
        self.head = head


class DatabaseReadOnlyError(DatabaseError):
    """The database location cannot be written (read-only directory or file)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url} is read-only: {reason}")
        self.url = url
        self.reason = reason


class DiskFullError(DatabaseError):
    """The disk holding the database is full."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"disk full while writing {url}: {reason}")
        self.url = url
        self.reason = reason


class MigrationFailedError(DatabaseError):
    """An upgrade failed; the database was left as it was, and a backup exists."""

    def __init__(self, url: str, backup: str | None, reason: str) -> None:
        super().__init__(f"upgrading {url} failed ({reason}); backup at {backup}")
        self.url = url
        self.backup = backup
        self.reason = reason


class AuthenticationError(LabAppError):
    """A login or a signature's password was refused.

    ``code``: ``wrong_credentials`` (unknown login or wrong password: never says which),
    ``locked`` (``params["until"]``), ``disabled``, ``not_logged_in`` (a write by someone
    who has not logged in), ``must_change_password``.
    """

    def __init__(self, code: str, params: Mapping[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        detail = ", ".join(f"{k}={v}" for k, v in self.params.items())
        super().__init__(f"authentication refused: {code}" + (f" ({detail})" if detail else ""))


class PermissionDeniedError(LabAppError):
    """The acting person lacks the role (or qualification) the action needs.

    ``code``: ``role`` (``params["role"]`` missing), ``qualification`` (no valid licence for
    ``params["quantity"]`` on ``params["on"]``), ``separation`` (performer, checker and approver
    must be different people: ``params["as"]``), ``server`` (the database server refused it).
    """

    def __init__(self, code: str, params: Mapping[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        detail = ", ".join(f"{k}={v}" for k, v in self.params.items())
        super().__init__(f"permission denied: {code}" + (f" ({detail})" if detail else ""))


class IntegrityViolationError(LabAppError):
    """The database refused to change a sealed record (an approved event, the audit log)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"a sealed record cannot be changed: {detail}")
        self.detail = detail
