"""The unit of work: one session, one transaction, one user, one audit trail.

Usage::

    with SqlAlchemyUnitOfWork(session_factory, user="li.wei", reason="annual review") as uow:
        row = uow.instruments.get(7)
        uow.check_version(row, expected_version=3)
        row.location_id = 2
        uow.commit()

Leaving the block without ``commit()`` rolls back.  A save over a row another user changed
meanwhile raises :class:`~labapp.domain.errors.ConcurrentModificationError` naming who and when.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from labapp.domain.enums import AuditAction
from labapp.domain.errors import (
    ConcurrentModificationError,
    ConflictInfo,
    IntegrityViolationError,
    LabAppError,
    PermissionDeniedError,
)
from labapp.persistence.audit import REASON_KEY, SIGNER_KEY, USER_KEY, Signer, mark_action
from labapp.persistence.base import Versioned
from labapp.persistence.integrity_ddl import SEALED_MESSAGE
from labapp.persistence.repositories import (
    EventRepository,
    InstrumentRepository,
    PersonRepository,
    Repository,
)

__all__ = ["SqlAlchemyUnitOfWork", "conflict_from_row"]

_Candidate = tuple[type[Versioned], tuple[Any, ...], int]


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
    ) -> None:
        if not user or not user.strip():
            raise ValueError("a unit of work needs the name of the user making the change")
        self._factory = session_factory
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
            session.rollback()
        finally:
            session.close()

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
        session = self.session
        candidates = [
            (type(obj), inspect(obj).identity, obj.version)
            for obj in (*session.dirty, *session.deleted)
            if isinstance(obj, Versioned) and inspect(obj).identity is not None
        ]
        try:
            action()
        except StaleDataError as exc:
            session.rollback()
            info = self._find_conflict(candidates)
            raise ConcurrentModificationError(info or _unknown_conflict(candidates)) from exc
        except DBAPIError as exc:
            refused = _refusal(exc)
            if refused is None and not isinstance(exc, OperationalError):
                raise
            if refused is not None:
                session.rollback()
                raise refused from exc
            # SQLite WAL: a transaction whose snapshot predates another writer's commit cannot
            # write ("database is locked"); if a row we save did change, that is the real story.
            session.rollback()
            info = self._find_conflict(candidates) if "locked" in str(exc.orig) else None
            if info is None:
                raise
            raise ConcurrentModificationError(info) from exc

    def _find_conflict(self, candidates: list[_Candidate]) -> ConflictInfo | None:
        with self._factory() as fresh:
            for row_class, key, expected in candidates:
                mapper = inspect(row_class)
                pk = mapper.primary_key
                stmt = select(row_class).where(*(c == v for c, v in zip(pk, key, strict=True)))
                current = fresh.scalars(stmt).one_or_none()
                if current is None:
                    name = row_class.__table__.name  # type: ignore[attr-defined]
                    return ConflictInfo(name, _key(key), expected, None, None, None)
                if current.version != expected:
                    return conflict_from_row(current, expected)
        return None


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
