"""The unit of work: one session, one transaction, one user, one audit trail.

Usage::

    with SqlAlchemyUnitOfWork(session_factory, user="li.wei", reason="annual review") as uow:
        row = uow.instruments.get(7)
        uow.check_version(row, expected_version=3)
        row.location_id = 2
        uow.commit()

Leaving the block without ``commit()`` rolls back.  A save over a row another user changed
meanwhile raises :class:`~labapp.domain.errors.ConcurrentModificationError` naming who and when
(read again in a fresh session).  No raw SQLAlchemy error leaves a unit of work, whether raised by
``commit()``, ``flush()`` or an autoflush inside a query: a stale row becomes that conflict, a lock
held past the busy timeout :class:`~labapp.domain.errors.DatabaseBusyError`, a violated constraint
a :class:`~labapp.domain.errors.ValidationError` (:data:`KNOWN_CONSTRAINTS` names LabApp's own).
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import event, inspect, select, tuple_
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from labapp.domain.enums import AuditAction
from labapp.domain.errors import (
    ConcurrentModificationError,
    ConflictInfo,
    IntegrityViolationError,
    LabAppError,
    PermissionDeniedError,
    ValidationError,
)
from labapp.persistence import rows as rows  # every row mapped, the audit listeners on
from labapp.persistence.audit import REASON_KEY, SIGNER_KEY, USER_KEY, Signer, mark_action
from labapp.persistence.base import Versioned
from labapp.persistence.engine import map_database_error
from labapp.persistence.integrity_ddl import SEALED_MESSAGE
from labapp.persistence.models import AuditLogRow
from labapp.persistence.repositories import (
    EventRepository,
    InstrumentRepository,
    PersonRepository,
    Repository,
)

__all__ = ["KNOWN_CONSTRAINTS", "SqlAlchemyUnitOfWork", "conflict_from_row", "integrity_error"]

_Candidate = tuple[type[Versioned], tuple[Any, ...], int]
_FLUSHING_KEY = "labapp.flushing"


def conflict_from_row(row: Versioned, expected_version: int) -> ConflictInfo:
    """The conflict a current ``row`` makes with a caller that read ``expected_version``."""
    key = inspect(row).identity
    return ConflictInfo(
        entity=type(row).__table__.name,  # type: ignore[attr-defined]
        key=key[0] if key and len(key) == 1 else key,
        expected_version=expected_version,
        actual_version=row.version,
        changed_by=row.updated_by,
        changed_at=row.updated_at,
    )


class SqlAlchemyUnitOfWork:
    """A transaction on behalf of ``user``; audit entries carry ``user`` and ``reason``."""

    instruments: InstrumentRepository
    events: EventRepository
    persons: PersonRepository
    laboratories: Repository[Any]
    locations: Repository[Any]
    providers: Repository[Any]
    procedures: Repository[Any]

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        user: str,
        reason: str | None = None,
        signer: Signer | None = None,
        *,
        read_factory: sessionmaker[Session] | None = None,
    ) -> None:
        if not user or not user.strip():
            raise ValueError("a unit of work needs the name of the user making the change")
        self._factory = session_factory
        self._read_factory = read_factory or session_factory
        self.user = user
        self.reason = reason
        self.signer = signer
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The open session (only inside the ``with`` block)."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open: use it in a 'with' block")
        return self._session

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        from labapp.persistence.repositories import standard_repositories

        session = self._factory()
        event.listen(session, "before_flush", _remember_versions)
        session.info[USER_KEY] = self.user
        session.info[REASON_KEY] = self.reason
        session.info[SIGNER_KEY] = self.signer
        self._session = session
        for name, repository in standard_repositories(session).items():
            setattr(self, name, repository)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            mapped = self._map(exc, session) if isinstance(exc, SQLAlchemyError) else None
            session.rollback()
        finally:
            session.close()
        if mapped is not None:  # e.g. an autoflush inside a query, outside commit()/flush()
            raise mapped from exc

    def audit(self, obj: object, action: AuditAction, reason: str | None = None) -> None:
        """Log ``obj``'s pending change as ``action`` (approve, retire ...) instead of update."""
        mark_action(self.session, obj, action, reason)

    def check_version(self, row: Versioned, expected_version: int | None) -> None:
        """Refuse to apply changes read from an older version of ``row`` (a stale DTO)."""
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentModificationError(conflict_from_row(row, expected_version))

    def flush(self) -> None:
        """Send pending changes (e.g. to learn new ids) without committing."""
        self._guarded(self.session.flush)

    def commit(self) -> None:
        """Commit; a concurrent change to a row being saved raises ConcurrentModificationError."""
        self._guarded(self.session.commit)

    def rollback(self) -> None:
        """Discard everything since the last commit."""
        self.session.rollback()

    def _guarded(self, action: Any) -> None:
        try:
            action()
        except (StaleDataError, DBAPIError) as exc:
            mapped = self._map(exc, self.session, known_only=isinstance(exc, IntegrityError))
            if mapped is None:
                raise
            raise mapped from exc

    def _map(
        self, exc: BaseException, session: Session, *, known_only: bool = False
    ) -> LabAppError | None:
        """The typed error for a driver or ORM failure inside this unit of work (rolls back).

        ``known_only``: an integrity error LabApp has no words for is left to the service (which
        may map its own constraints) rather than made generic.
        """
        refused = _refusal(exc) if isinstance(exc, DBAPIError) else None
        if refused is not None:  # an integrity trigger or a missing grant said no
            session.rollback()
            return refused
        if isinstance(exc, IntegrityError):
            known = integrity_error(exc)
            if known is not None or known_only:
                return known
            session.rollback()
            return ValidationError(
                "record", "conflicts with a stored record", code="integrity",
                params={"detail": _first_line(exc.orig)},
            )  # fmt: skip
        if isinstance(exc, StaleDataError):
            candidates = session.info.get(_FLUSHING_KEY, [])
            session.rollback()
            return ConcurrentModificationError(self._find_conflict(candidates))
        if isinstance(exc, OperationalError):
            url = session.get_bind().engine.url
            session.rollback()
            return map_database_error(exc, url)  # DatabaseBusyError, DiskFullError ... or None
        return None

    def _find_conflict(self, candidates: list[_Candidate]) -> ConflictInfo:
        """Who changed (or deleted) a row we were saving, read in a fresh session."""
        with self._read_factory() as fresh:
            for row_class, key, expected in candidates:
                current = fresh.get(row_class, key)
                if current is None:
                    name = row_class.__table__.name  # type: ignore[attr-defined]
                    who, when = _last_audit(fresh, [(name, key)])
                    return ConflictInfo(name, _key(key), expected, None, who, when)
                if current.version != expected:
                    return conflict_from_row(current, expected)
            # Nothing we hold changed by now: name the latest change to any of those rows.
            keys = [(c.__table__.name, k) for c, k, _ in candidates]  # type: ignore[attr-defined]
            who, when = _last_audit(fresh, keys)
        info = _unknown_conflict(candidates)
        return ConflictInfo(info.entity, info.key, info.expected_version, None, who, when)


def integrity_error(exc: IntegrityError) -> ValidationError | None:
    """The typed refusal for a violated LabApp constraint LabApp has words for (else ``None``)."""
    text = str(exc.orig)
    for names, (field, code, message) in KNOWN_CONSTRAINTS.items():
        if any(name in text for name in names):
            return ValidationError(field, message, code=code)
    return None


#: how a driver names the constraint (PostgreSQL and an expression index on SQLite: its name;
#: a plain index on SQLite: its columns) -> (field, code, English message) of the refusal
KNOWN_CONSTRAINTS: dict[tuple[str, ...], tuple[str, str, str]] = {
    ("uq_events_open_correction", "UNIQUE constraint failed: events.supersedes_id"): (
        "event", "correction_open", "a correction of this event is already open",
    ),
    ("uq_events_lab_certificate_no",): (
        "certificate_no", "duplicate", "already recorded for this provider",
    ),
}  # fmt: skip


def _first_line(orig: object) -> str:
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def _remember_versions(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Before each flush (autoflush included): the versions of the rows it will write.

    A failed flush expires them, so the conflict is looked up from this list.
    """
    out: list[_Candidate] = []
    for obj in (*session.dirty, *session.deleted):
        state = inspect(obj)
        if isinstance(obj, Versioned) and state.identity is not None:
            version = state.committed_state.get("version", state.dict.get("version"))
            if version is not None:
                out.append((type(obj), state.identity, version))
    session.info[_FLUSHING_KEY] = out


def _last_audit(session: Session, keys: list[tuple[str, tuple[Any, ...]]]) -> tuple[Any, Any]:
    """(user, time) of the latest audit entry about any of ``keys`` (``(None, None)``: none)."""
    if not keys:
        return None, None
    wanted = [(entity, str(_key(key))) for entity, key in keys[:200]]
    stmt = (
        select(AuditLogRow.user_name, AuditLogRow.at)
        .where(tuple_(AuditLogRow.entity, AuditLogRow.entity_id).in_(wanted))
        .order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row is not None else (None, None)


def _refusal(exc: DBAPIError) -> LabAppError | None:
    """The typed error for a refusal by the database's integrity triggers or grants."""
    message = str(exc.orig)
    first = message.strip().splitlines()[0] if message.strip() else ""
    if "is not an approver" in message:
        return PermissionDeniedError("server", {"detail": first})
    if SEALED_MESSAGE in message:
        return IntegrityViolationError(first.split(SEALED_MESSAGE + ":", 1)[-1].strip())
    if "permission denied" in message.lower():
        return PermissionDeniedError("server", {"detail": first})
    return None


def _key(identity: tuple[Any, ...]) -> Any:
    return identity[0] if len(identity) == 1 else identity


def _unknown_conflict(candidates: list[_Candidate]) -> ConflictInfo:
    if candidates:
        row_class, key, expected = candidates[0]
        name = row_class.__table__.name  # type: ignore[attr-defined]
        return ConflictInfo(name, _key(key), expected, None, None, None)
    return ConflictInfo("?", None, 0, None, None, None)
