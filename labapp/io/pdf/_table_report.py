"""A printable table report: A4 landscape, chosen columns, text never under 8 pt, header repeated.

Phase B prints the annual plan, the register, the audit trail and the impact investigation with
it.  Page 1 starts with a cover block: the title, the lab, lines such as the plan's year and
approval status, and the signature blocks 编制 / 审核 / 批准 (prepared / reviewed / approved by,
with name and date when known, blank lines to sign otherwise).  The table follows; its header row
repeats on every page, every cell wraps (Chinese between any two characters), and every page
carries the title and "page x of y".  Cells print typed values: ``Measured`` as ``10.00 V``,
``Decimal`` with its digits, dates as ISO 8601.

Columns are never narrower than their widest date, number or word (:mod:`._widths`); a table
whose columns cannot all fit at 8 pt is split into parts, one after the other, each repeating
the key columns (the asset tag) so every row of every part says which item it is; shrinking it
instead would print it unreadably.

A long report reports progress and can be cancelled: ``progress(done, total)`` is called as the
table rows are laid out and drawn (a row of a table printed in two parts counts twice), and
``cancel()`` is polled on every page; a cancelled report raises :class:`ReportCancelled` inside
the writer and :func:`save_table_report` returns None, writing no file.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table

from labapp.domain.quantities import Measured
from labapp.io.certificates import format_date, format_datetime, format_decimal, format_measured
from labapp.io.excel import Language, pick
from labapp.io.pdf._layout import (
    MIN_FONT_SIZE,
    HeavyText,
    PageDecor,
    grid_style,
    numbered_canvas,
    para,
    styles,
)
from labapp.io.pdf._widths import (
    PADDING,
    WidthCache,
    column_parts,
    keep_units,
    min_widths,
    part_widths,
    plain_lines,
)

__all__ = [
    "ReportCancelled",
    "ReportColumn",
    "SignatureBlock",
    "TableReport",
    "approval_blocks",
    "cell_text",
    "save_table_report",
    "write_table_report",
]

_PAGE = landscape(A4)
_MARGIN = 12 * mm
_WIDTH = _PAGE[0] - 2 * _MARGIN
_POLL_EVERY = 500  # rows measured between two polls of cancel() before the layout starts

#: progress(done, total): table rows drawn so far, of all the rows of every part
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ReportCancelled(Exception):
    """Raised inside the writer when ``cancel()`` returns True."""


class _Ticker:
    """Counts the table rows drawn; reports progress and polls cancel."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.done, self.total = 0, 0
        self._progress, self._cancel = progress, cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ReportCancelled
        if self._progress is not None:
            self._progress(self.done, self.total)


class _DataTable(Table):  # type: ignore[misc]
    """A report's table: ReportLab splits it into pieces of this class, one per page, so the
    document counts the rows of each piece drawn."""


class _ReportDoc(SimpleDocTemplate):  # type: ignore[misc]
    """Counts the rows of every table piece drawn and polls cancel once per piece (per page)."""

    def __init__(self, out: io.BytesIO, ticker: _Ticker, **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self.ticker = ticker

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _DataTable):
            self.ticker.done += len(flowable._cellvalues) - flowable.repeatRows
            self.ticker.check()


@dataclass(frozen=True)
class ReportColumn:
    """A column: its key, headers in both languages, a relative width and an alignment."""

    key: str
    header_en: str
    header_zh: str
    weight: float = 1.0
    align: str = "LEFT"  # LEFT, RIGHT or CENTER


@dataclass(frozen=True)
class SignatureBlock:
    """One of 编制 / 审核 / 批准: the role and, once signed, who and when."""

    role_en: str
    role_zh: str
    name: str | None = None
    on: date | None = None


def approval_blocks(
    prepared: tuple[str | None, date | None] = (None, None),
    reviewed: tuple[str | None, date | None] = (None, None),
    approved: tuple[str | None, date | None] = (None, None),
) -> tuple[SignatureBlock, ...]:
    """The three blocks a plan or report carries: 编制 / 审核 / 批准, each (name, date)."""
    return (
        SignatureBlock("Prepared by", "编制", *prepared),
        SignatureBlock("Reviewed by", "审核", *reviewed),
        SignatureBlock("Approved by", "批准", *approved),
    )


@dataclass(frozen=True)
class TableReport:
    """What a printable table report holds; ``rows`` hold one typed value per column."""

    title_en: str
    title_zh: str
    columns: Sequence[ReportColumn]
    rows: Iterable[Sequence[object]]
    language: Language = "bilingual"
    lab_name: str = ""
    document_no: str = ""
    cover_lines: Sequence[tuple[str, str, object]] = ()  # (label en, label zh, value)
    signatures: Sequence[SignatureBlock] = ()
    generated_at: datetime | None = None
    font_size: float = 8.5
    key_columns: int = 1  # repeated in every part of a table split for width


def cell_text(value: object) -> str:
    """A typed value as a cell prints it (the one formatting rule of the PDF reports)."""
    if value is None:
        return ""
    if isinstance(value, Measured):
        return format_measured(value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format_decimal(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def write_table_report(
    report: TableReport, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> bytes:
    """Render ``report`` as an A4 landscape PDF and return its bytes.

    Parameters
    ----------
    report : TableReport
        What to print.
    progress : callable, optional
        ``progress(done, total)`` with the table rows drawn so far, once per page.
    cancel : callable, optional
        Polled every few hundred rows while measuring and on every page while drawing.

    Raises
    ------
    ReportCancelled
        ``cancel()`` returned True.
    """
    ticker = _Ticker(progress, cancel)
    lang = report.language
    out = io.BytesIO()
    title = pick(report.title_en, report.title_zh, lang)
    right = report.document_no or report.lab_name
    generated = format_datetime(report.generated_at) if report.generated_at else ""
    decor = PageDecor(lang, header_left=title, header_right=right, footer_left=generated,
                      margin=_MARGIN)  # fmt: skip
    template = _ReportDoc(
        out, ticker, pagesize=_PAGE, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=20 * mm,
        bottomMargin=18 * mm, title=report.title_en, author=report.lab_name,
    )  # fmt: skip
    story = [*_cover(report), *_tables(report, ticker)]
    template.build(story, canvasmaker=numbered_canvas(decor))
    ticker.check()
    return out.getvalue()


def save_table_report(
    report: TableReport,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Path | None:
    """Render ``report`` and write it to ``path``; the file appears only once complete.

    Returns the path written, or None when ``cancel()`` stopped the report (no file written, an
    existing file of that name untouched); ``progress`` and ``cancel`` as in
    :func:`write_table_report`.
    """
    target = Path(path)
    try:
        data = write_table_report(report, progress=progress, cancel=cancel)
    except ReportCancelled:
        return None
    partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.pdf.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _cover(report: TableReport) -> list[Any]:
    lang = report.language
    st = styles(lang, max(report.font_size, MIN_FONT_SIZE))
    lines = [report.title_zh, report.title_en] if lang == "bilingual" else [
        pick(report.title_en, report.title_zh, lang)]  # fmt: skip
    story: list[Any] = [HeavyText(lines, 15)]
    if report.lab_name:
        story.append(para(report.lab_name, st["center"]))
    if report.cover_lines:
        rows = [[para(pick(en, zh, lang), st["cell"]), para(cell_text(v), st["body"])]
                for en, zh, v in report.cover_lines]  # fmt: skip
        table = Table(rows, colWidths=[0.22 * _WIDTH, 0.5 * _WIDTH], hAlign="LEFT")
        table.setStyle(grid_style(label_column=True))
        story += [Spacer(1, 3 * mm), table]
    if report.signatures:
        story += [Spacer(1, 3 * mm), _signature_table(report, st)]
    story.append(Spacer(1, 5 * mm))
    return story


def _signature_table(report: TableReport, st: dict[str, Any]) -> Table:
    lang = report.language
    cells = []
    for block in report.signatures:
        name = block.name or "\u00a0" * 20
        on = format_date(block.on) if block.on else "\u00a0" * 12
        role, day = pick(block.role_en, block.role_zh, lang), pick("Date", "日期", lang)
        text = f"{role}: {name}\n{day}: {on}"
        cells.append(para(text, st["body"]))
    width = _WIDTH / max(len(cells), 1)
    table = Table([cells], colWidths=[width] * len(cells), rowHeights=[16 * mm])
    table.setStyle(grid_style())
    return table


def _texts(report: TableReport, ticker: _Ticker) -> list[list[str]]:
    """Every cell's text, polling cancel now and then (a register of many items takes a while)."""
    texts = []
    for number, values in enumerate(report.rows, start=1):
        texts.append([keep_units(cell_text(v)) for v in values])
        if number % _POLL_EVERY == 0:
            ticker.check()
    return texts


def _tables(report: TableReport, ticker: _Ticker) -> list[Any]:
    lang = report.language
    st = styles(lang, max(report.font_size, MIN_FONT_SIZE + 0.5))  # cells print 0.5 pt smaller
    columns = list(report.columns)
    headers = [pick(c.header_en, c.header_zh, lang) for c in columns]
    texts = _texts(report, ticker)
    minimum = min_widths(headers, texts, st["cell"].fontSize)
    parts = column_parts(minimum, _WIDTH, report.key_columns)
    ticker.total = len(texts) * len(parts)
    ticker.check()
    story: list[Any] = []
    for number, indexes in enumerate(parts, start=1):
        if len(parts) > 1:
            if number > 1:
                story.append(PageBreak())
            en = f"Table, part {number} of {len(parts)}"
            zh = f"表格 第 {number} 部分 共 {len(parts)} 部分"
            story.append(para(pick(en, zh, lang), st["h2"]))
        widths = part_widths([minimum[i] for i in indexes],
                             [columns[i].weight for i in indexes], _WIDTH)  # fmt: skip
        part = [(columns[i], headers[i], w) for i, w in zip(indexes, widths, strict=True)]
        story.append(_table(part, [[r[i] for i in indexes] for r in texts], st))
    return story


def _table(
    part: list[tuple[ReportColumn, str, float]], texts: list[list[str]], st: dict[str, Any]
) -> Table:
    """The table of one part.  A cell of Latin text is drawn as plain string lines in the cell
    font and size, broken at spaces here (each distinct word measured once); only Chinese text
    and a piece wider than its column go through a wrapping paragraph: a paragraph per cell is
    laid out two or three times by ReportLab and made a register of thousands of items slow."""
    head = _aligned(st["head"], "LEFT")
    rows: list[list[Any]] = [[para(header, head) for _, header, _ in part]]
    aligned = [_aligned(st["cell"], c.align) for c, _, _ in part]
    font, size = st["cell"].fontName, st["cell"].fontSize
    width = WidthCache(font, size)
    room = [w - PADDING for _, _, w in part]
    for line in texts:
        cells = zip(line, aligned, room, strict=True)
        rows.append([_cell(t, s, r, width) for t, s, r in cells])
    table = _DataTable(rows, colWidths=[w for _, _, w in part], repeatRows=1)
    style = grid_style(header=True)
    style.add("FONT", (0, 1), (-1, -1), font, size, st["cell"].leading)
    for col, (column, _, _) in enumerate(part):
        style.add("ALIGN", (col, 1), (col, -1), column.align.upper())
    table.setStyle(style)
    return table


def _cell(text: str, style: ParagraphStyle, room: float, width: WidthCache) -> Any:
    if "\n" not in text and width(text) <= room:  # one line, Chinese or not
        return text
    lines = plain_lines(text, room, width)
    return para(text, style) if lines is None else lines


def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    """A cell style: lines break at spaces, and only a piece wider than the column (a long
    Chinese run) is split between characters; Chinese wrapping would fill each line to the last
    character and split "2026-12-06" or "recalibrate" in two."""
    alignment = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}[align.upper()]
    return ParagraphStyle(f"cell_{align}", style, alignment=alignment, wordWrap=None,
                          splitLongWords=1)  # fmt: skip
