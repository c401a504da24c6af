"""Importing LabApp's own register template from Excel: check every row, then all or nothing.

The CLI and the GUI import through :mod:`labapp.services.imports._ledger` (any layout, LabApp's
template and export included); this stricter template path stays with its tests until they are
ported (its per-cell codes differ from the ledger reader's).

Two steps, so the user sees what will happen before anything is written:

1. :func:`check_register_file` reads the file (:func:`labapp.io.register.read_register`) against
   what the database knows: locations, providers, procedures (by code) and custodians (by name or
   login), and the asset tags already in the register.  Rows whose cells are fine then go through
   the same rules as the instrument dialog (``labapp.services.register.validate_instrument``:
   range order across units, accuracy against range, a positive interval).  Every problem becomes a
   :class:`~labapp.io.register._read.CellError` with an English and a Chinese reason; nothing is
   written.  :func:`write_error_workbook` hands the file back with each bad cell marked.
2. :func:`import_register` adds every row in one transaction (a unit of work: each new instrument is
   audited with the reason "imported from <file>"), only when the check found no error.  Any
   failure (a tag added meanwhile by someone else, a lost connection) rolls everything back.

A name that matches several records (two custodians called 王芳) is refused as ambiguous: the
ledger must then name the login.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy import select

from labapp.domain.due import instrument_due_on
from labapp.domain.errors import ValidationError
from labapp.io.excel import CellError, ImportFileError, Language, lookup_key, quantity_key
from labapp.io.excel import write_error_workbook as _write_marked
from labapp.io.register import (
    FIELDS_BY_KEY,
    RegisterImport,
    RegisterRow,
    TemplateChoices,
    read_register,
    write_register_template,
)
from labapp.persistence.models import (
    InstrumentRow,
    LaboratoryRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.services.database import Database
from labapp.services.imports._words import domain_problem
from labapp.services.register import (
    EDITABLE_FIELDS,
    InstrumentData,
    commit_instruments,
    validate_instrument,
)

__all__ = [
    "CellError",
    "ImportFileError",
    "RegisterCheck",
    "RegisterImportRefused",
    "check_register_file",
    "import_register",
    "write_error_workbook",
    "write_import_template",
]

_PROGRESS_EVERY = 1000
_ROW_FIELDS = set(RegisterRow._fields)


@dataclass(frozen=True)
class RegisterCheck:
    """What a register file would add: the valid rows, or every bad cell with its reason."""

    path: Path
    sheet: str
    header_row: int
    rows: tuple[InstrumentData, ...]
    errors: tuple[CellError, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the file can be imported: no error and at least one row."""
        return not self.errors and bool(self.rows)


class RegisterImportRefused(ValidationError):
    """:func:`import_register` was given a check with errors (or no rows): nothing was written."""

    def __init__(self, errors: int) -> None:
        super().__init__(
            "file", f"{errors} bad cells; nothing imported", code="import_refused",
            params={"errors": errors},
        )  # fmt: skip


@dataclass(frozen=True)
class _Names:
    """The database's names by folded spelling → ids (several ids: ambiguous)."""

    locations: dict[str, list[tuple[int, int]]]
    providers: dict[str, list[int]]
    procedures: dict[str, list[int]]
    custodians: dict[str, list[int]]
    spelled: dict[str, list[str]]
    asset_tags: set[str]
    laboratories: list[int]
    rule_outcomes: dict[tuple[Any, ...], Any] = field(default_factory=dict)


def check_register_file(db: Database, path: str | os.PathLike[str]) -> RegisterCheck:
    """Read and check a register file against the database; write nothing.

    Parameters
    ----------
    db : Database
        The open database (names and asset tags are read from it).
    path : path-like
        The ledger (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``).

    Returns
    -------
    RegisterCheck
        ``ok`` when every row is valid; otherwise ``errors`` names every bad cell.

    Raises
    ------
    ImportFileError
        The file is not a readable workbook, is password-protected, empty, or has no header.
    """
    names = _load_names(db)
    read = read_register(
        path,
        known_locations=names.spelled["location"],
        known_providers=names.spelled["provider"],
        known_custodians=names.spelled["custodian"],
        known_procedures=names.spelled["procedure"],
        existing_asset_tags=names.asset_tags,
    )
    rows: list[InstrumentData] = []
    errors = list(read.errors)
    for row in read.rows:
        data, problems = _instrument_data(row, names, read)
        errors.extend(problems)
        if data is not None:
            rows.append(data)
    errors.sort(key=lambda e: (e.row, e.column))
    return RegisterCheck(
        path=Path(path),
        sheet=read.sheet,
        header_row=read.header_row,
        rows=tuple(rows) if not errors else (),
        errors=tuple(errors),
        warnings=tuple(read.warnings),
    )


def import_register(
    db: Database,
    user: str,
    check: RegisterCheck,
    *,
    reason: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add every row of a clean check in one audited transaction; return how many were added.

    Parameters
    ----------
    db : Database
        The open database.
    user : str
        Who imports (recorded on each row and in the audit log).
    check : RegisterCheck
        A result of :func:`check_register_file` with ``ok`` true.
    reason : str, optional
        The audit reason; default "imported from <file name>".
    progress : callable, optional
        Called with (rows done, total) every ~1000 rows.

    Raises
    ------
    RegisterImportRefused
        The check has errors or no rows; nothing is written.
    ValidationError
        An asset tag was added by someone else since the check (``code="duplicate"``); the
        transaction is rolled back and nothing is imported.
    """
    if not check.ok:
        raise RegisterImportRefused(len(check.errors))
    why = reason or f"imported from {check.path.name}"
    total = len(check.rows)
    with db.unit_of_work(user, why) as uow:
        for done, data in enumerate(check.rows, start=1):
            uow.instruments.add(new_instrument_row(data))
            if done % _PROGRESS_EVERY == 0:
                uow.flush()
                if progress is not None:
                    progress(done, total)
        commit_instruments(uow)
    if progress is not None:
        progress(total, total)
    return total


def new_instrument_row(data: InstrumentData) -> InstrumentRow:
    """The row for a new instrument, its due date computed as the instrument dialog does."""
    row = InstrumentRow(**{name: getattr(data, name) for name in EDITABLE_FIELDS})
    row.due_on = instrument_due_on(
        data.last_calibrated_on, data.interval_months, status=data.status, latest_failed=False
    )  # a new row has no result yet; a suspended, retired or scrapped one gets no due date
    return row


def write_error_workbook(
    check: RegisterCheck, out_path: str | os.PathLike[str], language: Language
) -> Path:
    """Write the checked file back with each bad cell marked and an errors sheet first.

    A workbook openpyxl cannot open (``.xls``, ``.ods``) gets the errors sheet alone.
    """
    read = RegisterImport(errors=list(check.errors), sheet=check.sheet)
    _write_marked(check.path, read, out_path, language)
    return Path(out_path)


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


# --- the database's names ---------------------------------------------------------------------


def _load_names(db: Database) -> _Names:
    spelled: dict[str, list[str]] = {}
    with db.read() as session:
        locations = _index(session.execute(select(LocationRow.name, LocationRow.id,
                                                  LocationRow.laboratory_id)))  # fmt: skip
        providers = _index(session.execute(select(ProviderRow.name, ProviderRow.id)))
        procedures = _index(session.execute(select(ProcedureRow.code, ProcedureRow.id)))
        people = list(session.execute(select(PersonRow.name, PersonRow.login, PersonRow.id)))
        tags = set(session.scalars(select(InstrumentRow.asset_tag)))
        labs = list(session.scalars(select(LaboratoryRow.id).order_by(LaboratoryRow.id)))
    custodians = _index([(name, pid) for name, _, pid in people] +
                        [(login, pid) for _, login, pid in people])  # fmt: skip
    for key, table in (("location", locations), ("provider", providers),
                       ("procedure", procedures), ("custodian", custodians)):  # fmt: skip
        spelled[key] = [spelling for spelling, _ in table.values()]
    return _Names(
        locations={k: ids for k, (_, ids) in locations.items()},
        providers={k: ids for k, (_, ids) in providers.items()},
        procedures={k: ids for k, (_, ids) in procedures.items()},
        custodians={k: sorted(set(ids)) for k, (_, ids) in custodians.items()},
        spelled=spelled,
        asset_tags=tags,
        laboratories=labs,
    )


def _index(rows: Iterable[Any]) -> dict[str, tuple[str, list[Any]]]:
    """Folded name → (a spelling, ids or (id, laboratory id) pairs)."""
    table: dict[str, tuple[str, list[Any]]] = {}
    for name, *ids in rows:
        entry = table.setdefault(lookup_key(name), (name, []))
        entry[1].append(ids[0] if len(ids) == 1 else tuple(ids))
    return table


# --- one row → InstrumentData -----------------------------------------------------------------


def _instrument_data(
    row: RegisterRow, names: _Names, read: RegisterImport
) -> tuple[InstrumentData | None, list[CellError]]:
    problems: list[CellError] = []
    refs: dict[str, Any] = {}
    tables = (("location", names.locations), ("provider", names.providers),
              ("procedure", names.procedures), ("custodian", names.custodians))  # fmt: skip
    for key, table in tables:
        text = getattr(row, key)
        ids = table.get(lookup_key(text), []) if text else []
        if len(set(ids)) > 1:
            problems.append(_ambiguous(row, key, text, read))
        refs[key] = ids[0] if ids else None
    location = refs["location"]
    values = {k: getattr(row, k) for k in _ROW_FIELDS if k in _SAME_NAME}
    if values.get("quantity"):  # "温度" or "Temperature" (as exported) is stored as its key
        values["quantity"] = quantity_key(values["quantity"]) or values["quantity"]
    data = InstrumentData(
        **values,
        range_low_value=row.range_low,
        range_low_unit=(row.range_low_unit or row.range_unit)
        if row.range_low is not None
        else None,
        range_high_value=row.range_high,
        range_high_unit=row.range_unit if row.range_high is not None else None,
        custodian_id=refs["custodian"],
        location_id=location[0] if location else None,
        laboratory_id=location[1] if location else _only(names.laboratories),
        provider_id=refs["provider"],
        procedure_id=refs["procedure"],
    )
    refused = _rule_outcome(data, names.rule_outcomes)
    if refused is not None:
        problems.append(domain_problem(row, refused, read))
    return (None if problems else data), problems


def _rule_outcome(data: InstrumentData, seen: dict[tuple[Any, ...], Any]) -> ValidationError | None:
    """The instrument rules' verdict on a row, worked out once per distinct specification.

    The rules look at the required texts (never empty here: the file reader refuses those
    first), the interval and the range/accuracy with their units; a ledger repeats the same
    specification for every item of a model, and each verdict costs unit parsing.
    """
    key = (data.interval_months, data.range_low_value, data.range_low_unit, data.range_high_value,
           data.range_high_unit, data.accuracy_value, data.accuracy_unit)  # fmt: skip
    if key not in seen:
        try:
            validate_instrument(data)
            seen[key] = None
        except ValidationError as exc:
            seen[key] = exc
    return seen[key]  # type: ignore[no-any-return]


_SAME_NAME = ({f.name for f in fields(InstrumentData)} & _ROW_FIELDS) - {"range_low_unit"}


def _only(ids: list[int]) -> int | None:
    return ids[0] if len(ids) == 1 else None


def _ambiguous(row: RegisterRow, key: str, text: str, read: RegisterImport) -> CellError:
    column, header = read.columns.get(key, ("", FIELDS_BY_KEY[key].header_en))
    return CellError(
        read.sheet, row.source_row, column, header, text, f"ambiguous_{key}",
        f"{text!r} names several records in LabApp; write a unique name (for a person: the login)",
        f"“{text}”对应 LabApp 中的多条记录，请写唯一的名称（人员请写登录名）",
    )  # fmt: skip
