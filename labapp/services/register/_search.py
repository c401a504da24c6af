"""The register's search rule as one SQL condition: one definition.

The Register page, its Excel export, the audit page's item filter, the reverse trace and the CLI
export all find instruments by typed text; they take the condition from here, so the same text
finds the same items everywhere.  The text matches, case-insensitively, anywhere in asset tag,
name, model, serial number, manufacturer, quantity, location and custodian (``ILIKE`` on
PostgreSQL; on SQLite ``LIKE``, which ignores the case of ASCII letters as SQLite's ``lower()``
does, without calling ``lower()`` on every cell; ``%``, ``_`` and ``\\`` are matched literally).

Indexed (:mod:`labapp.persistence.search_index`): for text of three characters or more the
condition is ``id IN (a UNION of three branches)``, each able to use an index: the instrument
columns, the location's name, the custodian's name.  On SQLite the first branch takes its
candidates from the FTS5 trigram index and keeps those the ``LIKE`` rule above accepts (the
index folds more than ASCII case, so it may offer a few more; the rule has the last word, so
the results are exactly the scan's); on PostgreSQL ``ILIKE`` itself uses the GIN trigram indexes.
A trigram index cannot serve one or two characters, so shorter text keeps the scan, written as
before (location and custodian matched through their small tables).

Rare and common text want different plans, and the planners cannot tell them apart (an FTS5
table has no statistics; PostgreSQL's guesses for ``ILIKE`` and for the location branch are far
off): a rare match is fastest read from the index (0.2 ms on SQLite, 1.7 ms on PostgreSQL at
100 000 items), a common one (thousands of matches) by the scan in the page's order, which stops
after one page (reading every match from the index first cost two to three times the scan).
:func:`is_common` counts the index's matches, stopping at :data:`COMMON_CANDIDATES`, and
``many=True`` asks for the scan (the same rows either way).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    any_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    union,
)
from sqlalchemy.sql.functions import Function

from labapp.persistence.models import InstrumentRow, LocationRow, PersonRow
from labapp.persistence.search_index import fts_table

__all__ = [
    "COMMON_CANDIDATES",
    "INDEXED_MIN_CHARS",
    "is_common",
    "scan_condition",
    "search_condition",
    "search_params",
    "search_shape",
]

#: A trigram index needs at least one trigram: shorter text is scanned.
INDEXED_MIN_CHARS = 3
#: From this many candidates on, reading in page order beats reading from the index (SQLite).
COMMON_CANDIDATES = 1000
#: the bind parameters carrying the typed text (see :func:`search_params`)
SEARCH_LIKE, SEARCH_FTS = "search_like", "search_fts"

_TEXT_COLUMNS = (
    InstrumentRow.asset_tag,
    InstrumentRow.name,
    InstrumentRow.model,
    InstrumentRow.serial_no,
    InstrumentRow.manufacturer,
    InstrumentRow.quantity,
)


def search_condition(text: str, dialect: str, *, many: bool = False) -> ColumnElement[bool]:
    """Instruments matching the typed ``text`` (stripped by the caller, not empty).

    Parameters
    ----------
    text
        As typed; ``%``, ``_`` and ``\\`` are literal characters.
    dialect
        ``Database.engine.dialect.name`` (``"sqlite"`` or ``"postgresql"``).
    many
        The text is common (:func:`is_common`): the scan in the page's order, which stops
        after a page, rather than every match from the index (same rows).
    """
    if search_shape(text, many=many) == "scan":
        return scan_condition(text, dialect)
    pattern = _like(text)
    columns = or_(*(_contains(c, pattern, dialect) for c in _TEXT_COLUMNS))
    places = select(LocationRow.id).where(_contains(LocationRow.name, pattern, dialect))
    people = select(PersonRow.id).where(_contains(PersonRow.name, pattern, dialect))
    if dialect == "sqlite":
        candidates = select(fts_table.c.rowid).where(_fts_match(text))
        instruments = _ids(and_(InstrumentRow.id.in_(candidates), columns))
    else:
        instruments = _ids(columns)
    branches = union(
        instruments,
        _ids(InstrumentRow.location_id.in_(places)),
        _ids(InstrumentRow.custodian_id.in_(people)),
    )
    if dialect == "postgresql":
        # id = ANY(ARRAY(...)): the branches run once, then primary-key lookups; as "id IN
        # (...)" the planner guessed 20 000 rows for a location branch and hash-joined every
        # instrument (300 ms for one match at 100 000 items, against 1.7 ms).
        return InstrumentRow.id == any_(Function("ARRAY", branches.scalar_subquery()))
    return InstrumentRow.id.in_(branches)


def is_common(conn: Connection, text: str) -> bool:
    """True when ``text`` matches at least :data:`COMMON_CANDIDATES` instruments' indexed text.

    Counting stops there, so a common text costs a few milliseconds, a rare one less.  False
    for text under a trigram (the scan is used anyway).
    """
    if len(text) < INDEXED_MIN_CHARS:
        return False
    if conn.dialect.name == "sqlite":
        candidates = select(fts_table.c.rowid).where(_fts_match(text))
    else:
        pattern = _like(text)
        candidates = _ids(or_(*(_contains(c, pattern, "postgresql") for c in _TEXT_COLUMNS)))
    counted = candidates.limit(COMMON_CANDIDATES).subquery()
    found = conn.execute(select(func.count()).select_from(counted)).scalar_one()
    return int(found) >= COMMON_CANDIDATES


def _ids(where: ColumnElement[bool]) -> Any:
    """One branch: instrument ids, never correlated with the caller's own ``instruments``."""
    return select(InstrumentRow.id).where(where).correlate(None)


def scan_condition(text: str, dialect: str) -> ColumnElement[bool]:
    """The same rule as a scan of every row (text shorter than a trigram; the test's oracle)."""
    pattern = _like(text)
    places = select(LocationRow.id).where(_contains(LocationRow.name, pattern, dialect))
    people = select(PersonRow.id).where(_contains(PersonRow.name, pattern, dialect))
    return or_(
        *(_contains(c, pattern, dialect) for c in _TEXT_COLUMNS),
        InstrumentRow.location_id.in_(places),
        InstrumentRow.custodian_id.in_(people),
    )


def search_params(text: str) -> dict[str, str]:
    """The values of the search's named parameters for ``text`` (stripped, not empty).

    Every condition of this module binds the typed text through these two names, so a statement
    built for one text serves another of the same shape (:func:`search_shape`) when these values
    are passed at execution (the register's page statement is built once per shape).
    """
    return {
        SEARCH_LIKE: f"%{_escape_like(text)}%",
        SEARCH_FTS: '"' + text.replace('"', '""') + '"',  # FTS5: the text as one phrase
    }


def search_shape(text: str, *, many: bool = False) -> str:
    """Which statement ``text`` searches with: ``"scan"`` (under a trigram, or common) or
    ``"index"``; two texts of one shape differ only in :func:`search_params`."""
    return "scan" if len(text) < INDEXED_MIN_CHARS or many else "index"


def _like(text: str) -> Any:
    return bindparam(SEARCH_LIKE, search_params(text)[SEARCH_LIKE])


def _fts_match(text: str) -> ColumnElement[bool]:
    """FTS5: ``text`` as one phrase (its trigrams in a row, within one column)."""
    phrase = bindparam(SEARCH_FTS, search_params(text)[SEARCH_FTS])
    return literal_column(fts_table.name).op("MATCH")(phrase)  # type: ignore[no-any-return]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, pattern: Any, dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]
