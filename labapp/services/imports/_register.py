"""LabApp's own register template, and the refusal of an import whose check found bad cells.

The template is one ledger layout: it is imported like any lab's ledger through
:mod:`labapp.services.imports._ledger` (the one import path of the CLI and the GUI), whose
headings include every heading the template writes (:data:`labapp.io.register.REGISTER_FIELDS`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from labapp.domain.errors import ValidationError
from labapp.io.excel import ImportFileError, Language
from labapp.io.register import TemplateChoices, write_register_template
from labapp.persistence.models import (
    InstrumentRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.database import Database

__all__ = ["ImportFileError", "RegisterImportRefused", "write_import_template"]


class RegisterImportRefused(ValidationError):
    """An import was given a check with bad cells (or no lines): nothing was written."""

    def __init__(self, errors: int) -> None:
        super().__init__(
            "file", f"{errors} bad cells; nothing imported", code="import_refused",
            params={"errors": errors},
        )  # fmt: skip


def write_import_template(db: Database, path: str | os.PathLike[str], language: Language) -> Path:
    """Write the register template with the database's names in its drop-down lists."""
    with db.read() as session:
        choices = TemplateChoices(
            locations=_distinct(session, LocationRow.name),
            providers=_distinct(session, ProviderRow.name),
            custodians=_distinct(session, PersonRow.name, PersonRow.active.is_(True)),
            quantities=_distinct(session, InstrumentRow.quantity),
            procedures=_distinct(session, ProcedureRow.code),
        )
    write_register_template(path, language, choices)
    return Path(path)


def _distinct(session: Any, column: Any, *where: Any) -> tuple[str, ...]:
    stmt = select(column).where(column.is_not(None), *where).distinct().order_by(column)
    return tuple(session.scalars(stmt))
