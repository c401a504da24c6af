"""Which database a command means, and where its schema stands, read without writing.

``labapp-cli db current`` on a file is this module alone: a plain path or ``sqlite:///`` URL is
resolved by :func:`~labapp.persistence.sqlite_files.sqlite_file_url` and looked at with the
standard library's :mod:`sqlite3` (read-only), the revisions come from the migration scripts'
text (:func:`labapp.persistence.migrations.revision_chain`); SQLAlchemy is imported only for a
server or an unusual URL.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from labapp import paths
from labapp.domain.errors import DatabaseUnreachableError, NotALabAppDatabaseError
from labapp.persistence import migrations
from labapp.persistence.sqlite_files import SqliteFile, inspect_sqlite, sqlite_file_url

__all__ = [
    "ENV_VAR",
    "Probe",
    "SchemaStatus",
    "check_labapp",
    "probe_file",
    "probe_sqlite",
    "resolve_database_url",
    "schema_status",
]

ENV_VAR = "LABAPP_DATABASE_URL"


def resolve_database_url(
    cli_value: str | None = None,
    env: Mapping[str, str] = os.environ,
    settings_value: str | None = None,
    demo: bool = False,
) -> str:
    """Pick the database: ``--database``, then ``LABAPP_DATABASE_URL``, then settings, then default.

    ``demo=True`` always gives the demo file (:func:`labapp.paths.demo_database_path`), never the
    user's real database.  Plain paths become ``sqlite:///`` URLs.
    """
    if demo:
        return _url_text(str(paths.demo_database_path()))
    for candidate in (cli_value, env.get(ENV_VAR), settings_value):
        if candidate and candidate.strip():
            return _url_text(candidate.strip())
    return _url_text(str(paths.default_database_path()))


def _url_text(text: str) -> str:
    plain = sqlite_file_url(text)
    if plain is not None:
        return plain[0]
    from labapp.persistence.engine import normalise_url  # a server or options: SQLAlchemy's URL

    return normalise_url(text).render_as_string(hide_password=False)


@dataclass(frozen=True)
class Probe:
    """What a read-only look found: every object's name, LabApp's mark, the revision."""

    tables: frozenset[str]
    is_labapp: bool
    revision: str | None


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands against this LabApp (``labapp-cli db current``)."""

    revision: str | None
    head: str
    newer: bool

    @property
    def up_to_date(self) -> bool:
        """At this LabApp's head revision."""
        return self.revision == self.head


def schema_status(url: str, *, must_exist: bool = True) -> SchemaStatus:
    """The revision of the LabApp database at ``url`` and whether it is behind, at head or newer.

    Reads only: an SQLite file is looked at read-only (:mod:`labapp.persistence.sqlite_files`),
    and a missing file is not created (``must_exist=False``: it counts as empty).

    Raises
    ------
    DatabaseUnreachableError
        No such file (when ``must_exist``), or the server cannot be reached.
    NotALabAppDatabaseError, DatabaseCorruptError
        Another program's database, no SQLite file, a truncated or damaged file.
    """
    plain = sqlite_file_url(url)
    if plain is None:
        from labapp.services.database._open import read_probe  # SQLAlchemy: a server

        masked, probe = read_probe(url, create=not must_exist)
    else:
        masked, path = plain  # a plain SQLite URL has no password to hide
        probe = probe_file(path, masked, create=not must_exist)
    if probe.tables - {"alembic_version"}:
        check_labapp(probe, masked)
    head = migrations.head_revision()
    newer = probe.revision is not None and probe.revision not in migrations.known_revisions()
    return SchemaStatus(probe.revision, head, newer)


def probe_file(path: Path, masked: str, *, create: bool) -> Probe:
    """:func:`probe_sqlite`, after refusing a folder and (unless ``create``) a missing file."""
    if path.is_dir():
        raise NotALabAppDatabaseError(masked, "(it is a directory)")
    if not path.exists() and not create:
        raise DatabaseUnreachableError(masked, "no such file")
    return probe_sqlite(path, masked)


def probe_sqlite(path: Path, masked: str) -> Probe:
    """Look inside without writing anything (:mod:`labapp.persistence.sqlite_files`).

    Every object counts (a file holding only a view is not empty), and a file that is no
    SQLite, truncated or damaged raises its typed error here, before any engine touches it.
    """
    try:
        found: SqliteFile = inspect_sqlite(path, masked)
    except OSError as exc:
        from labapp.persistence.engine import map_database_error

        raise (
            map_database_error(exc, masked) or DatabaseUnreachableError(masked, str(exc))
        ) from exc
    names = frozenset(name.split(":", 1)[1] for name in found.objects)
    return Probe(names, found.is_labapp, found.revision)


def check_labapp(probe: Probe, masked: str) -> None:
    """Refuse another program's database, or a LabApp one without a revision."""
    if not probe.is_labapp:
        shown = ", ".join(sorted(probe.tables)[:5])
        raise NotALabAppDatabaseError(masked, f"(no labapp_meta; tables: {shown})")
    if probe.revision is None:
        raise NotALabAppDatabaseError(masked, "(no schema revision)")
