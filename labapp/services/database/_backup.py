"""``labapp-cli db backup`` and ``db restore``: whole-database copies of a LabApp SQLite file.

Both use SQLite's online backup API (consistent even while LabApp writes, WAL included) and check
the result with ``PRAGMA integrity_check`` and LabApp's own marks (``labapp_meta`` and the schema
revision).  A copy goes to a temporary file beside the target and is renamed into place only once
it checked out, so a failed backup or restore leaves no half-written file under the final name.
A PostgreSQL database is backed up with ``pg_dump -Fc`` and restored with ``pg_restore``
(:class:`UseServerToolsError` gives the exact command).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import URL

from labapp.domain.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseUnreachableError,
    NotALabAppDatabaseError,
    SchemaTooNewError,
    TargetExistsError,
    UseServerToolsError,
)
from labapp.persistence import migrations
from labapp.persistence.engine import (
    map_database_error,
    mask_url,
    normalise_url,
    sqlite_path,
    url_without_password,
)
from labapp.persistence.sqlite_files import SqliteFile, inspect_sqlite, read_only_uri

__all__ = ["BackupResult", "backup_database", "pg_dump_command", "restore_database"]

BUSY_TIMEOUT_S = 10.0
_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


@dataclass(frozen=True)
class BackupResult:
    """What was copied where, at which schema revision, and (restore) where the old file went."""

    source: str
    target: Path
    revision: str
    previous: Path | None = None


def pg_dump_command(url: URL, out: str | Path, *, restore: bool = False) -> str:
    """The ``pg_dump -Fc`` (or ``pg_restore``) command for ``url``'s database, with no password.

    The connection goes as a libpq URI (no SQLAlchemy driver name) without the password, which
    belongs in ``~/.pgpass`` or ``PGPASSWORD``, never on a command line.
    """
    libpq = url_without_password(url.set(drivername="postgresql"))
    if restore:
        return shlex.join(["pg_restore", "--clean", "--if-exists", "-d", libpq, str(out)])
    return shlex.join(["pg_dump", "-Fc", "-f", str(out), libpq])


def backup_database(url: str, out: str | Path, *, force: bool = False) -> BackupResult:
    """Copy the LabApp SQLite database at ``url`` to ``out`` and verify the copy.

    Raises
    ------
    UseServerToolsError
        ``url`` is a PostgreSQL database (the message gives the ``pg_dump -Fc`` command).
    TargetExistsError
        ``out`` exists and ``force`` is not given.
    NotALabAppDatabaseError, SchemaTooNewError, DatabaseCorruptError, DatabaseUnreachableError
        The source is not a LabApp database this LabApp knows, or is damaged or missing.
    """
    parsed = normalise_url(url)
    target = Path(out).expanduser().resolve()
    source = _sqlite_source(parsed, target, pg_hint=lambda: pg_dump_command(parsed, target))
    masked = mask_url(parsed)
    found = _labapp_file(source, masked)
    if target.exists() and not force:
        raise TargetExistsError(str(target))
    if target == source.resolve():
        raise TargetExistsError(str(target))
    _copy_verified(source, target, masked, found.revision)
    return BackupResult(masked, target, str(found.revision))


def restore_database(backup: str | Path, url: str, *, force: bool = False) -> BackupResult:
    """Replace the SQLite database at ``url`` by the LabApp backup file ``backup``.

    A target that holds anything is replaced only with ``force``, and is first copied beside
    itself (``<name>.before-restore-<UTC time>.sqlite3``, :attr:`BackupResult.previous`).

    Raises
    ------
    UseServerToolsError
        ``url`` is a PostgreSQL database (the message gives the ``pg_restore`` command).
    TargetExistsError
        The target holds data and ``force`` is not given.
    NotALabAppDatabaseError, SchemaTooNewError, DatabaseCorruptError, DatabaseUnreachableError
        The backup is no LabApp database, is newer than this LabApp, is damaged or missing.
    """
    parsed = normalise_url(url)
    source = Path(backup).expanduser().resolve()
    target = _sqlite_source(
        parsed, source, pg_hint=lambda: pg_dump_command(parsed, source, restore=True)
    )
    shown = str(source)
    if not source.is_file():
        raise DatabaseUnreachableError(shown, "no such file")
    found = _labapp_file(source, shown)
    _check_integrity(source, shown)
    target = target.resolve()
    if target == source:
        raise TargetExistsError(str(target))
    previous = None
    if target.exists() and target.stat().st_size > 0:
        if not force:
            raise TargetExistsError(str(target))
        previous = _keep_beside(target)
        _drop_if_unreadable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _restore_into(source, target, mask_url(parsed))
    _check_integrity(target, mask_url(parsed))
    restored = inspect_sqlite(target, mask_url(parsed))
    if not restored.is_labapp or restored.revision != found.revision:
        raise DatabaseCorruptError(
            mask_url(parsed), f"restored at revision {restored.revision}, not {found.revision}"
        )
    return BackupResult(shown, target, str(found.revision), previous)


# --- helpers ---------------------------------------------------------------------------------


def _sqlite_source(parsed: URL, other: Path, *, pg_hint: Callable[[], str]) -> Path:
    path = sqlite_path(parsed)
    if path is None:
        if parsed.get_backend_name() == "postgresql":
            raise UseServerToolsError(mask_url(parsed), pg_hint())
        raise DatabaseUnreachableError(mask_url(parsed), "an in-memory database has no file")
    return path.expanduser()


def _labapp_file(path: Path, masked: str) -> SqliteFile:
    """The file must be a LabApp database at a revision this LabApp knows (read-only look)."""
    if not path.is_file():
        raise DatabaseUnreachableError(masked, "no such file")
    found = inspect_sqlite(path, masked)
    if not found.is_labapp or found.revision is None:
        raise NotALabAppDatabaseError(masked, "(no labapp_meta or no schema revision)")
    if found.revision not in migrations.known_revisions():
        raise SchemaTooNewError(masked, found.revision)
    return found


def _check_integrity(path: Path, masked: str) -> None:
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(masked, str(exc)) from exc
    if rows != [("ok",)]:
        raise DatabaseCorruptError(masked, "; ".join(str(r[0]) for r in rows[:3]))


def _copy_verified(source: Path, target: Path, masked: str, revision: str | None) -> None:
    """Online backup into a temporary file beside ``target``, check it, rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    part = Path(name)
    try:
        _online_copy(source, part, masked)
        _check_integrity(part, str(target))
        copied = inspect_sqlite(part, str(target))
        if not copied.is_labapp or copied.revision != revision:
            raise DatabaseCorruptError(
                str(target), f"the copy is at revision {copied.revision}, not {revision}"
            )
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)  # stale sidecars of the old file
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def _online_copy(source: Path, destination: Path, masked: str) -> None:
    """SQLite's backup API from ``source`` (read-only) into a new file, one journal-free file."""
    _backup_api(source, destination, masked, rollback_journal=True)


def _restore_into(source: Path, target: Path, masked: str) -> None:
    """The backup API straight into ``target``: under SQLite's lock, so a LabApp that has the
    file open sees the restored data (a renamed file would leave it writing to the old one)."""
    _backup_api(source, target, masked, rollback_journal=False)


def _backup_api(source: Path, destination: Path, masked: str, *, rollback_journal: bool) -> None:
    # A LabApp file (checked before): opened read-write only so that, as the last connection, it
    # removes the -wal/-shm files it needs (a read-only connection would leave them behind).
    writable = os.access(source, os.W_OK) and os.access(source.parent, os.W_OK)
    src_uri = source.resolve().as_uri() + ("" if writable else "?mode=ro")
    try:
        with (
            closing(sqlite3.connect(src_uri, uri=True, timeout=BUSY_TIMEOUT_S)) as src,
            closing(sqlite3.connect(destination, timeout=BUSY_TIMEOUT_S)) as dst,
        ):
            src.backup(dst, progress=_give_up_after(BUSY_TIMEOUT_S), sleep=0.05)
            if rollback_journal:
                dst.execute("PRAGMA journal_mode=DELETE")
    except _Busy as exc:
        reason = "busy: another program is writing it; try again"
        raise DatabaseUnreachableError(masked, reason) from exc
    except sqlite3.Error as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            reason = f"busy: another program is writing it ({exc}); try again"
            raise DatabaseUnreachableError(masked, reason) from exc
        raise (map_database_error(exc, masked) or DatabaseCorruptError(masked, str(exc))) from exc


class _Busy(Exception):
    """The other side held its lock longer than :data:`BUSY_TIMEOUT_S`."""


def _give_up_after(seconds: float) -> Callable[[int, int, int], None]:
    """A backup progress callback that aborts once the database stayed busy for ``seconds``.

    Python's ``Connection.backup`` retries a busy or locked step forever; raising from the
    progress callback is the one way to stop it.
    """
    deadline = time.monotonic() + seconds

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in _BUSY_CODES and time.monotonic() > deadline:
            raise _Busy()

    return progress


def _drop_if_unreadable(target: Path) -> None:
    """A target that is no readable SQLite file (already kept beside) is removed before the
    restore: the backup API cannot write into it."""
    try:
        inspect_sqlite(target, str(target))
    except DatabaseError:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


def _keep_beside(target: Path) -> Path:
    """Copy ``target`` to ``<name>.before-restore-<UTC time>.sqlite3`` in its folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}.sqlite3")
    try:
        _online_copy(target, kept, str(target))
    except DatabaseError:  # not SQLite or damaged: keep its bytes as they are
        kept.unlink(missing_ok=True)
        shutil.copyfile(target, kept)
    return kept
