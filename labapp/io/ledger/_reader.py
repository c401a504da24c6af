"""Reading a whole ledger: open it, find or check the mapping, read every line below the headings.

Lines that are not items are skipped with a warning, never silently: a heading row repeated below
the headings (an English row under the Chinese one), a row of column numbers (1, 2, 3 …), and note
or section rows (制表人：…, 以下空白, 一、电学仪器, a text merged across the table).  Blank lines
(or lines holding only a running number) are skipped quietly.  Asset tags a pattern generates
never repeat a tag the register or the file already holds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from labapp.io.excel import lookup_key
from labapp.io.ledger._cells import folded_tag, text_cell
from labapp.io.ledger._errors import CellError, CellWarning, LedgerFileError
from labapp.io.ledger._fields import IGNORE
from labapp.io.ledger._headings import match_heading
from labapp.io.ledger._layout import (
    detect_mapping,
    fill_merged,
    other_ledger_sheets,
    sheet_fingerprint,
)
from labapp.io.ledger._mapping import ColumnMapping, column_letter
from labapp.io.ledger._record import REFERENCE_FIELDS, LedgerRecord
from labapp.io.ledger._rows import RowReader
from labapp.io.ledger._source import LedgerSheet, LedgerSource, open_ledger
from labapp.io.ledger._tags import TagPattern
from labapp.io.ledger._words import cell_text
from labapp.io.register import CellProblem

__all__ = ["LedgerImport", "detect_ledger_mapping", "ledger_rows", "read_ledger"]

SAMPLES = 3  # sample values per column a mapping screen shows

_NOTE_START = re.compile(
    r"^(?:注|备注|说明|制表|审核|批准|填表|编制|合计|总计|小计|以下空白|本页|共计|更新日期|"
    r"[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])"
)
_LABELLED = re.compile(r"^[^\d:：]{1,8}[:：]")


@dataclass
class LedgerImport:
    """A ledger read: its mapping, the valid records, every bad cell and every flagged cell.

    Import only when ``errors`` is empty (all or nothing); ``records`` holds the lines without
    errors, so a preview can show what is fine.
    """

    path: Path
    mapping: ColumnMapping
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    records: list[LedgerRecord] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellWarning] = field(default_factory=list)
    #: Column letter → the first few values below the headings, as written (for a mapping screen).
    samples: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the ledger can be imported: no bad cell and at least one record."""
        return not self.errors and bool(self.records)

    def references(self) -> dict[str, tuple[str, ...]]:
        """The master data the records name, per field (department, location, provider,
        custodian, procedure): each name once (compared folded), as first written."""
        names: dict[str, dict[str, str]] = {f: {} for f in REFERENCE_FIELDS}
        for record in self.records:
            for key, name in record.references().items():
                names[key].setdefault(lookup_key(name), name)
        return {key: tuple(found.values()) for key, found in names.items()}


def detect_ledger_mapping(
    path: str | os.PathLike[str], *, sheet: str | None = None, tag_pattern: str | None = None
) -> ColumnMapping:
    """The mapping LabApp proposes for a ledger (``labapp-cli import mapping FILE``).

    Raises
    ------
    ImportFileError
        Its subclasses :class:`LedgerFileError` and ``WorkbookLimitError`` as :func:`read_ledger`.
    """
    source = open_ledger(path)
    return detect_mapping(source, sheet, tag_pattern)


def read_ledger(
    path: str | os.PathLike[str],
    mapping: ColumnMapping | None = None,
    *,
    tag_pattern: str | None = None,
    existing_asset_tags: Collection[str] = (),
    sheet: str | None = None,
) -> LedgerImport:
    """Read a lab's ledger (workbook or CSV) into typed records.

    Parameters
    ----------
    path : path-like
        ``.xlsx``, ``.xlsm``, ``.xls``, ``.ods`` or a CSV / tab-separated text file.
    mapping : ColumnMapping, optional
        The columns as the user confirmed them; None detects them (see :func:`detect_mapping`).
        A mapping made for another layout is refused.
    tag_pattern : str, optional
        Numbers items without a tag, e.g. ``"LAB-{seq:05}"`` (overrides the mapping's).
    existing_asset_tags : collection of str
        Tags already in the register: a line repeating one is an error; generated tags skip them.
    sheet : str, optional
        The sheet to read when detecting (default: the sheet whose headings name most fields).

    Returns
    -------
    LedgerImport
        Records, errors, warnings; nothing is written anywhere.

    Raises
    ------
    ImportFileError
        :class:`LedgerFileError` (``empty``, ``not_a_ledger``, ``encoding``, ``too_big``,
        ``no_header``, ``no_name``, ``no_tag``, ``no_sheet``, ``mapping_mismatch``,
        ``bad_pattern``), a workbook that is not one or has a password, or
        ``WorkbookLimitError`` for a hostile file (before anything is parsed).
    """
    source = open_ledger(path)
    if mapping is None:
        mapping = detect_mapping(source, sheet, tag_pattern)
    else:
        _check_fits(source, mapping)
    if tag_pattern is not None:
        mapping = mapping.with_tag_pattern(tag_pattern)
    if "name" in mapping.missing:
        raise LedgerFileError("no_name", source.path)
    if "asset_tag" in mapping.missing:
        raise LedgerFileError("no_tag", source.path)
    result = LedgerImport(source.path, mapping, source.format, source.encoding, source.delimiter)
    _read_lines(source, mapping, existing_asset_tags, result)
    return result


def _check_fits(source: LedgerSource, mapping: ColumnMapping) -> None:
    """The file's headings where the mapping says they are must be the ones it was made for."""
    for name in mapping.sheets:
        found = sheet_fingerprint(source, name, mapping.header_row, mapping.heading_rows)
        if found != mapping.fingerprint:
            raise LedgerFileError(
                "mapping_mismatch", source.path,
                detail=f"the headings in row {mapping.header_row} of {name} differ",
            )  # fmt: skip


def _read_lines(
    source: LedgerSource, mapping: ColumnMapping, existing: Collection[str], result: LedgerImport
) -> None:
    sheets = {source.sheet(name).name: fill_merged(source.sheet(name), below=mapping.header_row)
              for name in mapping.sheets}  # fmt: skip
    existing_folded = {lookup_key(t) for t in existing}
    tags = None
    if mapping.tag_pattern:
        taken = existing_folded.union(*(_tags_in_file(rows, mapping) for rows in sheets.values()))
        tags = TagPattern(mapping.tag_pattern).tags(taken)
    reader = RowReader(mapping, existing_folded, tags, source.digits)
    result.samples = _samples(next(iter(sheets.values())), mapping)
    for name, rows in sheets.items():
        _read_sheet(name, rows, _merged_across(source.sheet(name), mapping.header_row), reader,
                    result)  # fmt: skip
    for name, row in other_ledger_sheets(source, mapping):
        result.warnings.append(_not_read(name, row))


def _samples(rows: list[list[Any]], mapping: ColumnMapping) -> dict[str, tuple[str, ...]]:
    """The first :data:`SAMPLES` texts of each column below the headings (blanks skipped)."""
    found: dict[str, list[str]] = {c.column: [] for c in mapping.columns}
    index = {c.index: c.column for c in mapping.columns}
    for row in rows[mapping.header_row : mapping.header_row + 50]:
        for i, cell in enumerate(row):
            column = index.get(i)
            if column is None or len(found[column]) >= SAMPLES:
                continue
            text = cell_text(cell)
            if text is not None:
                found[column].append(text[:80])
    return {column: tuple(texts) for column, texts in found.items()}


def ledger_rows(path: str | os.PathLike[str], sheet: str | None = None) -> list[list[Any]]:
    """A sheet's rows as the reader sees them (the first sheet by default): a CSV's rows for an
    error workbook that marks its cells.

    Raises
    ------
    ImportFileError
        As :func:`read_ledger`.
    """
    source = open_ledger(path)
    return source.sheet(sheet or source.sheet_names[0]).rows


def _read_sheet(
    name: str, rows: list[list[Any]], across: set[int], reader: RowReader, result: LedgerImport
) -> None:
    mapping = reader.mapping
    ignored = {c.index for c in mapping.columns if c.field == IGNORE}
    keys = [c.index for f, c in mapping.fields.items() if f in ("name", "asset_tag")]
    started = False
    for index in range(mapping.header_row, len(rows)):
        row = rows[index]
        skip = _skip(row, ignored, index in across, started)
        if skip is None and _total(row, keys):
            skip = "note"
        if skip == "blank":
            continue
        if skip is not None:
            result.warnings.append(_skipped(name, index + 1, row, skip))
            continue
        started = True
        outcome = reader.read(row, index + 1, name)
        result.errors.extend(outcome.errors)
        result.warnings.extend(outcome.warnings)
        if outcome.record is not None:
            result.records.append(outcome.record)


def _tags_in_file(rows: list[list[Any]], mapping: ColumnMapping) -> set[str]:
    column = mapping.fields.get("asset_tag")
    if column is None:
        return set()
    found = set()
    for row in rows[mapping.header_row :]:
        try:
            tag = text_cell(row[column.index], "asset_tag") if column.index < len(row) else None
        except CellProblem:
            continue  # too long: reported on its line
        if tag:
            found.add(folded_tag(tag))
    return found


def _merged_across(sheet: LedgerSheet, below: int) -> set[int]:
    """Data rows holding a cell merged across three or more columns (a note or a section)."""
    return {top for top, left, bottom, right in sheet.merged
            if top >= below and top == bottom and right - left >= 2}  # fmt: skip


def _skip(row: list[Any], ignored: set[int], merged: bool, started: bool) -> str | None:
    """Why a line is not an item ("blank", "heading", "numbering", "note"), or None."""
    if started and not merged:  # the usual line, told from a note without reading every cell
        values = {cell for c, cell in enumerate(row) if c not in ignored and cell not in _EMPTY}
        if len(values) >= 2 and sum(not isinstance(v, str) or bool(v.strip()) for v in values) > 1:
            return None
    content = [(c, t) for c, cell in enumerate(row) if (t := cell_text(cell)) is not None]
    if not content or all(c in ignored and _whole(t) for c, t in content):
        return "blank"
    texts = [t for _, t in content]
    if not started and _heading_like(texts):
        return "heading"
    if not started and len(texts) >= 3 and texts == [str(n) for n in range(1, len(texts) + 1)]:
        return "numbering"
    if all(c in ignored for c, _ in content) or (merged and len(set(texts)) == 1):
        return "note"
    if len(set(texts)) == 1 and (_NOTE_START.match(texts[0]) or _LABELLED.match(texts[0])):
        return "note"
    return None


_EMPTY = (None, "")
_TOTAL = re.compile(r"^(?:合计|总计|小计|共计|总数)|^(?:total|subtotal|sum)\b", re.IGNORECASE)


def _total(row: list[Any], keys: list[int]) -> bool:
    """A totals line (合计 … with a sum under 原值): a 合计 somewhere, and no name or tag but it."""
    texts = [cell_text(row[k]) if k < len(row) else None for k in keys]
    if any(t is not None and not _TOTAL.match(t) for t in texts):
        return False
    return any(_TOTAL.match(t) for cell in row if (t := cell_text(cell)) is not None)


def _whole(text: str) -> bool:
    return _WHOLE.fullmatch(text) is not None


_WHOLE = re.compile(r"[0-9]+(?:\.0+)?")


def _heading_like(texts: list[str]) -> bool:
    found = [m.field for m in map(match_heading, texts) if m is not None]
    return len(set(found)) >= 2 and len(found) * 2 >= len(texts)


_SKIP_WORDS = {
    "heading": ("repeats the headings", "为重复的表头"),
    "numbering": ("numbers the columns", "为列序号"),
    "note": ("is a note or a section title, not an item", "为注释或分组标题，不是器具"),
}


def _not_read(sheet: str, row: int) -> CellWarning:
    return CellWarning(
        sheet, row, "A", "", sheet, "sheet_not_read",
        f"sheet {sheet!r} looks like a ledger with other headings (row {row}); it was not read: "
        "map it on its own",
        f"工作表“{sheet}”像是表头不同的台账（第 {row} 行），未读取，请单独为其建立列映射",
    )  # fmt: skip


def _skipped(sheet: str, number: int, row: list[Any], why: str) -> CellWarning:
    first = next((c for c, cell in enumerate(row) if cell_text(cell) is not None), 0)
    shown = " | ".join(t for cell in row if (t := cell_text(cell)) is not None)[:200]
    en, zh = _SKIP_WORDS[why]
    return CellWarning(sheet, number, column_letter(first), "", shown, f"row_skipped_{why}",
                       f"row {number} {en}; skipped", f"第 {number} 行{zh}，已跳过")  # fmt: skip
