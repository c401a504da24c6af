"""One data sheet of an export: per-column cell writers, widths from a buffered sample, print setup.

Used by :mod:`labapp.io.excel._export`; see there for the rules an auditor expects.  Formats are
cached per number format because xlsxwriter formats must be few (each one is a style in the file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from io import BytesIO
from itertools import chain, islice
from typing import Any, Protocol

from xlsxwriter.utility import xl_col_to_name

from labapp.domain.quantities import Measured
from labapp.io.excel._cells import decimal_number_format, display_width
from labapp.io.excel._columns import ColumnKind, ColumnSpec, Language, SheetSpec, header_text, pick
from labapp.io.excel._labels import enum_label
from labapp.io.excel._print import apply_print_setup

__all__ = ["WIDTH_SAMPLE_ROWS", "RowTicker", "SheetWriter", "excel_formats"]


class RowTicker(Protocol):
    """Counts the rows written over all sheets and polls progress and cancel now and then."""

    done: int

    def check(self) -> None:
        """Report progress; raise when the user cancelled."""


WIDTH_SAMPLE_ROWS = 200
MAX_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"
_PROGRESS_EVERY = 1000

CellWriter = Callable[[int, object], None]


def excel_formats(workbook: Any) -> dict[str, Any]:
    """The few shared formats; number formats are added on demand by :class:`_NumberFormats`."""
    header = workbook.add_format(
        {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}
    )
    return {
        "header": header,
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "label": workbook.add_format({"bold": True}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "date": workbook.add_format({"num_format": DATE_FORMAT}),
        "integer": workbook.add_format({"num_format": "0"}),
        "overdue": workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
        "_workbook": workbook,
    }


class _NumberFormats:
    """One xlsxwriter format per number format string, made on first use."""

    def __init__(self, formats: dict[str, Any]) -> None:
        self._workbook = formats["_workbook"]
        self._cache: dict[str, Any] = {"0": formats["integer"]}

    def get(self, num_format: str) -> Any:
        fmt = self._cache.get(num_format)
        if fmt is None:
            fmt = self._cache[num_format] = self._workbook.add_format({"num_format": num_format})
        return fmt


class SheetWriter:
    """Writes one :class:`SheetSpec` to an xlsxwriter worksheet in constant-memory order."""

    def __init__(
        self, sheet: Any, formats: dict[str, Any], spec: SheetSpec, language: Language
    ) -> None:
        self.sheet = sheet
        self.formats = formats
        self.spec = spec
        self.language = language
        self.numbers = _NumberFormats(formats)
        self.headers: list[str] = []
        self.writers: list[CellWriter] = []
        self.texts: list[Callable[[object], str]] = []
        self.widths: dict[int, float] = {}
        self._layout()

    # --- layout: one or two physical columns per ColumnSpec -------------------------------------

    def _layout(self) -> None:
        col = 0
        for column in self.spec.columns:
            self.headers.append(header_text(column, self.language))
            if column.kind is ColumnKind.QUANTITY and column.unit is None:
                self.headers.append(pick("Unit", "单位", self.language))
                self.writers.append(self._pair_writer(col))
                col += 2
            else:
                self.writers.append(self._writer(column, col))
                col += 1
        self.n_physical = col

    def _writer(self, column: ColumnSpec, col: int) -> CellWriter:
        kind = column.kind
        if kind is ColumnKind.DATE:
            return self._date_writer(col)
        if kind in (ColumnKind.DECIMAL, ColumnKind.INTEGER, ColumnKind.QUANTITY):
            return self._number_writer(col)
        if kind is ColumnKind.ENUM:
            return self._enum_writer(col)
        return self._text_writer(col)

    def _text_writer(self, col: int) -> CellWriter:
        write_string = self.sheet.write_string

        def write(row: int, value: object) -> None:
            if value is not None and value != "":
                write_string(row, col, value if isinstance(value, str) else str(value))

        return write

    def _enum_writer(self, col: int) -> CellWriter:
        write_string, language = self.sheet.write_string, self.language

        def write(row: int, value: object) -> None:
            if value is not None and value != "":
                write_string(row, col, enum_label(value, language))

        return write

    def _date_writer(self, col: int) -> CellWriter:
        write_datetime, write_string = self.sheet.write_datetime, self.sheet.write_string
        date_format = self.formats["date"]

        def write(row: int, value: object) -> None:
            if isinstance(value, date):  # datetime is a date too
                write_datetime(row, col, value, date_format)
            elif value is not None and value != "":
                write_string(row, col, str(value))

        return write

    def _number_writer(self, col: int) -> CellWriter:
        write_number, write_string = self.sheet.write_number, self.sheet.write_string
        number_format = self.numbers.get

        def write(row: int, value: object) -> None:
            if isinstance(value, Measured):
                value = value.value
            if isinstance(value, Decimal):
                if value.is_finite():
                    write_number(
                        row, col, float(value), number_format(decimal_number_format(value))
                    )
                else:
                    write_string(row, col, str(value))
            elif isinstance(value, bool):
                write_string(row, col, str(value))
            elif isinstance(value, int):
                write_number(row, col, value, number_format("0"))
            elif isinstance(value, float):
                write_number(row, col, value)
            elif value is not None and value != "":
                write_string(row, col, str(value))

        return write

    def _pair_writer(self, col: int) -> CellWriter:
        number = self._number_writer(col)
        unit = self._text_writer(col + 1)

        def write(row: int, value: object) -> None:
            magnitude, symbol = _split_quantity(value)
            number(row, magnitude)
            unit(row, symbol)

        return write

    # --- writing ---------------------------------------------------------------------------------

    def write(self, ticker: RowTicker) -> int:
        """Write header, sampled rows, then the rest of the iterator; return the data row count."""
        rows: Iterator[Sequence[object]] = iter(self.spec.rows)
        sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
        self._set_widths(sample)
        for col, text in enumerate(self.headers):
            self.sheet.write_string(0, col, text, self.formats["header"])
        written = self._stream(chain(sample, rows), ticker)
        self._finish(written)
        return written

    def _stream(self, rows: Iterator[Sequence[object]], ticker: RowTicker) -> int:
        writers, width = self.writers, len(self.writers)
        row_no = 0
        for row_no, values in enumerate(rows, start=1):
            if len(values) != width:
                raise ValueError(
                    f"sheet {self.spec.title!r} row {row_no}: {len(values)} values, {width} columns"
                )
            for writer, value in zip(writers, values):  # noqa: B905 - length checked above
                writer(row_no, value)
            if row_no % _PROGRESS_EVERY == 0:
                ticker.done += _PROGRESS_EVERY
                ticker.check()
        ticker.done += row_no % _PROGRESS_EVERY
        return row_no

    def _set_widths(self, sample: list[Sequence[object]]) -> None:
        col = 0
        for index, column in enumerate(self.spec.columns):
            texts = [self._cell_text(column, row[index]) for row in sample if len(row) > index]
            if column.kind is ColumnKind.QUANTITY and column.unit is None:
                numbers = [_split_quantity(row[index]) for row in sample if len(row) > index]
                self._width(col, column, [_number_text(m) for m, _ in numbers])
                self._width(col + 1, None, [u for _, u in numbers])
                col += 2
            else:
                self._width(col, column, texts)
                col += 1

    def _width(self, col: int, column: ColumnSpec | None, texts: list[str]) -> None:
        header = display_width(self.headers[col])
        seen = max((display_width(text) for text in texts), default=0)
        hint = column.width_hint or 0 if column else 0
        wanted = max(min(header, 30), seen, hint) + 2  # headers wrap: count them up to 30
        width = self.widths[col] = float(min(max(wanted, 8), MAX_WIDTH))
        # text wider than the widest column (a definition, a note) wraps instead of running off
        wrap = self.formats["wrap"] if wanted > MAX_WIDTH else None
        self.sheet.set_column(col, col, width, wrap)

    def _cell_text(self, column: ColumnSpec, value: object) -> str:
        if value is None:
            return ""
        if column.kind is ColumnKind.DATE:
            return "yyyy-mm-dd" if isinstance(value, date) else str(value)
        if column.kind is ColumnKind.ENUM:
            return enum_label(value, self.language)
        if column.kind is ColumnKind.TEXT:
            return str(value)
        return _number_text(value.value if isinstance(value, Measured) else value)

    def _finish(self, written: int) -> None:
        sheet, last_col = self.sheet, self.n_physical - 1
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(written, 1), last_col)
        if written:
            self._overdue_formats(written)
        widths = [self.widths.get(col, 8.43) for col in range(self.n_physical)]
        apply_print_setup(sheet, widths, self.spec.title, self.language)
        if self.spec.image is not None:
            image = {"image_data": BytesIO(self.spec.image), "object_position": 3}
            sheet.insert_image(1, self.n_physical + 1, f"{self.spec.title}.png", image)

    def _overdue_formats(self, written: int) -> None:
        col = 0
        for column in self.spec.columns:
            if column.overdue_highlight and column.kind is ColumnKind.DATE:
                letter = xl_col_to_name(col)
                criteria = f'=AND(${letter}2<>"",${letter}2<TODAY())'
                self.sheet.conditional_format(
                    1,
                    col,
                    written,
                    col,
                    {"type": "formula", "criteria": criteria, "format": self.formats["overdue"]},
                )
            col += 2 if column.kind is ColumnKind.QUANTITY and column.unit is None else 1


def _split_quantity(value: object) -> tuple[object, str]:
    """A cell of a QUANTITY column without a fixed unit: ``Measured``, ``(value, unit)`` or None."""
    if isinstance(value, Measured):
        return value.value, value.unit
    if isinstance(value, tuple) and len(value) == 2:
        return value[0], "" if value[1] is None else str(value[1])
    return value, ""


def _number_text(value: object) -> str:
    if isinstance(value, Decimal) and value.is_finite():
        fmt = decimal_number_format(value)
        return f"{value:.{max(len(fmt) - 6, 0)}E}" if "E" in fmt else format(value, "f")
    return "" if value is None else str(value)
