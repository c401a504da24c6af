"""The register as an Excel file: export it (streamed) in the columns the import reads back.

The export writes one data sheet in :data:`labapp.io.register.REGISTER_FIELDS` order, with the same
headers the template uses and the ledger import reads, so an exported register imports back
unchanged, every field the import stores included (:mod:`labapp.services.imports._ledger`, the one
import path; a unit comes back in LabApp's spelling: µV as μV, a class as its designation, 1.6 级
as 1.6).  Rows stream from one SQL query (``yield_per``),
filtered by the register page's :class:`~labapp.services.register.RegisterFilter`, in asset-tag
order.

Reported digits: Excel stores a float and python-calamine does not report number formats, so a
decimal whose float does not give its digits back (``10.00`` reads back as ``10``) is also listed
on a "Reported digits" sheet (asset tag, column, the value as text).  The import takes the digits
from there when the cell still holds the same number; a cell edited since falls back to the number.

A range whose two ends have different units (``10 kPa … 7 MPa``) names the upper end's unit as the
range unit and the lower end's in the "Range low unit" column, left empty otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from labapp.domain.due import DueState
from labapp.io.excel import (
    ColumnKind,
    ColumnSpec,
    CoverInfo,
    ExportResult,
    Language,
    SheetSpec,
    enum_label,
    pick,
    quantity_label,
    write_workbook,
)
from labapp.io.ledger import method_word, reverification_word
from labapp.io.register import (
    DIGITS_SHEET_EN,
    DIGITS_SHEET_ZH,
    FIELDS_BY_KEY,
    REGISTER_FIELDS,
    lossy_digits,
    register_columns,
)
from labapp.persistence.models import (
    InstrumentRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.persistence.models_master import DepartmentRow
from labapp.services.common import laboratory_name
from labapp.services.database import Database
from labapp.services.register import RegisterFilter, register_where

__all__ = ["ExportResult", "export_register", "filter_text"]

_CUSTODIAN = aliased(PersonRow, name="register_custodian")
_STREAM_ROWS = 2000
_DECIMAL_KEYS = tuple(f.key for f in REGISTER_FIELDS if f.kind is ColumnKind.DECIMAL)


def export_register(
    db: Database,
    path: str | Path,
    *,
    register_filter: RegisterFilter | None = None,
    language: Language = "en",
    exported_by: str = "",
    today: date | None = None,
    lead_days: int = 30,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Export the register (or the part a filter shows) to an Excel file the import reads back.

    Parameters
    ----------
    db : Database
        The open database.
    path : str or Path
        The target ``.xlsx``; replaced only when the export completes (a cancelled or failed
        export leaves no file and an existing file untouched).
    register_filter : RegisterFilter, optional
        The register page's filter; ``None`` exports every item (retired ones included).
    language : {"en", "zh_CN", "bilingual"}
        Language of headers, enum labels and the cover sheet.
    exported_by : str
        Who exports (on the cover sheet).
    today, lead_days : date, int
        For a due-state filter (default: today, 30 days), as the register page uses them.
    progress : callable, optional
        Called with the number of rows written so far.
    cancel : callable, optional
        Polled every ~1000 rows; returning True stops the export.

    Returns
    -------
    ExportResult
        The path, the rows per sheet and whether the export was cancelled.
    """
    flt = register_filter or RegisterFilter()
    digits: list[tuple[str, str, str]] = []
    with db.engine.connect() as conn:
        stmt = _statement(flt, today or date.today(), lead_days, db.engine.dialect.name)
        result = conn.execution_options(yield_per=_STREAM_ROWS).execute(stmt)
        described = filter_text(flt, language, _location_name(db, flt.location_id))
        main = SheetSpec(
            _sheet_title("Register", "台账", language),
            register_columns(),
            _values(result, digits, language),
            described,
        )
        sheets = [main, _digits_sheet(digits, language)]
        cover = CoverInfo(
            title=pick("Register of instruments and standards", "仪器设备台账", language),
            laboratory=laboratory_name(db),
            exported_by=exported_by,
            database=db.info.display_name,
            filter_text=described,
        )
        return write_workbook(
            path, cover, sheets, language=language, progress=progress, cancel=cancel
        )


def _statement(flt: RegisterFilter, today: date, lead_days: int, dialect: str) -> Any:
    """The register page's WHERE (the same filter rules), every column, in asset-tag order."""
    columns = [getattr(InstrumentRow, key) for key in _ROW_COLUMNS]
    stmt = (
        select(
            *columns,
            _CUSTODIAN.name,
            LocationRow.name,
            ProviderRow.name,
            ProcedureRow.code,
            DepartmentRow.name,
        )
        .outerjoin(_CUSTODIAN, InstrumentRow.custodian_id == _CUSTODIAN.id)
        .outerjoin(LocationRow, InstrumentRow.location_id == LocationRow.id)
        .outerjoin(ProviderRow, InstrumentRow.provider_id == ProviderRow.id)
        .outerjoin(ProcedureRow, InstrumentRow.procedure_id == ProcedureRow.id)
        .outerjoin(DepartmentRow, InstrumentRow.department_id == DepartmentRow.id)
    )
    return stmt.where(*register_where(flt, today, lead_days, dialect)).order_by(
        InstrumentRow.asset_tag
    )


# Instrument columns read for a register line (derived from the file's columns: those that are
# the instrument's own, those the file names after the ledger (有效期至 is the last certificate's),
# then the range's two ends, which the file's range columns are worked out from, and what the
# interval and method words are worked out from), then the master data joined by name.
_RANGE_ENDS = ("range_low_value", "range_low_unit", "range_high_value", "range_high_unit")
_RENAMED = {
    "coverage_factor": "accuracy_coverage_factor",
    "valid_until": "last_valid_until",
    "certificate_no": "last_certificate_no",
}
_WORDS = ("reverification", "last_event_kind")
_OWN = tuple(f.key for f in REGISTER_FIELDS if f.key in InstrumentRow.__table__.columns)
_ROW_COLUMNS = tuple(dict.fromkeys((*_OWN, *_RENAMED.values(), *_RANGE_ENDS, *_WORDS)))
_JOINED = ("custodian", "location", "provider", "procedure", "department")
# Register field → its place in a query row (the range units are worked out from two places).
_SOURCE = (
    {name: i for i, name in enumerate((*_ROW_COLUMNS, *_JOINED))}
    | {
        "range_low": _ROW_COLUMNS.index("range_low_value"),
        "range_high": _ROW_COLUMNS.index("range_high_value"),
    }
    | {key: _ROW_COLUMNS.index(column) for key, column in _RENAMED.items()}
)
_LOW_UNIT, _HIGH_UNIT = _ROW_COLUMNS.index("range_low_unit"), _ROW_COLUMNS.index("range_high_unit")
_REVERIFICATION, _EVENT_KIND = (_ROW_COLUMNS.index(column) for column in _WORDS)
_KEYS = [f.key for f in REGISTER_FIELDS]
_RANGE_UNIT, _RANGE_LOW_UNIT = _KEYS.index("range_unit"), _KEYS.index("range_low_unit")
_INTERVAL, _METHOD = _KEYS.index("interval_months"), _KEYS.index("calibration_method")


def _values(
    rows: Any, digits: list[tuple[str, str, str]], language: Language
) -> Iterator[Sequence[object]]:
    """Register lines in REGISTER_FIELDS order; lossy decimals noted in ``digits`` on the way.

    The quantity is its label in ``language`` (the import reads a label back as its key); an
    item re-verified other than by the calendar has the ledger's word for why (随坏随换) in the
    interval column, and the method column says who and what (内检, 外校), as a ledger does.
    """
    order = [_SOURCE.get(f.key, -1) for f in REGISTER_FIELDS]
    quantity = _KEYS.index("quantity")
    decimals = [(_SOURCE[key], key) for key in _DECIMAL_KEYS]
    for raw in rows:
        line = [None if i < 0 else raw[i] for i in order]
        line[_RANGE_UNIT], line[_RANGE_LOW_UNIT] = _units(raw[_LOW_UNIT], raw[_HIGH_UNIT])
        line[quantity] = quantity_label(line[quantity], language) or None
        if line[_INTERVAL] is None:
            line[_INTERVAL] = reverification_word(raw[_REVERIFICATION], language)
        line[_METHOD] = method_word(line[_METHOD], raw[_EVENT_KIND], language)
        for index, key in decimals:
            value = raw[index]
            if value is not None and lossy_digits(value):
                digits.append((raw[0], key, str(value)))
        yield line


def _units(low_unit: str | None, high_unit: str | None) -> tuple[str | None, str | None]:
    """The range unit, and the low end's own unit only where it differs."""
    unit = high_unit or low_unit
    return unit, (low_unit if low_unit and low_unit != unit else None)


def _digits_sheet(digits: list[tuple[str, str, str]], language: Language) -> SheetSpec:
    """The "Reported digits" sheet; its rows are read when it is written, after the register."""
    columns = (
        ColumnSpec("asset_tag", "Asset tag", "资产编号"),
        ColumnSpec("column", "Column", "列"),
        ColumnSpec("digits", "Value as reported", "报告值"),
    )
    rows = (
        (tag, pick(FIELDS_BY_KEY[key].header_en, FIELDS_BY_KEY[key].header_zh, language), text)
        for tag, key, text in digits
    )
    return SheetSpec(_sheet_title(DIGITS_SHEET_EN, DIGITS_SHEET_ZH, language), columns, rows)


def _sheet_title(en: str, zh: str, language: Language) -> str:
    """A sheet name: bilingual as "台账 Register" (a "/" is not allowed in a sheet name)."""
    return f"{zh} {en}" if language == "bilingual" else pick(en, zh, language)


def filter_text(flt: RegisterFilter, language: Language, location: str | None = None) -> str:
    """The filter in words for the cover sheet (``""`` when it shows everything)."""
    parts: list[str] = []
    if flt.search.strip():
        parts.append(pick("search", "搜索", language) + f" “{flt.search.strip()}”")
    if flt.quantity:
        shown = quantity_label(flt.quantity, language)
        parts.append(pick("quantity", "测量量", language) + f" = {shown}")
    for en, zh, value in (
        ("role", "用途", flt.role),
        ("status", "状态", flt.status),
        ("mandatory verification", "强检", flt.mandatory),
    ):
        if value is not None:
            parts.append(f"{pick(en, zh, language)} = {enum_label(value, language)}")
    if flt.due_state is not None:
        state = pick(*_DUE_WORDS[DueState(flt.due_state)], language)
        parts.append(pick("due state", "到期状态", language) + f" = {state}")
    if flt.location_id is not None:
        parts.append(pick("location", "存放地点", language) + f" = {location or flt.location_id}")
    return "; ".join(parts)


_DUE_WORDS = {
    DueState.OVERDUE: ("overdue", "已超期"),
    DueState.DUE_SOON: ("due soon", "即将到期"),
    DueState.OK: ("valid", "有效期内"),
    DueState.NONE: ("no due date", "无到期日"),
}


def _location_name(db: Database, location_id: int | None) -> str | None:
    if location_id is None:
        return None
    with db.read() as session:
        return session.scalar(select(LocationRow.name).where(LocationRow.id == location_id))
