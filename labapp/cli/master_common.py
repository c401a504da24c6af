"""What the master-data commands share: argument types for the repeated options
(``--qualification``, ``--scope``) and finding a department by name or code.

Opening the database, dates and tab-separated lists are every command's: :mod:`labapp.cli.common`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from labapp.cli.common import iso_date
from labapp.cli.messages import Messages

__all__ = ["department_id", "parse_qualification", "parse_scope"]

# --- argument types ---------------------------------------------------------------------------


def parse_qualification(tr: Messages) -> Callable[[str], Any]:
    """``KIND:NUMBER[:QUANTITY[:VALID_UNTIL]]`` → a QualificationInput (argparse type)."""

    def parse(text: str) -> Any:
        from labapp.services.master_data import QualificationInput  # on use: parsers build fast

        parts = text.split(":")
        if not 2 <= len(parts) <= 4 or not parts[0].strip() or not parts[1].strip():
            raise argparse.ArgumentTypeError(tr("error.bad_qualification", value=text))
        parts += [""] * (4 - len(parts))
        kind, number, quantity, until = parts
        return QualificationInput(
            kind.strip(), number.strip(), quantity.strip() or None, valid_until=iso_date(until, tr)
        )

    return parse


def parse_scope(tr: Messages) -> Callable[[str], Any]:
    """``QUANTITY[:RANGE[:CMC]]`` → a ScopeInput (argparse type); the CMC may hold colons."""

    def parse(text: str) -> Any:
        from labapp.services.master_data import ScopeInput  # on use: parsers build fast

        parts = text.split(":", 2)
        if not parts[0].strip():
            raise argparse.ArgumentTypeError(tr("error.bad_scope", value=text))
        parts += [""] * (3 - len(parts))
        return ScopeInput(parts[0].strip(), parts[1].strip() or None, parts[2].strip() or None)

    return parse


# --- running ----------------------------------------------------------------------------------


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
