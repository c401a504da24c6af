"""What the master-data commands share: argument types for the repeated options, opening the
database, tab-separated lists, and finding a department by name or code."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TextIO

from labapp.cli.messages import Messages

__all__ = [
    "EXIT_OK",
    "date_type",
    "department_id",
    "parse_qualification",
    "parse_scope",
    "print_table",
    "with_db",
]

EXIT_OK = 0


# --- argument types ---------------------------------------------------------------------------


def _iso(text: str, tr: Messages) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(tr("error.bad_date", value=text)) from exc


def parse_qualification(tr: Messages) -> Callable[[str], Any]:
    """``KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]`` → a QualificationInput (argparse type)."""
    from labapp.services.master_data import QualificationInput

    def parse(text: str) -> QualificationInput:
        parts = text.split(":")
        if not 2 <= len(parts) <= 4 or not parts[0].strip() or not parts[1].strip():
            raise argparse.ArgumentTypeError(tr("error.bad_qualification", value=text))
        parts += [""] * (4 - len(parts))
        kind, number, quantity, until = parts
        return QualificationInput(
            kind.strip(), number.strip(), quantity.strip() or None, valid_until=_iso(until, tr)
        )

    return parse


def parse_scope(tr: Messages) -> Callable[[str], Any]:
    """``QUANTITY[:RANGE[:CMC]]`` → a ScopeInput (argparse type); the CMC may hold colons."""
    from labapp.services.master_data import ScopeInput

    def parse(text: str) -> ScopeInput:
        parts = text.split(":", 2)
        if not parts[0].strip():
            raise argparse.ArgumentTypeError(tr("error.bad_scope", value=text))
        parts += [""] * (3 - len(parts))
        return ScopeInput(parts[0].strip(), parts[1].strip() or None, parts[2].strip() or None)

    return parse


def date_type(tr: Messages) -> Callable[[str], date]:
    def parse(text: str) -> date:
        value = _iso(text, tr)
        if value is None:
            raise argparse.ArgumentTypeError(tr("error.bad_date", value=text))
        return value

    return parse


# --- running ----------------------------------------------------------------------------------


def with_db(args: argparse.Namespace, action: Callable[[Any], int]) -> int:
    """Open the database of ``args``, run ``action(db)``, close it."""
    from labapp.cli.main import _url
    from labapp.services.database import open_database

    db = open_database(_url(args))
    try:
        return action(db)
    finally:
        db.dispose()


def print_table(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Tab-separated lines under a header (scripts split on tabs; empty cells stay empty)."""
    print("\t".join(header), file=out)
    for row in rows:
        print("\t".join("" if v is None else str(v) for v in row), file=out)


def department_id(db: Any, ref: str | None) -> int | None:
    """The department named or coded ``ref`` (``not_found`` when there is none)."""
    from labapp.domain.errors import ValidationError
    from labapp.services.master_data import list_departments

    if ref is None or not ref.strip():
        return None
    wanted = ref.strip().lower()
    for dept in list_departments(db):
        if dept.name.lower() == wanted or (dept.code or "").lower() == wanted:
            return dept.id
    raise ValidationError(
        "department", f"no department {ref!r}", code="not_found", params={"value": ref}
    )
