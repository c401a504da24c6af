"""Export a standard's reverse trace to Excel: every approved event it served since a date, to any
depth (the auditor's list behind a failed-standard investigation).

The trace is taken in the same worker job as the file is written, from the criteria the page shows
(standard, since, maximum depth), so the rows and the cover's filter always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from labapp.io.excel import ExportResult, Language, SheetSpec, pick, quantity_label, write_workbook
from labapp.io.traceability import REVERSE_TRACE_COLUMNS
from labapp.services.common import cover_for
from labapp.services.database import Database
from labapp.services.register import get_instrument
from labapp.services.traceability import TraceRow, reverse_trace

__all__ = ["export_reverse_trace"]


def export_reverse_trace(
    db: Database,
    path: str | Path,
    standard_id: int,
    *,
    since: date,
    max_depth: int = 10,
    language: Language = "en",
    exported_by: str = "",
) -> ExportResult:
    """Write the reverse trace of ``standard_id`` since ``since`` to ``path``.

    Parameters
    ----------
    db : Database
        The open database.
    path : str or Path
        The target ``.xlsx``; written only when complete.
    standard_id : int
        The measurement standard traced.
    since : date
        The first date of the events reached at depth 1 (e.g. its last good calibration).
    max_depth : int
        How many levels down the trace follows (1: the events that used the standard itself).
    language : {"en", "zh_CN", "bilingual"}
        Headers, the cover, quantities and results.
    exported_by : str
        Who exports (on the cover sheet).

    Returns
    -------
    ExportResult
        The path and the rows (events) written.

    Raises
    ------
    NotFoundError
        No instrument ``standard_id``.
    ValidationError
        ``max_depth`` below 1.
    """
    tag = get_instrument(db, standard_id).data.asset_tag
    trace = reverse_trace(db, standard_id, since=since, max_depth=max_depth)
    described = f"{tag} ≥ {since.isoformat()}"
    title = pick(f"Reverse trace {tag}", f"反向追溯 {tag}", language)
    sheet = SheetSpec(tag, REVERSE_TRACE_COLUMNS, _cells(trace.rows, language), described)
    cover = cover_for(db, title, exported_by, described)
    return write_workbook(path, cover, [sheet], language=language)


def _cells(rows: Iterable[TraceRow], language: Language) -> Iterator[tuple[object, ...]]:
    """A row's values in :data:`REVERSE_TRACE_COLUMNS` order."""
    for r in rows:
        yield (
            r.depth, r.performed_on, r.asset_tag, r.name, quantity_label(r.quantity, language),
            r.via_asset_tag, r.result, r.event_id,
        )  # fmt: skip
