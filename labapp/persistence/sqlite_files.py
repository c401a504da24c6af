"""Look inside an SQLite file strictly read-only, before anything may write to it.

Opening a file with a normal connection already writes: LabApp's engine switches the journal to
WAL (rewriting header bytes 18-19) and leaves ``-wal`` and ``-shm`` files beside it.  A file that
LabApp then refuses (a newer revision, another program's tables or views, no SQLite at all, a
truncated copy) must stay byte for byte as it was, with nothing new in its folder.  So the first
look uses ``?mode=ro&immutable=1`` (no lock, no journal, no sidecar files) and only reads; the
caller writes only to a LabApp file, or to an empty or new one.

:func:`sqlite_file_url` reads a plain path or a plain ``sqlite:///`` URL without SQLAlchemy, so
``labapp-cli db current`` on a file imports no database library at all.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from labapp.domain.errors import DatabaseCorruptError, NotALabAppDatabaseError

__all__ = ["SQLITE_HEADER", "SqliteFile", "inspect_sqlite", "read_only_uri", "sqlite_file_url"]

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_APPLICATION = "labapp"


@dataclass(frozen=True)
class SqliteFile:
    """What a read-only look found in an SQLite file.

    Attributes
    ----------
    objects
        ``type:name`` of every table, view, index and trigger (SQLite's own excluded).
    tables
        The table names among them.
    is_labapp
        ``labapp_meta`` says ``application = "labapp"``.
    revision
        The Alembic revision in ``alembic_version`` (``None``: none).
    """

    objects: frozenset[str]
    tables: frozenset[str]
    is_labapp: bool
    revision: str | None

    @property
    def empty(self) -> bool:
        """No schema at all: a new file LabApp may create its schema in."""
        return not self.objects


EMPTY = SqliteFile(frozenset(), frozenset(), False, None)


_PLAIN_PREFIX = "sqlite:///"


def sqlite_file_url(text: str) -> tuple[str, Path] | None:
    """The URL LabApp connects with and the file, for a plain path or ``sqlite:///<path>``.

    The same answer as :func:`labapp.persistence.engine.normalise_url` rendered as text and
    :func:`~labapp.persistence.engine.sqlite_path` (a test compares them), without importing
    SQLAlchemy: the path is unquoted and quoted back as SQLAlchemy's URL does.  Anything else
    (a server, ``?options``, ``file:`` URIs, in memory, another driver) gives ``None``: ask
    SQLAlchemy.
    """
    if "://" not in text:
        database = str(Path(text).expanduser().resolve())
    elif text.startswith(_PLAIN_PREFIX) and "?" not in text:
        database = unquote(text[len(_PLAIN_PREFIX) :])
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
    else:
        return None
    return _PLAIN_PREFIX + quote(database, safe=" +/"), Path(database)


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without writing anything, not even a ``-shm`` file.

    ``immutable=1`` unless a ``-wal`` file is there already (its pages must be read, and the
    sidecar files exist anyway).
    """
    uri = path.resolve().as_uri()  # percent-encoded, and right for Windows drive letters
    if Path(f"{path}-wal").exists():
        return f"{uri}?mode=ro"
    return f"{uri}?mode=ro&immutable=1"


def inspect_sqlite(path: Path, masked: str) -> SqliteFile:
    """Look inside ``path`` without writing to it; a missing or zero-byte file is :data:`EMPTY`.

    Parameters
    ----------
    path
        The SQLite file.
    masked
        Its URL as errors may show it.

    Raises
    ------
    NotALabAppDatabaseError
        Not an SQLite file.
    DatabaseCorruptError
        An SQLite file that is truncated or damaged.
    """
    if not path.exists() or path.stat().st_size == 0:
        return EMPTY
    _check_header(path, masked)
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            return _read(conn)
    except sqlite3.DatabaseError as exc:
        message = str(exc).strip() or type(exc).__name__
        if "not a database" in message.lower() or "encrypted" in message.lower():
            raise NotALabAppDatabaseError(masked, f"({message})") from exc
        raise DatabaseCorruptError(masked, message) from exc


def _check_header(path: Path, masked: str) -> None:
    """The magic string, then the size the header declares against the file's size."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        if SQLITE_HEADER.startswith(header):  # cut off inside the magic string itself
            raise DatabaseCorruptError(masked, f"only {size} bytes, shorter than an SQLite header")
        raise NotALabAppDatabaseError(masked, "(not an SQLite file)")
    if len(header) < _HEADER_SIZE:
        raise DatabaseCorruptError(masked, f"only {size} bytes, shorter than an SQLite header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The declared size is valid when the change counter matches "version-valid-for".
    declared_valid = header[24:28] == header[92:96]
    has_wal = Path(f"{path}-wal").exists()
    if declared_valid and pages and not has_wal and size < page_size * pages:
        raise DatabaseCorruptError(
            masked, f"truncated: {size} bytes of the {page_size * pages} its header declares"
        )


def _read(conn: sqlite3.Connection) -> SqliteFile:
    rows = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    objects = frozenset(f"{kind}:{name}" for kind, name in rows)
    tables = frozenset(name for kind, name in rows if kind == "table")
    is_labapp = False
    if "labapp_meta" in tables:
        row = conn.execute("SELECT value FROM labapp_meta WHERE key = 'application'").fetchone()
        is_labapp = row == (_APPLICATION,)
    revision = None
    if "alembic_version" in tables:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = version[0] if version else None
    return SqliteFile(objects, tables, is_labapp, revision)
