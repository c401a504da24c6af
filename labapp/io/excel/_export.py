"""Excel export an auditor can use unaided (ISO/IEC 17025, CNAS): cover sheet, then data sheets.

Written with xlsxwriter in ``constant_memory`` mode, so rows stream from an iterator and memory
stays flat.  Each data sheet gets a named header style, a frozen header row, an autofilter, column
widths from content, real dates (``yyyy-mm-dd``), numbers with their reported digits as the number
format (:func:`decimal_number_format`), units in the header or in a unit column, an overdue
highlight as a conditional format on ``TODAY()`` (so it stays true when the file is opened later),
and print setup (A4, readable: see :mod:`labapp.io.excel._print`; header row repeated, page
numbers).

Widths: ``constant_memory`` writes row by row and column widths must be set before the first row,
so the first :data:`WIDTH_SAMPLE_ROWS` rows are buffered, the widths computed from the headers and
those rows (a CJK character counts 2, capped at :data:`MAX_WIDTH`), then the rest is streamed.

The file is written under a temporary name next to the target and moved over it with
``os.replace`` only when complete: a cancelled or failed export leaves no partial file, and an
existing file of the same name is untouched.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from labapp.io.excel._cells import decimal_number_format, sheet_title, xlsx_workbook
from labapp.io.excel._columns import Language, SheetSpec, pick
from labapp.io.excel._print import apply_print_setup
from labapp.io.excel._sheet import SheetWriter, excel_formats

__all__ = [
    "CoverInfo",
    "ExportCancelled",
    "ExportResult",
    "decimal_number_format",
    "write_workbook",
]

PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class CoverInfo:
    """What the cover sheet says about the export.

    ``exported_at`` defaults to now; a naive datetime is taken as local time.
    """

    title: str
    laboratory: str = ""
    exported_by: str = ""
    database: str = ""
    filter_text: str = ""
    exported_at: datetime | None = None
    #: further (label, value) lines, already in the export's language (a plan's status, approver)
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """Where the file went, rows written per sheet name (as in the file), whether cancelled."""

    path: Path
    rows_per_sheet: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    elapsed_s: float = 0.0


class ExportCancelled(Exception):
    """Raised inside the writer when ``cancel()`` returns True; never escapes write_workbook."""


class _Ticker:
    """Counts rows over all sheets; reports progress and polls cancel every PROGRESS_EVERY rows."""

    def __init__(self, progress: Callable[[int], None] | None, cancel: Callable[[], bool] | None):
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled
        if self._progress is not None:
            self._progress(self.done)


def write_workbook(
    path: str | os.PathLike[str],
    cover: CoverInfo,
    sheets: Sequence[SheetSpec],
    *,
    language: Language = "en",
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write a cover sheet and one data sheet per :class:`SheetSpec`, streaming the rows.

    Parameters
    ----------
    path : path-like
        The target ``.xlsx``; replaced only when the export completes.
    cover : CoverInfo
        Title, laboratory, who exported, database, filter.
    sheets : sequence of SheetSpec
        Data sheets in order; each ``rows`` is consumed once, as an iterator.
    language : {"en", "zh_CN", "bilingual"}
        Language of the cover, the headers and enum labels ("资产编号 / Asset tag" when bilingual).
    progress : callable, optional
        Called with the number of rows written so far, every ~1000 rows and at the end.
    cancel : callable, optional
        Polled every ~1000 rows; returning True stops the export and removes the partial file.

    Returns
    -------
    ExportResult
        ``cancelled=True`` (and no file written) when cancelled.

    Raises
    ------
    Exception
        Whatever a row iterator or the disk raises; the partial file is removed first.
    """
    start = time.perf_counter()
    target = Path(path)
    partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.xlsx.part")
    ticker = _Ticker(progress, cancel)
    with tempfile.TemporaryDirectory(prefix="labapp-xlsx-", ignore_cleanup_errors=True) as tmp:
        workbook = xlsx_workbook(
            partial, {"constant_memory": True, "tmpdir": tmp, "remove_timezone": True}
        )
        try:
            counts = _write_all(workbook, cover, sheets, language, ticker)
            workbook.close()
            os.replace(partial, target)
        except ExportCancelled:
            _abandon(workbook, partial)
            return ExportResult(target, {}, True, time.perf_counter() - start)
        except BaseException:
            _abandon(workbook, partial)
            raise
    if progress is not None:
        progress(ticker.done)
    return ExportResult(target, counts, False, time.perf_counter() - start)


def _abandon(workbook: Any, partial: Path) -> None:
    """Drop a half-written workbook without assembling it (closing would zip every row first).

    xlsxwriter keeps one open row-data file per sheet in ``constant_memory`` mode; they live in our
    temporary directory, but Windows cannot delete an open file, so close them here.
    """
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()
    partial.unlink(missing_ok=True)


def _write_all(
    workbook: Any,
    cover: CoverInfo,
    sheets: Sequence[SheetSpec],
    language: Language,
    ticker: _Ticker,
) -> dict[str, int]:
    formats = excel_formats(workbook)
    taken: set[str] = set()
    cover_name = "封面 Cover" if language == "bilingual" else pick("Cover", "封面", language)
    cover_sheet = workbook.add_worksheet(sheet_title(cover_name, taken))
    counts: dict[str, int] = {}
    for spec in sheets:
        ticker.check()
        name = sheet_title(spec.title, taken)
        writer = SheetWriter(workbook.add_worksheet(name), formats, spec, language)
        counts[name] = writer.write(ticker)
    # The cover is the first sheet but written last, once the row counts are known: in
    # constant_memory mode each sheet streams to its own file, so the order of writing is free.
    _write_cover(cover_sheet, formats, cover, sheets, counts, language)
    cover_sheet.activate()
    return counts


def _local_and_utc(moment: datetime | None) -> tuple[str, str]:
    aware = (moment or datetime.now(UTC)).astimezone()
    local = aware.strftime("%Y-%m-%d %H:%M:%S (UTC%z)")
    local = local[:-3] + ":" + local[-3:] if local.endswith(")") else local
    utc = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return utc, local


def _write_cover(
    sheet: Any,
    formats: dict[str, Any],
    cover: CoverInfo,
    sheets: Sequence[SheetSpec],
    counts: dict[str, int],
    language: Language,
) -> None:
    utc, local = _local_and_utc(cover.exported_at)
    facts = [
        (
            pick("Laboratory", "实验室", language),
            cover.laboratory or pick("(not recorded)", "（未登记）", language),
        ),
        (pick("Exported by", "导出人", language), cover.exported_by),
        (pick("Export time (UTC)", "导出时间 (UTC)", language), utc),
        (pick("Export time (local)", "导出时间 (本地)", language), local),
        (pick("Database", "数据库", language), cover.database),
        (pick("Filter", "筛选条件", language), cover.filter_text or pick("none", "无", language)),
        *cover.facts,
    ]
    for col, width in enumerate(_COVER_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, cover.title, formats["title"])
    for row, (label, value) in enumerate(facts, start=2):
        sheet.write_string(row, 0, label, formats["label"])
        sheet.write_string(row, 1, value, formats["wrap"])
    row = len(facts) + 3
    heads = [pick(*pair, language) for pair in _COVER_TABLE]
    for col, text in enumerate(heads):
        sheet.write_string(row, col, text, formats["header"])
    listed = zip(sheets, counts.items(), strict=True)
    for offset, (spec, (name, count)) in enumerate(listed, start=1):
        sheet.write_string(row + offset, 0, name)
        sheet.write_number(row + offset, 1, count, formats["integer"])
        sheet.write_string(row + offset, 2, spec.filter_text, formats["wrap"])
    apply_print_setup(sheet, _COVER_WIDTHS, cover.title, language, header_rows=0)


_COVER_WIDTHS = (30.0, 60.0, 40.0)
_COVER_TABLE = (("Sheet", "工作表"), ("Rows", "行数"), ("Filter", "筛选条件"))
