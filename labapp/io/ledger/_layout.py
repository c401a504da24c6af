"""Finding a ledger's heading row and mapping its columns by their headings.

Above the headings a lab's ledger has a title (often merged across the table) and note rows
("编制：… 更新日期：…"); the heading row is the one among the first :data:`SEARCH_ROWS` whose
cells name the most distinct fields (at least two).  Merged cells count as written in each cell
they cover.  Two heading rows are recognised when a parent heading sits over sub-headings
(检定/校准 over 日期 | 有效期至 | 证书编号; 测量范围 over 下限 | 上限): a column's heading is then
the parent and the sub-heading together when that names a field, else the sub-heading, else (a
cell merged down over both rows) the parent; the pair is taken only when it names more fields
than either row alone.  Of several sheets, the one whose headings name the most fields is taken,
with every other sheet that has the very same headings in the same rows (a ledger kept one sheet
per department); :func:`other_ledger_sheets` names the sheets that look like a ledger with other
headings, so the reader can say they were not read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from labapp.io.excel import MAX_CELLS, WorkbookLimitError
from labapp.io.ledger._errors import LedgerFileError
from labapp.io.ledger._fields import IGNORE
from labapp.io.ledger._headings import coverage_hint, fold, match_heading, unit_hint
from labapp.io.ledger._mapping import ColumnAssignment, ColumnMapping, column_letter
from labapp.io.ledger._source import LedgerSheet, LedgerSource
from labapp.io.ledger._words import cell_text

__all__ = [
    "SEARCH_ROWS",
    "detect_mapping",
    "fill_merged",
    "heading_texts",
    "layout_fingerprint",
    "other_ledger_sheets",
    "sheet_fingerprint",
]

SEARCH_ROWS = 30
MIN_FIELDS = 2


def fill_merged(sheet: LedgerSheet, *, below: int | None = None) -> list[list[Any]]:
    """The sheet's rows with each merged area's value in every cell it covers.

    Parameters
    ----------
    below : int, optional
        Fill only areas that start at or below this 0-based row, and only downwards (data rows:
        a department merged over five items names each; a note merged across a row stays in its
        first cell).  None fills every area both ways (the headings).
    """
    rows = [list(r) for r in sheet.rows] if below is None else sheet.rows
    filled = 0
    for top, left, bottom, right in sheet.merged:
        if top >= len(rows) or (below is not None and top < below):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        last_column = left if below is not None else right
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(left, min(last_column, len(row) - 1) + 1):
                row[c] = value
            filled += min(last_column, len(row) - 1) - left + 1
        if filled > MAX_CELLS:
            raise WorkbookLimitError("too_many_cells", sheet.name, part=sheet.name,
                                     found=filled, limit=MAX_CELLS)  # fmt: skip
    return rows


def heading_texts(rows: list[list[Any]], row: int, heading_rows: int) -> list[tuple[str, str]]:
    """(parent, heading) text per column of the heading row ``row`` (0-based); the parent is ""
    for a single heading row."""
    below = rows[row] if row < len(rows) else []
    above = rows[row - 1] if heading_rows == 2 and row >= 1 else []
    width = max(len(below), len(above))
    return [(_cell(above, c), _cell(below, c)) for c in range(width)]


def _cell(row: list[Any], c: int) -> str:
    text = cell_text(row[c]) if c < len(row) else None
    return text or ""


def _label(parent: str, sub: str) -> str:
    """The heading of a column under a parent heading (see the module docstring)."""
    if not parent or parent == sub:
        return sub
    if not sub:
        return parent
    both = f"{parent} {sub}"
    if match_heading(both) is not None or match_heading(sub) is None:
        return both
    return sub


def layout_fingerprint(texts: list[tuple[str, str]]) -> str:
    """A short hash of the heading texts, folded (width, case, spaces): the same layout gives
    the same fingerprint whatever the data below it."""
    folded = [[fold(p), fold(s)] for p, s in texts]
    while folded and folded[-1] == ["", ""]:
        folded.pop()
    return hashlib.sha256(json.dumps(folded, ensure_ascii=False).encode()).hexdigest()[:16]


def _score(rows: list[list[Any]], row: int, heading_rows: int) -> int:
    labels = [_label(p, s) for p, s in heading_texts(rows, row, heading_rows)]
    found = {m.field for m in map(match_heading, labels) if m is not None}
    return len(found - {IGNORE})


def _best_layout(rows: list[list[Any]]) -> tuple[int, int, int]:
    """(score, 0-based heading row, heading rows) of the best candidate (score 0: none)."""
    best = (0, 0, 1)
    single = [_score(rows, r, 1) for r in range(min(len(rows), SEARCH_ROWS))]
    for r, score in enumerate(single):
        candidates = [(score, r, 1)]
        if r >= 1:
            double = _score(rows, r, 2)
            if double > score and double > single[r - 1]:
                candidates.append((double, r, 2))
        for candidate in candidates:
            if candidate[0] > best[0]:
                best = candidate
    return best


def detect_mapping(
    source: LedgerSource, sheet: str | None = None, tag_pattern: str | None = None
) -> ColumnMapping:
    """Find the heading row of the ledger (of ``sheet``, or the best sheet) and map its columns.

    Raises
    ------
    LedgerFileError
        ``empty`` (no sheet holds anything), ``no_header`` (no row names two fields),
        ``no_sheet``.
    """
    names = (sheet,) if sheet is not None else source.sheet_names
    layouts = [(*_layout(source, name), name) for name in names]
    best = max(layouts, key=lambda found: found[0], default=None)  # the first on a tie
    if best is None or not any(cell_text(c) for r in best[3] for c in r):
        raise LedgerFileError("empty", source.path)
    score, row, heading_rows, head, name = best
    if score < MIN_FIELDS:
        raise LedgerFileError("no_header", source.path, limit=SEARCH_ROWS)
    mapping = _mapping(name, head, row, heading_rows, tag_pattern)
    same = tuple(n for *_, n in layouts if n != name and _fits(source, n, mapping))
    return replace(mapping, sheets=(name, *same))


def _layout(source: LedgerSource, name: str) -> tuple[int, int, int, list[list[Any]]]:
    """(score, 0-based heading row, heading rows, the filled head rows) of one sheet."""
    head = fill_merged(_head(source.sheet(name)))
    return (*_best_layout(head), head)


def sheet_fingerprint(source: LedgerSource, name: str, header_row: int, heading_rows: int) -> str:
    """The fingerprint of sheet ``name``'s headings at ``header_row`` (1-based)."""
    sheet = source.sheet(name)
    rows = fill_merged(LedgerSheet(name, sheet.rows[:header_row], sheet.merged))
    return layout_fingerprint(heading_texts(rows, header_row - 1, heading_rows))


def _fits(source: LedgerSource, name: str, mapping: ColumnMapping) -> bool:
    found = sheet_fingerprint(source, name, mapping.header_row, mapping.heading_rows)
    return found == mapping.fingerprint


def other_ledger_sheets(source: LedgerSource, mapping: ColumnMapping) -> list[tuple[str, int]]:
    """(sheet, 1-based heading row) of each sheet not in ``mapping`` whose headings name at least
    two fields: a ledger the mapping does not read."""
    found = []
    read = {source.sheet(name).name for name in mapping.sheets}
    for name in source.sheet_names:
        if name not in read:
            score, row, _, _ = _layout(source, name)
            if score >= MIN_FIELDS:
                found.append((name, row + 1))
    return found


def _head(sheet: LedgerSheet) -> LedgerSheet:
    return LedgerSheet(sheet.name, sheet.rows[: SEARCH_ROWS + 1], sheet.merged)


def _mapping(
    name: str, rows: list[list[Any]], row: int, heading_rows: int, tag_pattern: str | None
) -> ColumnMapping:
    texts = heading_texts(rows, row, heading_rows)
    taken: dict[str, int] = {}
    columns: list[ColumnAssignment] = []
    for index, (parent, sub) in enumerate(texts):
        label = _label(parent, sub)
        found = match_heading(label, contains=True) if label else None
        if found is None:
            columns.append(ColumnAssignment(column_letter(index), label, None, confidence=0.0))
            continue
        columns.append(ColumnAssignment(
            column_letter(index), label, found.field, unit_hint(found.field, found.hints),
            found.accuracy_kind, coverage_hint(found.hints), found.confidence,
        ))  # fmt: skip
        _keep_best(columns, taken, len(columns) - 1)
    _number_as_tag(columns)
    while columns and not columns[-1].heading:
        columns.pop()
    return ColumnMapping((name,), row + 1, heading_rows, tuple(columns),
                         layout_fingerprint(texts), tag_pattern)  # fmt: skip


_GENERIC_NUMBER = {"编号", "number", "no"}


def _number_as_tag(columns: list[ColumnAssignment]) -> None:
    """A bare 编号 beside a 出厂编号 is the lab's own number: the tag, when no column is."""
    if any(c.field == "asset_tag" for c in columns):
        return
    generic = [i for i, c in enumerate(columns) if fold(c.heading) in _GENERIC_NUMBER]
    serial = [i for i, c in enumerate(columns)
              if i not in generic and c.heading and _names_serial(c.heading)]  # fmt: skip
    if not generic or not serial:
        return
    tag, number = columns[generic[0]], columns[serial[0]]
    columns[generic[0]] = ColumnAssignment(tag.column, tag.heading, "asset_tag", confidence=0.7)
    columns[serial[0]] = ColumnAssignment(number.column, number.heading, "serial_no")


def _names_serial(heading: str) -> bool:
    found = match_heading(heading)
    return found is not None and found.field == "serial_no"


def _keep_best(columns: list[ColumnAssignment], taken: dict[str, int], new: int) -> None:
    """Two columns naming one field: the surer (the first on a tie) keeps it, the other goes to
    the notes."""
    field = columns[new].field
    if field is None or field == IGNORE:
        return
    old = taken.get(field)
    if old is None:
        taken[field] = new
        return
    loser = new if columns[old].confidence >= columns[new].confidence else old
    if loser == old:
        taken[field] = new
    c = columns[loser]
    columns[loser] = ColumnAssignment(c.column, c.heading, None, confidence=0.0)
