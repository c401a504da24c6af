"""Importing a lab's own ledger (仪器设备台账 / 计量器具台账), any layout: check, then import.

1. :func:`check_ledger` reads the file (:func:`labapp.io.ledger.read_ledger`, with the mapping the
   user confirmed or the one LabApp detects, and a tag pattern for a ledger without tags) against
   the database: the master data each line names (departments, locations, providers, custodians,
   procedures) found, ambiguous or missing (:attr:`LedgerCheck.missing`, the summary a
   "create missing" choice shows), asset tags repeated in the file or already in the register, and
   the instrument dialog's rules (:func:`labapp.services.register.validate_instrument`).  Every
   problem is a bad cell in English and Chinese; nothing is written.
2. :func:`import_ledger` adds, in ONE unit of work audited "imported from FILE", the missing master
   data when the check was asked to create it (:mod:`._create`), then every instrument with every
   typed field.  有效期至 is kept as the certificate's valid-until and as the due date (never
   recomputed); without it the due date is the interval's, as the instrument dialog computes it.

LabApp's own register export is one ledger layout among others (its headings are the ledger's
synonyms, its "Reported digits" sheet restores the digits), so the CLI and the GUI have one path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from labapp.domain.due import due_on, may_fall_due
from labapp.domain.enums import AccuracyKind, EventResult, InstrumentStatus, Reverification, Role
from labapp.domain.errors import ValidationError
from labapp.io.excel import CellError, lookup_key, quantity_key
from labapp.io.ledger import CellWarning, ColumnMapping, LedgerRecord, read_ledger
from labapp.persistence.models import InstrumentRow
from labapp.services.database import Database
from labapp.services.imports._cells import LedgerCells
from labapp.services.imports._create import create_missing
from labapp.services.imports._names import KINDS, KnownNames, load_known_names
from labapp.services.imports._register import RegisterImportRefused
from labapp.services.register import InstrumentData, commit_instruments, validate_instrument

__all__ = ["LedgerCheck", "LedgerImported", "check_ledger", "import_ledger"]

_PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class LedgerCheck:
    """What a ledger would add: its records, or every bad cell; the master data it lacks.

    ``missing`` lists, per kind (department, location, provider, custodian, procedure), the names
    LabApp does not have; with ``create_missing`` they are created by the import, otherwise each
    is a bad cell.
    """

    path: Path
    mapping: ColumnMapping
    format: str
    records: tuple[LedgerRecord, ...]
    errors: tuple[CellError, ...]
    warnings: tuple[CellWarning, ...]
    missing: dict[str, tuple[str, ...]]
    create_missing: bool
    samples: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the ledger can be imported: no bad cell and at least one record."""
        return not self.errors and bool(self.records)

    @property
    def sheet(self) -> str:
        """The (first) sheet read: the error workbook marks its cells."""
        return self.mapping.sheet

    @property
    def to_create(self) -> dict[str, tuple[str, ...]]:
        """What the import will create, per kind (empty unless ``create_missing``)."""
        if not self.create_missing:
            return {}
        return {kind: names for kind, names in self.missing.items() if names}


@dataclass(frozen=True)
class LedgerImported:
    """What an import added: instruments, and master data created per kind."""

    instruments: int
    created: dict[str, int] = field(default_factory=dict)


def check_ledger(
    db: Database,
    path: str | os.PathLike[str],
    mapping: ColumnMapping | None = None,
    *,
    tag_pattern: str | None = None,
    create_missing: bool = False,
    sheet: str | None = None,
) -> LedgerCheck:
    """Read a ledger and check it against the database; write nothing.

    Parameters
    ----------
    db : Database
        The open database (names and asset tags are read from it).
    path : path-like
        The ledger: ``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, CSV or tab-separated text.
    mapping : ColumnMapping, optional
        The columns as the user confirmed them; None detects them.
    tag_pattern : str, optional
        Numbers the items when no column holds tags (e.g. ``"LAB-{seq:05}"``).
    create_missing : bool
        Whether the import will create the master data LabApp lacks (else: bad cells).
    sheet : str, optional
        The sheet to read when detecting.

    Returns
    -------
    LedgerCheck
        ``ok`` when every line is valid; otherwise ``errors`` names every bad cell.

    Raises
    ------
    ImportFileError
        The file cannot be read or mapped (:class:`labapp.io.ledger.LedgerFileError`).
    """
    names = load_known_names(db)
    read = read_ledger(path, mapping, tag_pattern=tag_pattern,
                       existing_asset_tags=names.asset_tags, sheet=sheet)  # fmt: skip
    cells = LedgerCells(read.mapping)
    errors = list(read.errors)
    missing = _missing(read.records, names)
    errors += _reference_problems(read.records, names, missing, create_missing, cells)
    errors += _rule_problems(read.records, names, cells)
    errors.sort(key=lambda e: (e.sheet, e.row, e.column))
    return LedgerCheck(
        path=Path(path), mapping=read.mapping, format=read.format,
        records=tuple(read.records), errors=tuple(errors), warnings=tuple(read.warnings),
        missing=missing, create_missing=create_missing, samples=read.samples,
    )  # fmt: skip


def import_ledger(
    db: Database,
    user: str,
    check: LedgerCheck,
    *,
    reason: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LedgerImported:
    """Add a clean check's master data (if asked) and instruments in one audited transaction.

    Raises
    ------
    RegisterImportRefused
        The check has errors or no records, or names master data that is missing now and was
        not to be created; nothing is written.
    ValidationError
        An asset tag or a name was added by someone else since the check (``code="duplicate"``
        or ``"integrity"``): the transaction is rolled back, nothing is imported.
    """
    if not check.ok:
        raise RegisterImportRefused(len(check.errors))
    names = load_known_names(db)
    missing = _missing(check.records, names)
    if any(missing.values()) and not check.create_missing:
        raise RegisterImportRefused(sum(len(v) for v in missing.values()))
    total = len(check.records)
    with db.unit_of_work(user, reason or f"imported from {check.path.name}") as uow:
        made = create_missing(uow, missing, names) if any(missing.values()) else {}
        refs = _References(names, made)
        for done, record in enumerate(check.records, start=1):
            uow.instruments.add(_instrument_row(record, refs, names))
            if done % _PROGRESS_EVERY == 0:
                uow.flush()
                if progress is not None:
                    progress(done, total)
        commit_instruments(uow)
    if progress is not None:
        progress(total, total)
    return LedgerImported(total, {k: len(v) for k, v in made.items() if v})


# --- master data ------------------------------------------------------------------------------


def _missing(
    records: tuple[LedgerRecord, ...] | list[LedgerRecord], names: KnownNames
) -> dict[str, tuple[str, ...]]:
    """Per kind, the names no record of the database matches (each once, as first written)."""
    found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for record in records:
        for kind, name in record.references().items():
            if not names.lookup(kind, name):
                found[kind].setdefault(lookup_key(name), name)
    return {kind: tuple(by_name.values()) for kind, by_name in found.items()}


def _reference_problems(
    records: list[LedgerRecord],
    names: KnownNames,
    missing: dict[str, tuple[str, ...]],
    create: bool,
    cells: LedgerCells,
) -> list[CellError]:
    problems: list[CellError] = []
    absent = {kind: {lookup_key(n) for n in v} for kind, v in missing.items()}
    for record in records:
        for kind, name in record.references().items():
            if len(names.lookup(kind, name)) > 1:
                problems.append(cells.ambiguous(record, kind, name))
            elif lookup_key(name) in absent[kind]:
                problem = cells.cannot_create(record, kind, name, names) if create else None
                if not create:
                    problem = cells.missing(record, kind, name)
                if problem is not None:
                    problems.append(problem)
    return problems


class _References:
    """Folded name → id per kind: the database's (unique matches) and those just created."""

    def __init__(self, names: KnownNames, made: dict[str, dict[str, int]]) -> None:
        self.names = names
        self.made = made

    def id_of(self, kind: str, name: str | None) -> int | None:
        if name is None:
            return None
        ids = self.names.lookup(kind, name)
        if ids:
            return ids[0]
        return self.made.get(kind, {}).get(lookup_key(name))


# --- instruments ------------------------------------------------------------------------------


def _data(record: LedgerRecord, names: KnownNames, refs: _References | None) -> InstrumentData:
    """The instrument dialog's view of a record (ids only when ``refs`` can give them)."""
    low, high, accuracy = record.range_low, record.range_high, record.accuracy
    accuracy_class, _ = _class_as_written(record)

    def ref(kind: str) -> int | None:
        return refs.id_of(kind, getattr(record, kind)) if refs is not None else None

    location = ref("location")
    lab = names.location_labs.get(location) if location is not None else None
    if location is not None and lab is None:  # created by this import
        lab = names.only_laboratory
    return InstrumentData(
        asset_tag=record.asset_tag, name=record.name, manufacturer=record.manufacturer,
        model=record.model, serial_no=record.serial_no, category=record.category,
        quantity=_quantity(record.quantity, names),
        range_low_value=low.value if low else None, range_low_unit=low.unit if low else None,
        range_high_value=high.value if high else None, range_high_unit=high.unit if high else None,
        accuracy_kind=record.accuracy_kind,
        accuracy_value=accuracy.value if accuracy else None,
        accuracy_unit=accuracy.unit if accuracy else None, accuracy_class=accuracy_class,
        role=record.role or Role.WORKING, level=record.level,
        mandatory_verification=bool(record.mandatory_verification),
        status=record.status or InstrumentStatus.IN_SERVICE, custodian_id=ref("custodian"),
        location_id=location, laboratory_id=lab if lab is not None else names.only_laboratory,
        interval_months=record.interval_months, provider_id=ref("provider"),
        procedure_id=ref("procedure"), last_calibrated_on=record.last_calibrated_on,
        notes=record.notes,
    )  # fmt: skip


def _class_as_written(record: LedgerRecord) -> tuple[str | None, str | None]:
    """(accuracy class, accuracy text): a class the reader kept as text ("K级 / 1等", "E2 (OIML
    R111)") in a column stating classes is the class as written, as the instrument dialog takes
    it (LabApp's own export writes such classes), when the class column can hold it."""
    text = record.accuracy_text
    if (
        record.accuracy_kind is AccuracyKind.CLASS
        and record.accuracy_class is None
        and text is not None
        and len(text) <= _CLASS_LENGTH
    ):
        return text, None
    return record.accuracy_class, text


_CLASS_LENGTH = 32  # instruments.accuracy_class is VARCHAR(32)


def _quantity(text: str | None, names: KnownNames) -> str | None:
    """ "温度" or "Temperature" (as exported) is stored as its key; free text stays as written."""
    return (quantity_key(text, names.quantities) or text) if text else None


def _rule_problems(
    records: list[LedgerRecord], names: KnownNames, cells: LedgerCells
) -> list[CellError]:
    """The instrument dialog's rules, each distinct specification judged once."""
    seen: dict[tuple[Any, ...], ValidationError | None] = {}
    problems = []
    for record in records:
        data = _data(record, names, None)
        key = (data.interval_months, data.range_low_value, data.range_low_unit,
               data.range_high_value, data.range_high_unit, data.accuracy_value,
               data.accuracy_unit, not data.name.strip(), not data.asset_tag.strip())  # fmt: skip
        if key not in seen:
            try:
                validate_instrument(data)
                seen[key] = None
            except ValidationError as exc:
                seen[key] = exc
        refused = seen[key]
        if refused is not None:
            problems.append(cells.refused(record, refused))
    return problems


def _instrument_row(record: LedgerRecord, refs: _References, names: KnownNames) -> InstrumentRow:
    data = _data(record, names, refs)  # the rules passed in check_ledger (once per specification)
    row = InstrumentRow(**{k: getattr(data, k) for k in InstrumentData.__dataclass_fields__})
    row.department_id = refs.id_of("department", record.department)
    row.calibration_method = record.calibration_method
    row.reverification = record.reverification or Reverification.PERIODIC
    row.last_event_kind = record.last_event_kind
    row.last_result = record.last_result
    row.last_certificate_no = record.certificate_no
    row.last_valid_until = record.valid_until
    row.accuracy_coverage_factor = record.coverage_factor
    row.accuracy_text = _class_as_written(record)[1]
    row.range_text = record.range_text
    row.purchase_value = record.purchase_value
    row.purchased_on = record.purchased_on
    row.due_on = ledger_due_on(record, data)
    return row


def ledger_due_on(record: LedgerRecord, data: InstrumentData) -> date | None:
    """The due date: none while the item may not be used (or a failed last result) or is not
    re-verified by the calendar; else 有效期至 as stated, or the interval's from the last date."""
    failed = record.last_result is EventResult.FAIL
    if not may_fall_due(data.status, latest_failed=failed):
        return None
    if record.valid_until is not None:
        return record.valid_until
    if record.reverification not in (None, Reverification.PERIODIC):
        return None
    return due_on(data.last_calibrated_on, data.interval_months)
