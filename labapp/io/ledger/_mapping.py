"""The column mapping of a ledger: which field each column holds, as a value that round-trips JSON.

``labapp-cli import mapping FILE`` prints :meth:`ColumnMapping.to_json`; the user edits it and
passes it back with ``--mapping``, read by :meth:`ColumnMapping.from_json`, which refuses anything
it cannot use with a :class:`~labapp.io.ledger._errors.LedgerFileError` (``bad_mapping``) naming
the problem.  The mapping carries the layout's fingerprint (a hash of the heading texts, folded),
so a GUI can remember a mapping per layout and a mapping is never applied to another layout.

A column's ``field`` is a key of :data:`~labapp.io.ledger._fields.LEDGER_FIELDS`, ``"ignore"``
(left out on purpose: 序号), or null: the column is not a field and its cells go to the notes
as "heading: value", so nothing a ledger holds is dropped unseen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from labapp.domain.enums import AccuracyKind
from labapp.io.ledger._errors import LedgerFileError
from labapp.io.ledger._fields import FIELDS_BY_KEY, IGNORE, FieldKind
from labapp.io.ledger._headings import (
    coverage_hint,
    heading_hints,
    match_heading,
    measurement_unit,
    money_scale,
    period_unit,
    unit_hint,
)
from labapp.io.ledger._tags import pattern_problem
from labapp.metrology.units import UnitError, parse_decimal

__all__ = ["FORMAT", "REQUIRED", "ColumnAssignment", "ColumnMapping"]

FORMAT = "labapp-ledger-mapping"
VERSION = 1
REQUIRED = ("asset_tag", "name")


@dataclass(frozen=True)
class ColumnAssignment:
    """One column: its letter, heading as written, the field it holds and what its heading
    states (a unit: mm, 月, 万元; an accuracy kind; a coverage factor); how sure the match is."""

    column: str
    heading: str
    field: str | None
    unit: str | None = None
    kind: AccuracyKind | None = None
    coverage_factor: Decimal | None = None
    confidence: float = 1.0

    @property
    def index(self) -> int:
        """The 0-based column index."""
        return int(xl_cell_to_rowcol(f"{self.column}1")[1])

    def as_json(self) -> dict[str, Any]:
        """The JSON object of this column (optional keys only when set)."""
        data: dict[str, Any] = {"column": self.column, "heading": self.heading}
        data |= {"field": self.field, "confidence": round(self.confidence, 2)}
        if self.unit is not None:
            data["unit"] = self.unit
        if self.kind is not None:
            data["kind"] = self.kind.value
        if self.coverage_factor is not None:
            data["k"] = str(self.coverage_factor)
        return data


@dataclass(frozen=True)
class ColumnMapping:
    """Where the ledger is (its sheets, heading rows) and what each column holds.

    ``sheets`` lists every sheet read: a ledger kept one sheet per department or discipline has
    the same headings on each, and every one of them is read.
    """

    sheets: tuple[str, ...]
    header_row: int
    heading_rows: int
    columns: tuple[ColumnAssignment, ...]
    fingerprint: str
    tag_pattern: str | None = None

    @property
    def sheet(self) -> str:
        """The first sheet read (the one whose headings named the most fields)."""
        return self.sheets[0]

    @property
    def first_data_row(self) -> int:
        """The 1-based row after the headings."""
        return self.header_row + 1

    @property
    def fields(self) -> dict[str, ColumnAssignment]:
        """Field key → its column (fields only: not ignored or unmapped columns)."""
        return {c.field: c for c in self.columns if c.field not in (None, IGNORE)}

    @property
    def unmapped(self) -> tuple[ColumnAssignment, ...]:
        """Columns with a heading but no field: their cells go to the notes."""
        return tuple(c for c in self.columns if c.field is None and c.heading)

    @property
    def missing(self) -> tuple[str, ...]:
        """Required fields no column holds (a tag pattern stands in for the tag column)."""
        need = [f for f in REQUIRED if not (f == "asset_tag" and self.tag_pattern)]
        return tuple(f for f in need if f not in self.fields)

    @property
    def confidence(self) -> float:
        """Mean confidence over the headed columns (an unmapped one counts 0), 0 … 1."""
        headed = [c for c in self.columns if c.heading]
        if not headed:
            return 0.0
        return sum(c.confidence for c in headed if c.field is not None) / len(headed)

    def with_field(self, column: str, field: str | None, unit: str | None = None) -> ColumnMapping:
        """This mapping with ``column`` holding ``field`` (None: to the notes), as the user set;
        another column holding that field gives it up (to the notes).  ``unit`` overrides what
        the heading states (its unit, 月 / 年, 元 / 万元), which is read again for the new field.

        Raises
        ------
        LedgerFileError
            ``bad_mapping``: an unknown field or column, or a unit the field cannot take.
        """
        _check_field(field, column)
        changed = []
        for c in self.columns:
            if c.column == column:
                c = _assigned(c, field, _unit(unit, field, column))
            elif field not in (None, IGNORE) and c.field == field:
                c = replace(c, field=None, confidence=0.0)
            changed.append(c)
        if column not in {c.column for c in changed}:
            raise _bad(f"there is no column {column}", f"没有 {column} 列")
        return replace(self, columns=tuple(changed))

    def with_tag_pattern(self, pattern: str | None) -> ColumnMapping:
        """This mapping numbering items without a tag by ``pattern`` (see TagPattern)."""
        if pattern is not None:
            _check_pattern(pattern)
        return replace(self, tag_pattern=pattern)

    def to_json(self) -> str:
        """The mapping as JSON (UTF-8 text, indented for editing)."""
        data = {"format": FORMAT, "version": VERSION, "sheets": list(self.sheets),
                "header_row": self.header_row, "heading_rows": self.heading_rows,
                "fingerprint": self.fingerprint, "tag_pattern": self.tag_pattern,
                "columns": [c.as_json() for c in self.columns]}  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """Read a mapping written by :meth:`to_json` (and perhaps edited).

        Raises
        ------
        LedgerFileError
            ``bad_mapping``, naming what is wrong.
        """
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise _bad(f"not JSON ({exc.__class__.__name__})", "不是 JSON 格式") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise _bad(
                f'not a LabApp ledger mapping ("format": "{FORMAT}")', "不是 LabApp 台账列映射"
            )
        if data.get("version") != VERSION:
            raise _bad(f"version {data.get('version')!r} (this LabApp reads {VERSION})",
                       f"版本 {data.get('version')!r}（本 LabApp 读取版本 {VERSION}）")  # fmt: skip
        return _mapping(data)


def _assigned(c: ColumnAssignment, field: str | None, unit: str | None) -> ColumnAssignment:
    """Column ``c`` given to ``field`` by the user, with what its heading states for that field."""
    hints = heading_hints(c.heading)
    found = match_heading(c.heading, contains=True) if c.heading else None
    accuracy = field == "accuracy"
    return replace(
        c, field=field, confidence=1.0,
        unit=unit if unit is not None or field is None else unit_hint(field, hints),
        kind=found.accuracy_kind if accuracy and found is not None else None,
        coverage_factor=coverage_hint(hints) if accuracy else None,
    )  # fmt: skip


def _bad(en: str, zh: str) -> LedgerFileError:
    return LedgerFileError("bad_mapping", "mapping", detail=en, detail_zh=zh)


def _mapping(data: Mapping[str, Any]) -> ColumnMapping:
    sheets, header_row, rows = data.get("sheets"), data.get("header_row"), data.get("heading_rows")
    if (
        not isinstance(sheets, list)
        or not sheets
        or not all(isinstance(s, str) and s for s in sheets)
    ):
        raise _bad('"sheets" must name the sheets to read', "“sheets”须列出要读取的工作表")
    if len(set(sheets)) != len(sheets):
        raise _bad('"sheets" names a sheet twice', "“sheets”中有重复的工作表")
    if not isinstance(header_row, int) or isinstance(header_row, bool) or rows not in (1, 2):
        raise _bad('"header_row" must be a row number and "heading_rows" 1 or 2',
                   "“header_row”须为行号，“heading_rows”须为 1 或 2")  # fmt: skip
    if not 1 <= header_row <= 1_000_000:
        raise _bad('"header_row" must be a row number and "heading_rows" 1 or 2',
                   "“header_row”须为行号，“heading_rows”须为 1 或 2")  # fmt: skip
    if header_row < rows:
        raise _bad("the heading rows start above row 1", "表头行超出第 1 行")
    columns = data.get("columns")
    if not isinstance(columns, list) or not columns:
        raise _bad('"columns" must list the columns', "“columns”须列出各列")
    parsed = tuple(_column(c) for c in columns)
    _check_unique(parsed)
    pattern = data.get("tag_pattern")
    if pattern is not None and not isinstance(pattern, str):
        raise _bad('"tag_pattern" must be text or null', "“tag_pattern”须为文字或 null")
    if pattern is not None:
        _check_pattern(pattern)
    fingerprint = data.get("fingerprint")
    if not isinstance(fingerprint, str):
        raise _bad('"fingerprint" is missing', "缺少“fingerprint”")
    return ColumnMapping(tuple(sheets), header_row, rows, parsed, fingerprint, pattern)


def _column(data: object) -> ColumnAssignment:
    if not isinstance(data, dict):
        raise _bad("each column must be an object", "每一列须为对象")
    letter, heading, field = data.get("column"), data.get("heading", ""), data.get("field")
    if not isinstance(letter, str) or not _letter(letter):
        raise _bad(f"{letter!r} is not a column letter", f"“{letter}”不是列号")
    if not isinstance(heading, str):
        raise _bad(f"column {letter}: the heading must be text", f"{letter} 列：表头须为文字")
    _check_field(field, letter)
    unit, kind, k = data.get("unit"), data.get("kind"), data.get("k")
    confidence = data.get("confidence", 1.0)
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        confidence = 1.0
    return ColumnAssignment(
        letter, heading, field, _unit(unit, field, letter), _kind(kind, letter),
        _coverage(k, letter), max(0.0, min(1.0, float(confidence))),
    )  # fmt: skip


def _letter(text: str) -> bool:
    return (
        text.isascii()
        and text.isalpha()
        and text.isupper()
        and len(text) <= 3
        and (xl_cell_to_rowcol(f"{text}1")[1] < 16384)
    )


def _check_field(field: object, where: str) -> None:
    if field is not None and (not isinstance(field, str) or field not in FIELDS_BY_KEY):
        raise _bad(f"column {where}: {field!r} is not a ledger field",
                   f"{where} 列：“{field}”不是台账字段")  # fmt: skip


def _unit(unit: object, field: str | None, letter: str) -> str | None:
    """A column's unit as the field takes it: 月 / 年, 元 / 万元, or a unit of measurement."""
    if unit is None:
        return None
    kind = FIELDS_BY_KEY[field].kind if field else None
    if isinstance(unit, str):
        if kind is FieldKind.PERIOD and period_unit(unit) is not None:
            return unit
        if kind is FieldKind.MONEY and money_scale(unit) is not None:
            return unit
        measured = (FieldKind.RANGE, FieldKind.ACCURACY, FieldKind.DECIMAL)
        known = measurement_unit(unit) if kind in measured else None
        if known is not None:
            return known
    raise _bad(f"column {letter}: {unit!r} is not a unit for {field}",
               f"{letter} 列：“{unit}”不是该字段可用的单位")  # fmt: skip


def _kind(kind: object, letter: str) -> AccuracyKind | None:
    if kind is None:
        return None
    try:
        return AccuracyKind(str(kind))
    except ValueError as exc:
        en = f"column {letter}: kind must be one of mpe, class, uncertainty"
        raise _bad(en, f"{letter} 列：kind 须为 mpe、class 或 uncertainty") from exc


def _coverage(k: object, letter: str) -> Decimal | None:
    if k is None:
        return None
    try:
        value = parse_decimal(str(k))
    except UnitError as exc:
        raise _bad(f"column {letter}: k {k!r} is not a number", f"{letter} 列：k 不是数值") from exc
    if value <= 0:
        raise _bad(f"column {letter}: k must be above 0", f"{letter} 列：k 必须大于 0")
    return value


def _check_unique(columns: tuple[ColumnAssignment, ...]) -> None:
    seen: dict[str, str] = {}
    letters: set[str] = set()
    for c in columns:
        if c.column in letters:
            raise _bad(f"column {c.column} is listed twice", f"{c.column} 列重复")
        letters.add(c.column)
        if c.field not in (None, IGNORE):
            if c.field in seen:
                both = f"{seen[c.field]}, {c.column}"
                raise _bad(f"{c.field} is held by two columns ({both})",
                           f"字段 {c.field} 同时对应两列（{both}）")  # fmt: skip
            seen[c.field] = c.column


def _check_pattern(pattern: str) -> None:
    problem = pattern_problem(pattern)
    if problem is not None:
        raise LedgerFileError("bad_pattern", "mapping", pattern=pattern, detail=problem[0],
                              detail_zh=problem[1])  # fmt: skip


def column_letter(index: int) -> str:
    """``0`` → ``"A"``."""
    return str(xl_col_to_name(index))
